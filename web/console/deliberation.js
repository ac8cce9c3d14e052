// 议事: the topics of the caller's part of the grid (#/deliberation, GET /api/topics), a topic's page
// (#/deliberation/ID) with its tally as a bar chart, the discussion, the decision (拟办意见) and the 实事清单 with
// deadlines and overdue marks, and the 发起议题 form (#/deliberation/new). Staff over a topic's scope act on it here
// as in the chat: accept a proposal, close it early, record the decision, add an item, mark one done; the bot posts
// each step in the scope's groups. The server decides who may; the page only hides forms from those it would refuse.
import { ApiError, getJson, postJson } from './api.js';
import { Charts, emptyChart } from './charts.js';
import { chinaTime, counter, h, status, tabDraft, todayChina } from './ui.js';

const STATUS_FILTER = [['', '全部'], ['OPEN', '投票中'], ['CLOSED', '已截止'], ['DECIDED', '已拟办'], ['DONE', '已公示'], ['PROPOSED', '提议中']];
const OPTION_COLORS = { 同意: '#1a7f4b', 反对: '#c62828', 弃权: '#9aa5b1' };
const PALETTE = ['#c8102e', '#1f5fbf', '#b86e00', '#6a1b9a', '#00838f', '#5d4037', '#2e7d32', '#ad1457', '#455a64'];
const LEVEL_ZH = { UNIT: '楼栋', GRID: '网格', COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' };

// the API's limits (deliberation.routes.ts): the boxes stop there and count up to them
const TITLE_MAX = 200;
const DECISION_MAX = 1000;
const TASK_TEXT_MAX = 200;
const TASK_OWNER_MAX = 60;
// the 发起议题 form being filled in, kept for this tab until the topic is published (退出 forgets it)
const topicDraft = tabDraft('linli.topic-draft');

// whom the server lets open a topic: its route declaration, as GET /api/auth/me lists the caller's routes
const canOpen = (me) => !!me?.routes?.includes('POST /api/topics');
const pct = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);
const unit = (t) => (t.counting === 'HOUSEHOLD' ? '户' : '人');
const failure = (e, what) =>
  e instanceof ApiError && e.status === 403 ? `无权查看：该${what}不在您负责的网格范围内。` : e instanceof ApiError && e.status === 404 ? `未找到该${what}。` : `读取失败：${e.message}`;
// a 409 is a state the page did not know of, except a topic already open with that title: the server names it
const refusal = (e) =>
  e instanceof ApiError && e.status === 403 ? '无权办理：需由负责该范围的工作人员办理。'
    : e instanceof ApiError && e.status === 409 && e.code !== 'TOPIC_EXISTS' ? '当前状态下不能办理此操作，请刷新后再试。' : e.message;

/** What stands next for a topic, in a few words: when it closes, or what was decided and when. */
function when(t) {
  if (t.status === 'OPEN') return `${chinaTime(t.closesAt)} 截止`;
  if (t.status === 'CLOSED') return `${chinaTime(t.closedAt)} 已截止，待拟办`;
  if (t.status === 'DECIDED') return `${chinaTime(t.decidedAt)} 拟办`;
  if (t.status === 'DONE') return `${chinaTime(t.doneAt)} 公示`;
  return `${chinaTime(t.createdAt)} 提议`;
}

function turnoutText(t) {
  if (t.status === 'PROPOSED') return `附议 ${t.seconds ?? 0}`;
  const r = t.turnout;
  if (!r) return '—';
  const result = r.frozen ? (r.passed ? ' · 通过' : ' · 未通过') : '';
  return `${r.counted}${unit(t)}投票 · 参与率 ${pct(r.turnout)}${result}`;
}

/** Closed before the window it was opened with had run (staff closed it early). */
const early = (t) => t.closedAt && t.openedAt && new Date(t.closesAt) - new Date(t.openedAt) < t.windowHours * 3_600_000 - 60_000;

const badge = (t) => h('span', { class: `badge t-${t.status}` }, t.statusZh);

// ---- the list --------------------------------------------------------------------------------------------------

function row(t) {
  const tasks = t.tasks.total ? `完成 ${t.tasks.done}/${t.tasks.total}` : '—';
  return h('tr', { class: t.tasks.overdue ? 'overdue' : '', dataset: { id: String(t.id) }, onclick: () => (location.hash = `#/deliberation/${t.id}`) },
    h('td', { 'data-label': '议题' }, h('a', { href: `#/deliberation/${t.id}` }, `#${t.id} ${t.title}`)),
    h('td', { 'data-label': '状态' }, badge(t)),
    h('td', { 'data-label': '范围' }, t.scope?.name ?? '—'),
    h('td', { 'data-label': '投票', class: 'turnout' }, turnoutText(t)),
    h('td', { 'data-label': '时间' }, when(t)),
    h('td', { 'data-label': '实事' }, tasks, t.tasks.overdue ? h('span', { class: 'badge overdue' }, `逾期 ${t.tasks.overdue}`) : null));
}

function renderList(main, me) {
  const filter = new URLSearchParams(location.hash.split('?')[1] ?? '').get('status') ?? '';
  const box = h('div', { class: 'list' }, h('p', { class: 'muted' }, '加载中…'));
  const scope = h('span', { class: 'scope', id: 'topics-scope' });
  const pick = h('select', { id: 'topics-status', 'aria-label': '状态', onchange: (e) => (location.hash = `#/deliberation${e.target.value ? `?status=${e.target.value}` : ''}`) },
    STATUS_FILTER.map(([v, l]) => h('option', { value: v, selected: v === filter }, l)));
  main.replaceChildren(h('section', { class: 'deliberation' },
    h('div', { class: 'page-head' }, h('h1', {}, '议事'), scope,
      h('div', { class: 'picker' }, pick, canOpen(me) ? h('a', { class: 'button primary', href: '#/deliberation/new', id: 'new-topic' }, '发起议题') : null)),
    box));
  getJson(`/api/topics${filter ? `?status=${filter}` : ''}`).then((d) => {
    scope.textContent = d.scope.map((s) => s.name).join('、');
    box.replaceChildren(d.items.length
      ? h('table', { class: 'tickets', id: 'topic-list' },
        h('thead', {}, h('tr', {}, ['议题', '状态', '范围', '投票', '时间', '实事'].map((x) => h('th', {}, x)))),
        h('tbody', {}, d.items.map(row)))
      : h('p', { class: 'empty-state', id: 'topic-list' }, filter ? '没有该状态的议题' : '暂无议题，可在群内发送“议题 标题”或点击“发起议题”。'));
    main.dataset.loaded = String(Date.now());
  }, (e) => {
    if (e instanceof ApiError && e.status === 401) return;
    // building heads reach tickets but not topics: they vote on them as residents
    const text = e instanceof ApiError && e.status === 403 ? '议事页面供网格员及以上工作人员使用。' : failure(e, '范围');
    box.replaceChildren(h('p', { class: 'error', id: 'topics-error' }, text));
  });
}

// ---- 发起议题 ---------------------------------------------------------------------------------------------------

/** The fields of the 发起议题 form, by name, as typed (the scope's code, the radio chosen). */
const DRAFT_FIELDS = ['node', 'title', 'options', 'windowHours', 'counting', 'rule', 'quorumPct'];

function renderNew(main) {
  // from a 每月一题 topic (交居民议事): its grid and title replace a draft, and the address drops them so that a reload
  // keeps what has been typed since
  const asked = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const fromProblem = asked.has('node') || asked.has('title');
  const kept = fromProblem ? { node: asked.get('node') ?? '', title: asked.get('title') ?? '' } : topicDraft.get() ?? {};
  if (fromProblem) {
    topicDraft.set(kept);
    history.replaceState(history.state, '', '#/deliberation/new');
  }
  const node = h('select', { name: 'node', required: true, id: 'topic-node' }, h('option', { value: '' }, '加载中…'));
  const quorum = h('label', { class: 'field', hidden: true }, h('span', {}, '参与率门槛（%）'), h('input', { name: 'quorumPct', type: 'number', min: '1', max: '100', value: '50' }));
  const showQuorum = () => quorum.toggleAttribute('hidden', rule.value !== 'QUORUM');
  const rule = h('select', { name: 'rule', onchange: showQuorum },
    h('option', { value: 'MAJORITY' }, '过半数通过'), h('option', { value: 'QUORUM' }, '参与率达标且过半数通过'));
  const title = h('input', { name: 'title', required: true, placeholder: '如：是否在3号楼旁建电动车充电棚' });
  const keep = () => {
    const d = new FormData(form);
    const v = Object.fromEntries(DRAFT_FIELDS.map((k) => [k, String(d.get(k) ?? '')]));
    // the scope's list is still loading: the one kept stands
    if (!node.value && kept.node) v.node = kept.node;
    topicDraft.set(v);
  };
  const form = h('form', { class: 'card action-fields new-topic', id: 'topic-form', oninput: keep, onchange: keep, onsubmit: async (e) => {
    e.preventDefault();
    const d = new FormData(form);
    const options = String(d.get('options')).split(/[\n/／]/).map((s) => s.trim()).filter(Boolean);
    const body = {
      node: d.get('node'), title: String(d.get('title')).trim(), windowHours: Number(d.get('windowHours')),
      counting: d.get('counting'), rule: d.get('rule'), ...(options.length ? { options } : {}),
      ...(d.get('rule') === 'QUORUM' ? { quorumPct: Number(d.get('quorumPct')) } : {}),
    };
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      const r = await postJson('/api/topics', body);
      topicDraft.set(null);
      status(`议题#${r.topic.id}已发布到 ${r.posted} 个群`, 'ok');
      location.hash = `#/deliberation/${r.topic.id}`;
    } catch (err) {
      btn.disabled = false;
      status(`发布失败：${err instanceof ApiError && err.code === 'GROUP_NOT_MAPPED' ? '该范围内没有已登记的群' : refusal(err)}`, 'error');
    }
  } },
  h('label', { class: 'field' }, h('span', {}, '议事范围（其下所有群）'), node),
  h('label', { class: 'field' }, h('span', {}, '议题'), title, counter(title, TITLE_MAX, 'topic-title-count')),
  h('label', { class: 'field' }, h('span', {}, '选项（每行一个；留空为 同意/反对/弃权）'), h('textarea', { name: 'options', rows: '3', placeholder: '同意\n反对\n弃权' })),
  h('label', { class: 'field' }, h('span', {}, '投票时长（小时，最长 720）'), h('input', { name: 'windowHours', type: 'number', min: '1', max: '720', value: '72', required: true })),
  h('fieldset', { class: 'choice' }, h('legend', {}, '计票方式'),
    h('label', { class: 'check' }, h('input', { type: 'radio', name: 'counting', value: 'PERSON', checked: true }), '一人一票'),
    h('label', { class: 'check' }, h('input', { type: 'radio', name: 'counting', value: 'HOUSEHOLD' }), '一户一票（按登记的户号）')),
  h('label', { class: 'field' }, h('span', {}, '通过规则'), rule),
  quorum,
  h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit' }, '发布到群'), h('a', { href: '#/deliberation' }, '取消')),
  h('p', { class: 'muted small' }, '议题将以邻里助手的名义发布在所选范围内的每个群，居民回复该消息即可投票，截止前可改票。'));
  main.replaceChildren(h('section', { class: 'deliberation' },
    h('a', { class: 'back', href: '#/deliberation' }, '← 议事'),
    h('div', { class: 'page-head' }, h('h1', {}, '发起议题')), form));
  // a topic half written before a reload or a trip to another page: its fields back (the scope once the list is in)
  for (const k of DRAFT_FIELDS) {
    if (k === 'node' || !kept[k]) continue;
    if (k === 'counting') for (const r of form.elements.namedItem('counting')) r.checked = r.value === kept.counting;
    else form.elements.namedItem(k).value = k === 'title' ? kept.title.slice(0, TITLE_MAX) : kept[k];
  }
  showQuorum();
  title.dispatchEvent(new Event('input'));
  getJson('/api/grid/nodes').then((d) => {
    const top = d.nodes[0]?.depth ?? 1;
    const usable = d.nodes.filter((n) => n.groups > 0);
    node.replaceChildren(h('option', { value: '' }, usable.length ? '请选择' : '您的范围内没有群'),
      ...usable.map((n) => h('option', { value: n.code }, `${'　'.repeat(Math.max(0, n.depth - top))}${n.name}（${LEVEL_ZH[n.level] ?? n.level}·${n.groups}个群）`)));
    if (kept.node && usable.some((n) => n.code === kept.node)) node.value = kept.node;
    main.dataset.loaded = String(Date.now());
  }, (e) => status(`读取网格失败：${e.message}`, 'error'));
}

// ---- one topic -------------------------------------------------------------------------------------------------

function tallyOption(t, tally) {
  if (!tally || !tally.counted) return emptyChart('暂无有效投票', 13);
  const rows = t.options.map((o, i) => ({ name: o, value: tally.counts[i] ?? 0, color: OPTION_COLORS[o] ?? PALETTE[i % PALETTE.length] })).reverse();
  return {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate', fontSize: 13 } },
    series: [{ type: 'bar', barMaxWidth: 26, data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.color } })),
      label: { show: true, position: 'right', formatter: (p) => `${p.value}（${Math.round((p.value / tally.counted) * 100)}%）` } }],
  };
}

function tallyCard(d, chartBox) {
  const t = d.topic;
  const r = d.tally;
  if (!r) return h('section', { class: 'card', id: 'topic-tally' }, h('h2', {}, '附议'), h('p', {}, `${d.seconds.count} / ${d.seconds.needed} 位居民附议`));
  const result = r.frozen
    ? h('strong', { class: r.passed ? 'ok' : 'error', id: 'topic-result' }, !r.quorumMet ? '参与率未达要求，未通过' : r.passed ? `“${t.options[r.leading]}”过半数，通过` : '未通过')
    : h('span', { class: 'muted', id: 'topic-result' }, '投票进行中（实时统计）');
  const ig = r.ignored;
  const notCounted = [[ig.outside, '范围外'], [ig.staff, '工作人员'], [ig.elsewhere ?? 0, '住处不在范围内'], [ig.late, '逾期'], [ig.noHousehold, '未登记户号'], [ig.badChoice, '无效选项']].filter(([n]) => n > 0);
  return h('section', { class: 'card', id: 'topic-tally' },
    h('h2', {}, r.frozen ? '计票结果' : '实时计票'),
    h('div', { class: 'figures three' },
      h('div', { class: 'figure' }, h('div', { class: 'value', id: 'tally-counted' }, String(r.counted)), h('div', { class: 'label' }, `已投票（${unit(t)}）`)),
      h('div', { class: 'figure' }, h('div', { class: 'value' }, r.electorate ? String(r.electorate) : '—'), h('div', { class: 'label' }, `应投票（${unit(t)}）`)),
      h('div', { class: 'figure' }, h('div', { class: 'value', id: 'tally-turnout' }, pct(r.turnout)), h('div', { class: 'label' }, '参与率'))),
    chartBox,
    h('p', { class: 'tally-counts', id: 'tally-counts' }, t.options.map((o, i) => `${o} ${r.counts[i] ?? 0}`).join(' · ')),
    h('p', {}, result, h('span', { class: 'muted small' }, ` 规则：${t.ruleZh}`)),
    notCounted.length ? h('p', { class: 'muted small' }, `未计入：${notCounted.map(([n, l]) => `${l} ${n}`).join('，')}`) : null);
}

function discussionCard(d) {
  const items = d.discussion.items;
  return h('section', { class: 'card' }, h('h2', {}, `居民讨论（${d.discussion.total}）`),
    items.length
      ? h('ol', { class: 'chat', id: 'topic-discussion' }, items.map((c) =>
        h('li', { class: 'person' }, h('div', { class: 'meta' }, `${c.person} · ${c.group ?? ''} · ${chinaTime(c.at)}`), h('div', { class: 'bubble' }, c.text))))
      : h('p', { class: 'muted', id: 'topic-discussion' }, '暂无讨论。居民回复议题消息（非投票内容）会记录在这里。'),
    d.discussion.total > items.length ? h('p', { class: 'muted small' }, `仅显示前 ${items.length} 条`) : null);
}

/** A POST from a button or form of the topic page; the answer is the topic again, drawn afresh. */
async function act(btn, path, body, done, draw) {
  btn.disabled = true;
  try {
    const d = await postJson(path, body);
    status(done, 'ok');
    draw(d);
  } catch (e) {
    btn.disabled = false;
    status(`未能办理：${refusal(e)}`, 'error');
  }
}

function tasksCard(d, draw) {
  const t = d.topic;
  const write = d.canAct && t.status === 'DECIDED';
  const doneButton = (k) => h('button', { type: 'button', class: 'small-btn', dataset: { task: String(k.id) }, onclick: (e) =>
    act(e.currentTarget, `/api/topics/${t.id}/tasks/${k.id}/done`, {}, `实事#${k.id}已办结，进展已在群内发布`, draw) }, '标记完成');
  const table = d.tasks.length
    ? h('table', { class: 'tickets rows', id: 'task-list' },
      h('thead', {}, h('tr', {}, ['实事', '责任人', '完成时限', '状态', ''].map((x) => h('th', {}, x)))),
      h('tbody', {}, d.tasks.map((k) => h('tr', { class: k.overdue ? 'overdue' : '', dataset: { task: String(k.id) } },
        h('td', { 'data-label': '实事' }, `#${k.id} ${k.text}`),
        h('td', { 'data-label': '责任人' }, k.owner, k.ownerIsPerson ? null : h('span', { class: 'muted small' }, '（部门）')),
        h('td', { 'data-label': '时限' }, k.dueAt ? chinaTime(k.dueAt, true) : '—'),
        h('td', { 'data-label': '状态' }, k.doneAt ? h('span', { class: 'badge t-DONE' }, `已完成 ${chinaTime(k.doneAt)}`) : k.overdue ? h('span', { class: 'badge overdue' }, '已逾期') : h('span', { class: 'badge' }, '办理中')),
        h('td', { 'data-label': '' }, write && !k.doneAt ? doneButton(k) : null)))))
    : h('p', { class: 'muted', id: 'task-list' }, t.status === 'DECIDED' || t.status === 'DONE' ? '尚无实事。' : '拟办意见公布后，可将需要办理的事项列入实事清单。');
  const taskText = h('input', { name: 'text', required: true, placeholder: '如：清理3号楼消防通道' });
  // a name not among the scope's staff is kept as a department: said as it is typed, so a misspelt name shows
  const ownerKind = h('span', { class: 'muted small', id: 'task-owner-kind', 'aria-live': 'polite' });
  const owner = h('input', { name: 'owner', required: true, list: 'owner-options', placeholder: '工作人员姓名，或部门名称', oninput: (e) => {
    const v = e.currentTarget.value.trim();
    ownerKind.textContent = !v ? '' : d.owners.includes(v) ? '本范围的工作人员，将私信告知' : '不是本范围的工作人员，将作为部门记录';
  } });
  const form = write
    ? h('form', { class: 'action-fields task-form', id: 'task-form', onsubmit: (e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const body = { text: String(f.get('text')).trim(), owner: String(f.get('owner')).trim(), ...(f.get('due') ? { due: f.get('due') } : {}) };
      act(e.currentTarget.querySelector('button'), `/api/topics/${t.id}/tasks`, body, '已列入实事清单', draw);
    } },
    h('h3', {}, '添加实事'),
    h('label', { class: 'field' }, h('span', {}, '事项'), taskText, counter(taskText, TASK_TEXT_MAX, 'task-text-count')),
    h('label', { class: 'field' }, h('span', {}, '责任人或部门'), owner, counter(owner, TASK_OWNER_MAX, 'task-owner-count'), ownerKind),
    h('datalist', { id: 'owner-options' }, d.owners.map((n) => h('option', { value: n }))),
    h('label', { class: 'field' }, h('span', {}, '完成时限'), h('input', { name: 'due', type: 'date', min: todayChina() })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, '添加')))
    : null;
  const done = d.tasks.filter((k) => k.doneAt).length;
  return h('section', { class: 'card' }, h('h2', {}, `实事清单（${done}/${d.tasks.length}）`), table, form);
}

function decisionCard(d, draw) {
  const t = d.topic;
  if (t.decision) {
    return h('section', { class: 'card', id: 'topic-decision' }, h('h2', {}, '拟办意见'),
      h('p', { class: 'decision' }, t.decision), h('p', { class: 'muted small' }, `${t.decidedBy ?? ''} · ${chinaTime(t.decidedAt, true)} 已在群内公告`));
  }
  if (t.status === 'PROPOSED' && d.canAct) {
    return h('section', { class: 'card', id: 'topic-decision' }, h('h2', {}, '办理'),
      h('p', { class: 'muted small' }, `居民提议，${d.seconds.needed} 位居民附议即成为议题；也可由工作人员受理。`),
      h('button', { type: 'button', id: 'accept-topic', onclick: (e) => act(e.currentTarget, `/api/topics/${t.id}/accept`, {}, '已受理，议题已发布到群', draw) }, '受理提议并发布'));
  }
  if (t.status === 'OPEN' && d.canAct) {
    return h('section', { class: 'card', id: 'topic-decision' }, h('h2', {}, '办理'),
      h('p', { class: 'muted small' }, `投票将于 ${chinaTime(t.closesAt, true)} 自动截止并在群内公布结果。`),
      h('button', { type: 'button', id: 'close-topic', onclick: (e) => {
        if (confirm(`确定提前截止议题#${t.id}的投票？截止后将在群内公布计票结果。`)) act(e.currentTarget, `/api/topics/${t.id}/close`, {}, '已截止，计票结果已在群内公布', draw);
      } }, '提前截止投票'));
  }
  if (t.status === 'CLOSED' && d.canAct) {
    const decision = h('textarea', { name: 'text', rows: '4', required: true });
    return h('section', { class: 'card', id: 'topic-decision' }, h('h2', {}, '拟办意见'),
      h('form', { class: 'action-fields', id: 'decision-form', onsubmit: (e) => {
        e.preventDefault();
        act(e.currentTarget.querySelector('button'), `/api/topics/${t.id}/decision`, { text: String(new FormData(e.currentTarget).get('text')).trim() }, '拟办意见已在群内公告', draw);
      } },
      h('label', { class: 'field' }, h('span', {}, '根据计票结果和居民意见，拟办理如下'), decision, counter(decision, DECISION_MAX, 'decision-count')),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, '公告拟办意见'))));
  }
  return null;
}

function ratingsCard(d) {
  const r = d.ratings;
  if (!r) return null;
  return h('section', { class: 'card', id: 'topic-ratings' }, h('h2', {}, '回访评价'),
    h('div', { class: 'figures three' },
      h('div', { class: 'figure good' }, h('div', { class: 'value' }, String(r.counts.SATISFIED)), h('div', { class: 'label' }, '满意')),
      h('div', { class: 'figure' }, h('div', { class: 'value' }, String(r.counts.BASIC)), h('div', { class: 'label' }, '基本满意')),
      h('div', { class: 'figure alert' }, h('div', { class: 'value' }, String(r.counts.UNSATISFIED)), h('div', { class: 'label' }, '不满意'))),
    h('p', { class: 'muted small' }, `${r.voters} 位投票居民中 ${r.rated} 位已评价（公示 7 天后在群内回访）`));
}

function factsCard(d) {
  const t = d.topic;
  const facts = [
    ['范围', `${d.scope.name}（${LEVEL_ZH[d.scope.level] ?? ''}）`],
    ['群', d.scope.groups.length ? d.scope.groups.map((g) => g.title).join('、') : '—'],
    ['选项', t.options.map((o, i) => `${i + 1}.${o}`).join(' ')],
    ['规则', t.ruleZh],
    ['投票时间', t.openedAt ? `${chinaTime(t.openedAt)} — ${chinaTime(t.closesAt)}${early(t) ? '（提前截止）' : ''}` : '—'],
    ['发起', t.createdBy ?? t.proposer ?? '—'],
  ];
  return h('section', { class: 'card' }, h('dl', { class: 'facts', id: 'topic-facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

function renderTopic(main, id) {
  const charts = new Charts(false);
  const draw = (d) => {
    const t = d.topic;
    const chartBox = h('div', { class: 'chart tally-chart', id: 'chart-tally' });
    charts.dispose();
    main.replaceChildren(h('article', { class: 'deliberation topic', dataset: { id: String(t.id), status: t.status } },
      h('a', { class: 'back', href: '#/deliberation' }, '← 议事'),
      h('div', { class: 'page-head' }, h('h1', { id: 'topic-title' }, `议题#${t.id} ${t.title}`), badge(t), h('span', { class: 'scope' }, when(t))),
      h('div', { class: 'detail-grid' },
        h('div', {}, tallyCard(d, chartBox), decisionCard(d, draw), tasksCard(d, draw), discussionCard(d)),
        h('aside', {}, factsCard(d), ratingsCard(d)))));
    if (d.tally) charts.draw(chartBox, tallyOption(t, d.tally));
    main.dataset.loaded = String(Date.now());
  };
  main.replaceChildren(h('p', { class: 'muted' }, '加载中…'));
  getJson(`/api/topics/${id}`).then(draw, (e) => {
    if (e instanceof ApiError && e.status === 401) return;
    main.replaceChildren(h('section', { class: 'card empty', id: 'topic-refused', dataset: { status: e instanceof ApiError ? String(e.status) : '' } },
      h('p', { class: 'error' }, failure(e, '议题')), h('a', { href: '#/deliberation' }, '← 议事')));
  });
  const onResize = () => charts.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    charts.dispose();
  };
}

/** #/deliberation, #/deliberation/new and #/deliberation/ID. */
export function renderDeliberation(main, { arg, me }) {
  if (arg === 'new') renderNew(main);
  else if (/^\d+$/.test(arg ?? '')) return renderTopic(main, Number(arg));
  else renderList(main, me);
  return () => {};
}

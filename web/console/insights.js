// 每月一题: the month's problems of the caller's part of the grid (GET /api/insights/problems), ranked, as cards with
// their flags, figures and places; a page per problem (#/insights/KEY?month=&node=) with its trend, the grids most
// affected, keywords and evidence (links to the tickets); and a topic's page (#/topics/ID): its lead and its task
// list, whose tasks are tickets. Staff from the community office up mark a problem as the month's topic (设为每月一题).
import { ApiError, getJson, patchJson, postJson } from './api.js';
import { Charts, emptyChart } from './charts.js';
import { CATEGORY_OPTIONS, chinaTime, counter, h, status } from './ui.js';

const FLAGS = { rising: ['上升', 'rising'], new: ['新出现', 'new'], seasonal: ['季节性', 'seasonal'], persistent: ['持续', 'persistent'] };
const CATEGORY = Object.fromEntries(CATEGORY_OPTIONS.filter(([v]) => v));
const FIGURE_ZH = { count: '本月', previous: '此前', mean: '均值', months: '月数', lastYear: '去年同月', threshold: '阈值', p: 'p 值', history: '历史' };

/** The query after the hash's `?` (#/insights?month=2026-11&node=X). */
const hashQuery = () => new URLSearchParams(location.hash.split('?')[1] ?? '');
const chinaMonth = (offset = 0) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  const i = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
// whom the server lets mark a topic: its route declaration, as GET /api/auth/me lists the caller's routes
const canMark = (me) => !!me?.routes?.includes('POST /api/insights/topics');
const q = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};
const problemHref = (key, month, node) => `#/insights/${encodeURIComponent(key)}${q({ month, node })}`;
// a 400 carries the server's own reason (a month not begun: "2027-03 尚未开始"), shown as it is
const failure = (e, what) =>
  // no role that reads it at all (a building head), or a node outside one's own part of the grid
  e instanceof ApiError && e.status === 403 && e.reason === 'ROLE_REQUIRED' ? '每月一题供网格员及以上工作人员查看。'
    : e instanceof ApiError && e.status === 403 ? '无权查看该范围。'
    : e instanceof ApiError && e.status === 404 ? `没有这个${what}。`
      : e instanceof ApiError && e.status === 400 ? e.message
        : `读取失败：${e.message}`;

/** A flag as a coloured tag; what made it on hover and, spelled out, below the card's figures. */
function flagTag(flag, reasons) {
  const [zh, cls] = FLAGS[flag] ?? [flag, ''];
  const r = reasons.find((x) => x.flag === flag);
  return h('span', { class: `flag f-${cls}`, title: r ? `${r.reason}\n${figures(r.figures)}` : zh, dataset: { flag } }, zh);
}
const figures = (f) => Object.entries(f ?? {}).map(([k, v]) => `${FIGURE_ZH[k] ?? k} ${v}`).join('，');
// the reason states the figures in words; the raw figures are on the tag's hover
// 「不到百万分之一」 kept on one line: broken before its last 一, that 一 alone on the next line read as a dash
const unbroken = (text) => text.split(/(不到[十百千万]*分之一)/).map((part, i) => (i % 2 ? h('span', { class: 'nowrap' }, part) : part)).filter((x) => x !== '');
const flagLines = (p) => p.flagReasons.map((r) => h('li', { class: 'small', dataset: { flag: r.flag }, title: figures(r.figures) }, h('b', {}, FLAGS[r.flag]?.[0] ?? r.flag), '：', ...unbroken(r.reason)));

const numbers = (p) =>
  h('div', { class: 'figures three pfig' },
    h('div', { class: 'figure', dataset: { label: '诉求' } }, h('div', { class: 'value' }, String(p.count)), h('div', { class: 'label' }, '诉求')),
    h('div', { class: 'figure', dataset: { label: '居民' } }, h('div', { class: 'value' }, String(p.reporters)), h('div', { class: 'label' }, '反映人')),
    h('div', { class: 'figure', dataset: { label: '热度' } }, h('div', { class: 'value' }, String(Math.round(p.heat * 10) / 10)), h('div', { class: 'label' }, '热度')));

/** Marks a problem as the month's topic of `node`, then opens the topic. */
async function mark(btn, month, node, key) {
  if (!node) return status('请先选择一个范围（网格或社区），再设为每月一题。', 'error');
  btn.disabled = true;
  try {
    const r = await postJson('/api/insights/topics', { month, node, key });
    status('已设为每月一题', 'ok');
    location.hash = `#/topics/${r.topic.id}`;
  } catch (e) {
    btn.disabled = false;
    status(e instanceof ApiError && e.status === 409 ? '该问题已是本月的每月一题。' : `设置失败：${e.message}`, 'error');
  }
}

function markButton(me, p, month, node) {
  if (p.topic) return h('a', { class: 'topic-link', href: `#/topics/${p.topic.id}` }, '✓ 已设为每月一题 ›');
  if (!canMark(me)) return null;
  return h('button', { type: 'button', class: 'primary mark', onclick: (e) => mark(e.currentTarget, month, node, p.key) }, '设为每月一题');
}

function problemCard(p, ctx) {
  return h('article', { class: 'card problem', dataset: { key: p.key, rank: p.rank } },
    h('div', { class: 'problem-head' },
      h('span', { class: 'rank' }, String(p.rank)),
      h('a', { class: 'problem-title', href: problemHref(p.key, ctx.month, ctx.node) }, p.title),
      h('span', { class: 'flags' }, p.flags.map((f) => flagTag(f, p.flagReasons)))),
    numbers(p),
    h('p', { class: 'small places' }, h('span', { class: 'muted' }, '地点：'), p.places.join('、') || '—',
      p.categories.length ? h('span', { class: 'muted' }, ` · ${p.categories.map((c) => CATEGORY[c] ?? c).join('、')}`) : null),
    p.flagReasons.length ? h('ul', { class: 'reasons' }, flagLines(p)) : null,
    h('div', { class: 'buttons' }, h('a', { href: problemHref(p.key, ctx.month, ctx.node) }, '详情 ›'), markButton(ctx.me, p, ctx.month, ctx.node)));
}

/** The month and node pickers; a change rewrites the hash (and so redraws). */
async function pickers(month, node) {
  const go = (m, n) => void (location.hash = `#/insights${q({ month: m, node: n })}`);
  const monthInput = h('input', { type: 'month', id: 'insights-month', value: month, max: chinaMonth(), 'aria-label': '月份', onchange: (e) => e.target.value && go(e.target.value, node) });
  const nodeSelect = h('select', { id: 'insights-node', 'aria-label': '范围', onchange: (e) => go(month, e.target.value) }, h('option', { value: '' }, '我的范围'));
  getJson('/api/grid/nodes').then((d) => {
    for (const n of d.nodes.filter((x) => x.level !== 'UNIT' || x.code === node)) {
      nodeSelect.append(h('option', { value: n.code, selected: n.code === node }, `${'　'.repeat(Math.max(0, n.depth - (d.nodes[0]?.depth ?? 1)))}${n.name}`));
    }
  }, () => undefined);
  return h('div', { class: 'picker' }, monthInput, nodeSelect);
}

async function renderList(main, me) {
  const params = hashQuery();
  const month = params.get('month') || chinaMonth(-1);
  const node = params.get('node') || '';
  const list = h('div', { id: 'problem-list', class: 'problem-list' }, h('p', { class: 'muted' }, '正在分析本月诉求…'));
  const topics = h('div', { id: 'month-topics' });
  const scope = h('span', { class: 'scope', id: 'insights-scope' });
  main.replaceChildren(h('section', { class: 'insights' },
    h('div', { class: 'page-head' }, h('h1', {}, '每月一题'), scope, await pickers(month, node)),
    topics, list));
  try {
    const d = await getJson(`/api/insights/problems${q({ month, node, top: '10' })}`);
    const scopeNode = node || (d.scope.length === 1 ? d.scope[0].code : '');
    scope.textContent = `${d.scope.map((s) => s.name).join('、')} · ${d.month} · 诉求 ${d.appealsInPeriod} 件`;
    topics.replaceChildren(...(d.topics.length
      ? [h('div', { class: 'card topics' }, h('h2', {}, `${d.month} 每月一题`), h('ul', { class: 'plain' }, d.topics.map((t) => h('li', {}, h('a', { href: `#/topics/${t.id}` }, `★ ${t.title}`)))))]
      : []));
    list.replaceChildren(...(d.problems.length
      ? d.problems.map((p) => problemCard(p, { month: d.month, node: scopeNode, me }))
      : [h('p', { class: 'muted empty-state', id: 'no-problems' }, '该月没有诉求。')]));
    main.dataset.loaded = String(Date.now());
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    list.replaceChildren(h('p', { class: 'error', id: 'insights-error' }, failure(e, '网格')));
  }
}

function trendOption(monthly, month) {
  if (!monthly.length) return emptyChart('暂无月度数据', 12);
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: monthly.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '诉求', type: 'bar', data: monthly.map((m) => ({ value: m.count, itemStyle: m.month === month ? { color: '#c8102e' } : { color: '#9fb3c8' } })), label: { show: true, position: 'top' } }],
  };
}

function gridsOption(grids) {
  if (!grids.length) return emptyChart('暂无网格数据', 12);
  const rows = grids.slice(0, 10).reverse();
  return {
    grid: { left: 8, right: 30, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((g) => g.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ name: '诉求', type: 'bar', data: rows.map((g) => g.count), label: { show: true, position: 'right' }, barMaxWidth: 18, itemStyle: { color: '#c8102e' } }],
  };
}

const evidenceList = (items) =>
  h('ol', { class: 'evidence', id: 'evidence' }, items.map((e) =>
    h('li', {}, e.time ? h('time', { class: 'muted small' }, chinaTime(e.time)) : null, ' ',
      e.ticketNo ? h('a', { href: `#/tickets/${e.ticketNo}` }, `#${e.ticketNo}`) : h('span', {}, e.id), ' ', e.text ?? '')));

async function renderProblem(main, key, me, charts) {
  const params = hashQuery();
  const month = params.get('month') || chinaMonth(-1);
  const node = params.get('node') || '';
  main.replaceChildren(h('p', { class: 'muted' }, '读取中…'));
  let d;
  try {
    d = await getJson(`/api/insights/problems/${encodeURIComponent(key)}${q({ month, node })}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    main.replaceChildren(h('section', { class: 'card' }, h('a', { class: 'back', href: `#/insights${q({ month, node })}` }, '← 每月一题'), h('p', { class: 'error', id: 'insights-error' }, failure(e, '问题'))));
    return;
  }
  const p = d.problem;
  const scopeNode = node || (d.scope.length === 1 ? d.scope[0].code : '');
  const trend = h('div', { class: 'chart', id: 'chart-problem-trend' });
  const grids = h('div', { class: 'chart', id: 'chart-problem-grids' });
  main.replaceChildren(h('section', { class: 'insights problem-page', dataset: { key: p.key } },
    h('a', { class: 'back', href: `#/insights${q({ month: d.month, node })}` }, '← 每月一题'),
    h('div', { class: 'page-head' }, h('h1', { id: 'problem-title' }, p.title), h('span', { class: 'flags' }, p.flags.map((f) => flagTag(f, p.flagReasons))), h('span', { class: 'scope' }, `${d.month} · ${d.scope.map((s) => s.name).join('、')}`)),
    h('div', { class: 'detail-grid' },
      h('div', {},
        h('div', { class: 'card' }, h('h2', {}, '月度趋势'), trend),
        h('div', { class: 'card' }, h('h2', {}, '受影响网格'), grids),
        h('div', { class: 'card' }, h('h2', {}, `诉求原文（${p.evidence.length}）`), evidenceList(p.evidence))),
      h('aside', {},
        h('div', { class: 'card' }, numbers(p),
          h('dl', { class: 'facts' },
            h('dt', {}, '关键词'), h('dd', { id: 'keywords' }, p.keywords.length ? p.keywords.map((k) => h('span', { class: 'badge' }, k)) : '—'),
            h('dt', {}, '地点'), h('dd', {}, p.places.join('、') || '—'),
            h('dt', {}, '类别'), h('dd', {}, p.categories.map((c) => CATEGORY[c] ?? c).join('、') || '—'),
            h('dt', {}, '时间'), h('dd', {}, `${chinaTime(p.first)} — ${chinaTime(p.last)}`),
            h('dt', {}, '建议牵头'), h('dd', {}, p.leadDepartment ?? '—')),
          p.flagReasons.length ? h('ul', { class: 'reasons' }, flagLines(p)) : null,
          h('div', { class: 'buttons' }, markButton(me, p, d.month, scopeNode)))))));
  charts.draw(trend, trendOption(p.monthly, d.month));
  charts.draw(grids, gridsOption(p.grids));
  main.dataset.loaded = String(Date.now());
}

/** 每月一题 (#/insights) and a problem's page (#/insights/KEY). */
export function renderInsights(main, { key, me }) {
  const charts = new Charts(false);
  if (key) renderProblem(main, decodeURIComponent(key), me, charts);
  else renderList(main, me);
  const onResize = () => charts.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    charts.dispose();
  };
}

function taskRows(tasks) {
  if (!tasks.length) return h('p', { class: 'muted', id: 'no-tasks' }, '尚无任务。');
  return h('table', { class: 'tickets rows', id: 'task-list' },
    h('thead', {}, h('tr', {}, ['工单', '任务', '状态', '承办', '办结时限'].map((x) => h('th', {}, x)))),
    h('tbody', {}, tasks.map((k) => h('tr', { class: k.ticket.overdue ? 'overdue' : '', dataset: { no: k.ticket.number } },
      h('td', { dataset: { label: '工单' } }, h('a', { href: `#/tickets/${k.ticket.number}` }, `#${k.ticket.number}`)),
      h('td', { dataset: { label: '任务' } }, k.text),
      h('td', { dataset: { label: '状态' } }, h('span', { class: `badge s-${k.ticket.status}` }, k.ticket.statusZh), k.ticket.complex ? h('span', { class: 'badge' }, '复杂') : null, k.ticket.overdue ? h('span', { class: 'badge overdue' }, '超时') : null),
      h('td', { dataset: { label: '承办' } }, k.ticket.assignee ?? '待分派'),
      h('td', { dataset: { label: '时限' } }, k.ticket.resolveDueAt ? chinaTime(k.ticket.resolveDueAt, true) : '—')))));
}

/** A topic's page (#/topics/ID): the problem as it was marked, its lead and its task list. */
export function renderTopic(main, { id, me }) {
  const charts = new Charts(false);
  const write = canMark(me);
  async function load() {
    let d;
    try {
      d = await getJson(`/api/insights/topics/${id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      main.replaceChildren(h('section', { class: 'card' }, h('a', { class: 'back', href: '#/insights' }, '← 每月一题'), h('p', { class: 'error', id: 'insights-error' }, failure(e, '每月一题'))));
      return;
    }
    const t = d.topic;
    const p = t.problem;
    const people = [...d.departments.map((x) => ({ ...x, roleZh: '职能部门' })), ...d.assignable.filter((a) => !d.departments.some((x) => x.id === a.id))];
    const dept = h('input', { name: 'leadDepartment', list: 'dept-options', value: t.leadDepartment ?? '', placeholder: '如：街道城管中队' });
    const person = h('select', { name: 'leadPersonId' }, h('option', { value: '' }, '（未指定）'), people.map((x) => h('option', { value: String(x.id), selected: x.id === t.lead?.id }, `${x.name}${x.roleZh ? `（${x.roleZh}）` : ''}`)));
    const leadForm = write
      ? h('form', { id: 'lead-form', class: 'action-fields', onsubmit: async (e) => {
        e.preventDefault();
        try {
          await patchJson(`/api/insights/topics/${id}`, { leadDepartment: dept.value.trim() || null, leadPersonId: person.value ? Number(person.value) : null });
          status('牵头已保存', 'ok');
          load();
        } catch (err) {
          status(`保存失败：${err.message}`, 'error');
        }
      } },
      h('label', { class: 'field' }, h('span', {}, '牵头部门'), dept, counter(dept, 60, 'lead-count')),
      h('datalist', { id: 'dept-options' }, [...new Set([p.leadDepartment, ...d.departments.map((x) => x.name)].filter(Boolean))].map((n) => h('option', { value: n }))),
      h('label', { class: 'field' }, h('span', {}, '牵头人'), person),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, '保存牵头')))
      : null;
    const taskText = h('textarea', { name: 'text', rows: '2', required: true, placeholder: '任务内容，如：联系维保单位全面检修电梯' });
    const assignee = h('select', { name: 'assigneeId' }, h('option', { value: '' }, '按值班自动分派'), d.assignable.map((a) => h('option', { value: String(a.id) }, `${a.name}（${a.node ? `${a.node}·` : ''}${a.roleZh}）`)));
    const complex = h('input', { type: 'checkbox', name: 'complex' });
    const taskForm = write
      ? h('form', { id: 'task-form', class: 'action-fields', onsubmit: async (e) => {
        e.preventDefault();
        const btn = e.currentTarget.querySelector('button');
        btn.disabled = true;
        try {
          const r = await postJson(`/api/insights/topics/${id}/tasks`, { text: taskText.value, ...(assignee.value ? { assigneeId: Number(assignee.value) } : {}), complex: complex.checked });
          status(`已生成工单 #${r.task.ticket.number}`, 'ok');
          load();
        } catch (err) {
          btn.disabled = false;
          status(`添加失败：${err.message}`, 'error');
        }
      } },
      h('label', { class: 'field' }, h('span', {}, '新任务'), taskText, counter(taskText, 500, 'insight-task-count')),
      h('label', { class: 'field' }, h('span', {}, '承办人'), assignee),
      h('label', { class: 'check' }, complex, '复杂事项（办结时限按复杂事项）'),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, '添加任务（生成工单）')))
      : null;
    // a problem a repair does not settle (who pays, a rule for everyone) goes to the residents of its most affected
    // grid as a 议事 topic: 发起议题 opens on that node with the problem's title (without its category) to edit
    const mainGrid = p.grids[0]?.code;
    const toDeliberation = write
      ? h('a', { class: 'button', id: 'to-deliberation', href: `#/deliberation/new${q({ node: mainGrid, title: t.title.replace(/（[^（）]*）$/, '') })}` }, '交居民议事')
      : null;
    const trend = h('div', { class: 'chart', id: 'chart-topic-trend' });
    main.replaceChildren(h('section', { class: 'insights topic-page', dataset: { id: String(t.id) } },
      h('a', { class: 'back', href: `#/insights${q({ month: t.month })}` }, '← 每月一题'),
      h('div', { class: 'page-head' }, h('h1', { id: 'topic-title' }, `★ ${t.title}`), h('span', { class: 'flags' }, p.flags.map((f) => flagTag(f, p.flagReasons))), h('span', { class: 'scope' }, `${t.month} · ${t.node?.name ?? ''}`)),
      h('div', { class: 'detail-grid' },
        h('div', {},
          h('div', { class: 'card' }, h('h2', {}, `任务清单（${t.tasks.length}）`), taskRows(t.tasks), taskForm),
          h('div', { class: 'card' }, h('h2', {}, '月度趋势（设定时）'), trend),
          h('div', { class: 'card' }, h('h2', {}, '诉求工单'), h('p', {}, p.evidence.map((e) => e.ticketNo ? h('a', { class: 'badge', href: `#/tickets/${e.ticketNo}` }, `#${e.ticketNo}`) : h('span', { class: 'badge' }, e.id))))),
        h('aside', {},
          h('div', { class: 'card', id: 'lead' }, h('h2', {}, '牵头'),
            h('dl', { class: 'facts' },
              h('dt', {}, '牵头部门'), h('dd', { id: 'lead-department' }, t.leadDepartment ?? '未定'),
              h('dt', {}, '牵头人'), h('dd', { id: 'lead-person' }, t.lead?.name ?? '未定'),
              h('dt', {}, '设定人'), h('dd', {}, `${t.createdBy?.name ?? ''} ${chinaTime(t.createdAt)}`)),
            leadForm,
            toDeliberation ? h('p', { class: 'muted small' }, '需要居民共同商议、表决的（如费用分摊、公共规则），可发起议事：', toDeliberation) : null),
          h('div', { class: 'card' }, numbers(p),
            h('dl', { class: 'facts' },
              h('dt', {}, '地点'), h('dd', {}, p.places.join('、') || '—'),
              h('dt', {}, '网格'), h('dd', { id: 'topic-grids' }, p.grids.map((g) => `${g.name}（${g.count} 件）`).join('、') || '—'),
              h('dt', {}, '关键词'), h('dd', {}, p.keywords.join('、') || '—')))))));
    charts.draw(trend, trendOption(p.monthly, t.month));
    main.dataset.loaded = String(Date.now());
  }
  load();
  const onResize = () => charts.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    charts.dispose();
  };
}

/** The overview's 每月一题 panel: the month's topics (big on the wall), else the top problems of a recent analysis. */
export function problemsPanel(d, wall) {
  if (!d) return [h('strong', { class: 'slot-pending' }, '待上线')];
  const topics = d.topics.map((t) => {
    const body = [h('span', { class: 'topic-title' }, `★ ${t.title}`), h('span', { class: 'muted small' }, ` ${t.month} · 诉求 ${t.count} · 任务 ${t.tasks}${t.leadDepartment ? ` · ${t.leadDepartment}` : ''}`)];
    return h('li', { dataset: { topic: String(t.id) } }, wall ? body : h('a', { href: `#/topics/${t.id}` }, body));
  });
  const top = d.top.map((p) => h('li', {}, wall ? p.title : h('a', { href: problemHref(p.key, d.month) }, p.title), h('span', { class: 'muted small' }, ` 热度 ${Math.round(p.heat * 10) / 10}`)));
  return [
    topics.length ? h('ol', { class: 'topics-list', id: 'overview-topics' }, topics) : h('p', { class: 'muted', id: 'overview-no-topic' }, `${d.month} 尚未确定每月一题`),
    !topics.length && top.length ? h('ol', { class: 'latest' }, top) : null,
    wall ? null : h('a', { href: `#/insights${q({ month: d.month })}`, id: 'overview-insights-link', class: 'small' }, '查看本月问题 ›'),
  ].filter(Boolean);
}

// 批量发布: compose a notice, pick its groups by grid node, tags and platform, preview the groups and the finish time
// (the API's dry run), send now or at a time; the list of broadcasts with their progress; one broadcast with its
// copies group by group, watched live (polled every second while it sends), and 暂停 / 继续 / 取消 / 重发失败.
import { ApiError, getJson, postJson } from './api.js';
import { chinaTime, counter, h, status, tabDraft } from './ui.js';

export const BROADCAST_ZH = { DRAFT: '草稿', SCHEDULED: '定时待发', SENDING: '发送中', PAUSED: '已暂停', CANCELLED: '已取消', DONE: '已完成' };
const DELIVERY_ZH = { PENDING: '待发送', SENT: '已发送', FAILED: '失败', SKIPPED: '已跳过' };
const PLATFORM_ZH = { WECHAT: '微信', TELEGRAM: 'Telegram' };
/** Which buttons a broadcast in each state offers (重发失败 also needs a failed copy). */
const ACTIONS = {
  DRAFT: ['cancel'],
  SCHEDULED: ['pause', 'cancel'],
  SENDING: ['pause', 'cancel', 'resend-failed'],
  PAUSED: ['resume', 'cancel', 'resend-failed'],
  DONE: ['resend-failed'],
  CANCELLED: [],
};
const ACTION_ZH = { pause: '暂停', resume: '继续', cancel: '取消', 'resend-failed': '重发失败' };
const CONFIRM = { cancel: '取消后未发出的群将不再发送，已发出的不受影响。确定取消？' };

/** A gateway's reason (often English) said in Chinese; the original kept in brackets for whoever looks into it. */
export function reasonZh(d) {
  const r = d.reason ?? '';
  if (!r) return d.status === 'PENDING' && d.attempts > 0 ? '发送中…' : '';
  if (/[\u4e00-\u9fff]/.test(r)) return r; // the service's own reasons are Chinese already
  const known = [
    [/not found|not in (the )?(group|room)|still in it/i, '机器人不在群内'],
    [/timed? ?out|ETIMEDOUT|ECONNRESET|ECONNREFUSED|unavailable|network/i, '网络或平台暂时不可用'],
    [/rate|too many|429|flood/i, '发送过于频繁，被平台限流'],
    [/blocked|forbidden|kicked/i, '机器人被移出或禁言'],
  ].find(([re]) => re.test(r));
  const zh = known ? known[1] : '发送失败';
  return d.status === 'PENDING' ? `上次尝试失败，将自动重试：${zh}（${r}）` : `${zh}（${r}）`;
}

const badge = (s) => h('span', { class: `badge b-${s}` }, BROADCAST_ZH[s] ?? s);
/** A bar of sent (green), failed (red) and skipped (grey) copies; widths set through CSSOM, which the CSP allows. */
const progress = (c, state) => {
  const done = c.SENT + c.FAILED + c.SKIPPED;
  const pct = c.total ? Math.round((done / c.total) * 100) : 0;
  const part = (cls, n) => {
    const el = h('span', { class: cls });
    el.style.width = `${c.total ? (n / c.total) * 100 : 0}%`;
    return el;
  };
  return h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': c.total, 'aria-valuenow': done },
    h('div', { class: 'bar' }, part('sent', c.SENT), part('failed', c.FAILED), part('skipped', c.SKIPPED)),
    h('span', { class: 'small muted' }, state === 'CANCELLED'
      // a cancelled one is not 100 % done: what went out, and what never will
      ? `已取消 · 已发送 ${c.SENT}${c.FAILED ? ` · 失败 ${c.FAILED}` : ''} · 未发出 ${c.SKIPPED + c.PENDING}`
      : `${done}/${c.total}（${pct}%）· 已发送 ${c.SENT} · 失败 ${c.FAILED} · 跳过 ${c.SKIPPED} · 待发送 ${c.PENDING}`));
};
const refused = (e) => e instanceof ApiError && e.status === 403
  ? h('section', { class: 'card empty-state' }, h('h1', {}, '批量发布'), h('p', {}, '批量发布需要社区工作人员、街道工作人员或系统管理员权限，且只能发往本人负责范围内的群。'))
  : h('p', { class: 'error' }, `读取失败：${e.message}`);

/** "2026-12-06T09:30" typed in the form is China time, whatever the browser's zone. */
const chinaInput = (v) => (v ? new Date(`${v}:00+08:00`) : null);
const inputValueIn = (ms) => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 16);

const MAX_TEXT = 2000;
// the notice being written, kept for this tab until it is sent: a reload or the back button does not lose it
const draft = tabDraft('linli.broadcast-draft');

function composeForm(meta, onSent) {
  let previewed = null;
  // groups of the preview left out by unticking them (platform ids); kept when the preview is run again
  const excluded = new Set();
  let shownGroups = [];
  let estimateSeq = 0;
  const previewBox = h('div', { id: 'bc-preview', class: 'bc-preview' });
  const sendBtn = h('button', { class: 'primary', type: 'button', id: 'bc-send', disabled: true }, '发送');
  const when = h('input', { name: 'when', type: 'datetime-local', disabled: true, value: inputValueIn(3600_000) });
  const textBox = h('textarea', { name: 'text', rows: 4, required: true, placeholder: '如：明天 9:00-17:00 停水，请提前储水。' });
  const kept = draft.get();
  textBox.value = typeof kept === 'string' ? kept.slice(0, MAX_TEXT) : '';
  const count = counter(textBox, MAX_TEXT, 'bc-count');
  textBox.addEventListener('input', () => draft.set(textBox.value));
  const form = h('form', {
    id: 'broadcast-form', class: 'compose', onsubmit: (e) => { e.preventDefault(); preview(); },
    // ticking a group of the preview in or out is not a change of the notice
    oninput: (e) => previewBox.contains(e.target) || stale(),
  },
    h('label', { class: 'field' }, h('span', {}, '通知内容'), textBox),
    count,
    h('div', { class: 'compose-targets' },
      h('label', { class: 'field' }, h('span', {}, '发往（网格范围）'),
        h('select', { name: 'node', required: true },
          meta.nodes.map((n) => h('option', { value: n.code, disabled: n.groups === 0 },
            `${'　'.repeat(Math.max(0, n.depth - meta.minDepth))}${n.name}（${n.groups} 个群）`)))),
      h('label', { class: 'field' }, h('span', {}, '平台'),
        h('select', { name: 'platform' }, h('option', { value: '' }, '全部平台'), meta.platforms.map((p) => h('option', { value: p }, PLATFORM_ZH[p] ?? p))))),
    meta.tags.length
      ? h('fieldset', { class: 'tags' }, h('legend', {}, '群标签（不选则不限）'),
        meta.tags.map((t) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'tag', value: t }), t)))
      : null,
    h('div', { class: 'schedule' },
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scheduled', onchange: (e) => (when.disabled = !e.target.checked) }), '定时发送（北京时间）'),
      when),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'bc-preview-btn' }, '预览'), sendBtn),
    previewBox);

  function input() {
    const d = new FormData(form);
    const tags = d.getAll('tag');
    const targets = { nodeCode: d.get('node') };
    if (tags.length) targets.tags = tags;
    if (d.get('platform')) targets.platform = d.get('platform');
    const at = d.get('scheduled') === 'on' ? chinaInput(when.value) : null;
    return { text: String(d.get('text') ?? '').trim(), targets, ...(at ? { scheduledAt: at.toISOString() } : {}) };
  }
  /** What goes out: the previewed notice minus the groups unticked in the preview. */
  function toSend() {
    const out = shownGroups.filter((g) => excluded.has(g.externalId)).map((g) => g.externalId);
    return out.length ? { ...previewed, targets: { ...previewed.targets, exclude: out } } : previewed;
  }
  const heading = () => {
    const out = shownGroups.filter((g) => excluded.has(g.externalId)).length;
    return `将发往 ${shownGroups.length - out} 个群${out ? `（已排除 ${out} 个）` : ''}`;
  };
  // how long, in words a street office reads (the rate's arithmetic, in milliseconds, on hover)
  const finishLine = (body, p) => [
    `${body.scheduledAt ? `定时 ${chinaTime(body.scheduledAt, true)} 开始，` : '立即开始，'}预计 ${chinaTime(p.estimate.finishAt, true)} 发完`,
    h('br'), h('span', { class: 'small muted', title: p.estimate.explanation },
      `${p.estimate.sends} 个群，按平台限速分批发送，${p.estimate.estimatedMs < 60_000 ? '1 分钟内发完' : `约需 ${Math.ceil(p.estimate.estimatedMs / 60_000)} 分钟`}`)];
  /** A group ticked in or out: the count at once, the finish time as the server works it out for the rest. */
  async function toggled() {
    const left = shownGroups.length - shownGroups.filter((g) => excluded.has(g.externalId)).length;
    previewBox.querySelector('h3').textContent = heading();
    sendBtn.disabled = left === 0;
    const finish = previewBox.querySelector('#bc-finish');
    if (!finish) return;
    if (left === 0) return finish.replaceChildren('请至少保留一个群。');
    const seq = ++estimateSeq;
    try {
      const body = toSend();
      const p = await postJson('/api/broadcasts?dryRun=1', body);
      if (seq === estimateSeq) finish.replaceChildren(...finishLine(body, p));
    } catch {
      // the send itself will say what is wrong
    }
  }
  function stale() {
    previewed = null;
    sendBtn.disabled = true;
    if (previewBox.childElementCount) previewBox.replaceChildren(h('p', { class: 'muted small' }, '内容或范围已改动，请重新预览。'));
  }
  async function preview() {
    const body = input();
    if (body.scheduledAt && Number.isNaN(Date.parse(body.scheduledAt))) return status('请填写定时发送的时间', 'error');
    previewBox.replaceChildren(h('p', { class: 'muted' }, '预览中…'));
    try {
      const p = await postJson('/api/broadcasts?dryRun=1', body);
      previewed = body;
      shownGroups = p.groups;
      sendBtn.disabled = p.groups.every((g) => excluded.has(g.externalId));
      const tick = (g) => h('input', { type: 'checkbox', checked: !excluded.has(g.externalId), 'aria-label': `发往${g.title}`, onchange: (e) => {
        if (e.target.checked) excluded.delete(g.externalId);
        else excluded.add(g.externalId);
        toggled();
      } });
      previewBox.replaceChildren(...[
        h('h3', {}, heading()),
        p.groups.length
          ? h('p', { id: 'bc-finish' }, ...finishLine(body, p))
          : h('p', { class: 'error' }, '没有符合条件的群（只发往已关联网格、机器人在群内的群）。'),
        p.groups.length > 1 ? h('p', { class: 'small muted' }, '不需要发的群，取消勾选即可。') : null,
        h('ul', { class: 'bc-groups' }, p.groups.map((g) => h('li', { dataset: { group: g.externalId } },
          h('label', { class: 'check' }, tick(g), g.title, ' ', h('span', { class: 'muted small' }, `${g.nodeName} · ${PLATFORM_ZH[g.platform] ?? g.platform}`))))),
        p.ignored.length ? h('p', { class: 'muted small' }, `未包含：${p.ignored.map((i) => `${i.ref}（${i.reason}）`).join('；')}`) : null,
        // the masker hides numbers from every group: the author should know before sending
        p.masked ? h('p', { class: 'error', id: 'bc-masked' }, '注意：通知中的手机号、身份证号会被隐去，群里看不到。如需留联系方式，请写办公电话或地址。') : null,
        h('p', { class: 'small muted' }, `群内看到的文字：${p.text}`),
      ].filter(Boolean));
    } catch (e) {
      // a refusal (a time already past, say) cannot be sent either
      previewed = null;
      sendBtn.disabled = true;
      previewBox.replaceChildren(h('p', { class: 'error', id: 'bc-preview-error' }, `无法预览：${e.message}`));
    }
  }
  sendBtn.addEventListener('click', async () => {
    if (!previewed) return;
    sendBtn.disabled = true;
    try {
      const r = await postJson('/api/broadcasts', toSend());
      draft.set('');
      status(r.broadcast.status === 'SCHEDULED' ? `已定时，将于 ${chinaTime(r.broadcast.scheduledAt, true)} 发送` : `已开始发送到 ${r.counts.total} 个群`, 'ok');
      onSent(r.broadcast.id);
    } catch (e) {
      sendBtn.disabled = false;
      status(`发送失败：${e.message}`, 'error');
    }
  });
  return form;
}

/** A date of another year than this one (China time) is shown with its year: 定时 2027-03-01 09:00, not 03/01 09:00. */
const otherYear = (d) => chinaTime(d, true).slice(0, 4) !== chinaTime(new Date(), true).slice(0, 4);

function listItem({ broadcast: b, counts }) {
  return h('li', { class: 'bc-item', dataset: { id: b.id }, onclick: () => (location.hash = `#/broadcasts/${b.id}`) },
    h('div', { class: 'bc-line' }, h('a', { href: `#/broadcasts/${b.id}` }, `#${b.id}`), badge(b.status),
      h('span', { class: 'muted small' }, b.scheduledAt && b.status === 'SCHEDULED' ? `定时 ${chinaTime(b.scheduledAt, otherYear(b.scheduledAt))}` : chinaTime(b.createdAt, otherYear(b.createdAt)))),
    h('div', { class: 'bc-text' }, b.text),
    progress(counts, b.status));
}

function renderList(main) {
  const listBox = h('div', {}, h('p', { class: 'muted' }, '加载中…'));
  const composeBox = h('section', { class: 'card' }, h('h2', {}, '新建发布'), h('p', { class: 'muted' }, '加载中…'));
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, '批量发布')), h('div', { class: 'bc-layout' }, composeBox, h('section', { class: 'card' }, h('h2', {}, '发布记录'), listBox)));
  let timer;
  let stopped = false;
  let composing = false;
  const compose = async () => {
    composing = true;
    try {
      const meta = await getJson('/api/grid/nodes');
      meta.minDepth = Math.min(...meta.nodes.map((n) => n.depth));
      composeBox.replaceChildren(h('h2', {}, '新建发布'), composeForm(meta, (id) => (location.hash = `#/broadcasts/${id}`)));
    } catch (e) {
      composeBox.replaceChildren(refused(e));
    }
  };
  const load = async () => {
    try {
      const { broadcasts } = await getJson('/api/broadcasts');
      if (stopped) return;
      if (!composing) compose();
      listBox.replaceChildren(broadcasts.length ? h('ul', { class: 'bc-list', id: 'broadcast-list' }, broadcasts.map(listItem)) : h('p', { class: 'empty-state', id: 'broadcast-list' }, '还没有发布记录'));
      // while one sends, the list follows it
      if (broadcasts.some((x) => x.broadcast.status === 'SENDING')) timer = setTimeout(load, 2000);
    } catch (e) {
      // no broadcast role: the whole page says so (the form would only be refused on sending)
      if (e instanceof ApiError && e.status === 403) main.replaceChildren(refused(e));
      else listBox.replaceChildren(refused(e));
    }
  };
  load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function renderDetail(main, id) {
  let timer;
  let stopped = false;
  const box = h('div', { id: 'broadcast-detail' }, h('p', { class: 'muted' }, '加载中…'));
  main.replaceChildren(h('div', { class: 'page-head' }, h('a', { class: 'back', href: '#/broadcasts' }, '← 批量发布'), h('h1', {}, `发布 #${id}`)), box);

  // one action at a time: a second press while the first is on its way would only be refused; the second click of a
  // double click (detail 2) is not a press of its own, else it would land on the button drawn in its place (暂停, 继续)
  let acting = false;
  const act = async (action, e) => {
    if (acting || e?.detail > 1) return;
    if (CONFIRM[action] && !window.confirm(CONFIRM[action])) return;
    acting = true;
    for (const b of box.querySelectorAll('#bc-actions button')) b.disabled = true;
    try {
      show(await postJson(`/api/broadcasts/${id}/${action}`));
      status(`已${ACTION_ZH[action]}`, 'ok');
      // watch at the pace of the new state
      clearTimeout(timer);
      timer = setTimeout(load, 1000);
    } catch (e) {
      for (const b of box.querySelectorAll('#bc-actions button')) b.disabled = false;
      status(`${ACTION_ZH[action]}失败：${e.message}`, 'error');
    } finally {
      acting = false;
    }
  };
  function show(s) {
    const b = s.broadcast;
    const c = s.counts;
    const actions = (ACTIONS[b.status] ?? []).filter((a) => a !== 'resend-failed' || c.FAILED > 0);
    box.dataset.status = b.status;
    box.replaceChildren(
      h('section', { class: 'card' },
        h('div', { class: 'bc-line' }, h('span', { id: 'bc-status' }, badge(b.status)),
          h('span', { class: 'muted small' }, `创建 ${chinaTime(b.createdAt, true)}`),
          b.scheduledAt ? h('span', { class: 'muted small' }, `定时 ${chinaTime(b.scheduledAt, true)}`) : null,
          b.finishedAt ? h('span', { class: 'muted small' }, `${b.status === 'CANCELLED' ? '取消于' : '完成于'} ${chinaTime(b.finishedAt, true)}`) : null),
        h('p', { class: 'bc-text' }, b.text),
        h('div', { id: 'bc-progress' }, progress(c, b.status)),
        h('div', { class: 'buttons', id: 'bc-actions' }, actions.map((a) => h('button', { type: 'button', class: a === 'cancel' ? 'danger' : a === 'resume' ? 'primary' : '', dataset: { action: a }, onclick: (e) => act(a, e) }, ACTION_ZH[a])))),
      h('section', { class: 'card' }, h('h2', {}, '各群结果'),
        h('table', { class: 'tickets bc-deliveries', id: 'bc-deliveries' },
          h('thead', {}, h('tr', {}, ['群', '网格', '结果', '发送时间', '说明'].map((x) => h('th', {}, x)))),
          h('tbody', {}, s.deliveries.map((d) => h('tr', { dataset: { groupId: d.groupId, status: d.status } },
            h('td', { 'data-label': '群' }, d.group?.title ?? `群 ${d.groupId}`),
            h('td', { 'data-label': '网格' }, d.group?.nodeName ?? ''),
            h('td', { 'data-label': '结果' }, h('span', { class: `badge d-${d.status}` }, DELIVERY_ZH[d.status] ?? d.status)),
            h('td', { 'data-label': '时间' }, d.sentAt ? chinaTime(d.sentAt) : null),
            h('td', { 'data-label': '说明', class: 'reason' }, reasonZh(d) || null)))))));
  }
  const load = async () => {
    try {
      const s = await getJson(`/api/broadcasts/${id}`);
      if (stopped) return;
      show(s);
      // every second while copies go out; a scheduled or paused one changes rarely
      const next = { SENDING: 1000, DRAFT: 1000, SCHEDULED: 5000, PAUSED: 5000 }[s.broadcast.status];
      if (next) timer = setTimeout(load, next);
    } catch (e) {
      box.replaceChildren(e instanceof ApiError && e.status === 404 ? h('p', { class: 'error' }, `没有发布 #${id}`) : refused(e));
    }
  };
  load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export function renderBroadcasts(main, { id }) {
  return id ? renderDetail(main, id) : renderList(main);
}

// 巡查: what the background patrol found in the caller's groups — counted by severity and by rule, filtered by
// either — each acknowledged (已确认) and closed (已关闭) by grid staff, with the group's messages around it and the
// ticket it concerns.
import { ApiError, getJson, postJson } from './api.js';
import { chinaTime, h, status } from './ui.js';

const SEVERITY_ZH = { CRITICAL: '紧急', HIGH: '高', MEDIUM: '中', LOW: '低' };
const SEVERITY_CLASS = { CRITICAL: 'u-EMERGENCY', HIGH: 's-ESCALATED', MEDIUM: 'u-URGENT', LOW: '' };
const STATUS_ZH = { OPEN: '待处理', ACKNOWLEDGED: '已确认', CLOSED: '已关闭' };
const STATUS_CLASS = { OPEN: 's-REPORTED', ACKNOWLEDGED: 's-ACCEPTED', CLOSED: 's-CLOSED' };
const RULE_ZH = {
  hazard: '安全隐患', spam: '疑似广告', conflict: '邻里争吵', unanswered: '未回复的居民提问',
  silent_group: '长期沉寂的群', bot_removed: '助手被移出群', bot_muted: '助手在群内不能发言', member_loss: '群成员骤减',
};

// the filters live in the address (#/patrol?severity=&rule=&closed=1): a reload, or a link, keeps them
const filtersOf = () => {
  const q = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return { closed: q.get('closed') === '1', rule: q.get('rule') ?? '', severity: q.get('severity') ?? '' };
};
const addressOf = (f) => {
  const q = new URLSearchParams();
  if (f.severity) q.set('severity', f.severity);
  if (f.rule) q.set('rule', f.rule);
  if (f.closed) q.set('closed', '1');
  return `#/patrol${q.size ? `?${q}` : ''}`;
};

/** Building heads and volunteers read the findings of their building; grid workers and above settle them. */
const settles = (me) => !me || me.roles.some((r) => r.role !== 'UNIT_HEAD' && r.role !== 'VOLUNTEER');

const count = (list, key) => list.reduce((m, f) => m.set(f[key], (m.get(f[key]) ?? 0) + 1), new Map());

async function showMessages(box, f) {
  box.replaceChildren(h('p', { class: 'muted' }, '加载中…'));
  try {
    const r = await getJson(`/api/patrol/findings/${f.id}/messages`);
    box.replaceChildren(
      h('p', { class: 'muted small' }, `${r.group?.title ?? '群'} · 发现前后的消息`,
        r.ticketNumber ? [' · ', h('a', { href: `#/tickets/${r.ticketNumber}` }, `查看工单 #${r.ticketNumber}`)] : null),
      r.messages.length
        ? h('ul', { class: 'chat finding-messages' }, r.messages.map((m) =>
          h('li', { class: m.flagged ? 'flagged' : '' },
            h('div', { class: 'meta' }, `${m.senderName} · ${chinaTime(m.sentAt)}`, m.ticketId && m.flagged ? ' · 已登记工单' : ''),
            h('div', { class: 'bubble' }, m.text))))
        : h('p', { class: 'muted' }, '这段时间群里没有居民消息。'));
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error' }, `读取失败：${e.message}`));
  }
}

function findingCard(f, reload, canSettle) {
  const messages = h('div', { class: 'finding-more' });
  const act = (action, done) => async () => {
    try {
      await postJson(`/api/patrol/findings/${f.id}/${action}`);
      status(done, 'ok');
      reload();
    } catch (e) {
      status(e instanceof ApiError && e.status === 403 ? '您没有处理这条巡查发现的权限（网格员及以上）' : `未能处理：${e.message}`, 'error');
    }
  };
  return h('li', { class: 'card finding', id: `finding-${f.id}`, dataset: { status: f.status } },
    h('div', {},
      h('span', { class: `badge ${SEVERITY_CLASS[f.severity]}` }, `${SEVERITY_ZH[f.severity]}风险`),
      h('span', { class: 'badge' }, RULE_ZH[f.rule] ?? f.rule),
      h('span', { class: `badge ${STATUS_CLASS[f.status]}` }, STATUS_ZH[f.status]),
      h('span', { class: 'muted small' }, chinaTime(f.createdAt))),
    h('p', { class: 'summary' }, f.summary),
    h('div', { class: 'buttons' },
      canSettle && f.status === 'OPEN' ? h('button', { class: 'primary', onclick: act('ack', '已确认') }, '确认') : null,
      canSettle && f.status !== 'CLOSED' ? h('button', { onclick: act('close', '已关闭') }, '关闭') : null,
      h('button', { onclick: () => showMessages(messages, f) }, '查看消息'),
      f.ticketNumber ? h('a', { class: 'small', href: `#/tickets/${f.ticketNumber}` }, `已登记工单 #${f.ticketNumber}`) : f.ticketId ? h('span', { class: 'muted small' }, '（已关联工单）') : null),
    messages);
}

export function renderPatrol(main, { me } = {}) {
  const canSettle = settles(me);
  let filters = filtersOf();
  let alive = true;
  const load = async () => {
    try {
      // one read; counts and filters on the page (the API filters by ?rule= and ?severity= too)
      const all = (await getJson('/api/patrol/findings?limit=500')).filter((f) => filters.closed || f.status !== 'CLOSED');
      if (!alive) return;
      const list = all.filter((f) => (!filters.rule || f.rule === filters.rule) && (!filters.severity || f.severity === filters.severity));
      const bySeverity = count(all, 'severity');
      const byRule = count(all, 'rule');
      const form = h('form', {
        class: 'filters', id: 'patrol-filters',
        onchange: () => {
          const d = new FormData(form);
          filters = { closed: d.get('closed') === 'on', rule: d.get('rule'), severity: d.get('severity') };
          history.replaceState(history.state, '', addressOf(filters));
          load();
        },
        onsubmit: (e) => e.preventDefault(),
      },
      h('label', { class: 'field' }, h('span', {}, '风险'), h('select', { name: 'severity' },
        h('option', { value: '' }, '全部'), Object.entries(SEVERITY_ZH).map(([v, t]) => h('option', { value: v, selected: v === filters.severity }, `${t}（${bySeverity.get(v) ?? 0}）`)))),
      h('label', { class: 'field' }, h('span', {}, '类型'), h('select', { name: 'rule' },
        h('option', { value: '' }, '全部'), Object.entries(RULE_ZH).map(([v, t]) => h('option', { value: v, selected: v === filters.rule }, `${t}（${byRule.get(v) ?? 0}）`)))),
      h('label', { class: 'check' }, h('input', { name: 'closed', type: 'checkbox', checked: filters.closed }), '显示已关闭'));
      const open = all.filter((f) => f.status === 'OPEN').length;
      main.replaceChildren(...[
        h('div', { class: 'page-head' }, h('h1', {}, '巡查'), h('span', { class: 'muted' }, `待处理 ${open} 条，共 ${all.length} 条`)),
        h('section', { class: 'figures', id: 'patrol-figures' }, ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].map((s) =>
          h('div', { class: `figure${s === 'CRITICAL' || s === 'HIGH' ? ' alert' : ''}` }, h('div', { class: 'value' }, String(bySeverity.get(s) ?? 0)), h('div', { class: 'label' }, `${SEVERITY_ZH[s]}风险`)))),
        canSettle ? null : h('p', { class: 'muted small', id: 'patrol-note' }, '您可以查看巡查发现；确认和关闭由网格员及以上人员办理。'),
        h('section', { class: 'card' }, form),
        list.length ? h('ul', { class: 'plain', id: 'finding-list' }, list.map((f) => findingCard(f, load, canSettle))) : h('p', { class: 'empty-state', id: 'finding-list' }, '没有符合条件的巡查发现'),
      ].filter(Boolean));
    } catch (e) {
      if (alive) main.replaceChildren(h('p', { class: 'error' }, e instanceof ApiError && e.status === 403 ? '您没有查看巡查的权限。' : `读取失败：${e.message}`));
    }
  };
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, '巡查')), h('p', { class: 'muted' }, '加载中…'));
  load();
  return () => void (alive = false);
}

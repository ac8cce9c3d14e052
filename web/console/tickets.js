// 工单: filter and search the tickets of the caller's part of the grid, export them, open one with its whole
// timeline and conversation, and act on it as in the chat (the bot posts the result in the ticket's group).
import { ApiError, download, getJson, postJson } from './api.js';
import { CATEGORY_OPTIONS, chinaTime, counter, h, select, status, STATUS_OPTIONS } from './ui.js';

const PAGE = 20;
const NO_FILTERS = { status: '', category: '', node: '', overdue: false, mine: false, group: '', from: '', to: '', q: '' };
// The list's filters and page live in the address (#/tickets?status=…&offset=20): a reload, a bookmark or a link keeps
// them, and 返回列表 / the browser's back come to the same list at the same place.
let filters = { ...NO_FILTERS };
let offset = 0;
let listAddress = '#/tickets';
const scrollAt = new Map(); // a list's address → where the page was scrolled when a ticket was opened from it
// Each drawing of the page (and each load of the list) takes a number: an answer that comes after the user has gone
// on (another ticket, the list again, a newer query) is dropped, never drawn over what the user now looks at — on a
// slow network the form under ticket #B's address would otherwise act on ticket #A.
let shown = 0;

/** Reads the filters and the page from the address's query (after #/tickets?); anything unknown is ignored. */
function fromAddress(hash) {
  const p = new URLSearchParams(hash.split('?')[1] ?? '');
  filters = { ...NO_FILTERS };
  for (const k of Object.keys(NO_FILTERS)) {
    const v = p.get(k);
    if (v !== null) filters[k] = k === 'overdue' || k === 'mine' ? v === '1' : v;
  }
  offset = Math.max(0, Math.floor(Number(p.get('offset')) || 0));
}

/** The list's address for the current filters and page; replaces the entry (no history step per query). */
function toAddress() {
  const q = query(offset ? { offset } : {});
  listAddress = q ? `#/tickets?${q}` : '#/tickets';
  if (location.hash !== listAddress) history.replaceState(history.state, '', listAddress);
}

function query(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v === true) p.set(k, '1');
    else if (v !== '' && v !== false && v !== undefined) p.set(k, String(v));
  }
  return p.toString();
}

function filterForm(onApply) {
  const form = h('form', {
    class: 'filters',
    id: 'ticket-filters',
    onsubmit: (e) => {
      e.preventDefault();
      const d = new FormData(form);
      filters = {
        status: d.get('status'), category: d.get('category'), node: d.get('node').trim(), overdue: d.get('overdue') === 'on',
        mine: d.get('mine') === 'on', group: d.get('group') ?? '', from: d.get('from'), to: d.get('to'), q: d.get('q').trim(),
      };
      offset = 0;
      onApply();
    },
  },
  h('label', { class: 'field grow' }, h('span', {}, '搜索'), h('input', { name: 'q', type: 'search', placeholder: '工单号、内容或位置', value: filters.q })),
  select('status', STATUS_OPTIONS, filters.status, '状态'),
  select('category', CATEGORY_OPTIONS, filters.category, '类别'),
  h('label', { class: 'field' }, h('span', {}, '网格'), h('input', { name: 'node', placeholder: '名称或编码', value: filters.node, size: 12, list: 'node-names', autocomplete: 'off' })),
  nodeNames(),
  h('label', { class: 'field' }, h('span', {}, '登记自'), h('input', { name: 'from', type: 'date', value: filters.from })),
  h('label', { class: 'field' }, h('span', {}, '至'), h('input', { name: 'to', type: 'date', value: filters.to })),
  h('label', { class: 'check' }, h('input', { name: 'overdue', type: 'checkbox', checked: filters.overdue }), '仅超时'),
  h('label', { class: 'check' }, h('input', { name: 'mine', type: 'checkbox', checked: filters.mine }), '只看我负责的'),
  // a group's tickets, opened from 群组: shown, so that it can be dropped
  filters.group ? h('label', { class: 'check' }, h('input', { name: 'group', type: 'checkbox', value: filters.group, checked: true }), groupName(filters.group)) : null,
  h('div', { class: 'buttons' },
    h('button', { class: 'primary', type: 'submit' }, '查询'),
    h('button', { type: 'button', onclick: () => download(`/api/tickets.csv?${query()}`).catch((e) => status(e.message, 'error')) }, '导出 CSV'),
    h('button', { type: 'button', onclick: () => download(`/api/tickets.xlsx?${query()}`).catch((e) => status(e.message, 'error')) }, '导出 Excel')));
  return form;
}

/** “只看该群”, with the group's name once /api/groups has it. */
function groupName(id) {
  const label = h('span', {}, '只看该群');
  getJson('/api/groups').then((gs) => { const g = gs.find((x) => String(x.id) === id); if (g) label.textContent = `只看「${g.title}」`; }).catch(() => {});
  return label;
}

/** The names of the nodes the user sees, offered by the 网格 field (it takes a name, a part of one, or a code). */
function nodeNames() {
  const list = h('datalist', { id: 'node-names' });
  getJson('/api/grid/nodes').then((d) => list.replaceChildren(...d.nodes.map((n) => h('option', { value: n.name })))).catch(() => {});
  return list;
}

function row(t) {
  return h('tr', { class: t.overdue ? 'overdue' : '', dataset: { no: t.number }, onclick: () => { if (location.hash !== `#/tickets/${t.number}`) location.hash = `#/tickets/${t.number}`; } },
    h('td', { 'data-label': '工单' }, h('a', { href: `#/tickets/${t.number}` }, `#${t.number}`)),
    h('td', { 'data-label': '状态' }, h('span', { class: `badge s-${t.status}` }, t.statusZh), t.overdue ? h('span', { class: 'badge overdue' }, '超时') : null,
      t.urgency !== 'NORMAL' ? h('span', { class: `badge u-${t.urgency}` }, t.urgencyZh) : null),
    h('td', { 'data-label': '类别' }, t.categoryZh),
    h('td', { 'data-label': '摘要', class: 'summary' }, t.summary),
    h('td', { 'data-label': '网格' }, t.gridNode?.name ?? ''),
    h('td', { 'data-label': '负责人' }, t.assignee ?? '—'),
    h('td', { 'data-label': '登记' }, chinaTime(t.createdAt)),
    h('td', { 'data-label': '时限' }, chinaTime(t.resolveDueAt)));
}

async function loadList(box) {
  const mine = ++shown;
  toAddress();
  box.replaceChildren(h('p', { class: 'muted' }, '加载中…'));
  try {
    const r = await getJson(`/api/tickets?${query({ limit: PAGE, offset })}`);
    if (mine !== shown) return;
    const pager = h('div', { class: 'pager' },
      h('span', { class: 'muted', id: 'ticket-total' }, `共 ${r.total} 条`),
      h('button', { disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); loadList(box); } }, '上一页'),
      h('span', {}, `${r.total ? offset + 1 : 0}–${offset + r.items.length}`),
      h('button', { disabled: offset + r.items.length >= r.total, onclick: () => { offset += PAGE; loadList(box); } }, '下一页'));
    box.replaceChildren(
      r.items.length
        ? h('table', { class: 'tickets', id: 'ticket-list' },
          h('thead', {}, h('tr', {}, ['工单', '状态', '类别', '摘要', '网格', '负责人', '登记', '时限'].map((x) => h('th', {}, x)))),
          h('tbody', {}, r.items.map(row)))
        : h('p', { class: 'empty-state', id: 'ticket-list' }, '没有符合条件的工单'),
      pager);
    // back from a ticket opened from this list: where the user was
    const y = scrollAt.get(listAddress);
    scrollAt.delete(listAddress);
    if (y) window.scrollTo(0, y);
  } catch (e) {
    if (mine !== shown) return;
    // a grid the server does not find by that name or code is a filter to correct, not a failure to read
    const filterProblem = e instanceof ApiError && (e.status === 400 || (e.status === 404 && e.code === 'GRID_NODE_NOT_FOUND'));
    box.replaceChildren(filterProblem
      ? h('p', { class: 'error', id: 'ticket-filter-problem' }, e.status === 404 ? e.message : `筛选条件有误：${e.message}`)
      : h('p', { class: 'error' }, `读取失败：${e.message}`));
  }
}

// ---- one ticket -------------------------------------------------------------------------------------------------

const ACTIONS = {
  resolve: { label: '办结', fields: [['note', '办理结果', true]] },
  progress: { label: '进度', fields: [['note', '进展情况', true]] },
  claim: { label: '认领', fields: [] },
  assign: { label: '指派', fields: [['personId', '指派给', true, 'person'], ['note', '说明']] },
  transfer: { label: '转派', fields: [['target', '转派部门', true, 'department'], ['note', '说明']] },
  escalate: { label: '吹哨上报', fields: [['note', '上报原因', true]] },
  supervise: { label: '督办', fields: [['note', '督办意见']] },
  reject: { label: '驳回', fields: [['reason', '驳回原因', true, 'reason'], ['note', '说明']] },
  recategorize: { label: '改类', fields: [['category', '正确类别', true, 'category']] },
  merge: { label: '合并重复', fields: [['into', '并入工单号', true, 'number'], ['note', '说明']] },
  complex: { label: '标记复杂', fields: [['note', '说明']] },
};

/** Statuses in which a ticket waits for someone to claim it (transitions.ts). */
const WAITING_FOR_CLAIM = ['REPORTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'];

/** Statuses no staff action applies to: a closed ticket is reopened only by its resident, a rejected one not at all. */
const FINISHED = { CLOSED: '工单已关闭，无需办理；居民不满意时会重新打开。', REJECTED: '工单已驳回，无需办理。' };

function actionForm(detail, onDone) {
  const t = detail.ticket;
  if (FINISHED[t.status]) return h('div', { class: 'actions', id: 'action-none' }, h('h3', {}, '办理'), h('p', { class: 'muted' }, FINISHED[t.status]));
  const fieldsBox = h('div', { class: 'action-fields' });
  // the step the ticket waits for comes first: a ticket nobody has accepted yet is claimed before it is resolved, one
  // resolved and waiting for the resident's verdict gets progress notes
  const first = WAITING_FOR_CLAIM.includes(t.status) ? 'claim' : t.status === 'RESOLVED' ? 'progress' : 'resolve';
  const kind = h('select', { name: 'action', id: 'action-kind' }, Object.entries(ACTIONS).map(([k, a]) => h('option', { value: k, selected: k === first }, a.label)));
  const input = ([name, label, required, type]) => {
    let control;
    if (type === 'person') control = h('select', { name, required }, h('option', { value: '' }, '请选择'), detail.assignable.map((p) => h('option', { value: p.id }, `${p.name}（${p.roleZh}·${p.node}）`)));
    else if (type === 'department') {
      const targets = detail.transferTargets ?? [];
      if (!targets.length) return h('p', { class: 'muted', id: 'no-transfer-target' }, '该工单所在网格没有登记可转派的部门，请用“吹哨上报”。');
      control = h('select', { name, required }, h('option', { value: '' }, '请选择'), targets.map((d) => h('option', { value: d.name }, d.node ? `${d.name}（${d.node}）` : d.name)));
    } else if (type === 'reason') control = h('select', { name }, [['duplicate', '重复工单'], ['not_appeal', '非诉求'], ['other', '其他原因']].map(([v, l]) => h('option', { value: v }, l)));
    else if (type === 'category') control = h('select', { name, required }, CATEGORY_OPTIONS.slice(1).map(([v, l]) => h('option', { value: v, selected: v === t.category }, l)));
    else if (type === 'number') control = h('input', { name, type: 'number', min: 1, required });
    else {
      // the API's limit (NOTE_MAX_CHARS), counted as one types: a box that stops taking text says so
      control = h('textarea', { name, rows: 2, required });
      return h('label', { class: 'field' }, h('span', {}, label), control, counter(control, 500, `count-${name}`));
    }
    return h('label', { class: 'field' }, h('span', {}, label), control);
  };
  const show = () => {
    fieldsBox.replaceChildren(...ACTIONS[kind.value].fields.map(input));
    // 驳回 for 其他原因 says which: the group reads the note as the reason
    const reason = fieldsBox.querySelector('select[name=reason]');
    const note = fieldsBox.querySelector('textarea[name=note]');
    if (reason && note) {
      const need = () => { note.required = reason.value === 'other'; };
      reason.addEventListener('change', need);
      need();
    }
  };
  kind.addEventListener('change', show);
  show();
  const form = h('form', {
    class: 'actions',
    id: 'action-form',
    onsubmit: async (e) => {
      e.preventDefault();
      const d = Object.fromEntries(new FormData(form));
      const { action, ...rest } = d;
      const body = {};
      for (const [k, v] of Object.entries(rest)) body[k] = k === 'personId' || k === 'into' ? Number(v) : v;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const r = await postJson(`/api/tickets/${t.number}/${action}`, body);
        status(r.posted.length ? `已办理，并在群内发布：${r.posted.join(' / ')}` : '已办理', 'ok');
        onDone();
      } catch (err) {
        status(`未能办理：${err.message}`, 'error');
        button.disabled = false;
      }
    },
  },
  h('h3', {}, '办理'),
  h('label', { class: 'field' }, h('span', {}, '操作'), kind),
  fieldsBox,
  h('button', { class: 'primary', type: 'submit' }, '提交'),
  h('p', { class: 'muted small' }, '办理结果将以邻里助手的名义发布在工单所在的群，与群内指令效果相同。'));
  return form;
}

/** 转为议题: a ticket that needs the residents' decision rather than a repair (the server checks who may). */
function toTopicButton(t, onDone) {
  if (!['REPORTED', 'ACCEPTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'].includes(t.status)) return null;
  const button = h('button', { type: 'button', id: 'to-topic', onclick: async () => {
    if (!confirm(`将工单 #${t.number} 转为议题，由居民议事决定？工单将关闭。`)) return;
    button.disabled = true;
    try {
      const r = await postJson(`/api/tickets/${t.number}/topic`, {});
      status(`已转为议题#${r.topic.id}，已发布到${r.groups}个群`, 'ok');
      onDone();
    } catch (err) {
      status(`未能转为议题：${err.message}`, 'error');
      button.disabled = false;
    }
  } }, '转为议题');
  return button;
}

function detailView(d, reload) {
  const t = d.ticket;
  const facts = [
    ['状态', h('span', { class: `badge s-${t.status}` }, t.statusZh)],
    ['类别', t.categoryZh],
    ['紧急程度', t.urgencyZh],
    ['位置', t.place || '—'],
    ['网格', t.gridNode ? `${t.gridNode.name}（${t.gridNode.code}）` : '—'],
    ['群', t.group ?? '—'],
    ['反映人', `${t.reporter ?? '—'}${t.reporterCount > 1 ? `（共 ${t.reporterCount} 人反映）` : ''}`],
    ['负责人', t.assignee ?? '—'],
    ['登记时间', chinaTime(t.createdAt, true)],
    ['受理时限', chinaTime(t.acceptDueAt, true) || '—'],
    ['办结时限', h('span', { class: t.overdue ? 'error' : '' }, `${chinaTime(t.resolveDueAt, true) || '—'}${t.overdue ? '（已超时）' : ''}`)],
    ['办理结果', t.result ?? '—'],
  ];
  return h('article', { class: 'detail', id: 'ticket-detail' },
    h('div', { class: 'page-head' }, h('a', { href: listAddress, class: 'back' }, '← 返回列表'), h('h1', {}, `工单 #${t.number}`)),
    h('p', { class: 'lead' }, t.summary),
    // facts, 办理, 办理经过, 群聊记录 in this order: on a phone the form comes right after the facts; on a wide screen
    // it is the right-hand column beside the other three (style.css)
    h('div', { class: 'detail-grid' },
        h('section', { class: 'card detail-facts' }, h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
        h('aside', { class: 'card' }, actionForm(d, reload), toTopicButton(t, reload)),
        h('section', { class: 'card' }, h('h2', {}, '办理经过'),
          h('ol', { class: 'timeline', id: 'ticket-timeline' }, d.timeline.map((e) =>
            h('li', { class: `ev ev-${e.type}` },
              h('time', {}, chinaTime(e.at)),
              h('strong', {}, e.actor), ` ${e.typeZh}`,
              e.toStatusZh && e.fromStatus !== e.toStatus ? h('span', { class: 'muted' }, ` → ${e.toStatusZh}`) : null,
              e.note ? h('div', { class: 'note' }, e.note) : null)))),
        h('section', { class: 'card' }, h('h2', {}, '群聊记录'),
          d.messages.length
            ? h('ol', { class: 'chat', id: 'ticket-messages' }, d.messages.map((m) =>
              h('li', { class: m.direction === 'OUT' ? 'bot' : 'person' }, h('div', { class: 'meta' }, `${m.sender ?? ''}${m.direct ? '（私信）' : ''} · ${chinaTime(m.sentAt)}`), h('div', { class: 'bubble' }, m.text))))
            : h('p', { class: 'muted' }, '无关联消息'))));
}

async function loadDetail(main, no) {
  const mine = ++shown;
  main.replaceChildren(h('p', { class: 'muted' }, '加载中…'));
  try {
    const d = await getJson(`/api/tickets/${no}`);
    if (mine !== shown) return;
    main.replaceChildren(detailView(d, () => mine === shown && loadDetail(main, no)));
  } catch (e) {
    if (mine !== shown) return;
    const text = e instanceof ApiError && e.status === 403 ? '无权查看：该工单不在您负责的网格范围内。' : e instanceof ApiError && e.status === 404 ? `未找到工单 #${no}。` : `读取失败：${e.message}`;
    main.replaceChildren(h('section', { class: 'card empty', id: 'ticket-refused', dataset: { status: e instanceof ApiError ? e.status : '' } }, h('p', { class: 'error' }, text), h('a', { href: '#/tickets' }, '← 返回列表')));
  }
}

export function renderTickets(main, { no }) {
  // leaving the page drops whatever it still waits for
  const leave = () => void ++shown;
  if (no) {
    window.scrollTo(0, 0); // a ticket opens at its top, wherever the list was scrolled
    loadDetail(main, no);
    return leave;
  }
  fromAddress(location.hash);
  const list = h('div', { class: 'list', id: 'ticket-list-box' });
  main.replaceChildren(h('section', {}, h('div', { class: 'page-head' }, h('h1', {}, '工单')), h('div', { class: 'card' }, filterForm(() => loadList(list))), list));
  loadList(list);
  return () => {
    // opening a ticket from the list: remember where the list was scrolled, for the way back
    if (/^#\/tickets\/\d+/.test(location.hash)) scrollAt.set(listAddress, window.scrollY);
    leave();
  };
}

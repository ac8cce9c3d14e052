// Small DOM helpers: elements built with textContent only (never innerHTML with data), dates in China time.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function chinaTime(d, withYear = false) {
  if (!d) return '';
  const s = new Date(new Date(d).getTime() + 8 * 3600_000).toISOString();
  return (withYear ? s.slice(0, 10) : s.slice(5, 10)).replace(/-/g, withYear ? '-' : '/') + ' ' + s.slice(11, 16);
}

/** "35/2000", and at the limit "2000/2000（已到上限）": a box that stops taking text says why. */
export const countText = (n, max) => `${n}/${max}${n >= max ? '（已到上限）' : ''}`;

/**
 * A counter for a text box that stops at `max` characters (the API's limit for the field), counted as one types.
 * A value set by the page (a draft restored) is counted when the box is given to this.
 */
export function counter(box, max, id) {
  box.setAttribute('maxlength', String(max));
  box.setAttribute('aria-describedby', id);
  const el = h('span', { id, class: 'small muted counter' }, countText(box.value.length, max));
  box.addEventListener('input', () => (el.textContent = countText(box.value.length, max)));
  return el;
}

/**
 * What a form being written holds, kept for this tab (sessionStorage) until it is sent: a reload or the back button
 * does not lose it, and 退出 forgets it (api.js logout clears the tab's storage). Values are strings or objects.
 */
export function tabDraft(key) {
  return {
    get: () => { try { const v = sessionStorage.getItem(key); return v === null ? null : JSON.parse(v); } catch { return null; } },
    set: (v) => { try { if (v) sessionStorage.setItem(key, JSON.stringify(v)); else sessionStorage.removeItem(key); } catch { /* storage off */ } },
  };
}

export const todayChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function status(text, kind = 'info') {
  const el = document.getElementById('status');
  el.textContent = text;
  el.dataset.kind = kind;
  if (text) setTimeout(() => el.textContent === text && (el.textContent = ''), 8000);
}

/** Open tickets, and those nobody has accepted yet (core/tickets/transitions.ts), as the list's status filter takes them. */
export const OPEN = 'REPORTED,ACCEPTED,REOPENED,TRANSFERRED,ESCALATED';
export const AWAITING_CLAIM = 'REPORTED,REOPENED,TRANSFERRED,ESCALATED';

export const STATUS_OPTIONS = [
  ['', '全部状态'],
  [OPEN, '在办'],
  [AWAITING_CLAIM, '待认领'],
  ['REPORTED', '已登记'],
  ['ACCEPTED', '处理中'],
  ['RESOLVED', '已办结'],
  ['CLOSED', '已关闭'],
  ['REOPENED', '已重新打开'],
  ['TRANSFERRED', '已转派'],
  ['ESCALATED', '已上报'],
  ['REJECTED', '已驳回'],
];

export const CATEGORY_OPTIONS = [
  ['', '全部类别'],
  ['facility_repair', '设施维修'],
  ['sanitation', '环境卫生'],
  ['property_service', '物业服务'],
  ['noise', '噪音扰民'],
  ['parking_traffic', '停车交通'],
  ['fire_safety', '消防安全'],
  ['utilities', '水电气暖'],
  ['neighbour_dispute', '邻里纠纷'],
  ['public_security', '社会治安'],
  ['greening', '园林绿化'],
  ['policy_inquiry', '政策咨询'],
  ['other', '其他'],
];

export const select = (name, options, value, label) =>
  h('label', { class: 'field' }, h('span', {}, label), h('select', { name }, options.map(([v, t]) => h('option', { value: v, selected: v === value }, t))));

// 群组: every group of the caller's part of the grid — platform, grid node, tags, whether the assistant is in it, its
// last message — and, for street staff and above, the groups the assistant is in that no node has yet (it stays
// silent there), each mapped to a node picked from the caller's grid.
import { ApiError, getJson, postJson } from './api.js';
import { AWAITING_CLAIM, chinaTime, h, OPEN, status } from './ui.js';

const PLATFORM_ZH = { WECHAT: '微信', TELEGRAM: 'Telegram' };

// a group's open tickets, each figure a link to exactly those in 工单 (the group's, in the statuses counted): with
// dozens of groups this is what tells staff which need them
function ticketCell(g) {
  const t = g.tickets;
  if (!t?.open) return '无在办';
  const link = (text, extra, cls) => (g.node
    ? h('a', { href: `#/tickets?group=${g.id}${extra}`, class: cls }, text)
    : h('span', { class: cls }, text));
  return [
    link(`在办 ${t.open}`, `&status=${OPEN}`),
    t.unclaimed ? [' · ', link(`待认领 ${t.unclaimed}`, `&status=${AWAITING_CLAIM}`)] : null,
    t.overdue ? [' · ', link(`超时 ${t.overdue}`, '&overdue=1', 'error')] : null,
  ];
}

const need = (g) => g.tickets?.open ?? 0;
// most pressing first: 超时, then 待认领, then 在办
const byNeed = (a, b) => (b.tickets?.overdue ?? 0) - (a.tickets?.overdue ?? 0) || (b.tickets?.unclaimed ?? 0) - (a.tickets?.unclaimed ?? 0) || need(b) - need(a);

function groupRow(g) {
  return h('tr', { dataset: { id: g.id } },
    h('td', { 'data-label': '群名' }, g.title),
    h('td', { 'data-label': '工单' }, ticketCell(g)),
    h('td', { 'data-label': '平台' }, PLATFORM_ZH[g.platform] ?? g.platform),
    h('td', { 'data-label': '网格' }, g.node ? `${g.node.name}（${g.node.code}）` : '未映射'),
    h('td', { 'data-label': '标签' }, g.tags.length ? g.tags.map((t) => h('span', { class: 'badge' }, t)) : '—'),
    h('td', { 'data-label': '助手' }, g.botPresent ? h('span', { class: 'badge s-RESOLVED' }, '在群') : h('span', { class: 'badge s-ESCALATED' }, '不在群')),
    h('td', { 'data-label': '最近消息' }, g.lastActivityAt ? chinaTime(g.lastActivityAt, true) : '暂无'));
}

function groupTable(id, groups) {
  return h('table', { class: 'tickets rows', id },
    h('thead', {}, h('tr', {}, ['群名', '工单', '平台', '网格', '标签', '助手', '最近消息'].map((x) => h('th', {}, x)))),
    h('tbody', {}, groups.map(groupRow)));
}

async function pendingCard(reload) {
  const pending = await getJson('/api/groups/pending');
  const tree = await getJson('/api/grid/tree');
  const options = tree.nodes.map((n) => h('option', { value: n.code }, `${n.name}（${n.code}）`));
  const item = (g) =>
    h('li', { class: 'pending', dataset: { id: g.id } },
      h('div', {}, h('strong', {}, g.title), ' ', h('span', { class: 'muted small' }, `${PLATFORM_ZH[g.platform] ?? g.platform} · ${g.externalId}`)),
      h('form', {
        class: 'inline',
        onsubmit: async (e) => {
          e.preventDefault();
          const node = new FormData(e.target).get('node');
          // one mapping per press: a second press while it is on its way would only be refused (已映射)
          const btn = e.target.querySelector('button[type=submit]');
          if (btn.disabled) return;
          btn.disabled = true;
          try {
            const r = await postJson(`/api/groups/${g.id}/map/${encodeURIComponent(node)}`);
            status(`已将「${r.title}」映射到 ${r.node.name}`, 'ok');
            reload();
          } catch (err) {
            btn.disabled = false;
            status(`未能映射：${err.message}`, 'error');
          }
        },
      },
      h('label', { class: 'field' }, h('span', {}, '映射到网格'), h('select', { name: 'node' }, options.map((o) => o.cloneNode(true)))),
      h('button', { class: 'primary', type: 'submit' }, '映射')));
  return h('section', { class: 'card', id: 'pending-groups' },
    h('h2', {}, `待映射的群（${pending.length}）`),
    h('p', { class: 'muted small' }, '助手已在这些群里，但群还没有对应的网格节点，助手在群内保持沉默。'),
    pending.length ? h('ul', { class: 'plain' }, pending.map(item)) : h('p', { class: 'empty-state' }, '没有待映射的群'));
}

const hashParams = () => new URLSearchParams(location.hash.split('?')[1] ?? '');

/** `mayMap`: the caller's roles open the pending groups (street staff and above; GET /api/auth/me's routes). */
export function renderGroups(main, { mayMap }) {
  let alive = true;
  const load = async () => {
    main.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, '群组')), h('p', { class: 'muted' }, '加载中…'));
    try {
      const groups = await getJson('/api/groups');
      const pending = mayMap ? await pendingCard(load) : null;
      if (!alive) return;
      const list = h('div', {}, groups.length ? groupTable('group-list', groups) : h('p', { class: 'empty-state', id: 'group-list' }, '您的网格内还没有群'));
      // case aside (a phone keyboard types dy-g01 for DY-G01); the filter lives in the address, so a reload keeps it
      // 只看待处理的群: the groups with open tickets, most pressing first
      const filter = () => {
        const q = search.value.trim().toLowerCase();
        let shown = q ? groups.filter((g) => [g.title, g.node?.name, g.node?.code, ...g.tags].some((x) => x && x.toLowerCase().includes(q))) : groups;
        if (needOnly.checked) shown = shown.filter((g) => need(g) > 0).sort(byNeed);
        const none = groups.length ? (needOnly.checked && !q ? '没有待处理的群' : '没有符合条件的群') : '您的网格内还没有群';
        list.replaceChildren(shown.length ? groupTable('group-list', shown) : h('p', { class: 'empty-state', id: 'group-list' }, none));
        const p = new URLSearchParams();
        if (search.value.trim()) p.set('q', search.value.trim());
        if (needOnly.checked) p.set('need', '1');
        history.replaceState(history.state, '', `#/groups${p.size ? `?${p}` : ''}`);
      };
      const search = h('input', { type: 'search', placeholder: '按群名、网格或标签筛选', value: hashParams().get('q') ?? '', oninput: filter });
      const needOnly = h('input', { type: 'checkbox', checked: hashParams().get('need') === '1', onchange: filter });
      if (search.value || needOnly.checked) filter();
      const needing = groups.filter((g) => need(g) > 0).length;
      const absent = groups.filter((g) => !g.botPresent).length;
      main.replaceChildren(...[
        h('div', { class: 'page-head' }, h('h1', {}, '群组'), h('span', { class: 'muted' }, `共 ${groups.length} 个群${absent ? `，助手不在其中 ${absent} 个` : ''}`)),
        pending,
        h('section', { class: 'card' }, h('label', { class: 'field' }, h('span', {}, '筛选'), search),
          h('label', { class: 'check' }, needOnly, `只看待处理的群（${needing} 个）`)),
        list,
      ].filter(Boolean));
    } catch (e) {
      if (alive) main.replaceChildren(h('p', { class: 'error' }, e instanceof ApiError && e.status === 403 ? '您没有查看群组的权限（网格员及以上）。' : `读取失败：${e.message}`));
    }
  };
  load();
  return () => void (alive = false);
}

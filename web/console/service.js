// 志愿服务 (三单式): the month's points ranking, the volunteers of the caller's part of the grid (or a node in it) with
// their skills, points this month and all time and the requests in their hands, and the open service requests (status,
// kind, summary, the group that asked, the volunteer, how long ago). The month's sheet downloads as CSV. Read-only:
// requests are asked, dispatched and taken in the chat. The server masks residents' numbers below community staff.
import { ApiError, download, getJson } from './api.js';
import { chinaTime, h, status } from './ui.js';

const STATUS_CLASS = { REQUESTED: 's-REPORTED', DISPATCHED: 's-TRANSFERRED', TAKEN: 's-ACCEPTED', DONE: 's-RESOLVED', CONFIRMED: 's-CLOSED', CANCELLED: 's-REJECTED' };

const hashQuery = () => new URLSearchParams(location.hash.split('?')[1] ?? '');
const chinaMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const q = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};
const age = (hours) => (hours < 1 ? '不到1小时' : hours < 48 ? `${hours}小时` : `${Math.floor(hours / 24)}天`);
const failure = (e) => (e instanceof ApiError && e.status === 403 ? '您没有查看志愿服务的权限（网格员及以上，且在您的网格内）。' : `读取失败：${e.message}`);

function table(id, heads, rows) {
  return h('table', { class: 'tickets rows', id }, h('thead', {}, h('tr', {}, heads.map((x) => h('th', {}, x)))), h('tbody', {}, rows));
}

function rankingCard(d) {
  const rows = d.ranking.map((r) =>
    h('tr', { dataset: { person: r.personId, rank: r.rank } },
      h('td', { 'data-label': '名次' }, String(r.rank)),
      h('td', { 'data-label': '志愿者' }, r.name),
      h('td', { 'data-label': '积分' }, String(r.points)),
      h('td', { 'data-label': '服务' }, `${r.services}次`)));
  return h('section', { class: 'card' },
    h('h2', {}, `${d.month} 积分排名`),
    rows.length ? table('service-ranking', ['名次', '志愿者', '积分', '服务'], rows) : h('p', { class: 'empty-state', id: 'service-ranking' }, '本月还没有积分记录。'));
}

function volunteersCard(d) {
  const rows = d.items.map((v) =>
    h('tr', { dataset: { person: v.personId } },
      h('td', { 'data-label': '姓名' }, v.name),
      h('td', { 'data-label': '技能' }, v.skills.length ? v.skills.map((s) => h('span', { class: 'badge' }, s)) : '—'),
      h('td', { 'data-label': '网格' }, v.node?.name ?? '—'),
      h('td', { 'data-label': '本月积分', class: 'month-points' }, String(v.monthPoints)),
      h('td', { 'data-label': '累计积分', class: 'total-points' }, String(v.totalPoints)),
      h('td', { 'data-label': '在办' }, String(v.inHand))));
  return h('section', { class: 'card' },
    h('h2', {}, `志愿者（${d.items.length}）`),
    rows.length ? table('service-volunteers', ['姓名', '技能', '网格', '本月积分', '累计积分', '在办'], rows) : h('p', { class: 'empty-state', id: 'service-volunteers' }, '您的范围内还没有志愿者。'));
}

function requestsCard(d) {
  const rows = d.items.map((r) =>
    h('tr', { dataset: { id: r.id } },
      h('td', { 'data-label': '编号' }, `#${r.id}`),
      h('td', { 'data-label': '状态' }, h('span', { class: `badge ${STATUS_CLASS[r.status] ?? ''}` }, r.statusZh)),
      h('td', { 'data-label': '类别' }, r.kind),
      h('td', { 'data-label': '内容', class: 'summary', title: r.text }, h('div', { class: 'clamp3' }, r.summary)),
      h('td', { 'data-label': '来自' }, r.group?.title ?? r.node?.name ?? '—'),
      h('td', { 'data-label': '志愿者' }, r.volunteer?.name ?? (r.pooled ? '待接单（志愿者群）' : '—')),
      h('td', { 'data-label': '已等', title: chinaTime(r.createdAt, true) }, age(r.ageHours))));
  return h('section', { class: 'card' },
    h('h2', {}, `未完成的服务（${d.items.length}）`),
    rows.length ? table('service-requests', ['编号', '状态', '类别', '内容', '来自', '志愿者', '已等'], rows) : h('p', { class: 'empty-state', id: 'service-requests' }, '没有未完成的服务。'));
}

export function renderService(main) {
  let alive = true;
  const params = hashQuery();
  const month = params.get('month') || chinaMonth();
  const node = params.get('node') || '';
  const go = (m, n) => void (location.hash = `#/service${q({ month: m, node: n })}`);
  const monthInput = h('input', { type: 'month', id: 'service-month', value: month, max: chinaMonth(), 'aria-label': '月份', onchange: (e) => e.target.value && go(e.target.value, node) });
  const nodeSelect = h('select', { id: 'service-node', 'aria-label': '范围', onchange: (e) => go(month, e.target.value) }, h('option', { value: '' }, '我的范围'));
  getJson('/api/grid/nodes').then((d) => {
    for (const n of d.nodes.filter((x) => x.level !== 'UNIT' || x.code === node)) nodeSelect.append(h('option', { value: n.code, selected: n.code === node }, n.name));
  }, () => undefined);
  const csv = h('button', { type: 'button', id: 'service-csv', onclick: () => download(`/api/service/points.csv${q({ month, node })}`).catch((e) => status(e.message, 'error')) }, '导出 CSV');
  const scope = h('span', { class: 'scope muted', id: 'service-scope' });
  const body = h('div', { class: 'service-page' }, h('p', { class: 'muted' }, '加载中…'));
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, '志愿服务'), scope, h('div', { class: 'picker', id: 'service-picker' }, monthInput, nodeSelect, csv)), body);
  (async () => {
    try {
      const [ranking, volunteers, requests] = await Promise.all([
        getJson(`/api/service/points${q({ month, node })}`),
        getJson(`/api/service/volunteers${q({ month, node })}`),
        getJson(`/api/service/requests${q({ node })}`),
      ]);
      if (!alive) return;
      scope.textContent = `${volunteers.scope.map((s) => s.name).join('、')} · ${month}`;
      body.replaceChildren(rankingCard(ranking), requestsCard(requests), volunteersCard(volunteers));
      main.dataset.loaded = String(Date.now());
    } catch (e) {
      if (alive && !(e instanceof ApiError && e.status === 401)) body.replaceChildren(h('p', { class: 'error', id: 'service-error' }, failure(e)));
    }
  })();
  return () => void (alive = false);
}

// 总览: the figures of the caller's part of the grid. Ticket figures come from /api/tickets; the street-wide overview
// (/api/overview: groups, messages, hot topics …) is drawn when the server has it, otherwise an empty state says so.
// In the wall mode (大屏) it refreshes itself (every 30 s, or ?refresh=N seconds).
import { ApiError, getJson } from './api.js';
import { chinaTime, h, todayChina } from './ui.js';

const OPEN = 'REPORTED,ACCEPTED,REOPENED,TRANSFERRED,ESCALATED';
/** A wall redraws every 30 s; `?refresh=N` sets N seconds (1–3600). */
const REFRESH_MS = (() => {
  const n = Number(new URLSearchParams(location.search).get('refresh'));
  return Number.isInteger(n) && n >= 1 && n <= 3600 ? n * 1000 : 30_000;
})();

const figure = (label, value, kind = '') => h('div', { class: `figure ${kind}` }, h('div', { class: 'value' }, String(value)), h('div', { class: 'label' }, label));

async function ticketFigures() {
  const total = async (q) => (await getJson(`/api/tickets?limit=1&${q}`)).total;
  const today = todayChina();
  const [open, overdue, todayNew, resolved, recent] = await Promise.all([
    total(`status=${OPEN}`),
    total('overdue=1'),
    total(`from=${today}`),
    total('status=RESOLVED,CLOSED'),
    getJson('/api/tickets?limit=500'),
  ]);
  return { open, overdue, todayNew, resolved, recent: recent.items };
}

function chart(el, option) {
  if (!window.echarts) {
    el.replaceChildren(h('p', { class: 'muted' }, '图表组件未加载'));
    return null;
  }
  const c = window.echarts.init(el, document.body.classList.contains('wall') ? 'dark' : null, { renderer: 'canvas' });
  // a wall redraws every 30 s: no animation to distract (and the picture is whole at once)
  c.setOption({ backgroundColor: 'transparent', animation: !document.body.classList.contains('wall'), ...option });
  return c;
}

function countBy(items, key) {
  const m = new Map();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * The street-wide overview from /api/overview, drawn as figures: every number at the top level of its answer (or
 * in its `figures` list of { label, value }). The overview's own page will replace this generic drawing.
 */
export function renderOverviewPayload(box, data) {
  if (data?.month?.rates && data?.groups && data?.patrol) return box.replaceChildren(h('div', { class: 'figures' }, statFigures(data)));
  const figures = Array.isArray(data?.figures)
    ? data.figures
    : Object.entries(data ?? {}).filter(([, v]) => typeof v === 'number').map(([label, value]) => ({ label, value }));
  box.replaceChildren(figures.length ? h('div', { class: 'figures' }, figures.map((f) => figure(f.label, f.value))) : h('p', { class: 'muted' }, '暂无数据'));
}

const percent = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

/** The month's rates and the groups' health from /api/overview (its shape: README, "The overview"). */
function statFigures(d) {
  const m = d.month;
  return [
    figure('本月新增', m.counts.reported),
    figure('响应率', percent(m.rates.response)),
    figure('按时办结率', percent(m.rates.onTimeResolution)),
    figure('满意率', percent(m.rates.satisfaction)),
    figure('重新打开率', percent(m.rates.reopen)),
    figure('活跃群', `${d.groups.active}/${d.groups.total}`),
    figure('巡查未结', d.patrol.total, d.patrol.total ? 'alert' : ''),
  ];
}

async function overviewSection(box) {
  try {
    renderOverviewPayload(box, await getJson('/api/overview'));
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    box.replaceChildren(h('div', { class: 'empty-state' }, h('strong', {}, '综合总览尚未启用'), h('span', { class: 'muted' }, '群组活跃度、热点话题等数据接口（/api/overview）上线后显示在这里。')));
  }
}

export function renderOverview(main, { wall }) {
  const charts = [];
  const figures = h('div', { class: 'figures', id: 'ticket-figures' });
  const byCategory = h('div', { class: 'chart', id: 'chart-category' });
  const byGrid = h('div', { class: 'chart', id: 'chart-grid' });
  const latest = h('ol', { class: 'latest' });
  const overview = h('div', { id: 'overview-data' });
  const clock = h('span', { class: 'clock' });
  main.replaceChildren(
    h('section', { class: 'overview' },
      h('div', { class: 'page-head' }, h('h1', {}, wall ? '社情民情 · 一屏可览' : '总览'), clock),
      h('div', { class: 'card' }, h('h2', {}, '工单'), figures),
      h('div', { class: 'grid2' },
        h('div', { class: 'card' }, h('h2', {}, '诉求类别'), byCategory),
        h('div', { class: 'card' }, h('h2', {}, '各网格在办工单'), byGrid)),
      h('div', { class: 'grid2' },
        h('div', { class: 'card' }, h('h2', {}, '最新诉求'), latest),
        h('div', { class: 'card' }, h('h2', {}, '社区概况'), overview))));

  async function load() {
    clock.textContent = `更新于 ${chinaTime(new Date(), true)}`;
    try {
      const f = await ticketFigures();
      figures.replaceChildren(
        figure('在办工单', f.open),
        figure('超时工单', f.overdue, f.overdue ? 'alert' : ''),
        figure('今日新增', f.todayNew),
        figure('已办结', f.resolved, 'good'),
      );
      for (const c of charts.splice(0)) c.dispose();
      const cats = countBy(f.recent, (t) => t.categoryZh);
      const grids = countBy(f.recent.filter((t) => OPEN.includes(t.status)), (t) => t.gridNode?.name ?? '未知');
      const big = wall ? 22 : 13;
      charts.push(
        chart(byCategory, {
          tooltip: { trigger: 'item' },
          series: [{ type: 'pie', radius: ['40%', '70%'], label: { fontSize: big, formatter: '{b} {c}' }, data: cats.map(([name, value]) => ({ name, value })) }],
        }),
        chart(byGrid, {
          grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: big } },
          yAxis: { type: 'category', data: grids.map(([n]) => n).reverse(), axisLabel: { fontSize: big } },
          series: [{ type: 'bar', barMaxWidth: wall ? 56 : 28, data: grids.map(([, v]) => v).reverse(), label: { show: true, position: 'right', fontSize: big } }],
        }),
      );
      latest.replaceChildren(...f.recent.slice(0, wall ? 6 : 5).map((t) =>
        h('li', {}, h('span', { class: `badge s-${t.status}` }, t.statusZh), ` #${t.number} `, h('span', {}, t.summary), h('span', { class: 'muted' }, ` ${t.gridNode?.name ?? ''} ${chinaTime(t.createdAt)}`))));
      if (!f.recent.length) latest.replaceChildren(h('li', { class: 'muted' }, '暂无工单'));
    } catch (e) {
      figures.replaceChildren(h('p', { class: 'error' }, `工单数据读取失败：${e.message}`));
    }
    try {
      await overviewSection(overview);
    } catch (e) {
      overview.replaceChildren(h('p', { class: 'error' }, `总览读取失败：${e.message}`));
    }
    main.dataset.loaded = String(Date.now());
  }
  load();
  const timer = wall ? setInterval(load, REFRESH_MS) : null;
  const onResize = () => charts.forEach((c) => c?.resize());
  window.addEventListener('resize', onResize);
  return () => {
    if (timer) clearInterval(timer);
    window.removeEventListener('resize', onResize);
    for (const c of charts.splice(0)) c?.dispose();
  };
}

// 总览 and the wall (大屏, ?mode=wall): every panel drawn from GET /api/overview[?node=CODE] (README, "The overview"):
// today and this month, the four rates with their definitions, the 30-day trend, categories, the ranking of the
// nodes one level down (click one to look inside it: ?node=CODE), open patrol findings, group health and the slot of
// 每月一题. Live: GET /api/events (server-sent events) — a ticket change inside the caller's part of the grid redraws
// the page within moments; the wall also polls slowly in case the stream is cut (every 60 s, or ?refresh=N seconds).
import { ApiError, getJson } from './api.js';
import { Charts, emptyChart, wallPx } from './charts.js';
import { problemsPanel } from './insights.js';
import { chinaTime, h, OPEN } from './ui.js';

const params = () => new URLSearchParams(location.search);
/** The wall's fallback poll; `?refresh=N` sets N seconds (1–3600). */
const REFRESH_MS = (() => {
  const n = Number(params().get('refresh'));
  return Number.isInteger(n) && n >= 1 && n <= 3600 ? n * 1000 : 60_000;
})();
/** After a ticket event: redraw soon, and once more in case the roll-ups were written after the first read. */
const LIVE_REDRAW_MS = [300, 1500];
/** While the month's problems are first analysed (in the background, started by the first read): read again this soon. */
const ANALYSIS_RETRY_MS = 3000;
/** How many of the latest tickets the list holds: the desk shows 6, the wall as many of 20 as fit its panel. */
const LATEST = { desk: 6, wall: 20 };

const LEVEL_ZH = { DISTRICT: '区', STREET: '街道', COMMUNITY: '社区', GRID: '网格', UNIT: '单元' };
const SEVERITY = [['CRITICAL', '严重', '#b71c1c'], ['HIGH', '高', '#e53935'], ['MEDIUM', '中', '#fb8c00'], ['LOW', '低', '#fdd835']];
const RATES = [
  ['response', '响应率', '按时受理 ÷（受理 + 受理超时）：本月到期的受理时限中，按时认领的比例'],
  ['onTimeResolution', '按时办结率', '按时办结 ÷（办结 + 办结超时）：本月到期的办结时限中，按时办结的比例'],
  ['satisfaction', '满意率', '（满意 + 基本满意）÷ 全部评价：本月居民评价中满意的比例'],
  ['reopen', '重新打开率', '不满意重新打开 ÷ 办结：本月办结后被居民退回的比例（越低越好）'],
];
const COUNTS = [['reported', '新增'], ['accepted', '受理'], ['resolved', '办结'], ['closed', '关闭'], ['overdue', '超时'], ['escalated', '上报']];

const percent = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const figure = (label, value, kind = '', title) =>
  h('div', { class: `figure ${kind}`, title, dataset: { label } }, h('div', { class: 'value' }, String(value)), h('div', { class: 'label' }, label));

function periodFigures(p) {
  return COUNTS.map(([k, label]) => {
    const v = k === 'overdue' ? p.overdue : p.counts[k];
    return figure(label, v, (k === 'overdue' || k === 'escalated') && v ? 'alert' : k === 'resolved' || k === 'closed' ? 'good' : '');
  });
}

/** The four rates of the month, each a gauge with its value, name and definition (kept across redraws). */
function ratePanel(box, d, charts, wall) {
  const defs = d.rateDefinitions ?? {};
  if (!box.children.length) {
    box.replaceChildren(...RATES.map(([k, label]) =>
      h('div', { class: 'rate', id: `rate-${k}` }, h('div', { class: 'gauge-box' }, h('div', { class: 'gauge' }), h('div', { class: 'rate-value' })), h('div', { class: 'rate-name' }, label), h('div', { class: 'rate-def' }))));
  }
  for (const [k, label, zh] of RATES) {
    const r = d.month.rates[k];
    const wrap = box.querySelector(`#rate-${k}`);
    wrap.title = `${label}：${zh}${defs[k] ? `\n(${defs[k].formula})` : ''}`;
    wrap.querySelector('.rate-value').textContent = percent(r);
    wrap.querySelector('.rate-def').textContent = r === null ? `${zh.split('：')[0]}；本月无到期事项` : zh.split('：')[0];
    charts.draw(wrap.querySelector('.gauge'), {
      tooltip: { show: false },
      series: [{
        type: 'gauge', startAngle: 210, endAngle: -30, min: 0, max: 100, radius: '100%', center: ['50%', '62%'],
        progress: { show: true, width: wall ? wallPx(14) : 8 }, axisLine: { lineStyle: { width: wall ? wallPx(14) : 8 } },
        axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false }, pointer: { show: false },
        detail: { show: false }, title: { show: false },
        itemStyle: { color: k === 'reopen' ? '#fb8c00' : '#2e9d5b' },
        data: [{ value: r === null ? 0 : Math.round(r * 1000) / 10 }],
      }],
    });
  }
}

function drawCharts(d, el, charts, wall, drill) {
  const px = (n, desk) => (wall ? wallPx(n) : desk);
  const big = px(18, 12);
  const days = d.trend.map((t) => t.day.slice(5).replace('-', '/'));
  charts.draw(el.trend, {
    legend: { top: 0, textStyle: { fontSize: big } },
    grid: { left: 8, right: 16, top: px(40, 30), bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: days, axisLabel: { fontSize: big } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: big } },
    series: [
      { name: '新增', type: 'line', showSymbol: false, data: d.trend.map((t) => t.reported), areaStyle: { opacity: 0.15 } },
      { name: '办结', type: 'line', showSymbol: false, data: d.trend.map((t) => t.resolved) },
      { name: '超时', type: 'line', showSymbol: false, data: d.trend.map((t) => t.overdue), itemStyle: { color: '#e53935' } },
    ],
  });
  // every bar says its figure and a zero says nothing: a lone "0" beside another series' bar read as that bar's figure
  const barLabel = { show: true, position: 'right', fontSize: big, formatter: (p) => (p.value ? String(p.value) : '') };
  // a category here only by a rating (a ticket resolved last month, rated this month) has no bar to draw: no empty row
  const cats = d.categories.filter((c) => c.reported || c.resolved).slice(0, 10).reverse();
  if (!cats.length) el.categories.dataset.empty = '1';
  charts.draw(el.categories, cats.length ? {
    grid: { left: 8, right: 30, top: 24, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: big } },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: big } },
    yAxis: { type: 'category', data: cats.map((c) => c.name), axisLabel: { fontSize: big } },
    series: [
      { name: '新增', type: 'bar', data: cats.map((c) => c.reported), label: barLabel, barMaxWidth: px(30, 18) },
      { name: '办结', type: 'bar', data: cats.map((c) => c.resolved), label: barLabel, barMaxWidth: px(30, 18) },
    ],
  } : emptyChart('本月暂无诉求', big));
  const rows = d.ranking.rows.slice(0, 12).reverse();
  const rank = charts.draw(el.ranking, rows.length ? {
    grid: { left: 8, right: 30, top: 24, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: big } },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: big } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: big, width: px(220, 110), overflow: 'truncate' } },
    series: [
      { name: '本月新增', type: 'bar', data: rows.map((r) => r.reported), label: barLabel, barMaxWidth: px(26, 16) },
      { name: '在办', type: 'bar', data: rows.map((r) => r.open), label: barLabel, barMaxWidth: px(26, 16) },
      { name: '超时', type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#e53935' }, label: barLabel, barMaxWidth: px(26, 16) },
    ],
  } : emptyChart('无下级', big));
  if (rank && drill) {
    rank.off('click');
    rank.on('click', (p) => rows[p.dataIndex] && drill(rows[p.dataIndex]));
  }
  const sev = SEVERITY.map(([k, name, color]) => ({ name, value: d.patrol.open[k] ?? 0, itemStyle: { color } }));
  charts.draw(el.patrol, {
    title: donutTitle(String(d.patrol.total), '项未结', wall),
    legend: { bottom: 0, textStyle: { fontSize: big }, data: sev.map((s) => s.name) },
    series: donut(sev, wall),
  });
  const g = d.groups;
  const health = [
    { name: '活跃', value: g.active, itemStyle: { color: '#2e9d5b' } },
    { name: '沉寂', value: g.silent, itemStyle: { color: '#9aa5b1' } },
    { name: '机器人被移出', value: g.botRemoved, itemStyle: { color: '#e53935' } },
  ];
  charts.draw(el.groups, {
    title: donutTitle(`${g.active}/${g.total}`, `${g.activeDays} 天内活跃`, wall),
    legend: { bottom: 0, textStyle: { fontSize: big }, data: health.map((s) => s.name) },
    series: donut(health, wall),
  });
}

/**
 * A donut of these parts. With nothing to count (every part zero) ECharts would share the ring out in equal slices
 * (its stillShowZeroSum); it draws an empty gray ring instead, the parts staying in the legend.
 */
function donut(parts, wall) {
  const ring = { type: 'pie', radius: ['58%', '80%'], center: ['50%', '45%'], label: { show: false } };
  if (parts.some((p) => p.value > 0)) return [{ ...ring, data: parts }];
  return [
    { ...ring, data: parts, stillShowZeroSum: false, silent: true },
    { ...ring, id: 'empty-ring', data: [{ name: '无', value: 1, itemStyle: { color: wall ? '#33475b' : '#e3e7ec' } }], silent: true, tooltip: { show: false } },
  ];
}

/** The figure in a donut's hole, its words under it (the hole is centred at 45% of the height). */
const donutTitle = (text, sub, wall) => ({
  text, subtext: sub, left: 'center', top: wall ? '36%' : '34%', itemGap: 2,
  textStyle: { fontSize: wall ? wallPx(40) : 26, fontWeight: 700 }, subtextStyle: { fontSize: wall ? wallPx(15) : 11 },
});


function rankingTable(d, drill) {
  if (!d.ranking.rows.length) return h('p', { class: 'muted' }, '无下级网格');
  const canDrill = (r) => r.level !== 'UNIT';
  return h('table', { class: 'ranking', id: 'ranking' },
    h('thead', {}, h('tr', {}, ['名称', '本月新增', '办结', '在办', '超时', '按时办结率', '满意率'].map((x) => h('th', {}, x)))),
    h('tbody', {}, d.ranking.rows.map((r) =>
      h('tr', { class: canDrill(r) ? 'drill' : '', dataset: { node: r.code }, onclick: canDrill(r) ? () => drill(r) : undefined, title: canDrill(r) ? `查看${r.name}` : undefined },
        h('td', {}, r.name, canDrill(r) ? h('span', { class: 'muted small' }, ' ›') : null),
        h('td', {}, String(r.reported)), h('td', {}, String(r.resolved)), h('td', {}, String(r.open)),
        h('td', { class: r.overdue ? 'error' : '' }, String(r.overdue)),
        h('td', {}, percent(r.rates.onTimeResolution)), h('td', {}, percent(r.rates.satisfaction))))));
}

/** The latest changes heard on the stream (the wall's ticker; a click opens the ticket elsewhere). */
function liveItem(e, wall) {
  const t = e.ticket;
  const body = [h('span', { class: `badge s-${t.status}` }, t.statusName), ` #${t.number} `, h('span', {}, t.summary), h('span', { class: 'muted' }, ` ${t.node.name} ${chinaTime(e.at)}`)];
  return h('li', { dataset: { no: t.number } }, wall ? body : h('a', { href: `#/tickets/${t.number}` }, body));
}

/** Building heads and volunteers have no overview (the API's is for grid workers and above): where they can work. */
function notTheirs(main) {
  main.replaceChildren(h('section', { class: 'card notice', id: 'overview-not-theirs' },
    h('h1', {}, '总览'),
    h('p', { class: 'muted' }, '总览供网格员及以上工作人员查看。您可以在“工单”中办理本楼的工单，在“巡查”中查看本楼的巡查发现。'),
    h('p', { class: 'buttons' }, h('a', { href: '#/tickets', class: 'button primary' }, '工单'), h('a', { href: '#/patrol', class: 'button' }, '巡查'))));
  main.dataset.loaded = String(Date.now());
  return () => {};
}

export function renderOverview(main, { wall, me }) {
  if (me && !me.roles.some((r) => r.role !== 'UNIT_HEAD' && r.role !== 'VOLUNTEER')) return notTheirs(main);
  const charts = new Charts(wall);
  const node = params().get('node');
  const box = (id, cls = 'chart') => h('div', { class: cls, id });
  const el = {
    today: box('figures-today', 'figures six'), month: box('figures-month', 'figures six'), open: box('figures-open', 'figures two'),
    rates: box('rates', 'rates'), trend: box('chart-trend'), categories: box('chart-category'), ranking: box('chart-ranking'),
    patrol: box('chart-patrol', 'chart small'), groups: box('chart-groups', 'chart small'), table: h('div', { id: 'ranking-box' }),
    problems: h('div', { id: 'problems-of-month', class: 'empty-state' }), live: h('ol', { class: 'latest', id: 'live-list' }),
  };
  const title = h('h1', {}, wall ? '社情民情 · 一屏可览' : '总览');
  const scopeName = h('span', { class: 'scope', id: 'scope-name' });
  const clock = h('span', { class: 'clock', id: 'updated' });
  const liveDot = h('span', { class: 'live', id: 'live-state', dataset: { state: 'connecting' } }, '连接中');
  const picker = h('div', { class: 'picker', id: 'node-picker' });
  const card = (heading, ...content) => h('div', { class: 'card' }, h('h2', {}, heading), ...content);

  const banner = h('div', { class: 'overview-banner', id: 'overview-banner' });
  main.replaceChildren(
    h('section', { class: `overview ${wall ? 'wall-grid' : ''}` },
      h('div', { class: 'page-head' }, title, scopeName, picker, clock, liveDot),
      banner,
      h('div', { class: 'row-periods' },
        card('今日', el.today),
        card('本月', el.month),
        card('当前在办', el.open)),
      h('div', { class: 'row-main' },
        card('本月四率', el.rates),
        card('近 30 天趋势', el.trend)),
      h('div', { class: 'row-more' },
        card('本月诉求类别', el.categories),
        card('下级排名（本月）', el.ranking, wall ? null : el.table),
        card('巡查未结（按严重程度）', el.patrol),
        card('群活跃度', el.groups),
        card('每月一题', el.problems),
        card('实时动态', el.live))));

  const drill = (r) => {
    if (r.level === 'UNIT') return;
    const p = params();
    p.set('node', r.code);
    history.pushState(null, '', `${location.pathname}?${p}${location.hash}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };
  const up = () => {
    const p = params();
    p.delete('node');
    history.pushState(null, '', `${location.pathname}${p.toString() ? `?${p}` : ''}${location.hash}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  function drawPicker(d) {
    const drillable = d.ranking.rows.filter((r) => r.level !== 'UNIT');
    const above = me?.roles?.some((r) => r.role !== 'GRID_WORKER' && r.role !== 'UNIT_HEAD');
    if (wall || (!node && (!above || !drillable.length))) return picker.replaceChildren();
    const sel = h('select', { id: 'node-select', 'aria-label': '查看范围', onchange: (e) => e.target.value && drill(d.ranking.rows.find((r) => r.code === e.target.value)) },
      h('option', { value: '' }, drillable.length ? `查看下级${LEVEL_ZH[d.ranking.level] ?? ''}…` : '无下级'),
      drillable.map((r) => h('option', { value: r.code }, r.name)));
    picker.replaceChildren(...[node ? h('button', { type: 'button', id: 'node-up', onclick: up }, '← 我的范围') : null, drillable.length ? sel : null].filter(Boolean));
  }

  /** The wall's list shows the items that fit its panel whole (one line each); the others wait hidden. */
  const fitLatest = () => {
    if (!wall) return;
    const items = [...el.live.children];
    for (const li of items) li.hidden = false;
    const bottom = el.live.getBoundingClientRect().bottom;
    for (const li of items) li.hidden = li.getBoundingClientRect().bottom > bottom + 0.5;
  };
  const listObserver = wall && typeof ResizeObserver === 'function' ? new ResizeObserver(fitLatest) : null;
  listObserver?.observe(el.live);

  /**
   * ?node= names a node the caller may not see (403) or no node at all (404): one notice across the page instead of
   * the panels, with the server's reason and the way back to the caller's own part of the grid.
   */
  function refused(e) {
    stop();
    const back = new URLSearchParams(location.search);
    back.delete('node');
    const href = `${location.pathname}${back.toString() ? `?${back}` : ''}#/overview`;
    main.replaceChildren(h('section', { class: 'card notice', id: 'overview-refused', role: 'alert' },
      h('h1', {}, e.status === 403 ? '无权查看该范围的总览' : '没有这个网格'),
      h('p', { class: 'muted' }, e.message),
      h('p', {}, h('a', { href, id: 'overview-back', class: 'button primary' }, '返回我的范围'))));
    main.dataset.loaded = String(Date.now());
  }

  let last = null;
  let loading = null;
  let analysing = null;
  async function load() {
    if (loading) return loading;
    loading = (async () => {
      try {
        // on one's own desk, beside the scope's figures: the open tickets one holds (escalated, transferred or
        // assigned to one), one tap from their list
        const [d, mine] = await Promise.all([
          getJson(`/api/overview${node ? `?node=${encodeURIComponent(node)}` : ''}`),
          wall || node ? null : getJson(`/api/tickets?mine=1&status=${OPEN}&limit=1`).catch(() => null),
        ]);
        last = d;
        scopeName.textContent = d.scope.map((s) => s.name).join('、');
        el.today.replaceChildren(...periodFigures(d.today));
        el.month.replaceChildren(...periodFigures(d.month));
        el.open.replaceChildren(figure('在办', d.open.total), figure('已超时限', d.open.overdue, d.open.overdue ? 'alert' : ''),
          ...(mine ? [h('a', { class: `figure mine ${mine.total ? 'alert' : ''}`, id: 'my-tickets', href: `#/tickets?status=${OPEN}&mine=1`, dataset: { label: '我负责的' } },
            h('div', { class: 'value' }, String(mine.total)), h('div', { class: 'label' }, '我负责的 ›'))] : []));
        ratePanel(el.rates, d, charts, wall);
        drawCharts(d, el, charts, wall, drill);
        if (!wall) el.table.replaceChildren(rankingTable(d, drill));
        el.problems.className = d.problemsOfMonth ? 'problems-panel' : 'empty-state';
        el.problems.replaceChildren(...problemsPanel(d.problemsOfMonth, wall));
        // the first read of a scope starts its analysis: its top problems come at the next read, seconds away, not
        // at the wall's next poll (a minute) or never (a desk does not poll)
        if (d.problemsOfMonth && d.problemsOfMonth.analysed === false && !analysing && !stopped) analysing = setTimeout(() => { analysing = null; load(); }, ANALYSIS_RETRY_MS);
        drawPicker(d);
        clock.textContent = `更新于 ${chinaTime(d.generatedAt, true).slice(5)}`;
        banner.replaceChildren();
        main.dataset.loaded = String(Date.now());
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return;
        if (node && e instanceof ApiError && (e.status === 403 || e.status === 404)) return refused(e);
        // a failure of the moment (the server away): said across the page, the figures of the last read stay
        banner.replaceChildren(h('p', { class: 'error', id: 'overview-error' }, `总览读取失败：${e.message}`));
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  /** The latest tickets from the API; `missed`: after the stream was cut, what it missed is put in front of the list. */
  async function latest(missed = false) {
    try {
      const r = await getJson(`/api/tickets?limit=${wall ? LATEST.wall : LATEST.desk}${node ? `&node=${encodeURIComponent(node)}` : ''}`);
      const items = r.items.map((t) => ({ at: t.createdAt, ticket: { number: t.number, status: t.status, statusName: t.statusZh, summary: t.summary, node: { name: t.gridNode?.name ?? '' } } }));
      if (missed && el.live.dataset.source === 'live') {
        // the stream's list keeps its order (latest change first); tickets it never heard of come first, newest on top
        const heard = new Set([...el.live.querySelectorAll('li[data-no]')].map((li) => li.dataset.no));
        el.live.prepend(...items.filter((e) => !heard.has(String(e.ticket.number))).map((e) => liveItem(e, wall)));
        while (el.live.children.length > (wall ? LATEST.wall : LATEST.desk)) el.live.lastChild.remove();
      } else if (!el.live.children.length || el.live.dataset.source !== 'live') el.live.replaceChildren(...items.map((e) => liveItem(e, wall)));
      if (!items.length && !el.live.children.length) el.live.replaceChildren(h('li', { class: 'muted' }, '暂无工单'));
      fitLatest();
    } catch {
      // the list is a courtesy; the overview says what failed
    }
  }

  // live: each ticket change redraws (debounced: a burst of changes is one redraw, within 2 s of the first)
  const timers = [];
  const stream = new EventSource('/api/events');
  stream.addEventListener('ready', () => {
    // back after a cut: what happened meanwhile was never heard, so read it now rather than at the slow poll
    const back = liveDot.dataset.state === 'lost';
    liveDot.dataset.state = 'open';
    liveDot.textContent = '实时';
    if (back) load().then(() => latest(true));
  });
  stream.addEventListener('ticket', (m) => {
    const e = JSON.parse(m.data);
    el.live.dataset.source = 'live';
    el.live.querySelector(`li[data-no="${e.ticket.number}"]`)?.remove();
    el.live.querySelector('li.muted')?.remove();
    el.live.prepend(liveItem(e, wall));
    while (el.live.children.length > (wall ? LATEST.wall : LATEST.desk)) el.live.lastChild.remove();
    fitLatest();
    if (timers.length) return;
    for (const ms of LIVE_REDRAW_MS) timers.push(setTimeout(() => {
      if (ms === LIVE_REDRAW_MS.at(-1)) timers.length = 0;
      load();
    }, ms));
  });
  stream.onerror = () => {
    liveDot.dataset.state = 'lost';
    liveDot.textContent = '重连中';
    // the stream gave up (the session ended, the server went away): the poll below, or a check of the session
    if (stream.readyState === EventSource.CLOSED) getJson('/api/auth/me').catch(() => undefined);
  };

  load();
  latest();
  const poll = wall ? setInterval(() => load().then(latest), REFRESH_MS) : null;
  // each chart follows its box by itself (charts.js); the wall's sizes follow the screen's, so it draws again
  let resizing = null;
  const onResize = () => {
    charts.resize();
    if (!wall || !last) return;
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      ratePanel(el.rates, last, charts, wall);
      drawCharts(last, el, charts, wall, drill);
      fitLatest();
    }, 100);
  };
  window.addEventListener('resize', onResize);
  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    stream.close();
    for (const t of timers.splice(0)) clearTimeout(t);
    clearTimeout(analysing);
    if (poll) clearInterval(poll);
    window.removeEventListener('resize', onResize);
    clearTimeout(resizing);
    listObserver?.disconnect();
    charts.dispose();
  }
  return stop;
}

// Charts of the month's proposal, rendered on the server to inline SVG by echarts (no browser, no script in the page).
import * as echarts from 'echarts';

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

function svg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Appeals per month of one problem (the trend). */
export function trendSvg(monthly: readonly { month: string; count: number }[], width = 640, height = 220): string {
  return svg(
    {
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: monthly.map((m) => m.month), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1, name: '件', nameTextStyle: { fontSize: 10 } },
      series: [{ type: 'line', data: monthly.map((m) => m.count), label: { show: true, fontSize: 10 }, symbolSize: 5, itemStyle: { color: '#c0392b' } }],
    },
    width,
    height,
  );
}

/** Horizontal bars: grids most affected, or the month's problems by count. */
export function barsSvg(items: readonly { name: string; count: number }[], width = 640, height?: number): string {
  const rows = [...items].reverse(); // echarts draws the first category at the bottom
  return svg(
    {
      grid: { left: 150, right: 40, top: 12, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => (r.name.length > 12 ? `${r.name.slice(0, 12)}…` : r.name)), axisLabel: { fontSize: 11 } },
      series: [{ type: 'bar', data: rows.map((r) => r.count), label: { show: true, position: 'right', fontSize: 10 }, itemStyle: { color: '#2e6da4' } }],
    },
    width,
    height ?? Math.max(90, 36 + rows.length * 26),
  );
}

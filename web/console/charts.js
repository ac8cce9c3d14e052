// ECharts on the console's pages (the library is served at /vendor/echarts.min.js and loaded by index.html).
import { h } from './ui.js';

/**
 * The wall's sizes in CSS pixels of a 1920×1080 screen, scaled as its stylesheet scales the root font (16 px there,
 * less on 1366×768, twice on 3840×2160); elsewhere as given.
 */
export function wallPx(n) {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round((n * root) / 16);
}

/**
 * One ECharts instance per box, kept across redraws (a live redraw replaces the data, not the chart). Each chart
 * follows its box: when the box changes size (the window, or the layout around it), the chart is resized.
 */
export class Charts {
  constructor(wall) {
    this.wall = wall;
    this.all = new Map();
    this.observer = typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          for (const e of entries) {
            const c = this.all.get(e.target);
            if (c && !c.isDisposed()) c.resize();
          }
        })
      : null;
  }

  draw(el, option) {
    if (!window.echarts) return el.replaceChildren(h('p', { class: 'muted' }, '图表组件未加载'));
    let c = this.all.get(el);
    if (!c || c.isDisposed()) {
      c = window.echarts.init(el, this.wall ? 'dark' : null, { renderer: 'canvas' });
      this.all.set(el, c);
      this.observer?.observe(el);
    }
    // tooltips drawn on the canvas (no HTML, so nothing the page's CSP would refuse); no animation: a live redraw
    // replaces the figures in place, and a wall shows the whole picture at once
    // on the wall a legend's marks grow with the screen as its words do
    if (this.wall && option.legend) option = { ...option, legend: { itemWidth: wallPx(25), itemHeight: wallPx(14), itemGap: wallPx(10), ...option.legend } };
    c.setOption({ backgroundColor: 'transparent', animation: false, textStyle: { fontSize: this.wall ? wallPx(18) : 12 }, tooltip: { renderMode: 'richText' }, ...option }, true);
    return c;
  }

  resize() {
    for (const c of this.all.values()) c.resize();
  }

  dispose() {
    this.observer?.disconnect();
    for (const c of this.all.values()) c.dispose();
    this.all.clear();
  }
}

export const emptyChart = (text, size) => ({ title: { text, left: 'center', top: 'center', textStyle: { fontSize: size, color: '#8a96a3', fontWeight: 'normal' } }, series: [] });

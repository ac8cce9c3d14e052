// ECharts on the console's pages (the library is served at /vendor/echarts.min.js and loaded by index.html).
import { h } from './ui.js';

/** One ECharts instance per box, kept across redraws (a live redraw replaces the data, not the chart). */
export class Charts {
  constructor(wall) {
    this.wall = wall;
    this.all = new Map();
  }

  draw(el, option) {
    if (!window.echarts) return el.replaceChildren(h('p', { class: 'muted' }, '图表组件未加载'));
    let c = this.all.get(el);
    if (!c || c.isDisposed()) {
      c = window.echarts.init(el, this.wall ? 'dark' : null, { renderer: 'canvas' });
      this.all.set(el, c);
    }
    // tooltips drawn on the canvas (no HTML, so nothing the page's CSP would refuse); no animation: a live redraw
    // replaces the figures in place, and a wall shows the whole picture at once
    c.setOption({ backgroundColor: 'transparent', animation: false, textStyle: { fontSize: this.wall ? 18 : 12 }, tooltip: { renderMode: 'richText' }, ...option }, true);
    return c;
  }

  resize() {
    for (const c of this.all.values()) c.resize();
  }

  dispose() {
    for (const c of this.all.values()) c.dispose();
    this.all.clear();
  }
}

export const emptyChart = (text, size) => ({ title: { text, left: 'center', top: 'center', textStyle: { fontSize: size, color: '#8a96a3', fontWeight: 'normal' } }, series: [] });

// The leader's wall screen (?mode=wall) in real Chromium, on the demo grid with the sandbox's year of demo tickets
// and a burst of today's appeals with long summaries (they drive the 实时动态 list): at 1920×1080, then the same page
// resized to 1366×768 and 3840×2160, everything is on one screen — nothing scrolls, every panel lies inside the
// viewport, the dark background covers it, the list's long items take one line each, the charts follow the size.
// Screenshots go to test-artifacts/console-wall-<w>x<h>.png. On the same data, the notices that replace a page: a
// node outside the caller's part of the grid (or no such node), and a page that does not exist.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../../src/core/demo/demo-history.ts';
import { categoryName } from '../../src/core/triage/categories.ts';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { startConsole, type ConsoleFixture } from '../support/console-fixture.ts';

const LONG = [
  '20号楼二单元楼道的声控灯已经坏了快两个星期了，晚上老人上下楼只能摸黑，前几天三楼的王阿姨还差点摔倒，麻烦物业尽快派人来修一下，谢谢',
  '小区东门口每天早上七点到九点总有私家车乱停在消防通道上，救护车和消防车根本进不来，已经跟保安说过好几次了都没有用，希望社区出面协调处理',
  '21号楼旁边的垃圾分类投放点这几天一直没有人清运，垃圾桶全部满了溢出来，天气热味道特别大，还招了很多苍蝇蚊子，居民们意见都很大',
];

interface Layout {
  inner: { w: number; h: number };
  scroll: { w: number; h: number };
  outside: string[];
  htmlBackground: string;
  bodyBottom: number;
  liveItems: number;
  tallItems: number;
  clipped: number;
  charts: { id: string; box: number; canvas: number }[];
}

/** What the page measures of itself (a script run in the page: the tests are compiled without the DOM's types). */
const MEASURE = `(() => {
  const se = document.scrollingElement;
  const inner = { w: innerWidth, h: innerHeight };
  const outside = [...document.querySelectorAll('.card, .page-head, header.top')].flatMap((el) => {
    const r = el.getBoundingClientRect();
    const name = el.querySelector('h2')?.textContent ?? el.className;
    return r.top < -0.5 || r.left < -0.5 || r.bottom > inner.h + 0.5 || r.right > inner.w + 0.5 || r.height < 1
      ? [name + ' ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' x ' + Math.round(r.left) + '..' + Math.round(r.right)] : [];
  });
  // the items shown (the wall hides those that do not fit); one line = less than twice the font's size high
  const items = [...document.querySelectorAll('#live-list li')].filter((li) => !li.hidden);
  const card = document.getElementById('live-list').closest('.card').getBoundingClientRect();
  const charts = ['chart-trend', 'chart-category', 'chart-ranking', 'chart-patrol', 'chart-groups'].map((id) => {
    const el = document.getElementById(id);
    const canvas = el.querySelector('canvas');
    return { id, box: Math.round(el.clientHeight), canvas: Math.round(canvas ? canvas.getBoundingClientRect().height : 0) };
  });
  return {
    inner, scroll: { w: se.scrollWidth, h: se.scrollHeight }, outside,
    htmlBackground: getComputedStyle(document.documentElement).backgroundColor,
    bodyBottom: document.body.getBoundingClientRect().bottom,
    liveItems: items.length,
    tallItems: items.filter((li) => li.getBoundingClientRect().height >= 2 * parseFloat(getComputedStyle(li).fontSize)).length,
    clipped: items.filter((li) => li.getBoundingClientRect().bottom > card.bottom + 0.5).length,
    charts,
  };
})()`;

const layout = (page: Page) => page.evaluate<Layout>(MEASURE);

describe('the wall screen (?mode=wall) in Chromium', () => {
  let f: ConsoleFixture;
  let browser: Browser;

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
    const store = f.w.linli.store;
    expect((await seedDemoHistory(store, new Date())).tickets).toBeGreaterThan(100);
    // today's appeals, long as residents write them, spread over the street's grids
    const reporter = await store.people.ensureByIdentity('WECHAT', 'wxid_wall_reporter', '居民甲');
    const nodes = await store.grid.findByCodes(['DY-G01-B20', 'DY-G02-B05', 'XY-G01-B03']);
    const now = Date.now();
    await store.tickets.createMany(Array.from({ length: 10 }, (_, i) => {
      const at = new Date(now - (10 - i) * 60_000);
      return {
        ticket: { category: 'facility_repair', summary: LONG[i % LONG.length]!, place: { text: '东园小区' }, urgency: 'NORMAL' as const, groupId: null, gridNodeId: nodes[i % nodes.length]!.id, reporterId: reporter.id, createdAt: at },
        event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at },
      };
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("每月一题 on a wall opened on a scope never analysed: the month's top problems within seconds, not at the next poll, each title whole", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    const staff = (await f.w.linli.store.staffAuth.personByKey('cs-caiwenbin'))!; // 西园社区: no one has read its overview yet
    await page.goto(`${f.url}/login?token=${await f.signIn.createLink(staff.id, 60_000)}&next=${encodeURIComponent('/?mode=wall')}`);
    await page.waitForURL(`${f.url}/?mode=wall`);
    await page.locator('#main[data-loaded]').waitFor();
    // the analysis starts at the first read; the wall polls every 60 s, and asks again sooner while it runs
    const top = page.locator('#problems-of-month .latest li');
    await top.first().waitFor({ timeout: 15_000 });
    const titles = await top.evaluateAll((lis) => lis.map((li) => [li.textContent, li.scrollWidth - li.clientWidth]));
    expect(titles.length).toBeGreaterThanOrEqual(1);
    // a title read from across the room: whole (it was cut to 20号楼电梯停运问题（设施维… in a panel half empty)
    for (const [text, cut] of titles) expect(cut, String(text)).toBeLessThanOrEqual(0);
    // the wall is no one's desk: the scope's two figures, no 我负责的 (nor a stray "null" where it would be)
    expect(await page.locator('#figures-open').textContent()).toBe(`${await page.locator('#figures-open .figure[data-label="在办"] .value').textContent()}在办0已超时限`);
    const l = await layout(page);
    expect(l.scroll).toEqual({ w: 1920, h: 1080 });
    expect(l.outside).toEqual([]);
    await screenshot(page, 'console-wall-problems', false);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('the 分管领导 at 1920×1080, 1366×768 and 3840×2160: one screen, dark all over, one line per item, charts resized', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    const leader = (await f.w.linli.store.staffAuth.personByKey('ld-lixiaodong'))!;
    await page.goto(`${f.url}/login?token=${await f.signIn.createLink(leader.id, 60_000)}&next=${encodeURIComponent('/?mode=wall')}`);
    await page.waitForURL(`${f.url}/?mode=wall`);
    await page.locator('#main[data-loaded]').waitFor();
    await page.locator('#live-list li[data-no]').first().waitFor();
    for (const id of ['chart-trend', 'chart-category', 'chart-ranking', 'chart-patrol', 'chart-groups']) await page.locator(`#${id} canvas`).first().waitFor();
    expect(await page.locator('#scope-name').textContent()).toBe('拱辰街道');
    // the bar charts read from across the room: every bar says its figure, a zero says nothing (a lone "0" beside
    // another series' bar read as that bar's figure: 邻里纠纷 0 by a bar of 1 办结)
    const labels = await page.evaluate(`['chart-category', 'chart-ranking'].map((id) => {
      const o = echarts.getInstanceByDom(document.getElementById(id)).getOption();
      return o.series.map((s) => [s.name, !!(s.label && s.label.show), s.label && s.label.formatter ? [s.label.formatter({ value: 0 }), s.label.formatter({ value: 3 })] : null]);
    })`);
    const [category, ranking] = labels as [string, boolean, string[] | null][][];
    expect(ranking).toEqual([['本月新增', true, ['', '3']], ['在办', true, ['', '3']], ['超时', true, ['', '3']]]);
    // the categories' chart has series only in a month with appeals (the demo history ends last month)
    for (const [name, shown, texts] of category!) expect([name, shown, texts]).toEqual([name, true, ['', '3']]);

    for (const [width, height] of [[1920, 1080], [1366, 768], [3840, 2160]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(400); // the charts resize on the window's resize event
      const l = await layout(page);
      await screenshot(page, `console-wall-${width}x${height}`, false);
      console.log(`wall ${width}×${height}: page ${l.scroll.w}×${l.scroll.h}, ${l.liveItems} items listed, charts ${l.charts.map((c) => `${c.id}=${c.canvas}/${c.box}`).join(' ')}`);
      expect(l.scroll, `${width}×${height}`).toEqual({ w: width, h: height });
      expect(l.outside, `${width}×${height}`).toEqual([]);
      // the dark background over the whole viewport, not just the body's content
      expect(l.htmlBackground).toBe('rgb(6, 18, 31)');
      expect(l.bodyBottom).toBeGreaterThanOrEqual(height - 0.5);
      // as many of the latest tickets as fit, each one line, none cut off at the bottom of its panel
      expect(l.liveItems).toBeGreaterThanOrEqual(3);
      expect(l.tallItems).toBe(0);
      expect(l.clipped).toBe(0);
      for (const c of l.charts) {
        expect(c.box, c.id).toBeGreaterThan(height / 12);
        expect(Math.abs(c.canvas - c.box), c.id).toBeLessThanOrEqual(2);
      }
    }
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
  it('a grid head asking for a node outside their part of the grid, or for no node, sees one notice across the page and the way back; an unknown page says 页面不存在', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'gridHead');
    for (const [code, heading, why] of [['XY-G01', '无权查看该范围的总览', '该网格不在您的管辖范围内'], ['xy-g01', '没有这个网格', '网格编码“xy-g01”不存在（编码区分大小写）']] as const) {
      await page.goto(`${f.url}/?node=${code}#/overview`);
      const notice = page.locator('#overview-refused');
      await notice.waitFor();
      expect(await notice.locator('h1').textContent()).toBe(heading);
      expect(await notice.textContent()).toContain(why);
      // one notice as wide as the page, no empty panels around it
      expect(await page.locator('#main .card').count()).toBe(1);
      const [box, main] = [await notice.boundingBox(), await page.locator('#main').boundingBox()];
      expect(box!.width).toBeGreaterThan(main!.width * 0.9);
      await screenshot(page, `console-overview-refused-${code}`, false);
      await notice.locator('#overview-back').click();
      await page.locator('#scope-name', { hasText: /^东园社区$/ }).waitFor();
      expect(new URL(page.url()).searchParams.get('node')).toBeNull();
    }

    await page.goto(`${f.url}/#/nonexistent`);
    const missing = page.locator('#not-found');
    await missing.waitFor();
    expect(await missing.locator('h1').textContent()).toBe('页面不存在');
    expect(await page.locator('#main').textContent()).not.toContain('建设中');
    await screenshot(page, 'console-not-found', false);
    await missing.locator('#to-home').click();
    await page.locator('#scope-name', { hasText: /^东园社区$/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/overview');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
  it('本月诉求类别: a category present this month only by a rating (0 new, 0 resolved) is no empty row', async () => {
    const store = f.w.linli.store;
    // a ticket of the demo history (last month) resolved last month and rated today: its category has a rating this
    // month and nothing else
    const open = (await store.tickets.list({ statuses: ['REPORTED'] })).find((t) => t.category !== 'facility_repair' && t.createdAt < new Date(Date.now() - 40 * 86_400_000))!;
    expect(open).toBeDefined();
    const lastMonth = new Date(open.createdAt.getTime() + 3600_000);
    const resolved = await store.tickets.update(open.id, open.version, { status: 'RESOLVED', resolvedAt: lastMonth, result: '已处理' },
      { type: 'resolved', actorId: null, messageId: null, fromStatus: 'REPORTED', toStatus: 'RESOLVED', note: '已处理', data: null, at: lastMonth });
    // and one of another category resolved today: a row with its bar
    const other = (await store.tickets.list({ statuses: ['REPORTED'] })).find((t) => t.category !== open.category && t.category !== 'facility_repair' && t.assigneeId)!;
    const worker = (await store.people.findById(other.assigneeId!))!;
    await f.w.linli.tickets.resolve(other.number, { personId: worker.id, name: worker.name }, '已处理', null);
    const reporter = (await store.people.findById(resolved.reporterId!))!;
    await f.w.linli.tickets.rate(resolved.number, { personId: reporter.id, name: reporter.name }, 'SATISFIED', '', null);
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'street');
    const overview = await page.evaluate<{ categories: { category: string; reported: number; resolved: number }[] }>("fetch('/api/overview').then((r) => r.json())");
    expect(overview.categories.find((c) => c.category === resolved.category)).toMatchObject({ reported: 0, resolved: 0 });
    await page.locator('#chart-category canvas').first().waitFor();
    const rows = await page.evaluate<[string, number, number][]>(`(() => {
      const o = echarts.getInstanceByDom(document.getElementById('chart-category')).getOption();
      return o.yAxis[0].data.map((name, i) => [name, o.series[0].data[i], o.series[1].data[i]]);
    })()`);
    expect(rows.map(([name]) => name)).toContain(categoryName(other.category));
    expect(rows.filter(([, reported, done]) => !reported && !done)).toEqual([]);
    await page.locator('#chart-category').scrollIntoViewIfNeeded();
    await screenshot(page, 'console-overview-categories', false);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});

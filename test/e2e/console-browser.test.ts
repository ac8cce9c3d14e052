// The staff console in real Chromium (Debian's, driven by playwright-core) over a real bot on Wechaty's mock puppet:
// a resident reports in the WeChat group, a grid worker on a 360 px phone finds the ticket, reads its timeline and
// resolves it, and the bot's message appears in the group; the 1920×1080 wall shows the figures. Screenshots of both
// go to test-artifacts/. One browser for the file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, startConsole, WX, type ConsoleFixture } from '../support/console-fixture.ts';

describe('staff console in Chromium', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  let ticketNo = 0;

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
    await f.w.say(ROOM_20, WX.zhang, '20号楼107室门口的污水井盖破损严重，快塌下去了');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => /工单 #\d+ 已登记/.test(t)), 30_000, 'the receipt in the group');
    ticketNo = Number(/工单 #(\d+) 已登记/.exec((f.w.roomLog.get(ROOM_20) ?? []).join('\n'))![1]);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('asks for a token first, and again when the token is refused', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await ctx.newPage();
    await page.goto(f.url + '/');
    await page.locator('#token-form input[name=token]').fill('not-a-token');
    await page.locator('#token-form button[type=submit]').click();
    await page.getByText('令牌无效或已过期，请重新输入。').waitFor();
    await ctx.close();
  });

  it('on a 360 px phone: finds the reported ticket, reads its timeline, resolves it; the bot posts the result in the group', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await page.goto(`${f.url}/#token=${f.token('gw1')}`);
    // the token left the address bar; the overview is the first page
    await page.locator('#ticket-figures .figure').first().waitFor();
    expect(page.url()).not.toContain('token');
    // the street-wide overview (/api/overview): the month's rates for the worker's grid
    await page.locator('#overview-data').getByText('按时办结率').waitFor();

    // the phone menu leads to the tickets page
    expect(await page.locator('#nav').isVisible()).toBe(false);
    await page.locator('#menu').click();
    await page.locator('#nav a[data-page=tickets]').click();
    const row = page.locator(`#ticket-list tr[data-no="${ticketNo}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('污水井盖');
    // no wider than the phone: nothing scrolls sideways
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    await row.click();
    const timeline = page.locator('#ticket-timeline');
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('张国华 登记');
    expect(await page.locator('#ticket-messages').textContent()).toContain('20号楼107室门口的污水井盖破损严重');

    await page.locator('#action-kind').selectOption('resolve');
    await page.locator('#action-form textarea[name=note]').fill('井盖已更换');
    await page.locator('#action-form button[type=submit]').click();
    await page.getByText(/已办理，并在群内发布/).waitFor();
    // the bot said it in the WeChat group, mentioning the resident, as after 办结 in the chat
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`工单 #${ticketNo} 已办结：井盖已更换`) && t.includes('@张国华')), 20_000, 'the result in the group');
    // the page shows the new state and the events of this action
    await page.locator('#ticket-timeline', { hasText: '林秀珍 办结' }).waitFor();
    expect(await page.locator('#ticket-detail .facts').textContent()).toContain('已办结');
    await screenshot(page, 'console-phone-ticket');

    await page.goto(`${f.url}/#/tickets`);
    await page.locator(`#ticket-list tr[data-no="${ticketNo}"]`, { hasText: '已办结' }).waitFor();
    await screenshot(page, 'console-phone-list');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('on a 1920×1080 wall (?mode=wall): dark, large figures, charts drawn, nothing to click', async () => {
    await f.w.say(ROOM_20, WX.zhang, '20号楼二单元楼道的灯坏了好几天了，晚上黑乎乎的');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /已登记/.test(t)).length === 2, 30_000, 'the second receipt');
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await page.goto(`${f.url}/?mode=wall&refresh=1#token=${f.token('cs')}`);
    await page.locator('#main[data-loaded]').waitFor();
    expect(await page.evaluate<boolean>("document.body.classList.contains('wall')")).toBe(true);
    expect(await page.locator('#nav').isVisible()).toBe(false);
    const figures = await page.locator('#ticket-figures .figure').allTextContents();
    expect(figures).toEqual([expect.stringMatching(/^1在办工单$/), expect.stringMatching(/^0超时工单$/), expect.stringMatching(/^2今日新增$/), expect.stringMatching(/^1已办结$/)]);
    // large figures on a dark background
    // (DOM code as text: the test files are type-checked without the DOM library)
    const size = await page.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('#ticket-figures .figure .value')).fontSize)");
    expect(size).toBeGreaterThanOrEqual(60);
    const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundImage');
    expect(bg).toMatch(/^radial-gradient\(.*rgb\(6, 18, 31\)/); // the dark wall background
    // ECharts (served by the app) drew both charts on canvas
    await page.locator('#chart-category canvas').waitFor();
    await page.locator('#chart-grid canvas').waitFor();
    await screenshot(page, 'console-wall');

    // nobody touches the wall: a new appeal in a group shows up at the next refresh
    await f.w.say(ROOM_20, WX.zhang, '20号楼东侧的垃圾桶满了好几天没人清，味道很大');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /已登记/.test(t)).length === 3, 30_000, 'the third receipt');
    await page.locator('#ticket-figures .figure', { hasText: /^3今日新增$/ }).waitFor();
    expect(await page.locator('#ticket-figures .figure').first().textContent()).toBe('2在办工单');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});

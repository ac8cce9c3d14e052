// The console on a slow phone network, in real Chromium over a real bot (Wechaty's mock puppet, the demo grid): a page
// that is left before its answer came must not be drawn over the page the user went to. A grid worker opens ticket A
// (slow to come), goes back and opens ticket B: the screen shows B — with B's action form —, never A under B's
// address, where 提交 would have acted on the wrong ticket. And a wall whose network is cut for a while: the tickets
// reported meanwhile are in its 实时动态 list and its figures as soon as the stream is back, not only at the next event.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, startConsole, WX, type ConsoleFixture } from '../support/console-fixture.ts';

describe('the console on a slow network', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  const receipts = () => (f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /工单 #\d+ 已登记/.test(t));
  async function report(text: string): Promise<number> {
    const before = receipts().length;
    await f.w.say(ROOM_20, WX.zhang, text);
    await waitUntil(() => receipts().length > before, 30_000, 'the receipt');
    return Number(/工单 #(\d+) 已登记/.exec(receipts().at(-1)!)![1]);
  }

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('a ticket left before it loaded is not drawn over the ticket opened next', { timeout: 120_000 }, async () => {
    const a = await report('20号楼107室门口的污水井盖破损严重，快塌下去了');
    const b = await report('20号楼1单元楼道的声控灯坏了三个星期了，晚上上下楼看不清');
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'gw1');
    await page.goto(`${f.url}/#/tickets`);
    await page.locator('#ticket-list').waitFor();
    // ticket A answers after 2.5 s (a slow network); B at once
    let slowAnswered = false;
    await page.route(`**/api/tickets/${a}`, async (r) => {
      await new Promise((res) => setTimeout(res, 2500));
      await r.continue();
      slowAnswered = true;
    });
    // (left once its request is on the way: leaving before the page asked tests nothing, and on a fast machine the
    // back came first, so A's answer was never awaited)
    const aAsked = page.waitForRequest((r) => new URL(r.url()).pathname === `/api/tickets/${a}`);
    await page.locator(`#ticket-list a[href="#/tickets/${a}"]`).click();
    await aAsked;
    await page.goBack();
    await page.locator('#ticket-list').waitFor();
    await page.locator(`#ticket-list a[href="#/tickets/${b}"]`).click();
    await page.locator('#ticket-detail h1', { hasText: `工单 #${b}` }).waitFor();
    await waitUntil(() => slowAnswered, 10_000, "A's late answer");
    await page.waitForTimeout(300);
    expect(new URL(page.url()).hash).toBe(`#/tickets/${b}`);
    expect(await page.locator('#ticket-detail h1').textContent()).toBe(`工单 #${b}`);
    await screenshot(page, 'console-slow-network-ticket', false);

    // and the list: a list left for a ticket is not drawn over it when its answer comes late
    await page.unroute(`**/api/tickets/${a}`);
    let listAnswered = false;
    await page.route(/\/api\/tickets\?/, async (r) => {
      await new Promise((res) => setTimeout(res, 2500));
      await r.continue();
      listAnswered = true;
    });
    const listAsked = page.waitForRequest(/\/api\/tickets\?/);
    await page.goto(`${f.url}/#/tickets`);
    await listAsked;
    await page.evaluate(`location.hash = "#/tickets/${a}"`);
    await page.locator('#ticket-detail h1', { hasText: `工单 #${a}` }).waitFor();
    await waitUntil(() => listAnswered, 10_000, "the list's late answer");
    await page.waitForTimeout(300);
    expect(await page.locator('#ticket-list').count()).toBe(0);
    expect(await page.locator('#ticket-detail h1').textContent()).toBe(`工单 #${a}`);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it("a wall cut from the server for a while lists and counts what was reported meanwhile once it is back", { timeout: 120_000 }, async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/?mode=wall`);
    await page.locator('#live-state[data-state=open]').waitFor();
    const listed = () => page.locator('#live-list li[data-no]').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute("data-no"))));
    // every ticket of this file was reported today in 20号楼's group: the figure is the latest number
    const todayNew = (n: number) => page.locator('#figures-today .figure[data-label="新增"] .value', { hasText: new RegExp(`^${n}$`) });
    // one ticket comes live (the list is the stream's from now on)
    const first = await report('20号楼楼顶水箱漏水，顶楼住户家里天花板在滴水');
    await page.locator(`#live-list li[data-no="${first}"]`).waitFor();
    await todayNew(first).waitFor();
    // the network is cut: the stream drops and cannot come back for a while; a ticket is reported meanwhile
    await page.route('**/api/events', (r) => r.abort());
    f.cutConnections();
    await page.locator('#live-state[data-state=lost]').waitFor();
    const missed = await report('20号楼门口的路灯不亮了，晚上回家很不方便');
    await page.unroute('**/api/events');
    await page.locator('#live-state[data-state=open]').waitFor({ timeout: 20_000 });
    // back: the missed ticket is listed and counted without waiting for the slow poll (60 s) or another event
    await page.locator(`#live-list li[data-no="${missed}"]`).waitFor({ timeout: 5_000 });
    expect((await listed()).slice(0, 2)).toEqual([missed, first]);
    await todayNew(missed).waitFor({ timeout: 5_000 });
    await screenshot(page, 'console-wall-after-cut', false);
    await ctx.close();
  });
});

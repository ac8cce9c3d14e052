// The console's 转为议题 button in real Chromium over a real bot (Wechaty's mock puppet, the demo grid): a grid worker
// signed in by a link opens a resident's ticket, clicks the button and confirms; the request goes with the session's
// CSRF token, the ticket's timeline shows 转为议题 and the button is gone, the topic is posted in the group and the
// reporter told there.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, startConsole, WX, type ConsoleFixture } from '../support/console-fixture.ts';

describe('转为议题 in the console', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("turns an open ticket into a topic from its page", { timeout: 120_000 }, async () => {
    await f.w.say(ROOM_20, WX.zhang, '20号楼旁边电动车没地方充电，楼道里飞线充电很危险，能不能建个充电车棚？');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => /工单 #\d+ 已登记/.test(t)), 30_000, 'the receipt');
    const no = Number(/工单 #(\d+) 已登记/.exec((f.w.roomLog.get(ROOM_20) ?? []).find((t) => /工单 #\d+ 已登记/.test(t))!)![1]);

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'gw1');
    await page.goto(`${f.url}/#/tickets/${no}`);
    await page.locator('#ticket-timeline').waitFor();
    // on a wide screen 办理 is the right-hand column, level with the facts, the record on the left
    const [aside, facts, timeline] = await Promise.all(['#ticket-detail aside', '.detail-facts', '#ticket-timeline'].map((s) => page.locator(s).boundingBox()));
    expect(aside!.x).toBeGreaterThan(facts!.x + facts!.width - 1);
    expect(Math.abs(aside!.y - facts!.y)).toBeLessThan(2);
    expect(timeline!.x).toBeLessThan(aside!.x);
    const asked: string[] = [];
    page.on('dialog', (d) => void (asked.push(d.message()), d.accept()));
    await page.locator('#to-topic', { hasText: '转为议题' }).click();
    await page.getByText(/已转为议题#\d+，已发布到\d+个群/).waitFor();
    expect(asked).toEqual([expect.stringContaining(`将工单 #${no} 转为议题`)]);
    await page.locator('#ticket-timeline', { hasText: '转为议题' }).waitFor();
    expect(await page.locator('#to-topic').count()).toBe(0); // closed now: no button
    // and no action form: a closed ticket has nothing left to do
    await page.locator('#action-none', { hasText: '工单已关闭' }).waitFor();
    expect(await page.locator('#action-form').count()).toBe(0);
    await screenshot(page, 'console-ticket-to-topic', false);

    const [topic] = await f.w.linli.store.deliberation.list({});
    expect(topic).toBeDefined();
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.startsWith(`【议题#${topic!.id}】`)), 10_000, 'the topic in the group');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`您反映的工单 #${no} 需要居民共同商议`)), 10_000, "the reporter's line");
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});

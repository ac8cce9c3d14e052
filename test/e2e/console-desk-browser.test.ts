// A community worker's Monday on a 390 px phone, in real Chromium over a real bot (Wechaty's mock puppet, the demo
// grid): tickets escalated to her over the weekend are one tap away from the overview (我负责的), listed alone by
// 只看我负责的 (kept in the address); a note shows how much of its 500 characters is left instead of silently stopping;
// 驳回 for 其他原因 asks for the explanation the residents will read; and a group's 待认领 count on 群组 opens a list of
// exactly those tickets. Screenshots go to test-artifacts/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, ROOM_5, startConsole, WX, type ConsoleFixture, type Who } from '../support/console-fixture.ts';

describe("a community worker's desk on a phone (Chromium)", () => {
  let f: ConsoleFixture;
  let browser: Browser;
  const no = { light: 0, water: 0, lift: 0 };

  const receipts = (room: string) => (f.w.roomLog.get(room) ?? []).filter((t) => /工单 #\d+ 已登记/.test(t));
  async function report(room: string, text: string): Promise<number> {
    const before = receipts(room).length;
    await f.w.say(room, WX.zhang, text);
    await waitUntil(() => receipts(room).length > before, 30_000, `the receipt in ${room}`);
    return Number(/工单 #(\d+) 已登记/.exec(receipts(room).at(-1)!)![1]);
  }
  const post = async (who: Who, path: string, body: unknown) => {
    const r = await fetch(f.url + path, { method: 'POST', headers: { authorization: `Bearer ${f.token(who)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status, await r.clone().text()).toBe(200);
  };
  const phone = async (): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    return ctx.newPage();
  };

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
    no.light = await report(ROOM_20, '20号楼3单元楼道灯坏了一个星期，晚上黑漆漆的老人摔了一跤');
    no.water = await report(ROOM_20, '20号楼地下车库入口积水很深，车开不进去');
    no.lift = await report(ROOM_5, '5号楼电梯又坏了，老人上不去，麻烦尽快修一下');
    // over the weekend the grid workers escalated two of them to the community (刘淑芬)
    await post('gw1', `/api/tickets/${no.light}/escalate`, { note: '楼道灯线路老化，需社区协调物业更换' });
    await post('gw2', `/api/tickets/${no.lift}/escalate`, { note: '电梯维保单位需社区出面' });
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('finds what waits for her from the overview, and 只看我负责的 lists exactly that', async () => {
    const page = await phone();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'cs');
    const mine = page.locator('#figures-open a#my-tickets');
    await mine.locator('.value', { hasText: /^2$/ }).waitFor();
    await screenshot(page, 'console-desk-overview', false);
    await mine.click();
    await page.locator('#ticket-list').waitFor();
    expect(await page.locator('#ticket-filters input[name=mine]').isChecked()).toBe(true);
    const listed = async () => (await page.locator('#ticket-list tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-no'))))).sort((a, b) => a - b);
    expect(await listed()).toEqual([no.light, no.lift].sort((a, b) => a - b));
    expect(new URLSearchParams(page.url().split('?')[1]).get('mine')).toBe('1');
    await screenshot(page, 'console-desk-mine', false);
    // unticked: her whole community again, and the address says so
    await page.locator('#ticket-filters input[name=mine]').uncheck();
    await page.locator('#ticket-filters button[type=submit]').click();
    await page.locator('#ticket-total', { hasText: '共 3 条' }).waitFor();
    expect(page.url()).not.toContain('mine=');
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it('a note counts down its 500 characters; 驳回 for 其他原因 asks for the explanation the group will read', async () => {
    const page = await phone();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/#/tickets/${no.light}`);
    await page.locator('#action-form').waitFor();
    await page.locator('#action-kind').selectOption('progress');
    const note = page.locator('#action-form textarea[name=note]');
    const left = page.locator('#action-form .counter');
    expect(await left.textContent()).toBe('0/500');
    await note.pressSequentially('已联系物业维修班'.repeat(70)); // 560 typed: the field keeps 500 and says so
    expect((await note.inputValue()).length).toBe(500);
    expect(await left.textContent()).toBe('500/500（已到上限）');
    await screenshot(page, 'console-desk-note-full', false);

    const before = (f.w.roomLog.get(ROOM_20) ?? []).length;
    await page.locator('#action-kind').selectOption('reject');
    await page.locator('#action-form select[name=reason]').selectOption('other');
    const explain = page.locator('#action-form textarea[name=note]');
    expect(await explain.getAttribute('required')).not.toBeNull();
    await page.locator('#action-form button[type=submit]').click();
    expect(await page.evaluate<boolean>("document.querySelector('#action-form textarea[name=note]').validity.valueMissing")).toBe(true);
    // a reason that says itself needs no words
    await page.locator('#action-form select[name=reason]').selectOption('duplicate');
    expect(await explain.getAttribute('required')).toBeNull();
    await page.locator('#action-form select[name=reason]').selectOption('other');
    await explain.fill('已由物业维保统一处理');
    await page.locator('#action-form button[type=submit]').click();
    await page.locator('#action-none').waitFor();
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).slice(before).some((t) => t.includes(`工单 #${no.light} 已驳回（已由物业维保统一处理）`)), 20_000, 'the rejection with its explanation');
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it("a group's 待认领 opens exactly the tickets it counts", async () => {
    const page = await phone();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/#/groups`);
    const row = page.locator('#group-list tr', { hasText: '东园小区5号楼业主群' });
    const link = row.locator('a', { hasText: '待认领' });
    await link.waitFor();
    const counted = Number(/待认领 (\d+)/.exec((await link.textContent())!)![1]);
    expect(counted).toBe(1); // the lift, escalated: nobody has claimed it
    await link.click();
    await page.locator('#ticket-list').waitFor();
    // the filtered list is the server's answer: read it once its total is drawn (evaluateAll does not wait)
    await page.locator('#ticket-total', { hasText: `共 ${counted} 条` }).waitFor();
    expect(await page.locator('#ticket-list tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-no'))))).toEqual([no.lift]);
    expect(await page.locator('#ticket-total').textContent()).toBe(`共 ${counted} 条`);
    // the group is a filter to see and drop
    const only = page.locator('#ticket-filters input[name=group]');
    expect(await only.isChecked()).toBe(true);
    await screenshot(page, 'console-desk-group-pending', false);
    await only.uncheck();
    await page.locator('#ticket-filters button[type=submit]').click();
    await page.locator('#ticket-list tbody tr').nth(1).waitFor();
    expect(page.url()).not.toContain('group=');
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });
});

// 志愿服务 in real Chromium over a real bot (Wechaty's mock puppet, the demo grid with volunteers and a month of service
// from support/points-fixture.ts): community staff see the month's ranking with shared places, the open requests with
// the resident's number in full, the volunteers with their points, and download the month's CSV; a grid worker on a
// 360 px phone sees her grid only, numbers masked, nothing wider than the screen, and another grid refused.
// Screenshots go to test-artifacts/.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../src/core/insights/insights-period.ts';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, startConsole, WX, type ConsoleFixture } from '../support/console-fixture.ts';
import { seedService, SERVICE_PHONE, type ServiceSeed } from '../support/points-fixture.ts';

describe('志愿服务 in the console (Chromium)', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  let seed: ServiceSeed;
  const month = monthOf(new Date());

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
    seed = await seedService(f.w.linli.store, month);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('community staff: the ranking, open requests, volunteers, and the month as CSV', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'cs');
    await page.locator('#nav a[data-page=service]').click();
    await page.locator('#service-ranking tbody tr').first().waitFor();
    expect(await page.locator('#service-scope').textContent()).toContain('东园社区');
    const ranking = await page.locator('#service-ranking tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(ranking).toEqual([
      ['1', '王芳', '30', '3次'],
      ['2', '李明', '20', '2次'],
      ['2', '张丽', '20', '2次'],
    ]);
    // open requests: three in 东园社区, the cancelled and confirmed ones not listed; the resident's number in full
    const requests = page.locator('#service-requests tbody tr');
    expect(await requests.count()).toBe(3);
    const asked = page.locator(`#service-requests tr[data-id="${seed.open.requested}"]`);
    expect(await asked.textContent()).toContain('待派单');
    expect(await asked.locator('td.summary').getAttribute('title')).toContain(SERVICE_PHONE);
    expect(await page.locator(`#service-requests tr[data-id="${seed.open.taken}"]`).textContent()).toContain('王芳');
    // volunteers with points this month and all time, and what they have in hand
    const wang = page.locator(`#service-volunteers tr[data-person="${seed.people.wangfang}"]`);
    expect(await wang.locator('.month-points').textContent()).toBe('30');
    expect(await wang.locator('.total-points').textContent()).toBe('80');
    // 东园's three with points and the demo grid's own three without
    expect(await page.locator('#service-volunteers tbody tr').count()).toBe(6);
    // the month picker is drawn as the other pages' pickers are (it was the browser's bare monospace box)
    const look = (sel: string) => page.evaluate<string[]>(`(() => { const c = getComputedStyle(document.querySelector('${sel}')); return [c.borderRadius, c.fontSize, c.fontFamily]; })()`);
    expect(await look('#service-month')).toEqual(await look('#service-node'));
    await screenshot(page, 'console-service');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#service-csv').click()]);
    expect(download.suggestedFilename()).toBe(`志愿服务积分-${month}.csv`);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(`${month},1,王芳,东园社区第一网格,,30,3,80,1\r\n`);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('a grid worker on a phone: her grid only, numbers masked, nothing wider than the screen', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'gw1');
    await page.goto(`${f.url}/#/service`);
    await page.locator('#service-volunteers tbody tr').first().waitFor();
    expect(await page.locator('#service-scope').textContent()).toContain('东园社区第一网格');
    expect(await page.locator('#service-volunteers tbody tr').count()).toBe(2); // 王芳 and 张丽
    expect(await page.locator('#service-volunteers').textContent()).not.toContain('李明');
    expect(await page.locator('#service-requests tbody tr').count()).toBe(2);
    const title = await page.locator(`#service-requests tr[data-id="${seed.open.requested}"] td.summary`).getAttribute('title');
    expect(title).not.toContain(SERVICE_PHONE);
    expect(title).toContain('****');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'console-service-phone');
    // another grid is refused, and the page says so
    await page.goto(`${f.url}/#/service?node=DY-G02`);
    await page.locator('#service-error', { hasText: '没有查看' }).waitFor();
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('a very long request on a 1366 px laptop: its text kept to three lines (all of it on hover), the other columns not broken a character a line', async () => {
    await f.w.say(ROOM_20, WX.zhang, `求助 ${'帮忙给楼上独居的老人送餐，'.repeat(40)}`);
    await waitUntil(async () => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => /已收到您的求助/.test(t)), 20_000, 'the request taken in');
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/#/service`);
    const row = page.locator('#service-requests tbody tr', { hasText: '独居的老人' });
    await row.waitFor();
    // the lines a cell's text takes: the distinct tops of its text's boxes (the cell itself is as tall as the row)
    const lines = (sel: string) => row.locator(sel).evaluate((e) => {
      const range = e.ownerDocument.createRange();
      range.selectNodeContents(e);
      const shown = [...range.getClientRects()].filter((r) => r.width > 0 && r.bottom <= e.getBoundingClientRect().bottom + 1);
      // a badge's box and its text sit a few pixels apart on the same line
      const tops = shown.map((r) => r.top).sort((a, b) => a - b);
      return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 8).length;
    });
    expect(await lines('td.summary > div')).toBe(3);
    expect(await row.locator('td.summary').getAttribute('title')).toContain('帮忙给楼上独居的老人送餐，帮忙给楼上独居的老人送餐');
    for (const label of ['编号', '状态', '类别', '已等']) expect(await lines(`td[data-label="${label}"]`), label).toBe(1); // "#4", "待派单", "送餐", "不到1小时"
    expect(await page.locator('#service-requests thead th').evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().height)))).toSatisfy((hs: number[]) => hs.every((x) => x === hs[0]));
    await screenshot(page, 'console-service-long-request', false);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});

// 批量发布 as a community's staff really uses it, in real Chromium over a real bot on Wechaty's mock puppet (the demo
// grid): one group left out of a notice from the preview (it is not sent there); 暂停 pressed twice in a hurry says
// 已暂停 and nothing failed; a notice being written survives a reload and the back button, and is gone once sent; the
// 2,000-character limit is counted as one types; 退出 forgets it. Screenshots go to test-artifacts/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { startConsole, type ConsoleFixture } from '../support/console-fixture.ts';

const DONGYUAN_MULIN = ['dy-20hao@chatroom', 'dy-21hao@chatroom', 'dy-8hao@chatroom'];

describe('批量发布: second thoughts and hurried hands', () => {
  let f: ConsoleFixture;
  let browser: Browser;

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  const said = (room: string) => f.w.roomLog.get(room) ?? [];
  const groupsShown = (page: Page) =>
    page.locator('#bc-preview li').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { group: string } }).dataset.group).sort());
  const newPage = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    return { ctx, page, watch: watchPage(page, f.url) };
  };

  it('a group unticked in the preview is left out: the count says so, and the notice goes to the others only', async () => {
    const { ctx, page, watch } = await newPage();
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/#/broadcasts`);
    const form = page.locator('#broadcast-form');
    await form.waitFor();
    const text = '本周四 8号楼以外的楼栋清洗水箱，请提前储水。';
    await form.locator('textarea[name=text]').fill(text);
    await form.getByLabel('睦邻群').check();
    await page.locator('#bc-preview-btn').click();
    await page.locator('#bc-preview').getByText('将发往 3 个群').waitFor();
    expect(await groupsShown(page)).toEqual(DONGYUAN_MULIN);

    await page.locator('#bc-preview li[data-group="dy-8hao@chatroom"] input[type=checkbox]').uncheck();
    await page.locator('#bc-preview').getByText('将发往 2 个群（已排除 1 个）').waitFor();
    expect(await page.locator('#bc-send').isDisabled()).toBe(false);
    await page.locator('#bc-finish', { hasText: '2 个群' }).waitFor(); // the finish time is for the two
    // said as a street office reads it: no rate arithmetic in milliseconds (that is on hover)
    expect(await page.locator('#bc-finish').textContent()).toMatch(/发完2 个群，按平台限速分批发送，1 分钟内发完$/);
    await screenshot(page, 'console-broadcast-exclude', false);

    // unticking all three leaves nothing to send
    await page.locator('#bc-preview li[data-group="dy-20hao@chatroom"] input[type=checkbox]').uncheck();
    await page.locator('#bc-preview li[data-group="dy-21hao@chatroom"] input[type=checkbox]').uncheck();
    await page.locator('#bc-preview').getByText('将发往 0 个群（已排除 3 个）').waitFor();
    expect(await page.locator('#bc-send').isDisabled()).toBe(true);
    await page.locator('#bc-preview li[data-group="dy-20hao@chatroom"] input[type=checkbox]').check();
    await page.locator('#bc-preview li[data-group="dy-21hao@chatroom"] input[type=checkbox]').check();
    await page.locator('#bc-preview').getByText('将发往 2 个群（已排除 1 个）').waitFor();

    await page.locator('#bc-send').click();
    await page.waitForURL(/#\/broadcasts\/\d+$/);
    await page.locator('#broadcast-detail[data-status=DONE]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#bc-deliveries tbody tr').count()).toBe(2);
    await waitUntil(() => ['dy-20hao@chatroom', 'dy-21hao@chatroom'].every((r) => said(r).includes(text)), 20_000, 'the notice in two groups');
    expect(said('dy-8hao@chatroom')).not.toContain(text);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('暂停 (or 继续) pressed twice in a hurry: 已暂停, no red 暂停失败 after it; cancelled, it does not read as 100%; a time next year shows its year', async () => {
    const { ctx, page, watch } = await newPage();
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/#/broadcasts`);
    const form = page.locator('#broadcast-form');
    await form.waitFor();
    await form.locator('textarea[name=text]').fill('下周一上午东园社区开展消防演练，请居民配合。');
    await form.getByLabel('定时发送（北京时间）').check();
    const nextYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
    await form.locator('input[name=when]').fill(`${nextYear}-03-01T09:00`);
    await page.locator('#bc-preview-btn').click();
    await page.locator('#bc-finish').waitFor();
    await page.locator('#bc-send').dblclick();
    await page.waitForURL(/#\/broadcasts\/\d+$/);
    await page.locator('#broadcast-detail[data-status=SCHEDULED]').waitFor();
    // in the list, a time of next year says its year
    const id = /#\/broadcasts\/(\d+)$/.exec(page.url())![1];
    await page.locator('a.back').click();
    expect(await page.locator(`#broadcast-list li[data-id="${id}"] .bc-line`).textContent()).toContain(`定时 ${nextYear}-03-01 09:00`);
    await page.goBack();
    await page.locator('#broadcast-detail[data-status=SCHEDULED]').waitFor();

    await page.locator('#bc-actions button[data-action=pause]').dblclick();
    await page.locator('#broadcast-detail[data-status=PAUSED]').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#status').textContent()).toBe('已暂停');
    await page.locator('#bc-actions button[data-action=resume]').dblclick();
    await page.locator('#broadcast-detail[data-status=SCHEDULED]').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#status').textContent()).toBe('已继续');

    // cancelled before its time: nothing went out, and the progress does not read as done (it said 5/5（100%）)
    page.on('dialog', (d) => void d.accept());
    await page.locator('#bc-actions button[data-action=cancel]').click();
    await page.locator('#broadcast-detail[data-status=CANCELLED]').waitFor();
    expect(await page.locator('#bc-progress').textContent()).toBe('已取消 · 已发送 0 · 未发出 5');
    await page.locator('a.back').click();
    await page.locator('#broadcast-list li', { hasText: '已取消 · 已发送 0 · 未发出 5' }).waitFor();
    expect(watch.problems).toEqual([]); // no 409 answered to a second press
    await ctx.close();
  });

  it('a notice being written survives a reload and the back button, is counted to 2,000 characters, and is gone once sent', async () => {
    const { ctx, page, watch } = await newPage();
    await f.openAs(page, 'cs');
    await page.goto(`${f.url}/#/broadcasts`);
    const text = page.locator('#broadcast-form textarea[name=text]');
    await text.waitFor();
    expect(await page.locator('#bc-count').textContent()).toBe('0/2000');
    await text.fill('明天 9:00-17:00 停水 💧，请提前储水。<b>谢谢</b>');
    expect(await page.locator('#bc-count').textContent()).toBe('35/2000');

    await page.reload();
    await page.locator('#broadcast-form').waitFor();
    expect(await text.inputValue()).toBe('明天 9:00-17:00 停水 💧，请提前储水。<b>谢谢</b>');
    await page.locator('#nav a[data-page=patrol]').click();
    await page.locator('#patrol-figures').waitFor();
    await page.goBack();
    await page.locator('#broadcast-form').waitFor();
    expect(await text.inputValue()).toBe('明天 9:00-17:00 停水 💧，请提前储水。<b>谢谢</b>');

    // longer than a notice may be: the box stops at 2,000 and says so
    await text.fill('停'.repeat(2100));
    expect((await text.inputValue()).length).toBe(2000);
    expect(await page.locator('#bc-count').textContent()).toBe('2000/2000（已到上限）');
    await screenshot(page, 'console-broadcast-limit', false);

    await text.fill('今晚 20:00 东园社区停电十分钟，请知悉。');
    await page.locator('#bc-preview-btn').click();
    await page.locator('#bc-finish').waitFor();
    await page.locator('#bc-send').click();
    await page.waitForURL(/#\/broadcasts\/\d+$/);
    await page.locator('a.back').click();
    await page.locator('#broadcast-form').waitFor();
    expect(await text.inputValue()).toBe('');

    // 退出 on a shared office computer: the next person signed in does not find a half-written notice
    await text.fill('写了一半的通知');
    await page.locator('#logout').click();
    await page.waitForURL(/\/login/);
    await f.openAs(page, 'street');
    await page.goto(`${f.url}/#/broadcasts`);
    await page.locator('#broadcast-form').waitFor();
    expect(await text.inputValue()).toBe('');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});

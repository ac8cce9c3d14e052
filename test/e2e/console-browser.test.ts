// The staff console in real Chromium (Debian's, driven by playwright-core) over a real bot on Wechaty's mock puppet.
// A grid worker on a 360 px phone is sent to /login, signs in with the code the bot sent her by WeChat direct
// message, watches the overview count a ticket reported in the group without reloading (server-sent events), opens
// its timeline and resolves it (the bot says so in the group), is refused another grid's ticket (无权查看, 403), and
// signs out. Community staff sign in on a 1920×1080 wall (?mode=wall) that redraws by itself, and drill down into a
// grid. Screenshots go to test-artifacts/. One browser for the file.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, ROOM_5, startConsole, WX, type ConsoleFixture } from '../support/console-fixture.ts';

describe('staff console in Chromium', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  let liftNo = 0; // a ticket of DY-G02, not 林秀珍's grid

  const receipts = (room: string) => (f.w.roomLog.get(room) ?? []).filter((t) => /工单 #\d+ 已登记/.test(t));
  async function report(room: string, text: string): Promise<number> {
    const before = receipts(room).length;
    await f.w.say(room, WX.zhang, text);
    await waitUntil(() => receipts(room).length > before, 30_000, `the receipt in ${room}`);
    return Number(/工单 #(\d+) 已登记/.exec(receipts(room).at(-1)!)![1]);
  }
  const codes = (wxid: string) => (f.w.dmLog.get(wxid) ?? []).map((t) => /登录验证码：(\d{6})/.exec(t)?.[1]).filter(Boolean) as string[];

  /** On /login: asks for a code, reads it from the bot's WeChat direct message, signs in. */
  async function signInByCode(page: Page, key: string, wxid: string) {
    await page.locator('#key').fill(key);
    const before = codes(wxid).length;
    await page.locator('#send').click();
    await waitUntil(() => codes(wxid).length > before, 20_000, `the code sent to ${wxid}`);
    await page.locator('#code').fill(codes(wxid).at(-1)!);
    await page.locator('#code-form button[type=submit]').click();
    await page.locator('#who-name').waitFor({ state: 'attached' }); // hidden on the wall
  }
  const todayNew = (page: Page) => page.locator('#figures-today .figure[data-label="新增"] .value');

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
    liftNo = await report(ROOM_5, '5号楼电梯又坏了，老人上不去，麻烦尽快修一下');
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('on a 360 px phone: code by WeChat DM, a new ticket counted live, its timeline, another grid refused, logout', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    const icons: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/favicon.ico') icons.push(r.url()); });
    await page.goto(f.url + '/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('link[rel=icon]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
    await screenshot(page, 'console-phone-login');
    await signInByCode(page, 'gw-linxiuzhen', WX.lin);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('#who-name').textContent()).toBe('林秀珍（网格员）');
    // the overview of her grid, and the live stream open
    await page.locator('#main[data-loaded]').waitFor();
    await page.locator('#live-state[data-state=open]').waitFor();
    expect(await page.locator('#scope-name').textContent()).toBe('东园社区第一网格');
    expect(await todayNew(page).textContent()).toBe('0');
    expect(await page.locator('#problems-of-month').textContent()).toContain('尚未确定每月一题');
    // a grid worker has nothing to drill into
    expect(await page.locator('#node-select').count()).toBe(0);

    // a resident reports in her group: the figure changes with no reload and no poll (the phone page does not poll)
    await page.evaluate('window.__sameDocument = true');
    const no = await report(ROOM_20, '20号楼107室门口的污水井盖破损严重，快塌下去了');
    const heard = Date.now();
    await page.locator('#figures-today .figure[data-label="新增"] .value', { hasText: /^1$/ }).waitFor();
    console.log(`overview counted the new ticket ${Date.now() - heard} ms after the group's receipt`);
    expect(await page.evaluate<boolean>('window.__sameDocument === true')).toBe(true);
    expect(await page.locator('#figures-open .figure[data-label="在办"] .value').textContent()).toBe('1');
    // no wider than the phone: nothing scrolls sideways
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'console-phone-overview-full');
    await screenshot(page, 'console-phone-overview', false);

    // the change is listed as it came; it opens the ticket with its timeline and conversation
    await page.locator(`#live-list li[data-no="${no}"] a`).click();
    const timeline = page.locator('#ticket-timeline');
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('张国华 登记');
    expect(await page.locator('#ticket-messages').textContent()).toContain('20号楼107室门口的污水井盖破损严重');
    // on the phone the form comes right after the facts, above the record, and offers what the ticket waits for
    const [form, record] = await Promise.all([page.locator('#action-form').boundingBox(), timeline.boundingBox()]);
    expect(form!.y).toBeLessThan(record!.y);
    expect(await page.locator('#action-kind').inputValue()).toBe('claim');
    await page.locator('#action-kind').selectOption('resolve');
    await page.locator('#action-form textarea[name=note]').fill('井盖已更换');
    await page.locator('#action-form button[type=submit]').click();
    await page.getByText(/已办理，并在群内发布/).waitFor();
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`工单 #${no} 已办结：井盖已更换`) && t.includes('@张国华')), 20_000, 'the result in the group');
    await page.locator('#ticket-timeline', { hasText: '林秀珍 办结' }).waitFor();
    await screenshot(page, 'console-phone-ticket', false); // the screen as she sees it, the bot's words in the toast
    await page.goto(`${f.url}/#/tickets`);
    await page.locator(`#ticket-list tr[data-no="${no}"]`, { hasText: '已办结' }).waitFor();
    await screenshot(page, 'console-phone-list');
    // the grid filter by name, as she knows it: the field offers the names she sees; one she does not see is not found
    expect(await page.locator('#node-names option').evaluateAll((o) => o.map((x) => x.getAttribute('value')))).toContain('东园社区第一网格');
    await page.locator('#ticket-filters input[name=node]').fill('第一网格');
    const byName = page.waitForResponse((r) => r.url().includes('/api/tickets?') && r.url().includes('node='));
    await page.locator('#ticket-filters button[type=submit]').click();
    expect((await byName).status()).toBe(200);
    await page.locator(`#ticket-list tr[data-no="${no}"]`).waitFor();
    // the filter is in the address: a reload keeps it
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/tickets?node=第一网格');
    await page.reload();
    await page.locator(`#ticket-list tr[data-no="${no}"]`).waitFor();
    expect(await page.locator('#ticket-filters input[name=node]').inputValue()).toBe('第一网格');
    // a ticket opened from far down the list opens at its top; back comes to the same list where it was
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    const listY = await page.evaluate<number>('window.scrollY');
    expect(listY).toBeGreaterThan(0);
    await page.locator('#ticket-list tbody tr').last().locator('a').dispatchEvent('click'); // a tap, no scrolling
    await page.locator('#ticket-detail').waitFor();
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    await page.goBack();
    await page.locator(`#ticket-list tr[data-no="${no}"]`).waitFor();
    expect(await page.locator('#ticket-filters input[name=node]').inputValue()).toBe('第一网格');
    expect(Math.abs((await page.evaluate<number>('window.scrollY')) - listY)).toBeLessThan(4);
    // and so does its 返回列表 link
    await page.locator('#ticket-list tbody tr').last().locator('a').dispatchEvent('click');
    await page.locator('#ticket-detail a.back').click();
    await page.locator(`#ticket-list tr[data-no="${no}"]`).waitFor();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/tickets?node=第一网格');
    await page.locator('#ticket-filters input[name=node]').fill('第二网格');
    await page.locator('#ticket-filters button[type=submit]').click();
    await page.locator('#ticket-filter-problem', { hasText: '未找到该网格：第二网格' }).waitFor();
    expect(await page.locator('#ticket-list-box').textContent()).not.toContain('读取失败');
    await page.locator('#ticket-filters input[name=node]').fill('');
    await page.locator('#ticket-filters button[type=submit]').click();
    await page.locator('#ticket-total').waitFor();

    // another grid's ticket: the API refuses it and the page says so
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${liftNo}`));
    await page.goto(`${f.url}/#/tickets/${liftNo}`);
    expect((await refused).status()).toBe(403);
    await page.locator('#ticket-refused', { hasText: '无权查看' }).waitFor();

    // 退出 ends the session on the server: the API refuses its cookie, and the console sends the browser to /login
    await page.goto(`${f.url}/#/tickets`);
    await page.locator('#logout').click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect((await ctx.request.get(`${f.url}/api/auth/me`)).status()).toBe(401);
    await page.goto(`${f.url}/#/overview`);
    expect(new URL(page.url()).pathname).toBe('/login');
    // the watcher allows the 403 above (expected and shown); nothing else failed or left the app's origin
    expect(watch.problems).toEqual([]);
    expect(icons).toEqual([]); // the icon is inline: no page asked for /favicon.ico
    await ctx.close();
  });

  it('on a 1920×1080 wall (?mode=wall): signs in once and comes back to the wall, every panel drawn, live; drill down by grid', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await page.goto(`${f.url}/?mode=wall`);
    expect(page.url()).toBe(`${f.url}/login?next=%2F%3Fmode%3Dwall`);
    await signInByCode(page, 'cs-liushufen', WX.liu);
    expect(page.url()).toBe(`${f.url}/?mode=wall`);
    await page.locator('#main[data-loaded]').waitFor();
    await page.locator('#live-state[data-state=open]').waitFor();
    expect(await page.evaluate<boolean>("document.body.classList.contains('wall')")).toBe(true);
    expect(await page.locator('#nav').isVisible()).toBe(false);
    expect(await page.locator('#scope-name').textContent()).toBe('东园社区');
    // the community's two tickets this month (the manhole resolved), in large figures on a dark background
    expect(await page.locator('#figures-month .figure[data-label="新增"] .value').textContent()).toBe('2');
    expect(await page.locator('#figures-month .figure[data-label="办结"] .value').textContent()).toBe('1');
    const size = await page.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('#figures-today .figure .value')).fontSize)");
    expect(size).toBeGreaterThanOrEqual(48);
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundImage')).toMatch(/^radial-gradient\(.*rgb\(6, 18, 31\)/);
    // every panel drawn by ECharts (served by the app), the rates with their definitions
    for (const id of ['chart-trend', 'chart-category', 'chart-ranking', 'chart-patrol', 'chart-groups', 'rate-response']) await page.locator(`#${id} canvas`).first().waitFor();
    expect(await page.locator('#rate-satisfaction').getAttribute('title')).toContain('（满意 + 基本满意）÷ 全部评价');
    expect(await page.locator('#problems-of-month').textContent()).toContain('尚未确定每月一题');
    // one screen: nothing below the fold
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThanOrEqual(1080);

    // nobody touches the wall: a new appeal is counted by the event stream (the fallback poll is a minute away)
    const before = Number(await todayNew(page).textContent());
    await report(ROOM_20, '20号楼二单元楼道的灯坏了好几天了，晚上黑乎乎的');
    await page.locator('#figures-today .figure[data-label="新增"] .value', { hasText: new RegExp(`^${before + 1}$`) }).waitFor();
    await screenshot(page, 'console-wall');

    // the same session on a desk: the ranking's grid rows open that grid's overview, and back
    await page.goto(`${f.url}/#/overview`);
    await page.locator('#live-state[data-state=open]').waitFor();
    await screenshot(page, 'console-desk-overview');
    expect(await page.locator('.page-head').textContent()).not.toContain('null');
    await page.locator('#ranking tr[data-node="DY-G01"]').click();
    await page.locator('#scope-name', { hasText: '东园社区第一网格' }).waitFor();
    expect(new URL(page.url()).searchParams.get('node')).toBe('DY-G01');
    expect(await page.locator('#figures-month .figure[data-label="新增"] .value').textContent()).toBe('2');
    await page.locator('#node-up').click();
    await page.locator('#scope-name', { hasText: /^东园社区$/ }).waitFor();

    // her sessions revoked elsewhere (linli users revoke-sessions): the stream ends, and the page goes to /login
    await f.signIn.revokeAll((await f.w.linli.store.staffAuth.personByKey('cs-liushufen'))!.id);
    await page.waitForURL((u) => u.pathname === '/login');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});

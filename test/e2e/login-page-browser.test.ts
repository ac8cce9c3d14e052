// The sign-in page in real Chromium (playwright-core, one browser for the file) against the admin API with console
// sessions: a one-time link signs in under the server's CSP, the SameSite=Strict cookie is set and sent on the way to
// the console, which shows who is signed in; ?next= brings the browser back to the page it asked for (the wall), but
// never to another site; the same link a second time leaves the browser on the sign-in page with the refusal.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { startConsoleApi, type ConsoleApi } from '../support/console-api.ts';

describe('the sign-in page in Chromium', () => {
  let f: ConsoleApi;
  let browser: Browser;
  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsoleApi(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  const link = async () => f.signIn.createLink((await f.store.staffAuth.personByKey('ss-fangzhiming'))!.id, 60_000);

  it('signs in once with a one-time link and goes on to the console; a used link is refused', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    const token = await link();
    await page.goto(`${f.url}/login?token=${token}`);
    await page.waitForURL(`${f.url}/`);
    await page.locator('#who-name', { hasText: '方志明（街道工作人员）' }).waitFor();
    const session = (await ctx.cookies()).find((c) => c.name === 'linli_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const person = (await f.store.staffAuth.personByKey('ss-fangzhiming'))!;
    expect((await f.store.audit.list({ personId: person.id, limit: 5 })).map((r) => r.action)).toContain('auth.link');
    expect(watch.problems).toEqual([]);

    const again = await browser.newContext();
    const second = await again.newPage();
    await second.goto(`${f.url}/login?token=${token}`);
    await second.locator('#msg', { hasText: '登录失败' }).waitFor();
    // the token left the address bar at once
    expect(second.url()).toBe(`${f.url}/login`);
    await again.close();
    await ctx.close();
  });

  it('goes back to the page asked for (the wall), and never to another site', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${f.url}/?mode=wall`);
    expect(page.url()).toBe(`${f.url}/login?next=%2F%3Fmode%3Dwall`);
    await page.goto(`${f.url}/login?next=%2F%3Fmode%3Dwall&token=${await link()}`);
    await page.waitForURL(`${f.url}/?mode=wall`);
    expect(await page.evaluate<boolean>("document.body.classList.contains('wall')")).toBe(true);
    await ctx.close();

    for (const hostile of ['//evil.example/', '/\t/evil.example/', '/\\evil.example/', 'https://evil.example/']) {
      const other = await browser.newContext();
      const evil = await other.newPage();
      await evil.goto(`${f.url}/login?next=${encodeURIComponent(hostile)}&token=${await link()}`);
      await evil.waitForURL(`${f.url}/`);
      await other.close();
    }
  });
});

// The sign-in page in real Chromium (headless, --dump-dom): a one-time link signs in under the page's CSP, the
// SameSite=Strict cookie is set and sent on the way to the console; the same link a second time leaves the browser on
// the sign-in page with the refusal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApi, type ConsoleApi } from '../support/console-api.ts';

const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The page's DOM once its scripts and the navigations they start are done (Chromium's virtual time). */
function dumpDom(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, [...FLAGS, '--virtual-time-budget=10000', '--dump-dom', url], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe.skipIf(!existsSync(CHROMIUM))('the sign-in page in Chromium', () => {
  let f: ConsoleApi;
  beforeAll(async () => {
    f = await startConsoleApi();
  });
  afterAll(() => f?.close());

  it('signs in once with a one-time link and goes on to the console', { timeout: 90_000 }, async () => {
    const person = (await f.store.staffAuth.personByKey('ss-fangzhiming'))!;
    const token = await f.signIn.createLink(person.id, 60_000);
    // signed in, the browser reaches "/" (no page is served there in this test: the API's 404, not the sign-in page)
    const first = await dumpDom(`${f.url}/login?token=${token}`);
    expect(first).toContain('no route GET /');
    expect((await f.store.audit.list({ personId: person.id, limit: 1 }))[0]).toMatchObject({ action: 'auth.link', outcome: 'ok' });
    const second = await dumpDom(`${f.url}/login?token=${token}`);
    expect(second).toContain('登录失败');
    expect(second).not.toContain('no route GET /');
  });
});

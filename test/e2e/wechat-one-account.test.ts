// One WeChat account, one process: `linli start` against a local puppet-service gateway keeps the service's payload
// cache in LINLI_DATA_DIR (HOME may be read-only), a second start with the same token stops with one line and exit
// code 3 while the first keeps the account, and a restart waits for the old process to stop and then takes over.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FlashStore } from 'flash-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKey } from '../../src/adapters/account-key.ts';
import { startCli, type CliProcess } from '../support/cli-process.ts';
import { tempDir } from '../support/cli.ts';
import { startFakePuppetService, type FakePuppetService } from '../support/fake-puppet-service.ts';

const TOKEN = `insecure_linli_one_account_${process.pid}`;
const RUNNING = /Linli is running in WeChat/;
const BUSY_LINE = /^error: Another linli process \(pid (\d+) on host [^,]+, since [^)]+\) holds this WeChat account; lock: (\S+)\. Stop it first\.$/m;

/** Every path under dir, relative to it. */
function walk(dir: string, rel = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(rel, e.name);
    return e.isDirectory() ? [p, ...walk(dir, p)] : [p];
  });
}

describe('linli start: one process per WeChat account', () => {
  let gateway: FakePuppetService;
  const dataDir = path.join(tempDir(), 'data');
  const home = path.join(tempDir(), 'home');
  let first: CliProcess | undefined;
  const started: CliProcess[] = [];

  const start = (env: Record<string, string> = {}) => {
    const p = startCli(['start'], {
      HOME: home,
      LINLI_DATA_DIR: dataDir,
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: gateway.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: gateway.endpoint,
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      LINLI_WECHAT_LOGIN_TIMEOUT_MS: '60000',
      ...env,
    });
    started.push(p);
    return p;
  };

  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    chmodSync(home, 0o555);
    gateway = await startFakePuppetService({ token: TOKEN });
  });
  afterAll(async () => {
    for (const p of started) await p.stop('SIGKILL');
    await gateway?.stop();
  });

  it('keeps the puppet service payload cache in LINLI_DATA_DIR, named without the token, and nothing in HOME', { timeout: 120_000 }, async () => {
    first = start();
    await first.waitForStderr(RUNNING);
    // the service opens its cache at login; its folders exist once the bot runs
    const files = walk(dataDir);
    expect(files.some((f) => f.endsWith(path.join('wxid_gateway_bot', 'contact-payload')))).toBe(true);
    expect(files.filter((f) => f.includes(TOKEN))).toEqual([]);
    expect(walk(home)).toEqual([]);
  });

  it('a second start with the same token stops with one line naming the holder and the lock (exit code 3)', { timeout: 120_000 }, async () => {
    const second = start({ LINLI_WECHAT_LOCK_WAIT_MS: '1500' });
    const code = await second.exited;
    expect(code).toBe(3);
    const m = BUSY_LINE.exec(second.stderr);
    expect(m, second.stderr).not.toBeNull();
    expect(Number(m![1])).toBe(first!.child.pid);
    expect(m![2]!.startsWith(dataDir)).toBe(true);
    expect(existsSync(m![2]!)).toBe(true);
    expect(second.stderr.match(/^error:/gm)).toHaveLength(1);
    expect(second.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(second.stderr).not.toContain(TOKEN);
    expect(first!.child.exitCode).toBeNull(); // the first keeps the account
  });

  it('a restart waits while the old process stops, then takes the account over', { timeout: 180_000 }, async () => {
    const next = start({ LINLI_WECHAT_LOCK_WAIT_MS: '120000' });
    await next.waitForStderr(/waiting/i);
    expect(next.stderr).not.toMatch(RUNNING);
    expect(await first!.stop('SIGTERM'), `${first!.signal}\n${first!.stderr}`).toBe(0);
    await next.waitForStderr(RUNNING);
    expect(await next.stop('SIGTERM'), `${next.signal}\n${next.stderr}`).toBe(0);
    expect(walk(dataDir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('a lock left by a killed process is taken over by the next start at once', { timeout: 180_000 }, async () => {
    const killed = start();
    await killed.waitForStderr(RUNNING);
    await killed.stop('SIGKILL');
    // left behind: the account's lock and the embedded store's (both taken over below)
    expect(walk(dataDir).filter((f) => f.endsWith('.lock')).map((f) => path.basename(f)).sort()).toEqual([`account-${accountKey(TOKEN)}.lock`, 'pglite.lock']);
    const next = start({ LINLI_WECHAT_LOCK_WAIT_MS: '0' });
    await next.waitForStderr(RUNNING);
    expect(await next.stop('SIGTERM'), `${next.signal}\n${next.stderr}`).toBe(0);
  });

  it('a cache held by another program stops the start with one line (exit code 3), no stack trace', { timeout: 120_000 }, async () => {
    const cache = walk(dataDir).find((f) => f.endsWith(path.join('wxid_gateway_bot', 'contact-payload')));
    expect(cache).toBeDefined();
    const other = new FlashStore<string, string>(path.join(dataDir, cache!));
    await other.set('held', 'by another program');
    try {
      const p = start();
      expect(await p.exited, p.stderr).toBe(3);
      expect(p.stderr).toMatch(/^error: .*cache.* is locked by another process.*$/m);
      expect(p.stderr).toContain(path.join(dataDir, cache!));
      expect(p.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await other.close();
    }
  });
});

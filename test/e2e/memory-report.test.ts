// `kill -USR2 <pid>` makes a running `linli` print its memory on stderr (what the memory benchmark reads), and the
// process goes on running.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, tempDir, templateEnv } from '../support/cli.ts';

async function until(what: string, ok: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('prints process.memoryUsage() on SIGUSR2 and keeps running', { timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), 'start'], {
    cwd: ROOT,
    // the migrated store template (skips initdb) and no demo history: neither is what this test is about
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', LINLI_DATA_DIR: tempDir(), LINLI_HTTP_PORT: 'off', LINLI_DEMO_HISTORY: 'off', ...templateEnv() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await until('the sandbox banner', () => stdout.includes('邻里 Linli 沙盒'));
  child.kill('SIGUSR2');
  await until('the memory line', () => /linli memory \{.*\}\n/.test(stderr));
  const m = JSON.parse(/linli memory (\{.*\})/.exec(stderr)![1]!) as Record<string, number>;
  expect(Object.keys(m)).toEqual(expect.arrayContaining(['rss', 'heapTotal', 'heapUsed', 'external']));
  expect(m.rss).toBeGreaterThan(m.heapUsed!);
  child.stdin.write('/groups\n');
  await until('the group list after the signal', () => stdout.includes('1. '));
  child.stdin.end();
  expect(await exited).toBe(0);
});

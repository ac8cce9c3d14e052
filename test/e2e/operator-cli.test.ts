// What an operator sees when the settings point at the wrong place: a database that is not there, a PostgreSQL or a
// Redis that does not answer. One line naming the setting and what to do, exit 1, no stack trace, no flood of lines.
import { describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../support/databases.ts';
import { freePort } from '../support/reliability.ts';
import { runCli, tempDir } from '../support/cli.ts';

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

describe('linli with PostgreSQL settings that do not work', () => {
  it('says a missing database in one line and how to create it', async () => {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = '/linli_no_such_db_e2e';
    const r = await runCli(['users', 'list'], { env: { LINLI_DATA_DIR: tempDir(), DATABASE_URL: url.toString() } });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: cannot open the database in DATABASE_URL: database "linli_no_such_db_e2e" does not exist; create it \(createdb .*linli_no_such_db_e2e\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a server that does not answer in one line, naming host and port', async () => {
    const port = await freePort();
    const r = await runCli(['tickets', 'list'], { env: { LINLI_DATA_DIR: tempDir(), DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/linli` } });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`error: cannot open the database in DATABASE_URL: nothing answers at 127.0.0.1:${port}`);
    expect(r.stderr).not.toContain('secret');
  });
});

describe('linli with a Redis that does not answer', () => {
  it('queue counts says so in one line instead of a line per queue', async () => {
    const port = await freePort();
    const r = await runCli(['queue', 'counts'], { env: { LINLI_DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${port}` }, timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`error: cannot connect to Redis (REDIS_URL redis://127.0.0.1:${port}): connect ECONNREFUSED 127.0.0.1:${port}; is Redis running there?`]);
  });

  it('worker stops with the same line instead of logging connection errors forever', async () => {
    const port = await freePort();
    const r = await runCli(['worker'], { env: { LINLI_DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${port}` }, timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(lines(r.stderr).at(-1)).toBe(`error: cannot connect to Redis (REDIS_URL redis://127.0.0.1:${port}): connect ECONNREFUSED 127.0.0.1:${port}; is Redis running there?`);
    expect(lines(r.stderr).length).toBeLessThan(6);
  });
});

describe('linli start with a TELEGRAM_API_ROOT that refuses the connection', { timeout: 120_000 }, () => {
  it('says so at once in one line naming the setting, exit 1 (it waited 30 s for the deadline)', async () => {
    const port = await freePort();
    const t0 = Date.now();
    const r = await runCli(['start'], {
      env: { LINLI_DATA_DIR: tempDir(), TELEGRAM_BOT_TOKEN: '123456:test-token', TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, LINLI_HTTP_PORT: 'off', LOG_LEVEL: 'silent' },
      timeoutMs: 90_000,
    });
    const startedIn = Date.now() - t0;
    expect(r.code).toBe(1);
    // (a warning on the holidays of a year without its arrangement may come first, depending on today's date)
    expect(lines(r.stderr).filter((l) => !l.startsWith('warning: no official holiday arrangement'))).toEqual([
      `error: Telegram Bot API at http://127.0.0.1:${port} cannot be reached (connect ECONNREFUSED 127.0.0.1:${port}): check TELEGRAM_API_ROOT and the network`,
    ]);
    expect(r.stderr).not.toContain('test-token');
    // the store opened, the models loaded: then no waiting for a deadline
    expect(startedIn).toBeLessThan(25_000);
  });
});

// The sandbox with REDIS_URL set says that it keeps its queues in this process, so REDIS_URL is not used: checked on the
// sandbox of calendar-warning.test.ts (the other warning at start), one sandbox for both

describe('linli broadcast on a PostgreSQL store without a platform in this shell', { timeout: 120_000 }, () => {
  it('previews, but does not record a sandbox send as sent in a store the bot may share', async () => {
    const { createPostgresDatabase } = await import('../support/databases.ts');
    const db = await createPostgresDatabase();
    try {
      const env = { LINLI_DATA_DIR: tempDir(), DATABASE_URL: db.url };
      const imported = await runCli(['grid', 'import', 'data/demo-grid.yaml'], { env });
      expect(imported.code, imported.stderr).toBe(0);
      const args = ['broadcast', 'send', '--to', '350304001001', '--text', '周六上午小区消杀，请关好门窗。', '--as', 'cs-liushufen'];
      const preview = await runCli([...args, '--dry-run'], { env });
      expect(preview.code, preview.stderr).toBe(0);
      expect(preview.stdout).toMatch(/dy-20hao@chatroom/);
      expect(preview.stdout + preview.stderr).not.toContain('沙盒模式');
      const send = await runCli(args, { env });
      expect(send.code).toBe(2);
      expect(send.stderr).toBe(
        'error: this store is PostgreSQL (DATABASE_URL), which the bot (`linli start`) may share: a send from here would go to sandbox groups and be recorded as sent. Send through the running bot: the console\'s 批量发布 or POST /api/broadcasts; --dry-run previews here.\n',
      );
      const status = await runCli(['broadcast', 'status', '1'], { env });
      expect(status.code).toBe(2);
    } finally {
      await db.drop();
    }
  });
});

describe('linli start with a grid file that cannot be imported into the empty store', { timeout: 120_000 }, () => {
  it('names the setting the file came from and says that nothing was imported', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir();
    const missing = await runCli(['start'], { env: { LINLI_DATA_DIR: path.join(dir, 'a'), LINLI_GRID_FILE: path.join(dir, 'nope.yaml') }, input: '/quit\n', timeoutMs: 90_000 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: the grid file ${path.join(dir, 'nope.yaml')} (LINLI_GRID_FILE or the config file's gridFile) cannot be read: no such file`);
    const bad = path.join(dir, 'grid.yaml');
    writeFileSync(bad, 'nodes:\n  - { code: "S1", name: "街道", level: 街道 }\n  - { code: "C1", name: "社区", level: 社区区, parent: "S1" }\n');
    const r = await runCli(['start'], { env: { LINLI_DATA_DIR: path.join(dir, 'b'), LINLI_GRID_FILE: bad }, input: '/quit\n', timeoutMs: 90_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3: unknown level "社区区"`);
    expect(r.stderr).toContain(`nothing was imported; fix the grid file (LINLI_GRID_FILE or the config file's gridFile) and start again`);
  });
});

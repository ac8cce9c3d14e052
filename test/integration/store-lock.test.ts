// One process per embedded store folder: PGlite is a single-process database, so a `linli` command on a data folder
// whose store another process has open (the running sandbox, say) is refused at once with one line and exit code 4,
// before it reads or writes anything; once the holder has closed the store, or died (SIGKILL), the command works.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreInUseError } from '../../src/adapters/prisma/prisma-store.ts';
import { ROOT, runCli, templateEnv, tempDir } from '../support/cli.ts';
import { ensurePgliteTemplate } from '../support/pglite-template.ts';

const IN_USE = (folder: string, pid: number, lock: string) =>
  new RegExp(
    `^error: the embedded store ${escape(folder)} is in use by linli pid ${pid} \\(started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\); ` +
      `stop it first, or use the admin API / console of the running one, or a PostgreSQL DATABASE_URL for several processes ` +
      `\\(lock: ${escape(lock)}\\)\\n$`,
  );

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const A_NODE = 'DY-G01-B21'; // a building of data/demo-grid.yaml

describe('the embedded store is opened by one process at a time', () => {
  it('a linli command on a folder another process has open is refused at once (exit 4), writes nothing, and works once it closed', { timeout: 240_000 }, async () => {
    const dataDir = path.join(tempDir('linli-storelock-'), 'data');
    const folder = path.join(dataDir, 'pglite');
    const lock = path.join(dataDir, 'pglite.lock');
    const env = { LINLI_DATA_DIR: dataDir };
    const templateFile = process.env.LINLI_PGLITE_TEMPLATE || (await ensurePgliteTemplate());
    let store = await openStore({ kind: 'pglite', dataDir, templateFile });
    try {
      const write = await runCli(['grid', 'import', 'data/demo-grid.yaml'], { env });
      expect(write.code, write.stderr).toBe(4);
      expect(write.stderr).toMatch(IN_USE(folder, process.pid, lock));
      expect(write.stdout).toBe('');
      // read-only commands too: PGlite cannot be opened by two processes safely
      const read = await runCli(['tickets', 'list'], { env });
      expect(read.code, read.stderr).toBe(4);
      expect(read.stderr).toMatch(IN_USE(folder, process.pid, lock));
      // and a second open in this same process
      const again = await openStore({ kind: 'pglite', dataDir }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(StoreInUseError);
      expect((again as Error).message).toContain(`in use by this process (pid ${process.pid})`);
      expect(await store.grid.findByCode(A_NODE)).toBeNull();
    } finally {
      await store.close();
    }
    expect(existsSync(lock)).toBe(false);
    // nothing reached the folder either
    store = await openStore({ kind: 'pglite', dataDir });
    try {
      expect(await store.grid.findByCode(A_NODE)).toBeNull();
    } finally {
      await store.close();
    }
    const imported = await runCli(['grid', 'import', 'data/demo-grid.yaml'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    store = await openStore({ kind: 'pglite', dataDir });
    try {
      expect(await store.grid.findByCode(A_NODE)).not.toBeNull();
    } finally {
      await store.close();
    }
    expect(existsSync(lock)).toBe(false);
  });

  it('while the sandbox runs, `linli tickets list` is refused naming its pid; a lock left by a SIGKILLed sandbox does not block', { timeout: 240_000 }, async () => {
    const dataDir = path.join(tempDir('linli-storelock-'), 'data');
    const env = { LINLI_DATA_DIR: dataDir };
    const lock = path.join(dataDir, 'pglite.lock');
    const sandbox = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', LINLI_HTTP_PORT: 'off', LINLI_DEMO_HISTORY: 'off', ...templateEnv(), ...env },
      stdio: ['pipe', 'pipe', 'pipe'], // stdin stays open: the sandbox runs until killed
    });
    const exited = new Promise<void>((resolve) => sandbox.on('close', () => resolve()));
    try {
      let stdout = '';
      let stderr = '';
      sandbox.stdout.on('data', (d) => (stdout += d));
      sandbox.stderr.on('data', (d) => (stderr += d));
      const deadline = Date.now() + 120_000;
      while (!stdout.includes('邻里 Linli 沙盒')) {
        if (sandbox.exitCode !== null || Date.now() > deadline) throw new Error(`the sandbox did not start:\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const refused = await runCli(['tickets', 'list'], { env });
      expect(refused.code, refused.stderr).toBe(4);
      expect(refused.stderr).toMatch(IN_USE(path.join(dataDir, 'pglite'), sandbox.pid!, lock));
    } finally {
      sandbox.kill('SIGKILL');
      await exited;
    }
    // the killed sandbox could not remove its lock: it names a dead process and is taken over
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(sandbox.pid);
    const listed = await runCli(['tickets', 'list'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

// The account lock: one holder per account, stale locks of dead processes taken over, live holders waited for.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountLock, accountKey } from '../../../src/bots/account-lock.ts';
import { StartupError } from '../../../src/bots/startup-error.ts';
import { tempDir } from '../../support/cli.ts';

const TOKEN = 'puppet_secret_token_value';

function lockFile(dir: string): string {
  return path.join(dir, `account-${accountKey(TOKEN)}.lock`);
}

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

describe('AccountLock', () => {
  it('writes its holder (pid, host, time) to a file named by a hash of the token, and removes it on release', async () => {
    const dir = tempDir();
    const lock = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    expect(readdirSync(dir).join(' ')).not.toContain(TOKEN);
    const holder = JSON.parse(readFileSync(lock.file, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(Number.isNaN(Date.parse(holder.since))).toBe(false);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lock.release(); // twice is harmless
    const again = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    again.release();
  });

  it('refuses a second holder while the first lives, naming the holder and the lock file (exit code 3)', async () => {
    const dir = tempDir();
    const first = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    const err = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 300, pollMs: 20 }).catch((e) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain(`pid ${process.pid} on host ${os.hostname()}`);
    expect(err.message).toContain(`lock: ${first.file}`);
    expect(err.message).not.toContain(TOKEN);
    expect(existsSync(first.file)).toBe(true);
    first.release();
  });

  it('another account is not affected', async () => {
    const dir = tempDir();
    const a = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    const b = await AccountLock.acquire({ dir, account: 'puppet_other_account', waitMs: 0 });
    expect(b.file).not.toBe(a.file);
    a.release();
    b.release();
  });

  it('takes over a lock left by a dead process on this host', async () => {
    const dir = tempDir();
    const pid = await deadPid();
    writeFileSync(lockFile(dir), JSON.stringify({ pid, host: os.hostname(), since: '2026-12-05T21:50:00.000Z' }));
    const lock = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock naming this very pid that this process does not hold (a restarted container reusing pid 1)', async () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-12-05T21:50:00.000Z' }));
    const lock = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).since).not.toBe('2026-12-05T21:50:00.000Z');
    lock.release();
  });

  it('does not take over a live holder on this host, nor one on another host (it cannot check that pid)', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(lockFile(dir), JSON.stringify({ pid: child.pid, host: os.hostname(), since: '2026-12-05T21:50:00.000Z' }));
      const err = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 }).catch((e) => e);
      expect(err.message).toContain(`pid ${child.pid} on host ${os.hostname()}, since 2026-12-05T21:50:00Z`);
    } finally {
      child.kill();
    }
    const pid = await deadPid();
    writeFileSync(lockFile(dir), JSON.stringify({ pid, host: 'another-host', since: '2026-12-05T21:50:00.000Z' }));
    const err = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 }).catch((e) => e);
    expect(err.message).toContain(`pid ${pid} on host another-host`);
  });

  it('takes over a lock whose pid now belongs to a process started later (pids handed out again), not its live holder', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await new Promise((r) => child.once('spawn', r));
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
      // the holder itself: refused
      writeFileSync(lockFile(dir), JSON.stringify({ pid: child.pid, host: os.hostname(), since: '2026-12-05T21:50:00.000Z', started }));
      const err = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 }).catch((e) => e);
      expect(err).toBeInstanceOf(StartupError);
      // the lock of a process that started at another time and died; its pid now runs something else
      writeFileSync(lockFile(dir), JSON.stringify({ pid: child.pid, host: os.hostname(), since: '2026-12-05T21:50:00.000Z', started: String(Number(started) - 1) }));
      const lock = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
      const holder = JSON.parse(readFileSync(lock.file, 'utf8'));
      expect(holder.pid).toBe(process.pid);
      expect(holder.started).toMatch(/^\d+$/);
      lock.release();
    } finally {
      child.kill();
    }
  });

  it('a waiting second holder gets the lock once the first releases it', async () => {
    const dir = tempDir();
    const first = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    let waitingFor: number | undefined;
    const second = AccountLock.acquire({
      dir, account: TOKEN, waitMs: 60_000, pollMs: 20,
      onWait: (h) => {
        waitingFor = h.pid;
        first.release();
      },
    });
    const lock = await second;
    expect(waitingFor).toBe(process.pid);
    expect(existsSync(lock.file)).toBe(true);
    lock.release();
  });

  it('a waiting second holder gets the lock once the first process dies without releasing it', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(lockFile(dir), JSON.stringify({ pid: child.pid, host: os.hostname(), since: new Date().toISOString() }));
    const lock = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 60_000, pollMs: 20, onWait: () => child.kill('SIGKILL') });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a data folder where no lock can be made is a StartupError naming it', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const err = await AccountLock.acquire({ dir: path.join(file, 'wechat'), account: TOKEN, waitMs: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect(err.message).toContain(path.join(file, 'wechat'));
  });

  it('never removes a lock that another process holds by then', async () => {
    const dir = tempDir();
    const lock = await AccountLock.acquire({ dir, account: TOKEN, waitMs: 0 });
    const other = { pid: 1, host: 'another-host', since: new Date().toISOString() };
    writeFileSync(lock.file, JSON.stringify(other));
    lock.release();
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toEqual(other);
  });
});

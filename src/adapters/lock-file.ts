// One holder at a time: an exclusive lock file naming its holder (pid, host, start time). A lock left by a dead process
// on this host is taken over; a live holder is waited for a while, then refused. Used for a WeChat account
// (src/bots/account-lock.ts) and for the embedded store's folder (src/adapters/prisma/prisma-store.ts).
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
  /** When the holder's process started (Linux: /proc/<pid>/stat), to tell it from a later process given the same pid. */
  started?: string;
}

export interface LockFileOptions {
  /** The lock file; its folder must exist. */
  file: string;
  /** How long a live holder is waited for before giving up; 0 = refuse at once. */
  waitMs: number;
  /** Polling interval while waiting. */
  pollMs?: number;
  /** Called once when a live holder is found and waiting begins. */
  onWait?: (holder: LockHolder, file: string) => void;
  /** The error thrown when a live holder keeps the lock (an unreadable file's holder is pid 0 on host "unknown"). */
  busy: (holder: LockHolder, file: string) => Error;
}

/** Lock files this process holds now (a lock naming this pid but not listed here was left by an earlier run). */
const heldHere = new Set<string>();

export class LockFile {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(readonly file: string) {
    heldHere.add(file);
    process.once('exit', this.onExit);
  }

  /** Takes the lock, waiting up to waitMs for a live holder; throws `busy(holder)` otherwise. */
  static async acquire(o: LockFileOptions): Promise<LockFile> {
    const { file } = o;
    const deadline = Date.now() + o.waitMs;
    let told = false;
    for (;;) {
      if (tryCreate(file)) return new LockFile(file);
      const holder = readHolder(file);
      if (holder === 'gone') continue;
      if (holder === 'unreadable' ? isAbandonedEmpty(file) : isStale(holder, file)) {
        if (!takeOver(file, holder)) await sleep(20); // another process is taking it over: look again shortly
        continue;
      }
      if (Date.now() >= deadline) throw o.busy(holder === 'unreadable' ? { pid: 0, host: 'unknown', since: '' } : holder, file);
      if (!told && holder !== 'unreadable') {
        told = true;
        o.onWait?.(holder, file);
      }
      await sleep(Math.min(o.pollMs ?? 200, Math.max(1, deadline - Date.now())));
    }
  }

  /** Removes the lock if it is still this process's; safe to call more than once (also runs at process exit). */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.onExit);
    heldHere.delete(this.file);
    const holder = readHolder(this.file);
    if (typeof holder === 'object' && holder.pid === process.pid && holder.host === os.hostname()) removeQuietly(this.file);
  }
}

/** The holder's start time without milliseconds, for messages. */
export function holderSince(h: LockHolder): string {
  return h.since ? h.since.replace(/\.\d+Z$/, 'Z') : 'an unknown time';
}

/** Creates the lock file with this process as holder; false if it exists. */
function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), started: processStarted(process.pid) };
    writeSync(fd, JSON.stringify(me) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') {
      return { pid: h.pid, host: h.host, since: String(h.since ?? ''), ...(typeof h.started === 'string' ? { started: h.started } : {}) };
    }
  } catch {
    // a holder between creating and writing the file, or a damaged file: see isAbandonedEmpty
  }
  return 'unreadable';
}

/**
 * A holder on this host whose process no longer runs, or whose pid now belongs to a process started later (a restarted
 * container hands out the same low pids again). Holders on other hosts (a shared folder) cannot be checked.
 */
function isStale(h: LockHolder, file: string): boolean {
  if (h.host !== os.hostname()) return false;
  // this pid, not held here: an earlier run's, e.g. pid 1 of a restarted container with the data folder on a volume
  if (h.pid === process.pid) return !heldHere.has(file);
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const started = h.started === undefined ? undefined : processStarted(h.pid);
  return started !== undefined && started !== h.started;
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined where there is no /proc. */
function processStarted(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // field 2, the command, is in parentheses and may hold spaces and parentheses: count from after the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** A file nobody finished writing: its creator died between creating and writing it, long enough ago. */
function isAbandonedEmpty(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > 5_000;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock so the next attempt can create it. Two processes taking over at once must not both win, so the
 * removal itself runs under a short-lived guard file; whoever holds the guard re-reads the lock before removing it.
 */
function takeOver(file: string, seen: LockHolder | 'unreadable'): boolean {
  const guard = `${file}.takeover`;
  try {
    closeSync(openSync(guard, 'wx'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if (isAbandonedEmpty(guard)) removeQuietly(guard); // a taker that died mid-takeover
    return false;
  }
  try {
    const now = readHolder(file);
    const same = now === 'unreadable' ? seen === 'unreadable' : typeof now === 'object' && typeof seen === 'object' && now.pid === seen.pid && now.since === seen.since;
    if (same) removeQuietly(file);
    return true;
  } finally {
    removeQuietly(guard);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

// One chat account, one process: an exclusive lock file per account under the data folder, naming its holder (pid,
// host, start time). A lock left by a dead process on this host is taken over; a live holder is waited for a while
// (a restart whose old process is still stopping), then refused. The lock file itself: src/adapters/lock-file.ts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { accountKey } from '../adapters/account-key.ts';
import { holderSince, LockFile, type LockHolder } from '../adapters/lock-file.ts';
import { StartupError } from './startup-error.ts';

export { accountKey };
export type { LockHolder };

/** `linli start` exits with this code when another process holds the account. */
export const ACCOUNT_BUSY_EXIT_CODE = 3;

export interface AccountLockOptions {
  /** Folder of the lock files (created if missing). */
  dir: string;
  /** The account's secret (a token): only its hash appears in the file name. */
  account: string;
  /** How long a live holder is waited for before giving up; 0 = refuse at once. */
  waitMs: number;
  /** Polling interval while waiting. */
  pollMs?: number;
  /** Called once when a live holder is found and waiting begins. */
  onWait?: (holder: LockHolder, file: string) => void;
}

export function describeHolder(h: LockHolder, file: string): string {
  return `Another linli process (pid ${h.pid} on host ${h.host}, since ${holderSince(h)}) holds this WeChat account; lock: ${file}. Stop it first.`;
}

/** The lock of one account, held until `release()` (also run at process exit). */
export type AccountLock = LockFile;

export const AccountLock = {
  /** Takes the account's lock, waiting up to waitMs for a live holder; throws a StartupError (exit code 3) otherwise. */
  async acquire(o: AccountLockOptions): Promise<AccountLock> {
    const file = path.join(o.dir, `account-${accountKey(o.account)}.lock`);
    try {
      mkdirSync(o.dir, { recursive: true });
    } catch (e) {
      throw new StartupError(`cannot create the folder of the account lock ${o.dir}: ${(e as Error).message} (check LINLI_DATA_DIR)`);
    }
    return LockFile.acquire({
      file,
      waitMs: o.waitMs,
      pollMs: o.pollMs,
      onWait: o.onWait,
      busy: (h, f) => new StartupError(describeHolder(h, f), { exitCode: ACCOUNT_BUSY_EXIT_CODE }),
    });
  },
};

// One WeChat account, one process: `linli start` holds the account's lock for as long as it runs the puppet service.
import type { WechatConfig } from '../config.ts';
import { wechatStateDir } from '../adapters/wechaty/puppet.ts';
import { AccountLock } from './account-lock.ts';

export const DEFAULT_LOCK_WAIT_MS = 10_000;
/** How often `linli start --standby` looks whether the account's holder still runs. */
export const STANDBY_POLL_MS = 50;

/**
 * Takes the lock of the configured puppet-service account (none for the mock puppet), waiting for a process that is
 * still stopping; throws a StartupError with exit code 3 if another process keeps it. Release it after the bot stopped.
 */
export async function holdWechatAccount(dataDir: string, wechat: WechatConfig, opts: { standby?: boolean } = {}): Promise<AccountLock | undefined> {
  if (wechat.puppet !== 'wechaty-puppet-service' || !wechat.service) return undefined;
  const waitMs = opts.standby ? Infinity : wechat.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  return AccountLock.acquire({
    dir: wechatStateDir(dataDir),
    account: wechat.service.token,
    waitMs,
    // a standby takes over within STANDBY_POLL_MS of its holder's death
    pollMs: opts.standby ? STANDBY_POLL_MS : undefined,
    onWait: (holder) =>
      console.error(
        opts.standby
          ? `standing by: linli pid ${holder.pid} on host ${holder.host} holds this WeChat account; taking over when it exits`
          : `waiting up to ${waitMs} ms (LINLI_WECHAT_LOCK_WAIT_MS) for linli pid ${holder.pid} on host ${holder.host} to release this WeChat account`,
      ),
  });
}

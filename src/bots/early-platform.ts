// A platform started (connecting, logging in) before the bot host that handles its events is built: `linli start`
// logs in to WeChat while it opens the store and builds the host, so that a broadcast cut short by a restart sends
// again as soon as the account is logged in (docs/BENCHMARKS.md, session 17). The login needs no domain code.
import type { OnEvent, PlatformEvent, PlatformFace, UnreadEvent } from './platform.ts';

/**
 * Starts `platform` now and returns it as the host sees it: its gateway sends once `sendable()` resolves; what it hands
 * before the host starts it (the rooms listed at login, messages) is held, in order, and handed to the host's
 * `onEvent` when the host's start() reaches it, before anything that comes later. Its start failing (no login) fails
 * `sendable()` and the host's start() with the same error.
 */
export function startEarly(platform: PlatformFace): PlatformFace {
  const held: (PlatformEvent | UnreadEvent)[] = [];
  let handTo: OnEvent | undefined;
  const started = platform.start((e) => (handTo ? handTo(e) : void held.push(e)));
  started.catch(() => undefined); // said where the host starts it, and by sendable()
  return {
    name: platform.name,
    gateway: platform.gateway,
    sendsNeedSession: platform.sendsNeedSession,
    get received() {
      return platform.received;
    },
    get waitingToSend() {
      return platform.waitingToSend;
    },
    describe: () => platform.describe(),
    async start(onEvent) {
      await started;
      // handed in one turn: nothing the platform hands next can come between the held events
      for (const e of held.splice(0)) onEvent(e);
      handTo = onEvent;
    },
    stop: () => platform.stop(),
    sendable: async () => {
      await started;
      await platform.sendable?.();
    },
  };
}

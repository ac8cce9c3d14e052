// Runs any set of platforms in one process. One platform runs its own Linli; several share one (one assistant, one
// deadline engine, one set of pipeline workers), started after and stopped before the platforms that need it.
import type { Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';
import { PLATFORMS } from './platform-registry.ts';
import type { PlatformFace, PlatformOptions } from './platform.ts';
import { createSharedLinli } from './shared-linli.ts';

export interface BotHost {
  platforms: PlatformFace[];
  gateways: Partial<Record<Platform, ChatGateway>>;
  /** Starts every platform, then the shared parts; on a failure stops what started and throws. */
  start(): Promise<void>;
  /** Resolves once every platform's gateway can send (logged in), which may be before start() resolves; rejects if start fails first. */
  sendable: Promise<void>;
  stop(): Promise<void>;
}

export async function createBotHost(names: Platform[], parts: Omit<PlatformOptions, 'shared'>): Promise<BotHost> {
  const shared = names.length > 1 ? createSharedLinli(parts) : undefined;
  const platforms: PlatformFace[] = [];
  for (const name of names) platforms.push(await (await PLATFORMS[name].load()).createPlatform({ ...parts, shared }));
  const gateways = Object.fromEntries(platforms.map((p) => [p.name, p.gateway]));

  /** Platforms whose sends need no session stop first; then running sends finish while the others are logged in. */
  async function stopAll(tolerant: boolean) {
    const run = (work: Promise<void>) => (tolerant ? work.catch(() => undefined) : work);
    const reversed = [...platforms].reverse();
    for (const p of reversed) if (!p.sendsNeedSession) await run(p.stop());
    const rest = reversed.filter((p) => p.sendsNeedSession);
    if (shared) {
      for (const p of rest) await run(p.idle());
      await run(shared.stop());
    }
    for (const p of rest) await run(p.stop());
  }

  const sendable = Promise.all(platforms.map((p) => p.sendable())).then(() => undefined);
  sendable.catch(() => undefined); // start() reports the failure
  return {
    platforms,
    gateways,
    sendable,
    async start() {
      try {
        for (const p of platforms) await p.start();
        await shared?.start();
      } catch (e) {
        await stopAll(true);
        throw e;
      }
    },
    stop: () => stopAll(false),
  };
}

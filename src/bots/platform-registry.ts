// The platforms `linli start` knows: when each is configured, and its folder, loaded only then (a process loads
// only the SDKs it runs). Adding a platform: one folder under src/bots/platforms/ and one line here.
import type { Config } from '../config.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { CreatePlatform, PlatformFace, PlatformOptions } from './platform.ts';

interface PlatformEntry {
  configured(cfg: Config): boolean;
  load(): Promise<{ createPlatform: CreatePlatform }>;
}

export const PLATFORMS: Record<Platform, PlatformEntry> = {
  WECHAT: { configured: (cfg) => Boolean(cfg.wechat.puppet), load: () => import('./platforms/wechat/index.ts') },
  TELEGRAM: { configured: (cfg) => Boolean(cfg.telegram.token), load: () => import('./platforms/telegram/index.ts') },
};

/** The platforms this configuration runs, in start order. */
export function configuredPlatforms(cfg: Config): Platform[] {
  return (Object.keys(PLATFORMS) as Platform[]).filter((p) => PLATFORMS[p].configured(cfg));
}

/** Each named platform built by its folder's `createPlatform`, in the order given. */
export async function createPlatforms(names: readonly Platform[], o: PlatformOptions): Promise<PlatformFace[]> {
  const faces: PlatformFace[] = [];
  for (const name of names) faces.push(await (await PLATFORMS[name].load()).createPlatform(o));
  return faces;
}

// The one face every chat platform shows the bot host: its gateway (how replies go out), start and stop. Each
// platform folder under src/bots/platforms/ exports `createPlatform` returning it; the host runs any set of them.
import type { Config } from '../config.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';
import type { BotParts, SharedLinli } from './shared-linli.ts';

export interface PlatformFace {
  name: Platform;
  gateway: ChatGateway;
  /** True when replies need the platform's session (a logged-in WeChat account): the host drains the shared sends
   *  before stopping it. */
  sendsNeedSession: boolean;
  /** Connects and logs in; messages go to the pipeline, group events to the assistant. Throws StartupError. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every event received so far has been handled. */
  idle(): Promise<void>;
  /** How the startup line names it, e.g. `Telegram (@linli_bot)`; read after start. */
  describe(): string;
}

/** What a platform's factory is given: the process's parts and, with several platforms, the Linli they share. */
export interface PlatformOptions extends BotParts {
  config: Config;
  pipeline: BuiltPipeline;
  shared?: SharedLinli;
}

/** Every platform folder's `createPlatform`. */
export type CreatePlatform = (o: PlatformOptions) => Promise<PlatformFace>;

// The one face every chat platform shows the bot host: its gateway (how replies go out), start and stop. Each
// platform folder under src/bots/platforms/ exports `createPlatform` returning it; the host runs any set of them.
import type { Config } from '../config.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';
import type { BotParts, SharedLinli } from './shared-linli.ts';

/** What the host drives; `start` connects and logs in (a StartupError when it cannot), then messages go to the
 *  pipeline and group events to the assistant. `idle` resolves when every event received so far has been handled.
 *  `sendsNeedSession`: replies need the platform's session (a logged-in WeChat account), so the host drains the shared
 *  sends before stopping it. `describe` names it on the startup line, e.g. `Telegram (@linli_bot)`, after start. */
export interface PlatformFace extends RunningBot {
  name: Platform;
  sendsNeedSession: boolean;
  describe(): string;
  /** Resolves once the gateway can send (WeChat: logged in), which may be before start() resolves; rejects if start fails first. */
  sendable(): Promise<void>;
}

/** The part of a bot class the face passes through unchanged. */
interface RunningBot {
  gateway: ChatGateway;
  start(): Promise<void>;
  stop(): Promise<void>;
  idle(): Promise<void>;
  /** Resolves once the gateway can send, while start() may still be starting other parts; default: start() done. */
  sendable?(): Promise<void>;
}

/** The face of a bot class (WechatBot, TelegramBot): its gateway and lifecycle, bound to it. */
export function faceOf(bot: RunningBot, name: Platform, sendsNeedSession: boolean, describe: () => string): PlatformFace {
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const sendable = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  sendable.catch(() => undefined); // a failed start is reported by start() itself
  return {
    name,
    gateway: bot.gateway,
    sendsNeedSession,
    describe,
    async start() {
      void bot.sendable?.().then(settle.resolve);
      try {
        await bot.start();
        if (!bot.sendable) settle.resolve();
      } catch (e) {
        settle.reject(e);
        throw e;
      }
    },
    stop: () => bot.stop(),
    idle: () => bot.idle(),
    sendable: () => sendable,
  };
}

/** What a platform's factory is given: the process's parts and, with several platforms, the Linli they share. */
export interface PlatformOptions extends BotParts {
  config: Config;
  pipeline: BuiltPipeline;
  shared?: SharedLinli;
}

/** Every platform folder's `createPlatform`. */
export type CreatePlatform = (o: PlatformOptions) => Promise<PlatformFace>;

// The one face every chat platform shows the bot host (as every Hono adapter exports the same names): each folder
// under src/bots/platforms/ exports `createPlatform`, returning it. A platform only connects, logs in, sends, and
// hands the host its events in Linli's words; the host (bot-host.ts) owns Linli and does everything else.
import type { Config } from '../config.ts';
import type { IncomingMessage, Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';

/** What happened on a platform, normalised. `chat` is the platform's id of the group (room, chat). */
export type PlatformEvent =
  /** Logged in again after a logout: the host queues again what was stored and not handled or not sent meanwhile. */
  | { kind: 'online' }
  /** A group message from someone other than the bot; with the group's title when the platform gives it with every
   *  message (Telegram): the host records it with the first message of the group in this run. */
  | { kind: 'message'; chat: string; message: IncomingMessage; title?: string }
  /** The bot is in this group, under this title (listed at login, or its first message in this run). */
  | { kind: 'seen'; chat: string; title: string }
  /** Members joined; `self`: the bot itself was added. */
  | { kind: 'joined'; chat: string; title: string; members: { externalId: string; name: string }[]; self: boolean }
  /** Members left or were removed; `self`: the bot itself was removed. */
  | { kind: 'left'; chat: string; members: { externalId: string }[]; self: boolean }
  /** The bot is still in the group but may not send there (Telegram: restricted without can_send_messages). Made able
   *  to send again, it comes as `joined` with `self`. */
  | { kind: 'muted'; chat: string; title: string }
  | { kind: 'renamed'; chat: string; title: string }
  /** The group now has the id `chat` (a Telegram group upgraded to a supergroup); it was `from`. */
  | { kind: 'moved'; chat: string; from: string };

/** An event the platform still has to read from its SDK (WeChat asks the puppet for names and titles): `read` runs in
 *  its chat's turn, so the order the events were handed in is kept. Null: nothing Linli reads. */
export interface UnreadEvent {
  chat: string;
  read(): Promise<PlatformEvent | null>;
}

/** Where a platform hands its events. One chat's events are handled one after another, in the order handed; chats
 *  side by side. It never throws: a failure is logged, and a message stays stored for the inbox retry. */
export type OnEvent = (event: PlatformEvent | UnreadEvent) => void;

export interface PlatformFace {
  name: Platform;
  /** How replies go out; the host gives it to the assistant, the notify workers and broadcasts. */
  gateway: ChatGateway;
  /** Connects and logs in (a StartupError when it cannot), then hands every event to `onEvent` until `stop`. */
  start(onEvent: OnEvent): Promise<void>;
  /** Disconnects; the host calls it after the sends that need it (see `sendsNeedSession`) have finished. */
  stop(): Promise<void>;
  /** Replies need the platform's session (a logged-in WeChat account): the host drains the sends before stopping it. */
  sendsNeedSession: boolean;
  /** Its name on the startup line, e.g. `Telegram (@linli_bot)`, after start. */
  describe(): string;
  /** Platform events received so far, the bot's own included (the host waits for them to go quiet: tests, sandbox). */
  readonly received: number;
  /** Sends waiting for their turn (pacing, rate limits). */
  readonly waitingToSend: number;
  /** Resolves once the gateway can send (WeChat: logged in, which start() does not wait for when it shows a QR code);
   *  absent: once start() has resolved. */
  sendable?(): Promise<void>;
}

/** What every platform's `createPlatform` is given: the configuration, and the log. */
export interface PlatformOptions {
  config: Config;
  logger: Logger;
}

/** Every platform folder's `createPlatform`. */
export type CreatePlatform = (o: PlatformOptions) => Promise<PlatformFace>;

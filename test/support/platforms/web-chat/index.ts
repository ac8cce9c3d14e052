// A web chat as a platform, added the way README's "Adding a platform" says: one folder whose index.ts exports
// `createPlatform`. Visitors post in rooms through `post` and `join` (what a web chat's server would call on a
// request); what the bot says lands in its in-memory gateway. The bot host has no code of its own for it.
// `Platform` is a stored enum: a real new platform adds its name there (README, step 1); this one borrows TELEGRAM's.
import { MemoryChatGateway } from '../../../../src/adapters/memory/memory-chat.gateway.ts';
import type { CreatePlatform, OnEvent, PlatformFace, PlatformOptions } from '../../../../src/bots/platform.ts';

export interface WebChat extends PlatformFace {
  gateway: MemoryChatGateway;
  /** A visitor writes in a room. */
  post(room: string, visitor: { id: string; name: string }, text: string): void;
  /** The bot is added to a room. */
  addBot(room: string, title: string): void;
  /** What happened, in order: `start`, `stop`, and each send with the platform running or not. */
  readonly history: string[];
}

export const createPlatform = (async (o: PlatformOptions): Promise<WebChat> => {
  const log = o.logger.child({ platform: 'WEBCHAT' });
  let onEvent: OnEvent | undefined;
  let seq = 0;
  let received = 0;
  const history: string[] = [];
  const gateway = new MemoryChatGateway('TELEGRAM');
  gateway.onSend(() => history.push(onEvent ? 'send' : 'send after stop'));
  const deliver: OnEvent = (e) => {
    received++;
    onEvent?.(e);
  };
  return {
    name: 'TELEGRAM',
    gateway,
    sendsNeedSession: true,
    history,
    get received() {
      return received;
    },
    waitingToSend: 0,
    describe: () => 'web chat',
    async start(handler) {
      onEvent = handler;
      history.push('start');
      log.info({}, 'web chat open');
    },
    async stop() {
      onEvent = undefined;
      history.push('stop');
    },
    post(room, visitor, text) {
      const message = { platform: 'TELEGRAM' as const, externalId: `web-${++seq}`, groupExternalId: room, sender: { externalId: visitor.id, name: visitor.name }, text, sentAt: new Date() };
      deliver({ kind: 'message', chat: room, message });
    },
    addBot(room, title) {
      deliver({ kind: 'joined', chat: room, title, members: [], self: true });
    },
  };
}) satisfies CreatePlatform;

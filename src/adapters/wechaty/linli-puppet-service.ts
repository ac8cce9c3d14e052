// wechaty-puppet-service, with its payload cache in Linli's data folder. The service keeps contact and room payloads
// in LevelDB under ~/.wechaty/wechaty-puppet-service/<token>/ (os.homedir(), no option to move it): HOME may be
// read-only, and the raw token would name a folder. Here the cache lives in a folder given by Linli, and a cache that
// another process holds open is reported (cacheOpened) instead of crashing the process with LevelDB's lock error.
// The bot's own messages, which the gateway reports back, are dropped before Wechaty prepares them (ownEcho below).
import type { EventEmitter } from 'node:events';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { PuppetService } from 'wechaty-puppet-service';

type PuppetServiceOptions = ConstructorParameters<typeof PuppetService>[0];
type MessagePayload = Awaited<ReturnType<PuppetService['messagePayload']>>;

/** How long a 'message' event waits for its payload before it is passed on unread (the later ones wait behind it). */
const OWN_CHECK_TIMEOUT_MS = 10_000;
/** The ids of the messages this process sent lately: their echoes are known as its own without a round trip. */
const SENT_IDS_KEPT = 10_000;

/** One of the service's FlashStores, with the LevelDB inside that its typings keep private. */
interface CacheStore {
  levelDb: EventEmitter & { isOpen(): boolean };
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** What the service's PayloadStore has and its typings keep protected. */
interface PayloadStoreInside {
  storeDir: string;
  start(accountId: string): Promise<void>;
  contact?: CacheStore;
  roomMember?: CacheStore;
  room?: CacheStore;
}

/** The cache could not be opened, most often because another process holds its LevelDB lock. */
export class PayloadCacheError extends Error {
  override readonly name = 'PayloadCacheError';
  constructor(readonly folder: string, cause: unknown) {
    const why = firstLine(cause);
    const locked = /\block\b/i.test(why);
    super(`the WeChat payload cache ${folder} ${locked ? 'is locked by another process' : 'could not be opened'} (${why})`, { cause });
  }
}

export class LinliPuppetService extends PuppetService {
  private opened: Promise<void> = Promise.resolve();
  /** The 'message' events, passed on one after another in the order the gateway sent them. */
  private messages: Promise<void> = Promise.resolve();
  /** Ids the gateway answered this process's sends with (not every gateway answers one). */
  private readonly sentIds = new LRUCache<string, true>({ max: SENT_IDS_KEPT });
  /** Sends under way: an echo may be reported before its send's answer arrives. */
  private readonly sending = new Set<Promise<unknown>>();

  constructor(options: PuppetServiceOptions & { cacheDir: string }) {
    const { cacheDir, ...rest } = options;
    super(rest);
    const store = this._payloadStore as unknown as PayloadStoreInside;
    // fail loudly rather than cache in HOME again if a new version of the service stores its payloads differently
    if (typeof store.storeDir !== 'string' || typeof store.start !== 'function') {
      throw new Error(`wechaty-puppet-service ${PuppetService.VERSION}: its payload cache can no longer be moved to ${cacheDir}`);
    }
    store.storeDir = cacheDir;
    // the typings declare emit a property; at run time it is EventEmitter's method, here wrapped for this instance
    this.emit = this.dropOwnMessages(this.emit.bind(this));
    const start = store.start.bind(store);
    store.start = (accountId) => {
      // the stores are created synchronously inside start(): guard them before LevelDB can fail to open
      const started = start(accountId);
      const stores = [store.contact, store.roomMember, store.room].filter((x) => x !== undefined);
      const opens = stores.map(guard);
      this.opened = Promise.all([started, ...opens]).then(
        () => undefined,
        (e: unknown) => {
          // the service then asks the gateway for every payload: slower, but nothing waits on a dead cache
          store.contact = store.roomMember = store.room = undefined;
          for (const s of stores) void s.close().catch(() => undefined);
          throw new PayloadCacheError(path.join(cacheDir, accountId), e);
        },
      );
      this.opened.catch(() => undefined); // read by cacheOpened(); never an unhandled rejection
      return started;
    };
  }

  override async messageSendText(...args: Parameters<PuppetService['messageSendText']>): ReturnType<PuppetService['messageSendText']> {
    const sent = super.messageSendText(...args);
    this.sending.add(sent);
    try {
      const id = await sent;
      if (id) this.sentIds.set(id, true);
      return id;
    } finally {
      this.sending.delete(sent);
    }
  }

  /** Resolves once the cache of the logged-in account is open; rejects with PayloadCacheError if it could not be. */
  cacheOpened(): Promise<void> {
    return this.opened;
  }

  /**
   * The gateway reports each message the bot sends back as a 'message' event. Wechaty readies every message before its
   * listeners see it: Message.ready → Room.find → room.ready(), the room's member list and every member's contact
   * payload (hundreds in a building's group), only for Linli to drop it as msg.self(). A broadcast to a thousand groups
   * would load every member of every group in the background. Here a message event is passed on only once its payload
   * (read through the puppet, which caches it: Wechaty's own read of a kept message costs nothing more) shows a talker
   * other than the logged-in account. The payloads are read as the events come, side by side; the events are passed on
   * in their order. A message whose payload cannot be read is passed on, as before. Other events are untouched.
   */
  private dropOwnMessages(emit: (event: unknown, ...args: unknown[]) => boolean) {
    return (event: unknown, ...args: unknown[]): boolean => {
      if (event !== 'message') return emit(event, ...args);
      const messageId = (args[0] as { messageId?: unknown } | undefined)?.messageId;
      const pass = () => {
        try {
          emit('message', ...args);
        } catch (e) {
          emit('error', e); // a listener's throw must not stop the messages after it
        }
      };
      // read at once, side by side with the messages before it (a burst is not read one at a time); passed on in order
      const own = typeof messageId === 'string' && messageId !== '' ? this.isOwn(messageId) : Promise.resolve(false);
      own.catch(() => undefined); // judged below, in turn
      this.messages = this.messages
        .then(() => own)
        .then(
          (own) => void (own || pass()),
          () => pass(),
        )
        .catch(() => undefined); // only an 'error' event with no listener throws here: the next message still goes
      return this.listenerCount('message') > 0;
    };
  }

  /**
   * The message was sent by the logged-in account; false when that cannot be told (not logged in, payload unread). An
   * id one of this process's sends was answered with is its own at once (a broadcast's thousand echoes cost no round
   * trip each); other messages, and echoes from a gateway that answers no id, are told by their payload's talker.
   */
  private async isOwn(messageId: string): Promise<boolean> {
    if (!this.isLoggedIn) return false;
    if (this.sentIds.has(messageId)) return true;
    // the gateway may report a send's message before it answers the send: wait for the sends under way to answer
    if (this.sending.size > 0) {
      await Promise.allSettled([...this.sending]);
      if (this.sentIds.has(messageId)) return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, OWN_CHECK_TIMEOUT_MS, undefined);
      timer.unref();
    });
    try {
      const payload = await Promise.race([this.messagePayload(messageId).catch(() => undefined), late]);
      const talker = payload && (payload.talkerId || (payload as MessagePayload & { fromId?: string }).fromId);
      return !!talker && this.isLoggedIn && talker === this.currentUserId;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Resolves when the store's LevelDB has opened. Until then its reads and writes wait; if it cannot open they answer
 * "not cached" instead of waiting forever (LevelDB keeps operations queued before a failed open pending for good).
 */
function guard(store: CacheStore): Promise<void> {
  const db = store.levelDb;
  const open = new Promise<void>((resolve, reject) => {
    db.on('error', reject); // also keeps LevelDB's open error from becoming an uncaught exception
    if (db.isOpen()) resolve();
    else db.once('open', () => resolve());
  });
  open.catch(() => undefined);
  const { get, set, delete: del } = store;
  store.get = async (key) => ((await open.then(() => true, () => false)) ? get.call(store, key) : undefined);
  store.set = async (key, value) => ((await open.then(() => true, () => false)) ? set.call(store, key, value) : undefined);
  store.delete = async (key) => ((await open.then(() => true, () => false)) ? del.call(store, key) : undefined);
  return open;
}

function firstLine(e: unknown): string {
  const cause = (e as { cause?: unknown })?.cause;
  const msg = String((cause as Error)?.message ?? (e as Error)?.message ?? e);
  return msg.split('\n')[0] ?? msg;
}

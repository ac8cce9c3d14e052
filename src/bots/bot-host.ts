// Runs any set of platforms (one or more) in one process around the one Linli it owns: one assistant whose replies
// reach every platform, one deadline engine, one pipeline with its workers. Platforms hand it their events; it routes
// messages into the pipeline and group events to the assistant, one chat's events in order, and orders start and stop.
import { LRUCache } from 'lru-cache';
import { createLinli, type Linli, type LinliParts } from '../app.ts';
import { inProcessPipeline, type BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { ChatChains, Housekeeping } from './bot-runtime.ts';
import type { OnEvent, PlatformEvent, PlatformFace } from './platform.ts';

export interface BotHostParts extends Omit<LinliParts, 'gateways' | 'inbox'> {
  /** The one way in (BullMQ with Redis: replies then go through the notify queues); default: one in process. */
  pipeline?: BuiltPipeline;
  /** How often stored-but-unhandled messages are retried (ms); 0 or unset: only at start and after a new login. */
  retryEveryMs?: number;
  /** How often the patrol's timer rules run (ms); 0 or unset: no patrol timers and no daily digest. */
  patrolEveryMs?: number;
}

export interface BotHost {
  linli: Linli;
  pipeline: BuiltPipeline;
  platforms: readonly PlatformFace[];
  gateways: Partial<Record<Platform, ChatGateway>>;
  /** Queues what an earlier run left unhandled, starts every platform, then the workers and deadline timers (unless
   *  prepare() did); on a failure stops what started and throws. */
  start(): Promise<void>;
  /**
   * Connects the pipeline workers and the deadline, monthly and 议事 timers and reconciles their timers, without the
   * platforms: they take jobs once every platform can send (`sendable`). A standby calls it before it waits for the
   * account, so that its takeover is the login alone and nothing else competes with a resumed broadcast's sends;
   * start() calls it after the login otherwise. Once per host.
   */
  prepare(): Promise<void>;
  /** Resolves once every platform's gateway can send (started and logged in), before start() has started the workers
   *  and timers behind them: a broadcast resumes from then on. Rejects if start() fails first. */
  sendable: Promise<void>;
  /** Platforms whose sends need no session first, then the workers (running sends finish), then the others. */
  stop(): Promise<void>;
  /** Resolves when every event handed so far has been handled (and, in process, its ingest work done). */
  idle(): Promise<void>;
  /** Resolves once the platforms have gone quiet: no new event for `quietMs`, nothing running, no send waiting. */
  settle(quietMs?: number): Promise<void>;
  /** Queues again stored messages never handled and replies never sent (see Housekeeping); returns the messages. */
  retryInbox(olderThanMs?: number): Promise<number>;
}

/** How many groups per platform the host remembers having recorded the title of in this run (any group can add the
 *  bot: a group forgotten has its title recorded once more). */
const SEEN_GROUPS = 10_000;

export function createBotHost(platforms: readonly PlatformFace[], parts: BotHostParts): BotHost {
  if (!platforms.length) throw new Error('the bot host needs at least one platform');
  const gateways: Partial<Record<Platform, ChatGateway>> = {};
  for (const p of platforms) {
    if (gateways[p.name]) throw new Error(`platform ${p.name} given twice`);
    gateways[p.name] = p.gateway;
  }
  const pipeline = parts.pipeline ?? inProcessPipeline({ store: parts.store, logger: parts.logger });
  const linli = createLinli({
    ...parts,
    gateways,
    outbox: pipeline.queuedReplies ? pipeline.pipeline.outbox : parts.outbox,
    queues: parts.pipeline?.queues ?? parts.queues,
    inbox: pipeline.pipeline.inbox,
  });
  const log = parts.logger;
  // a message whose handling failed is stored and not marked handled: the inbox retry picks it up
  const chains = new ChatChains((e, chat) => log.error({ err: e, chat }, 'handling a platform event failed'), () => pipeline.idle());
  const housekeeping = new Housekeeping({
    linli, platforms: platforms.map((p) => p.name), log, pipeline, retryEveryMs: parts.retryEveryMs, patrolEveryMs: parts.patrolEveryMs,
  });
  // the title each group was last recorded under in this run
  const seen = new LRUCache<string, string>({ max: SEEN_GROUPS * platforms.length });
  // the stored titles, read once for a login's room sync (a thousand rooms at once, each on its own chain: fetch()
  // makes them share the one read) instead of a write per room
  const stored = new LRUCache<'groups', Map<string, string>>({
    max: 1,
    ttl: 60_000,
    fetchMethod: async () => new Map((await linli.store.groups.list()).map((g) => [`${g.platform}:${g.externalId}`, g.title])),
  });
  /** Records a group's title when it is not what this run or the store last had. */
  const recordTitle = async (platform: Platform, chat: string, key: string, title: string) => {
    if (seen.get(key) === title) return;
    if ((await stored.fetch('groups'))?.get(key) !== title) await linli.store.groups.upsertSeen(platform, chat, title);
    seen.set(key, title);
  };
  let settleSendable!: { resolve: () => void; reject: (e: unknown) => void };
  const sendable = new Promise<void>((resolve, reject) => (settleSendable = { resolve, reject }));
  sendable.catch(() => undefined); // start() reports the failure

  /** What each event means to Linli: messages go into the pipeline, group events to the assistant. */
  async function route(platform: Platform, e: Exclude<PlatformEvent, { kind: 'online' }>, plog: Logger): Promise<void> {
    const key = `${platform}:${e.chat}`;
    switch (e.kind) {
      case 'message':
        if (e.title !== undefined) await recordTitle(platform, e.chat, key, e.title);
        await pipeline.pipeline.submit(e.message);
        return;
      case 'seen':
        await recordTitle(platform, e.chat, key, e.title);
        return;
      case 'joined':
        await linli.assistant.membersJoined(platform, e.chat, e.title, e.members, e.self);
        return;
      case 'left':
        await linli.assistant.membersLeft(platform, e.chat, e.members, e.self);
        return;
      case 'muted':
        await linli.assistant.botMuted(platform, e.chat, e.title);
        return;
      case 'renamed':
        await linli.assistant.topicChanged(platform, e.chat, e.title);
        seen.set(key, e.title);
        return;
      case 'moved': {
        pipeline.pipeline.forgetGroup(platform, e.chat);
        const group = await linli.assistant.groupMoved(platform, e.from, e.chat);
        if (group) plog.warn({ groupId: group.id, from: e.from, to: e.chat }, 'group upgraded to a supergroup: it keeps its mapping under the new id');
        if (group) seen.set(key, group.title);
        return;
      }
    }
  }

  function onEventOf(p: PlatformFace): OnEvent {
    const plog = log.child({ platform: p.name });
    return (e) => {
      if ('read' in e) {
        chains.run(`${p.name}:${e.chat}`, async () => {
          const read = await e.read();
          if (read && read.kind !== 'online') await route(p.name, read, plog);
        });
      } else if (e.kind === 'online') {
        void housekeeping.retryInbox(0);
      } else {
        chains.run(`${p.name}:${e.chat}`, () => route(p.name, e, plog));
      }
    };
  }

  async function stopAll(tolerant: boolean) {
    const run = (work: Promise<void>) => (tolerant ? work.catch(() => undefined) : work);
    housekeeping.stop();
    const reversed = [...platforms].reverse();
    for (const p of reversed) if (!p.sendsNeedSession) await run(p.stop());
    await run(chains.idle());
    await run(linli.sla?.stop() ?? Promise.resolve());
    await run(linli.monthly?.stop() ?? Promise.resolve());
    await run(linli.pointsNotice?.stop() ?? Promise.resolve());
    // running sends finish while the platforms that need a session for them are still logged in
    await run(pipeline.close());
    for (const p of reversed) if (p.sendsNeedSession) await run(p.stop());
  }

  let prepared: Promise<void> | undefined;
  // the workers and timers, connected; they take jobs from `gate` on (start(): at once, the platforms started)
  const prepareFrom = (gate: Promise<unknown>) =>
    (prepared ??= (async () => {
      await pipeline.pipeline.startWorkers(pipeline.queuedReplies ? ['ingest', 'notify'] : ['ingest'], 4, { assistant: linli.assistant, gateways }, gate);
      await linli.sla?.start(gate);
      await linli.monthly?.start(gate);
      await linli.pointsNotice?.start(gate);
      await linli.startTopicTimers(gate);
    })());

  return {
    linli,
    pipeline,
    platforms,
    gateways,
    sendable,
    prepare: () => prepareFrom(sendable),
    async start() {
      try {
        // what an earlier run left stored and unhandled is queued before new messages come in, so that a message
        // arriving now is not also picked up as unhandled
        await housekeeping.retryInbox(0);
        for (const p of platforms) await p.start(onEventOf(p));
        void Promise.all(platforms.map((p) => p.sendable?.())).then(() => settleSendable.resolve());
        await prepareFrom(Promise.resolve());
      } catch (e) {
        settleSendable.reject(e);
        await stopAll(true);
        throw e;
      }
      housekeeping.startRetry();
      housekeeping.startPatrol();
    },
    stop: () => stopAll(false),
    idle: () => chains.idle(),
    settle: (quietMs) => chains.settle(
      () => platforms.reduce((n, p) => n + p.received, 0),
      () => platforms.reduce((n, p) => n + p.waitingToSend, 0),
      quietMs,
    ),
    retryInbox: (olderThanMs) => housekeeping.retryInbox(olderThanMs),
  };
}

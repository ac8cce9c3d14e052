// The two outboxes: direct (send now, record it) and queued (a notify job per message, keyed so it runs once).
import type { ChatGateway } from '../ports/chat-gateway.port.ts';
import type { JobQueue, NewJob } from '../ports/job-queue.port.ts';
import { botPosts } from '../groups/bot-standing.ts';
import { RefusedDataError } from '../errors.ts';
import { GroupCommit } from '../util/group-commit.ts';
import type { GroupRepository } from '../ports/group.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import type { Outbox, OutboxSendOptions, OutgoingMessage } from '../ports/outbox.port.ts';
import type { PendingSendRepository } from '../ports/pending-send.repository.ts';
import type { Platform } from './incoming-message.ts';
import { pushTo } from '../util/multimap.ts';
import { maskPii } from '../triage/mask.ts';
import { stripControlChars } from '../util/control-chars.ts';

/**
 * A text as the bot will send it (a broadcast's preview shows this): numbers masked, and no control character even
 * from text that did not come through intake (a group's title, an LLM's summary, a row stored before intake cleaned).
 */
export const asSent = (text: string): string => maskPii(stripControlChars(text));

/**
 * What the bot says never carries a mobile or ID number, whoever typed it (a worker's 进度/办结 note is posted to the
 * resident's group): every message passes here on its way out. Staff read the number in the ticket, which keeps it.
 */
export function maskedForSending(m: OutgoingMessage): OutgoingMessage {
  const text = asSent(m.text);
  // a display name can hold a number too ("王师傅138…"), and Telegram writes a mention's name into the text
  const mentions = m.options?.mentions;
  const named = mentions?.some((x) => asSent(x.name) !== x.name) ? mentions.map((x) => ({ ...x, name: asSent(x.name) })) : undefined;
  if (text === m.text && !named) return m;
  return { ...m, text, ...(named ? { options: { ...m.options, mentions: named } } : {}) };
}

export interface DirectOutboxOptions {
  /** With queues: the outbox table, cleared once a message is sent (or skipped). */
  pending?: PendingSendRepository;
  /**
   * With them, a post to a group where the bot may not send — muted (Group.muted: restricted, still reading the group)
   * or no longer in it (removed, inactive) — is skipped without trying: logged once at info with the group id, done as
   * if sent (no error, no retry). Direct messages go as ever. A broadcast's outbox leaves them out: its worker skips
   * such a group itself, with the reason.
   */
  groups?: Pick<GroupRepository, 'findById'>;
  logger?: Logger;
}

/** Logged for each post skipped because the bot may not send in its group. */
export const MUTED_POST_SKIPPED = 'the bot may not send messages in this group (muted): the post is skipped';
/** Logged for each post skipped because the bot is no longer in its group. */
export const REMOVED_POST_SKIPPED = 'the bot is no longer in this group (removed): the post is skipped';

export class DirectOutbox implements Outbox {
  private readonly pending?: PendingSendRepository;

  constructor(
    private readonly gateways: Partial<Record<Platform, ChatGateway>>,
    private readonly messages: MessageRepository,
    private readonly o: DirectOutboxOptions = {},
  ) {
    this.pending = o.pending;
  }

  async send(given: OutgoingMessage, options: OutboxSendOptions = {}): Promise<void> {
    // the one place every message reaches a gateway (queued ones too, from the notify workers)
    const m = maskedForSending(given);
    if (!options.firstAttempt && (await this.messages.outgoingSent(m.key))) {
      await this.pending?.done(m.key);
      return;
    }
    // the one place a post in a group the bot may not send in is dropped: whatever handler or timer wanted it
    const closed = 'group' in m.to ? await this.closedGroup(m.to.groupId) : null;
    if ('group' in m.to && closed) {
      this.o.logger?.info({ groupId: m.to.groupId, externalId: m.to.group, platform: m.platform, key: m.key, ticketId: m.ticketId }, closed === 'muted' ? MUTED_POST_SKIPPED : REMOVED_POST_SKIPPED);
      await this.pending?.done(m.key);
      return;
    }
    const gateway = this.gateways[m.platform];
    if (!gateway) throw new Error(`no chat gateway for platform ${m.platform}`);
    // beforeSend runs when the message is handed over: in its turn for a gateway that paces (it calls it), else now
    // (`refused` only with it: a gateway that does not call beforeSend could not begin anew what `refused` ended)
    const { beforeSend, refused } = options;
    let ref;
    if ('group' in m.to) {
      const passOn = beforeSend && gateway.callsBeforeSend;
      if (beforeSend && !passOn) await beforeSend();
      ref = await gateway.sendToGroup(m.to.group, m.text, passOn ? { ...m.options, beforeSend, refused } : m.options);
    } else {
      await beforeSend?.();
      ref = await gateway.sendDirect(m.to.user, m.text);
    }
    await this.messages.saveOutgoing(m.platform, ref.externalId, 'group' in m.to ? m.to.groupId : null, m.text, m.ticketId, m.key);
    await this.pending?.done(m.key);
  }

  /** Why the bot may not post in the group: muted, or removed (inactive); null when it may. */
  private async closedGroup(groupId: number): Promise<'muted' | 'removed' | null> {
    if (!this.o.groups) return null;
    const g = await this.o.groups.findById(groupId);
    if (!g || botPosts(g)) return null;
    return g.muted ? 'muted' : 'removed';
  }
}

export const NOTIFY_QUEUE = 'notify';

/** The notify queue of a platform with its own pace: `notify-telegram` (WeChat keeps `notify`). */
export const notifyQueueName = (platform: Platform) => (platform === 'WECHAT' ? NOTIFY_QUEUE : `${NOTIFY_QUEUE}-${platform.toLowerCase()}`);

/**
 * Queues each message as a notify job; the job id is the message key, so a message is queued once. A platform with
 * its own queue (its own pace: Telegram's limits are not the WeChat account's) gets its messages there.
 *
 * Sends made at about the same time (the replies of a batch's groups, handled side by side) go together: one row
 * insert into the outbox table and one round trip per queue for all of them (group commit, as at submit).
 */
export class QueuedOutbox implements Outbox {
  private readonly sends: GroupCommit<OutgoingMessage, undefined>;

  constructor(
    private readonly queue: JobQueue<OutgoingMessage>,
    private readonly byPlatform: Partial<Record<Platform, JobQueue<OutgoingMessage>>> = {},
    /** The outbox table: a message is recorded before it is queued, so a lost job is queued again (requeueUnsent). */
    private readonly pending?: PendingSendRepository,
  ) {
    // a reply the outbox table refuses fails alone, not with the replies it was batched with
    this.sends = new GroupCommit(
      async (batch) => {
        await this.pending?.record(batch);
        await this.enqueueMany(batch);
        return batch.map(() => undefined);
      },
      { itemError: (e) => e instanceof RefusedDataError },
    );
  }

  async send(m: OutgoingMessage, options: OutboxSendOptions = {}): Promise<void> {
    // queuing is as far as this outbox hands a message over
    await options.beforeSend?.();
    // masked before it is written to the outbox table and the queue too, not only when the worker sends it
    await this.sends.submit(maskedForSending(m));
  }

  /** Queues the message (again): the job id is its key, so a job still waiting or running is not doubled. */
  async enqueue(m: OutgoingMessage): Promise<void> {
    await this.enqueueMany([m]);
  }

  private async enqueueMany(batch: readonly OutgoingMessage[]): Promise<void> {
    const byQueue = new Map<JobQueue<OutgoingMessage>, NewJob<OutgoingMessage>[]>();
    for (const m of batch) {
      const queue = this.byPlatform[m.platform] ?? this.queue;
      // one recipient's messages keep their order
      const orderKey = `${m.platform}:${'group' in m.to ? m.to.group : m.to.user}`;
      pushTo(byQueue, queue, { name: 'send', data: m, options: { jobId: m.key, orderKey, attempts: 5, backoffMs: 2000 } });
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => queue.addMany(jobs)));
  }
}

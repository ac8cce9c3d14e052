// The notify stage: one job per message the bot says, sent through the platform's gateway by the direct outbox
// (which skips a message already sent under the same key, so a retried job never sends twice).
import type { Platform } from '../messages/incoming-message.ts';
import { isPermanentSendError, type SendOptions } from '../ports/chat-gateway.port.ts';
import type { JobHandler } from '../ports/job-queue.port.ts';
import type { Outbox, OutgoingMessage } from '../ports/outbox.port.ts';
import { UnrecoverableJobError } from '../ports/job-queue.port.ts';
import { oneOf, optionalText, record, text, type JsonRecord } from './job-data.ts';

const PLATFORMS: readonly Platform[] = ['WECHAT', 'TELEGRAM'];

function sendOptions(v: unknown, what: string): SendOptions | undefined {
  if (v === undefined || v === null) return undefined;
  const o = record(v, what);
  const options: SendOptions = {};
  if (o.mentions !== undefined && o.mentions !== null) {
    if (!Array.isArray(o.mentions)) throw new UnrecoverableJobError(`${what}.mentions must be a list`);
    options.mentions = o.mentions.map((m: unknown, i) => {
      const r = record(m, `${what}.mentions[${i}]`);
      return { externalId: text(r, 'externalId', `${what}.mentions[${i}]`, { nonEmpty: true }), name: text(r, 'name', `${what}.mentions[${i}]`) };
    });
  }
  const replyTo = optionalText(o, 'replyToExternalId', what);
  if (replyTo !== undefined) options.replyToExternalId = replyTo;
  const threadOf = optionalText(o, 'threadOf', what);
  if (threadOf !== undefined) options.threadOf = threadOf;
  return options;
}

function recipient(o: JsonRecord, what: string): OutgoingMessage['to'] {
  if ('group' in o) {
    const groupId = o.groupId;
    if (typeof groupId !== 'number' || !Number.isInteger(groupId)) throw new UnrecoverableJobError(`${what}.groupId must be an integer`);
    return { group: text(o, 'group', what, { nonEmpty: true }), groupId };
  }
  return { user: text(o, 'user', what, { nonEmpty: true }) };
}

/** Rebuilds the outgoing message from job data; throws UnrecoverableJobError naming the first bad field. */
export function parseNotifyJob(data: unknown): OutgoingMessage {
  const what = 'notify job';
  const o = record(data, what);
  const ticketId = o.ticketId ?? null;
  if (ticketId !== null && (typeof ticketId !== 'number' || !Number.isInteger(ticketId))) {
    throw new UnrecoverableJobError(`${what}.ticketId must be an integer or null`);
  }
  const m: OutgoingMessage = {
    key: text(o, 'key', what, { nonEmpty: true }),
    platform: oneOf(o, 'platform', PLATFORMS, what),
    to: recipient(record(o.to, `${what}.to`), `${what}.to`),
    text: text(o, 'text', what, { nonEmpty: true }),
    ticketId,
  };
  const options = sendOptions(o.options, `${what}.options`);
  if (options) m.options = options;
  return m;
}

/** `direct` must send now (a DirectOutbox): handing the message to another queue would loop. */
export function createNotifyHandler(direct: Outbox): JobHandler<unknown> {
  return async (job) => {
    const m = parseNotifyJob(job.data);
    try {
      await direct.send(m);
    } catch (e) {
      // the platform refused for good (the bot was removed, the person blocked it): retrying would only repeat that
      if (isPermanentSendError(e)) throw new UnrecoverableJobError(e instanceof Error ? e.message : String(e));
      throw e;
    }
  };
}

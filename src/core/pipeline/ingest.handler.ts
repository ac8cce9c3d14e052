// The ingest stage: a job is a batch of stored incoming messages of one ordering lane (or, from older versions and
// hand-made jobs, one message, stored here first), handled by the assistant, which marks each handled at the end, so
// a redelivered or retried job handles each message once.
import type { HandleOutcome, IngestItem } from '../assistant/assistant.types.ts';
import type { IncomingMessage, MessageKind, Platform } from '../messages/incoming-message.ts';
import { UnrecoverableJobError, type JobHandler } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageInbox } from './message-inbox.ts';
import { oneOf, optionalFlag, optionalText, record, text, type JsonRecord } from './job-data.ts';

export const INGEST_QUEUE = 'ingest';

/** An IncomingMessage as JSON: the date travels as an ISO string; with the ids it was stored under, when known. */
export type IngestMessageData = Omit<IncomingMessage, 'sentAt'> & { sentAt: string; messageId?: number; groupId?: number; prevId?: number };

/** A batch of messages in the order they were submitted (one lane: a group's messages are never split across jobs out of order). */
export interface IngestBatchData {
  messages: IngestMessageData[];
}

export type IngestJobData = IngestBatchData | IngestMessageData;

const PLATFORMS: readonly Platform[] = ['WECHAT', 'TELEGRAM'];
const KINDS: readonly MessageKind[] = ['text', 'image', 'file', 'video', 'audio', 'other'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Every field of an IncomingMessage: a field added there fails to compile here until toIngestMessage (and
 * parseMessage) carry it too.
 */
export const INGEST_FIELDS: Record<keyof IncomingMessage, true> = {
  platform: true, externalId: true, groupExternalId: true, sender: true, text: true, quotedExternalId: true, quoted: true, kind: true, mentionsBot: true, sentAt: true,
};

/** A message as a job carries it: the ids it was stored under, absent in jobs of older versions and hand-made ones. */
export type IngestJobItem = Omit<IngestItem, 'messageId' | 'groupId'> & Partial<Pick<IngestItem, 'messageId' | 'groupId'>>;

export function toIngestMessage(item: IngestJobItem): IngestMessageData {
  // field by field rather than a spread: this runs for every message queued
  const m = item.msg;
  const data: IngestMessageData = { platform: m.platform, externalId: m.externalId, groupExternalId: m.groupExternalId, sender: m.sender, text: m.text, sentAt: m.sentAt.toISOString() };
  if (m.quotedExternalId !== undefined) data.quotedExternalId = m.quotedExternalId;
  if (m.quoted !== undefined) data.quoted = m.quoted;
  if (m.kind !== undefined) data.kind = m.kind;
  if (m.mentionsBot !== undefined) data.mentionsBot = m.mentionsBot;
  if (item.messageId !== undefined) data.messageId = item.messageId;
  if (item.groupId !== undefined) data.groupId = item.groupId;
  if (item.prevId !== undefined) data.prevId = item.prevId;
  return data;
}

/** Rebuilds the messages from job data; throws UnrecoverableJobError naming the first bad field. */
export function parseIngestJob(data: unknown): IngestJobItem[] {
  const o = record(data, 'ingest job');
  if (o.messages === undefined) return [parseMessage(o, 'ingest job')];
  if (!Array.isArray(o.messages) || o.messages.length === 0) throw new UnrecoverableJobError('ingest job.messages must be a non-empty array');
  return o.messages.map((m, i) => parseMessage(record(m, `ingest job.messages[${i}]`), `ingest job.messages[${i}]`));
}

function optionalId(o: JsonRecord, key: string, what: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new UnrecoverableJobError(`${what}.${key} must be a positive integer`);
  return v;
}

function parseMessage(o: JsonRecord, what: string): IngestJobItem {
  const platform = oneOf(o, 'platform', PLATFORMS, what);
  const externalId = text(o, 'externalId', what, { nonEmpty: true });
  const groupExternalId = text(o, 'groupExternalId', what, { nonEmpty: true });
  const sender = record(o.sender, `${what}.sender`);
  const msg: IncomingMessage = {
    platform,
    externalId,
    groupExternalId,
    sender: { externalId: text(sender, 'externalId', `${what}.sender`, { nonEmpty: true }), name: text(sender, 'name', `${what}.sender`) },
    text: text(o, 'text', what),
    sentAt: isoDate(text(o, 'sentAt', what), `${what}.sentAt`),
  };
  const quotedExternalId = optionalText(o, 'quotedExternalId', what);
  if (quotedExternalId !== undefined) msg.quotedExternalId = quotedExternalId;
  if (o.quoted !== undefined && o.quoted !== null) {
    const quoted = record(o.quoted, `${what}.quoted`);
    msg.quoted = { text: text(quoted, 'text', `${what}.quoted`), fromBot: optionalFlag(quoted, 'fromBot', `${what}.quoted`) ?? false };
  }
  if (o.kind !== undefined && o.kind !== null) msg.kind = oneOf(o, 'kind', KINDS, what);
  const mentionsBot = optionalFlag(o, 'mentionsBot', what);
  if (mentionsBot !== undefined) msg.mentionsBot = mentionsBot;
  const item: IngestJobItem = { msg };
  const messageId = optionalId(o, 'messageId', what);
  if (messageId !== undefined) item.messageId = messageId;
  const groupId = optionalId(o, 'groupId', what);
  if (groupId !== undefined) item.groupId = groupId;
  const prevId = optionalId(o, 'prevId', what);
  if (prevId !== undefined) item.prevId = prevId;
  return item;
}

function isoDate(s: string, what: string): Date {
  const d = new Date(s);
  if (!ISO_DATE.test(s) || Number.isNaN(d.getTime())) throw new UnrecoverableJobError(`${what} must be an ISO date`);
  return d;
}

/**
 * The worker's coalesce for ingest jobs (see WorkerOptions.coalesce): a lane's waiting jobs join the starting one as
 * one batch of at most `maxMessages`, in order. A job that does not parse is not taken: it fails alone, as before.
 */
export function mergeIngestJobs(maxMessages: number): (data: IngestJobData, next: IngestJobData) => IngestJobData | undefined {
  const merged = new WeakSet<object>(); // batches made here: already checked
  const messagesOf = (data: IngestJobData): IngestMessageData[] | undefined => {
    if (!merged.has(data)) {
      try {
        parseIngestJob(data);
      } catch {
        return undefined;
      }
    }
    return 'messages' in data && Array.isArray(data.messages) ? data.messages : [data as IngestMessageData];
  };
  return (data, next) => {
    const a = messagesOf(data);
    const b = a && messagesOf(next);
    if (!a || !b || a.length + b.length > maxMessages) return undefined;
    const batch: IngestBatchData = { messages: a.concat(b) };
    merged.add(batch);
    return batch;
  };
}

export interface IngestAssistant {
  handleBatch(items: readonly IngestItem[]): Promise<HandleOutcome[]>;
}

export function createIngestHandler(assistant: IngestAssistant, inbox: Pick<MessageInbox, 'complete'>, logger: Logger): JobHandler<unknown> {
  return async (job) => {
    const items = await inbox.complete(parseIngestJob(job.data));
    const outcomes = await assistant.handleBatch(items);
    logger.debug({ jobId: job.id, attempt: job.attemptsMade + 1, messages: items.length, outcomes: outcomes.map((o) => o.kind) }, 'messages handled');
  };
}

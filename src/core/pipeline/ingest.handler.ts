// The ingest stage: one job per incoming chat message, handled by the assistant (which stores it, if not stored yet,
// and marks it handled at the end, so a redelivered or retried job is handled once).
import type { HandleOutcome } from '../assistant/assistant.ts';
import type { IncomingMessage, MessageKind, Platform } from '../messages/incoming-message.ts';
import { UnrecoverableJobError, type JobHandler } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import { oneOf, optionalFlag, optionalText, record, text } from './job-data.ts';

export const INGEST_QUEUE = 'ingest';

/** An IncomingMessage as JSON: the date travels as an ISO string. */
export type IngestJobData = Omit<IncomingMessage, 'sentAt'> & { sentAt: string };

const PLATFORMS: readonly Platform[] = ['WECHAT', 'TELEGRAM'];
const KINDS: readonly MessageKind[] = ['text', 'image', 'file', 'video', 'audio', 'other'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function toIngestJob(msg: IncomingMessage): IngestJobData {
  return { ...msg, sentAt: msg.sentAt.toISOString() };
}

/** The job's id: a message is queued once however often the platform delivers it. */
export function ingestJobId(msg: Pick<IncomingMessage, 'platform' | 'externalId'>): string {
  return `${msg.platform}:${msg.externalId}`;
}

/** Rebuilds the message from job data; throws UnrecoverableJobError naming the first bad field. */
export function parseIngestJob(data: unknown): IncomingMessage {
  const what = 'ingest job';
  const o = record(data, what);
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
  return msg;
}

function isoDate(s: string, what: string): Date {
  const d = new Date(s);
  if (!ISO_DATE.test(s) || Number.isNaN(d.getTime())) throw new UnrecoverableJobError(`${what} must be an ISO date`);
  return d;
}

export function createIngestHandler(assistant: { handle(msg: IncomingMessage): Promise<HandleOutcome> }, logger: Logger): JobHandler<unknown> {
  return async (job) => {
    const msg = parseIngestJob(job.data);
    const outcome = await assistant.handle(msg);
    logger.debug({ jobId: job.id, attempt: job.attemptsMade + 1, outcome: outcome.kind }, 'message handled');
  };
}

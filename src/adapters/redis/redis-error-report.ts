// A Redis that does not answer is reported by every connection on each reconnection: many lines a second saying one
// thing. One error is said once per interval, with how often it came since, naming REDIS_URL when Redis is unreachable;
// once per process: the job queues and the ticket change relay share one Redis in `linli start`, and its refusal is one
// line, not one each (whichever reporter meets it first says it).
import type { Logger } from '../../core/ports/logger.port.ts';

/** One connection error is logged once per this interval (with the count of repeats). */
export const REPEAT_ERROR_EVERY_MS = 30_000;

const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET/;

export interface RedisErrorReportOptions {
  /** What reports, the head of each line ("job queue", "ticket change relay"). */
  what: string;
  /** Where the lines go (default: stderr). */
  logger?: Logger;
  level?: 'error' | 'warn';
  everyMs?: number;
}

/** When each error (by its message: it names the address) was last said in this process, and how often since. */
const lastSaid = new Map<string, { at: number; repeated: number }>();

/** The function to give each connection's (and queue's) errors to, with where it came from. */
export function redisErrorReporter(o: RedisErrorReportOptions): (error: Error, where: string) => void {
  const every = o.everyMs ?? REPEAT_ERROR_EVERY_MS;
  return (error, where) => {
    const now = Date.now();
    const seen = lastSaid.get(error.message);
    if (seen && now - seen.at < every) {
      seen.repeated++;
      return;
    }
    // (messages differ by address and cause only: a few; any said an interval ago or more is forgotten past 100)
    if (lastSaid.size >= 100) for (const [m, x] of lastSaid) if (now - x.at >= every) lastSaid.delete(m);
    lastSaid.set(error.message, { at: now, repeated: 0 });
    const text = UNREACHABLE.test(error.message)
      ? `${error.message} (Redis at REDIS_URL does not answer; the same error is logged again at most every ${every / 1000} s)`
      : error.message;
    const repeated = seen?.repeated ? { repeated: seen.repeated } : {};
    if (o.logger) o.logger[o.level ?? 'error']({ err: error, where, ...repeated }, `${o.what}: ${text}`);
    else console.error(`${o.what} (${where}): ${text}`);
  };
}

// Structured logs with pino. Phone and ID numbers are masked in every message and field before they are written.
import { pino, type Logger as Pino } from 'pino';
import { maskDeep, maskPii } from '../../core/triage/mask.ts';
import type { Logger } from '../../core/ports/logger.port.ts';

class PinoLogger implements Logger {
  constructor(private readonly p: Pino) {}
  debug(obj: Record<string, unknown>, msg: string) { this.p.debug(maskDeep(obj), maskPii(msg)); }
  info(obj: Record<string, unknown>, msg: string) { this.p.info(maskDeep(obj), maskPii(msg)); }
  warn(obj: Record<string, unknown>, msg: string) { this.p.warn(maskDeep(obj), maskPii(msg)); }
  error(obj: Record<string, unknown>, msg: string) {
    const err = obj.err instanceof Error ? { ...obj, err: { message: maskPii(obj.err.message), stack: obj.err.stack } } : obj;
    this.p.error(maskDeep(err), maskPii(msg));
  }
  child(bindings: Record<string, unknown>): Logger { return new PinoLogger(this.p.child(maskDeep(bindings))); }
}

/** Logs JSON lines to stderr (stdout stays free for command output). */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return new PinoLogger(pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination as never));
}

/** A logger that keeps records in memory, for tests that assert what was logged. */
export function createMemoryLogger(level = 'debug'): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = { write: (s: string) => void chunks.push(s) };
  return {
    logger: createLogger(level, sink as unknown as NodeJS.WritableStream),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

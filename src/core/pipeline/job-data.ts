// Checks for job data read back from a queue: plain JSON written by another process (or another version), so every
// field is checked before a use-case sees it. A bad field is a bad job: it must not be retried.
import { UnrecoverableJobError } from '../ports/job-queue.port.ts';

export type JsonRecord = Record<string, unknown>;

export function record(v: unknown, what: string): JsonRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UnrecoverableJobError(`${what} must be an object`);
  return v as JsonRecord;
}

export function text(o: JsonRecord, key: string, what: string, opts: { nonEmpty?: boolean } = {}): string {
  const v = o[key];
  if (typeof v !== 'string' || (opts.nonEmpty && v === '')) {
    throw new UnrecoverableJobError(`${what}.${key} must be a${opts.nonEmpty ? ' non-empty' : ''} string`);
  }
  return v;
}

export function optionalText(o: JsonRecord, key: string, what: string): string | undefined {
  return o[key] === undefined || o[key] === null ? undefined : text(o, key, what);
}

export function optionalFlag(o: JsonRecord, key: string, what: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new UnrecoverableJobError(`${what}.${key} must be true or false`);
  return v;
}

export function oneOf<T extends string>(o: JsonRecord, key: string, allowed: readonly T[], what: string): T {
  const v = o[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UnrecoverableJobError(`${what}.${key} must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

// Masks mainland mobile and ID-card numbers in text and in structured log objects, before anything is stored or logged.

/**
 * Mobile: 1[3-9] + 9 digits, optionally grouped 3-4-4 with spaces/dashes and prefixed +86 / 0086 / 86.
 * Not preceded or followed by a digit, so it never bites into longer numbers (dates, IDs, order numbers).
 */
const MOBILE_RE = /(?<![\d*])((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d*])/g;

/**
 * Resident ID (18 digits): 6-digit region, birth date YYYYMMDD (1900–2099, month 01–12, day 01–31), 3-digit sequence,
 * check digit 0–9/X. The date test keeps long order numbers and bank references from being taken for IDs;
 * the check digit is not verified, because a mistyped ID is still personal data.
 */
const ID_RE = /(?<![\dA-Za-z*])(\d{6})((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{3}[\dXx])(?![\dA-Za-z*])/g;

/** "13812345678" → "138****5678": the first 3 (carrier) and last 4 are kept so staff can still tell residents apart. */
export function maskMobile(text: string): string {
  return text.replace(MOBILE_RE, (_m, prefix: string | undefined, a: string, _b: string, c: string) => `${prefix ?? ''}${a}****${c}`);
}

/**
 * "350321199001011234" → "3503**********1234": first 4 (province + city) and last 4 kept, the 10 between masked,
 * which hides the birth date and the county — the same rule many government portals display.
 */
export function maskIdCard(text: string): string {
  return text.replace(ID_RE, (m: string) => `${m.slice(0, 4)}${'*'.repeat(10)}${m.slice(-4)}`);
}

/** Masks ID numbers first, so that a mobile-looking run inside an ID is never half-masked. */
export function maskPii(text: string): string {
  if (!/\d/.test(text)) return text;
  return maskMobile(maskIdCard(text));
}

export interface MaskDeepOptions {
  /** Nesting levels walked; deeper values become '[Truncated]' rather than being logged unmasked. */
  maxDepth?: number;
}

const TRUNCATED = '[Truncated]';
const CIRCULAR = '[Circular]';

/**
 * A masked copy of a log object: strings (and numbers that look like mobile/ID numbers) inside objects and arrays are
 * masked; the input is never mutated. Errors become plain { name, message, stack } with masked text, since their
 * message often carries the resident's input. Dates and other non-plain objects are passed through as they are.
 */
export function maskDeep<T>(value: T, options: MaskDeepOptions = {}): T {
  const maxDepth = options.maxDepth ?? 8;
  const seen = new WeakSet<object>();

  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return maskPii(v);
    if (typeof v === 'number' || typeof v === 'bigint') {
      const s = String(v);
      const masked = maskPii(s);
      return masked === s ? v : masked;
    }
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return CIRCULAR;
    if (depth >= maxDepth) return TRUNCATED;
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      if (v instanceof Error) {
        const out: Record<string, unknown> = { name: v.name, message: maskPii(v.message) };
        if (v.stack !== undefined) out['stack'] = maskPii(v.stack);
        for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
        return out;
      }
      if (!isPlainObject(v)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
      return out;
    } finally {
      // a value shared by two branches is not a cycle: only ancestors count
      seen.delete(v);
    }
  };

  return walk(value, 0) as T;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

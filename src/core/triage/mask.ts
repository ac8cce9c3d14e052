// Masks mainland mobile and ID-card numbers in text and in structured log objects, before anything is stored or logged.
//
// Numbers are found in a matching view of the text: full-width digits and separators count as their ASCII forms (what
// NFKC folds them to), and a space, dash, dot or middle dot may stand between the groups of a number. The output keeps
// every character outside a number's span as it was; inside the span, the kept digits are the original characters.
// Landline and hotline numbers (0591-12345678, 12345, 110) are not masked: the issue is about mobiles and IDs.

/** A digit as written: ASCII or full-width (U+FF10–FF19). */
const D = '[0-9\\uFF10-\\uFF19]';
/** What people put between digit groups: spaces (incl. ideographic), dashes, dots, middle dots, full-width forms. */
const S = '[ \\t\\u00A0\\u3000\\-\\u2010-\\u2015\\u2212\\uFF0D.\\uFF0E\\u00B7\\u30FB\\uFF65]';
/** Nothing numeric (or already masked) right before/after a number: it never bites into a longer one. */
const NOT_DIGIT_BEFORE = '(?<![0-9\\uFF10-\\uFF19*\\uFF0A])';
const NOT_DIGIT_AFTER = '(?![0-9\\uFF10-\\uFF19*\\uFF0A])';
const NOT_ALNUM_BEFORE = '(?<![0-9\\uFF10-\\uFF19A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A*\\uFF0A])';
const NOT_ALNUM_AFTER = '(?![0-9\\uFF10-\\uFF19A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A*\\uFF0A])';

/**
 * Mobile: 1[3-9] + 9 digits, in 3-4-4 groups (up to 3 separator characters between: "138 - 1234 - 5678"),
 * optionally prefixed +86 / 0086 / 86 / (+86). Group 1 is the prefix as written, groups 2–4 the three digit groups.
 */
const MOBILE_RE = new RegExp(
  `${NOT_DIGIT_BEFORE}((?:[(\\uFF08]?(?:[+\\uFF0B]|[0\\uFF10]{2})?[8\\uFF18][6\\uFF16][)\\uFF09]?${S}{0,2}))?` +
    `([1\\uFF11][3-9\\uFF13-\\uFF19]${D})${S}{0,3}(${D}{4})${S}{0,3}(${D}{4})${NOT_DIGIT_AFTER}`,
  'g',
);

/**
 * Resident ID, 18 characters: 6-digit region, birth date YYYYMMDD, 3-digit sequence, check digit 0–9/X; legacy
 * 15-digit IDs: region, YYMMDD, 3 digits. Groups may be spaced 6-8-4 / 6-6-3. The province and date are checked
 * (see plausibleId), which keeps long order numbers and bank references from being taken for IDs; the check digit
 * is not verified, because a mistyped ID is still personal data.
 */
const ID18_RE = new RegExp(`${NOT_ALNUM_BEFORE}(${D}{6})${S}?(${D}{8})${S}?(${D}{3}[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58])${NOT_ALNUM_AFTER}`, 'g');
const ID15_RE = new RegExp(`${NOT_ALNUM_BEFORE}(${D}{6})${S}?(${D}{6})${S}?(${D}{3})${NOT_ALNUM_AFTER}`, 'g');

/** Any digit, ASCII or full-width: the fast path for text with none. */
const ANY_DIGIT = /[0-9\uFF10-\uFF19]/;

/** Full-width digits to ASCII, as NFKC would (the only folding a number's groups need). */
function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

/** The first two digits of a resident ID: a province, Hong Kong/Macau/Taiwan residence permits (81–83), 91 for foreigners. */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A region with a known province and a real calendar date (Feb 29 allowed in any year: a typo is still personal data). */
function plausibleId(region: string, year: number, month: number, day: number): boolean {
  return PROVINCES.has(Number(region.slice(0, 2))) && month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1]! && year >= 1900 && year <= 2099;
}

/** "13812345678" → "138****5678": the first 3 (carrier) and last 4 are kept so staff can still tell residents apart. */
export function maskMobile(text: string): string {
  if (!ANY_DIGIT.test(text)) return text;
  return text.replace(MOBILE_RE, (_m, prefix: string | undefined, a: string, _b: string, c: string) => `${prefix ?? ''}${a}****${c}`);
}

/**
 * "350321199001011234" → "3503**********1234": first 4 (province + city) and last 4 kept, the 10 between masked,
 * which hides the birth date and the county — the same rule many government portals display. A 15-digit ID keeps its
 * first 4 and last 3 ("3503********123"), so its date is hidden too.
 */
export function maskIdCard(text: string): string {
  if (!ANY_DIGIT.test(text)) return text;
  return text.replace(ID18_RE, maskId18).replace(ID15_RE, maskId15);
}

// an ID-shaped run that is no ID (an order number) may still hold a spaced mobile: that is masked alone
function maskId18(m: string, region: string, date: string, tail: string): string {
  const d = fold(date);
  if (!plausibleId(fold(region), Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)))) return maskMobile(m);
  return `${region.slice(0, 4)}${'*'.repeat(10)}${tail}`;
}

function maskId15(m: string, region: string, date: string, tail: string): string {
  const d = fold(date);
  if (!plausibleId(fold(region), 1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)))) return maskMobile(m);
  return `${region.slice(0, 4)}${'*'.repeat(8)}${tail}`;
}

/**
 * IDs and mobiles in one pass (this runs on every log line and every send): at a given position the ID alternatives
 * come first, so a mobile-looking run inside an ID is never half-masked.
 */
const PII_RE = new RegExp(`${ID18_RE.source}|${ID15_RE.source}|${MOBILE_RE.source}`, 'g');

/**
 * The text with its mobile and ID numbers taken out, for the appeal model: a number said nothing about the problem, yet
 * its digits made "厨房水管漏水了，麻烦师傅来看看，我电话13812345678" chatter (ads carry numbers).
 */
export function withoutPii(text: string): string {
  return ANY_DIGIT.test(text) ? text.replace(PII_RE, '') : text;
}

export function maskPii(text: string): string {
  if (!ANY_DIGIT.test(text)) return text;
  return text.replace(PII_RE, (m: string, ...g: (string | undefined)[]) => {
    if (g[0] !== undefined) return maskId18(m, g[0], g[1]!, g[2]!);
    if (g[3] !== undefined) return maskId15(m, g[3], g[4]!, g[5]!);
    return `${g[6] ?? ''}${g[7]!}****${g[9]!}`;
  });
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

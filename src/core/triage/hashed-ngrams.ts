// Character n-grams hashed into 2^bits buckets. The hash of an n-gram is FNV-1a over its code points, extended one
// character at a time, then finalised with murmur3's fmix32; n is mixed in so "ab" and "b" never share a recipe.

export interface NgramOptions {
  minN: number;
  maxN: number;
  /** log2 of the number of hash buckets. */
  bits: number;
  /** When > 0, the n-grams of the first prefixChars characters are also counted as a separate family. */
  prefixChars?: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3's finaliser: spreads the bits of a 32-bit hash. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Code points of a string (surrogate pairs joined). */
export function codePoints(s: string, out?: Int32Array): { cps: Int32Array; length: number } {
  let buf = out && out.length >= s.length ? out : new Int32Array(Math.max(16, s.length));
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    buf[n++] = c;
  }
  return { cps: buf, length: n };
}

/**
 * Writes the bucket of every n-gram occurrence of `cps[0..len)` into `out` from `at`, returns the new end.
 * `out` must have room for len × (maxN − minN + 1) more entries. `salt` separates feature families.
 * Spaces are kept as characters (they mark word or clause boundaries in the normalised text).
 */
export function hashNgrams(
  cps: Int32Array,
  len: number,
  minN: number,
  maxN: number,
  salt: number,
  mask: number,
  out: Int32Array,
  at: number,
): number {
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET ^ salt;
    const end = Math.min(len, i + maxN);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ (cps[j] as number), FNV_PRIME);
      const n = j - i + 1;
      if (n >= minN) out[at++] = fmix32(h ^ Math.imul(n, 0x9e3779b1)) & mask;
    }
  }
  return at;
}

/** Salt of the n-grams of the text's first `prefixChars` characters (a second, "title" feature family). */
export const PREFIX_SALT = 0x5bd1e995;

/** All buckets of one normalised text: n-grams of the whole text, plus n-grams of its prefix when asked. */
export function textBuckets(
  cps: Int32Array,
  len: number,
  o: NgramOptions,
  scratch: Int32Array,
): { buckets: Int32Array; count: number } {
  const per = o.maxN - o.minN + 1;
  const pre = Math.min(len, o.prefixChars ?? 0);
  const need = (len + pre) * per;
  const out = scratch.length >= need ? scratch : new Int32Array(Math.max(need, scratch.length * 2));
  const mask = (1 << o.bits) - 1;
  let at = hashNgrams(cps, len, o.minN, o.maxN, 0, mask, out, 0);
  if (pre > 0) at = hashNgrams(cps, pre, o.minN, o.maxN, PREFIX_SALT, mask, out, at);
  return { buckets: out, count: at };
}

/**
 * Counts buckets of one text into a reusable scratch buffer. Returns parallel arrays (bucket, count) of the
 * distinct buckets, in first-seen order.
 */
export class NgramCounter {
  private readonly counts: Float32Array;
  private touched: Int32Array;
  private nTouched = 0;
  private cpBuf: Int32Array = new Int32Array(256);
  private bucketBuf: Int32Array = new Int32Array(1024);

  constructor(readonly options: NgramOptions) {
    this.counts = new Float32Array(1 << options.bits);
    this.touched = new Int32Array(1024);
  }

  count(text: string): { buckets: Int32Array; counts: Float32Array } {
    const { cps, length } = codePoints(text, this.cpBuf);
    this.cpBuf = cps;
    this.nTouched = 0;
    const counts = this.counts;
    const tb = textBuckets(cps, length, this.options, this.bucketBuf);
    this.bucketBuf = tb.buckets;
    for (let q = 0; q < tb.count; q++) {
      const b = tb.buckets[q] as number;
      if (counts[b] === 0) {
        if (this.nTouched === this.touched.length) {
          const t = new Int32Array(this.touched.length * 2);
          t.set(this.touched);
          this.touched = t;
        }
        this.touched[this.nTouched++] = b;
      }
      counts[b] = (counts[b] as number) + 1;
    }
    const buckets = this.touched.slice(0, this.nTouched);
    const out = new Float32Array(this.nTouched);
    for (let k = 0; k < this.nTouched; k++) {
      const b = buckets[k] as number;
      out[k] = counts[b] as number;
      counts[b] = 0;
    }
    return { buckets, counts: out };
  }
}

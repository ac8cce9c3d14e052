// IEEE 754 half precision, used to store model weights compactly (Node 20 has no Float16Array).

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Float → half bits, round to nearest even; overflow to ±Infinity, tiny values to subnormals/zero. */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && (half & 1))) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (half & 1))) half++;
  return sign | half;
}

/** Half bits → float, by the formula (the table below is made from it). */
export function fromHalfFormula(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Every half's float, made once when first needed: a model's million weights are read by lookup, not by formula. */
let table: Float32Array | undefined;
function halfTable(): Float32Array {
  if (table) return table;
  table = new Float32Array(0x10000);
  // by bits, not by the formula's powers (a cold loop of 65,536 Math.pow calls costs more than the lookups save)
  const bits = new Uint32Array(table.buffer);
  for (let h = 0; h < 0x10000; h++) {
    const sign = (h & 0x8000) << 16;
    const exp = (h >>> 10) & 0x1f;
    const mant = h & 0x3ff;
    if (exp === 0) table[h] = (sign ? -1 : 1) * mant * SUBNORMAL; // ±0 and subnormals
    else if (exp === 0x1f) bits[h] = sign | 0x7f800000 | (mant << 13); // ±Infinity, NaN
    else bits[h] = sign | ((exp + 112) << 23) | (mant << 13);
  }
  return table;
}
const SUBNORMAL = 2 ** -24;

/** Half bits → float. */
export function fromHalf(h: number): number {
  return halfTable()[h & 0xffff] as number;
}

/** `count` little-endian halves from `bytes` at `offset` → floats, into `out`. */
export function halvesToFloats(bytes: DataView, offset: number, out: Float32Array): void {
  const t = halfTable();
  for (let i = 0, p = offset; i < out.length; i++, p += 2) out[i] = t[bytes.getUint16(p, true)] as number;
}

/** Rounds every element through half precision. */
export function roundToHalf(a: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i++) a[i] = fromHalf(toHalf(a[i] as number));
  return a;
}

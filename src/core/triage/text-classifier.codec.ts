// The model file format of the text classifier: magic "LNTC", u32 header length, a JSON header (labels, config,
// sizes, biases), then the vocabulary as delta varints and idf and weights as half floats — compact and exact.

import { halvesToFloats, toHalf } from './float16.ts';
import type { ModelConfig } from './text-classifier.ts';

/** What a model file holds (a TextClassifier has all of it). */
export interface ModelParts {
  readonly labels: readonly string[];
  readonly config: ModelConfig;
  /** Sorted hash buckets of the vocabulary. */
  readonly buckets: Int32Array;
  readonly idf: Float32Array;
  /** weights[col * vectors + j]. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

const FORMAT = 'linli-text-classifier';
const VERSION = 1;
const MAGIC = [0x4c, 0x4e, 0x54, 0x43]; // "LNTC"

/** Compact binary form: magic, u32 header length, JSON header, then varint buckets and half-float arrays. */
export function encodeModel(model: ModelParts, vectors: number): Uint8Array {
  const header = {
    format: FORMAT,
    version: VERSION,
    labels: model.labels,
    config: model.config,
    vocab: model.buckets.length,
    vectors,
    bias: Array.from(model.bias),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const varints: number[] = [];
  let prev = 0;
  for (let v = 0; v < model.buckets.length; v++) {
    let d = (model.buckets[v] as number) - prev;
    prev = model.buckets[v] as number;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const halfCount = model.idf.length + model.weights.length;
  const size = 8 + headerBytes.length + 4 + varints.length + halfCount * 2;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  dv.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  let p = 8 + headerBytes.length;
  dv.setUint32(p, varints.length, true);
  p += 4;
  out.set(varints, p);
  p += varints.length;
  for (let i = 0; i < model.idf.length; i++, p += 2) dv.setUint16(p, toHalf(model.idf[i] as number), true);
  for (let i = 0; i < model.weights.length; i++, p += 2) dv.setUint16(p, toHalf(model.weights[i] as number), true);
  return out;
}

/** Reads the model file's bytes; throws `not a Linli text-classifier model: …` for anything else. */
export function decodeModel(bytes: Uint8Array): ModelParts {
  const fail = (why: string): never => {
    throw new Error(`not a Linli text-classifier model: ${why}`);
  };
  if (bytes.length < 12 || MAGIC.some((b, i) => bytes[i] !== b)) fail('bad magic bytes');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = dv.getUint32(4, true);
  if (8 + hlen + 4 > bytes.length) fail('truncated header');
  let header: {
    format?: string;
    version?: number;
    labels: string[];
    config: ModelConfig;
    vocab: number;
    vectors: number;
    bias: number[];
  };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen)));
  } catch {
    return fail('header is not JSON');
  }
  if (header.format !== FORMAT) fail(`format ${String(header.format)}`);
  if (header.version !== VERSION) fail(`unsupported version ${String(header.version)}`);
  let p = 8 + hlen;
  const vlen = dv.getUint32(p, true);
  p += 4;
  const end = p + vlen;
  const buckets = new Int32Array(header.vocab);
  let prev = 0;
  for (let v = 0; v < header.vocab; v++) {
    let d = 0;
    let scale = 1; // 128 ** (the byte's place): a multiply, not a power, per byte
    for (;;) {
      if (p >= end) fail('truncated vocabulary');
      const b = bytes[p++] as number;
      d += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) break;
    }
    prev += d;
    buckets[v] = prev;
  }
  p = end;
  const need = (header.vocab + header.vocab * header.vectors) * 2;
  if (p + need !== bytes.length) fail('unexpected length');
  const idf = new Float32Array(header.vocab);
  halvesToFloats(dv, p, idf);
  p += idf.length * 2;
  const weights = new Float32Array(header.vocab * header.vectors);
  halvesToFloats(dv, p, weights);
  return { labels: header.labels, config: header.config, buckets, idf, weights, bias: Float32Array.from(header.bias) };
}

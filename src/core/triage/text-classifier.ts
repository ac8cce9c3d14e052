// The local text classifier: hashed character n-grams → TF-IDF (sublinear tf, L2-normalised) → one-vs-rest linear
// SVM (dual coordinate descent). Pure TypeScript, deterministic given a seed. Labels are arbitrary strings.
//
// Confidence: softmax of temperature-scaled margins; the temperature is fitted on a held-out slice of the training
// data (a model trained on the rest), so it is "calibrated-ish" rather than the over-confident training fit.

import { fromHalf, roundToHalf, toHalf } from './float16.ts';
import { NgramCounter, codePoints, textBuckets, type NgramOptions } from './hashed-ngrams.ts';
import { trainBinarySvm, type SparseRows, type SvmOptions } from './linear-svm.ts';
import { Prng } from './prng.ts';
import { DEFAULT_NORMALIZE, normalizeText, type NormalizeOptions } from './text-normalize.ts';

export interface LabelledText {
  text: string;
  label: string;
}

export interface TrainOptions {
  seed: number;
  /**
   * Starting point for the options below (explicit options win). Default: 'detection' when the data has exactly two
   * labels, else 'topic'. 'topic': many categories of longer texts — NB-scaled SVM, C 3, unweighted classes, title
   * n-grams. 'detection': appeal vs chatter — plain SVM, C 0.5, balanced classes, text as written.
   * Chosen on validation data carved from *.train; see docs/BENCHMARKS.md.
   */
  preset?: 'topic' | 'detection';
  /** SVM cost. */
  C?: number;
  loss?: SvmOptions['loss'];
  /** 'balanced' weights each class by n / (k · n_class), as scikit-learn does. */
  classWeight?: 'balanced' | 'none';
  tol?: number;
  maxEpochs?: number;
  ngrams?: Partial<NgramOptions>;
  /** Buckets seen in fewer training texts are ignored. Default: 2, or 1 below 2,000 examples. */
  minDf?: number;
  sublinearTf?: boolean;
  normalize?: Partial<NormalizeOptions>;
  /** NB-SVM: scale features by the smoothed log-count ratio of each class (this value = smoothing α; 0 = off). */
  nbAlpha?: number;
  /** Fit the softmax temperature on a held-out 10% (costs a second training). Default true. */
  calibrate?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface Prediction {
  label: string;
  /** Probability-like confidence of `label`, in [0, 1]. */
  confidence: number;
  /** Probability-like score of every label (they sum to 1). */
  scores: Record<string, number>;
}

export interface ModelConfig {
  normalize: NormalizeOptions;
  ngrams: NgramOptions;
  sublinearTf: boolean;
  biasValue: number;
  temperature: number;
  train: {
    preset: 'topic' | 'detection';
    nbAlpha: number;
    C: number;
    loss: SvmOptions['loss'];
    classWeight: 'balanced' | 'none';
    minDf: number;
    seed: number;
    n: number;
  };
}

const FORMAT = 'linli-text-classifier';
const VERSION = 1;
const MAGIC = [0x4c, 0x4e, 0x54, 0x43]; // "LNTC"

export class TextClassifier {
  /** Number of weight vectors: 1 for two labels (positive = labels[1]), else one per label. */
  private readonly m: number;
  private readonly colOf: Int32Array;
  private readonly counts: Float32Array;
  private readonly touched: Int32Array;
  private cpBuf: Int32Array = new Int32Array(256);
  private bucketBuf: Int32Array = new Int32Array(1024);
  private readonly marginBuf: Float64Array;

  constructor(
    readonly labels: readonly string[],
    readonly config: ModelConfig,
    /** Sorted hash buckets of the vocabulary. */
    readonly buckets: Int32Array,
    readonly idf: Float32Array,
    /** weights[col * m + j]. */
    readonly weights: Float32Array,
    /** Bias term of each weight vector (already multiplied by biasValue). */
    readonly bias: Float32Array,
  ) {
    this.m = labels.length === 2 ? 1 : labels.length;
    this.colOf = new Int32Array(1 << config.ngrams.bits).fill(-1);
    for (let v = 0; v < buckets.length; v++) this.colOf[buckets[v] as number] = v;
    this.counts = new Float32Array(buckets.length);
    this.touched = new Int32Array(buckets.length + 1);
    this.marginBuf = new Float64Array(Math.max(1, this.m));
  }

  /** Raw SVM margins, one per label (for two labels: [-m, m]). */
  margins(text: string): number[] {
    const mb = this.computeMargins(text);
    if (this.labels.length === 1) return [0];
    if (this.m === 1) return [-(mb[0] as number), mb[0] as number];
    return Array.from(mb);
  }

  predict(text: string): Prediction {
    const margins = this.margins(text);
    const t = this.config.temperature;
    let best = 0;
    for (let k = 1; k < margins.length; k++) if ((margins[k] as number) > (margins[best] as number)) best = k;
    const top = margins[best] as number;
    let z = 0;
    const e = new Array<number>(margins.length);
    for (let k = 0; k < margins.length; k++) z += e[k] = Math.exp(t * ((margins[k] as number) - top));
    const scores: Record<string, number> = {};
    for (let k = 0; k < this.labels.length; k++) scores[this.labels[k] as string] = (e[k] as number) / z;
    return { label: this.labels[best] as string, confidence: (e[best] as number) / z, scores };
  }

  /** Only the winning label (no allocation of scores). */
  predictLabel(text: string): string {
    const mb = this.computeMargins(text);
    if (this.labels.length === 1) return this.labels[0] as string;
    if (this.m === 1) return this.labels[(mb[0] as number) > 0 ? 1 : 0] as string;
    let best = 0;
    for (let k = 1; k < this.m; k++) if ((mb[k] as number) > (mb[best] as number)) best = k;
    return this.labels[best] as string;
  }

  private computeMargins(text: string): Float64Array {
    const out = this.marginBuf;
    const m = this.m;
    for (let j = 0; j < m; j++) out[j] = this.bias[j] ?? 0;
    const s = normalizeText(text, this.config.normalize);
    const { cps, length } = codePoints(s, this.cpBuf);
    this.cpBuf = cps;
    const tb = textBuckets(cps, length, this.config.ngrams, this.bucketBuf);
    this.bucketBuf = tb.buckets;
    const bks = tb.buckets;
    const colOf = this.colOf;
    const counts = this.counts;
    const touched = this.touched;
    let nt = 0;
    for (let q = 0; q < tb.count; q++) {
      const col = colOf[bks[q] as number] as number;
      if (col < 0) continue;
      if (counts[col] === 0) touched[nt++] = col;
      counts[col] = (counts[col] as number) + 1;
    }
    if (nt === 0) return out;
    const idf = this.idf;
    const sub = this.config.sublinearTf;
    let norm2 = 0;
    for (let k = 0; k < nt; k++) {
      const col = touched[k] as number;
      const tf = counts[col] as number;
      const v = (sub ? 1 + Math.log(tf) : tf) * (idf[col] as number);
      counts[col] = v;
      norm2 += v * v;
    }
    const inv = 1 / Math.sqrt(norm2);
    const w = this.weights;
    for (let k = 0; k < nt; k++) {
      const col = touched[k] as number;
      const v = (counts[col] as number) * inv;
      counts[col] = 0;
      const base = col * m;
      for (let j = 0; j < m; j++) out[j] = (out[j] as number) + v * (w[base + j] as number);
    }
    return out;
  }

  /** Compact binary form: magic, u32 header length, JSON header, then varint buckets and half-float arrays. */
  serialize(): Uint8Array {
    const header = {
      format: FORMAT,
      version: VERSION,
      labels: this.labels,
      config: this.config,
      vocab: this.buckets.length,
      vectors: this.m,
      bias: Array.from(this.bias),
    };
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const varints: number[] = [];
    let prev = 0;
    for (let v = 0; v < this.buckets.length; v++) {
      let d = (this.buckets[v] as number) - prev;
      prev = this.buckets[v] as number;
      while (d >= 0x80) {
        varints.push((d & 0x7f) | 0x80);
        d >>>= 7;
      }
      varints.push(d);
    }
    const halfCount = this.idf.length + this.weights.length;
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
    for (let i = 0; i < this.idf.length; i++, p += 2) dv.setUint16(p, toHalf(this.idf[i] as number), true);
    for (let i = 0; i < this.weights.length; i++, p += 2) dv.setUint16(p, toHalf(this.weights[i] as number), true);
    return out;
  }

  static deserialize(bytes: Uint8Array): TextClassifier {
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
      let shift = 0;
      for (;;) {
        if (p >= end) fail('truncated vocabulary');
        const b = bytes[p++] as number;
        d += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) break;
      }
      prev += d;
      buckets[v] = prev;
    }
    p = end;
    const need = (header.vocab + header.vocab * header.vectors) * 2;
    if (p + need !== bytes.length) fail('unexpected length');
    const idf = new Float32Array(header.vocab);
    for (let i = 0; i < idf.length; i++, p += 2) idf[i] = fromHalf(dv.getUint16(p, true));
    const weights = new Float32Array(header.vocab * header.vectors);
    for (let i = 0; i < weights.length; i++, p += 2) weights[i] = fromHalf(dv.getUint16(p, true));
    return new TextClassifier(header.labels, header.config, buckets, idf, weights, Float32Array.from(header.bias));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Training

interface Resolved {
  C: number;
  loss: SvmOptions['loss'];
  classWeight: 'balanced' | 'none';
  tol: number;
  maxEpochs: number;
  ngrams: NgramOptions;
  minDf: number;
  sublinearTf: boolean;
  normalize: NormalizeOptions;
  calibrate: boolean;
  nbAlpha: number;
}

export const DEFAULT_TRAIN: Omit<Resolved, 'normalize'> = {
  C: 0.5,
  loss: 'squared_hinge',
  classWeight: 'balanced',
  tol: 1e-3,
  maxEpochs: 200,
  ngrams: { minN: 1, maxN: 3, bits: 20, prefixChars: 0 },
  minDf: 2,
  sublinearTf: true,
  calibrate: true,
  nbAlpha: 0,
};

export const PRESETS: Record<'topic' | 'detection', Partial<TrainOptions>> = {
  topic: { C: 3, classWeight: 'none', nbAlpha: 1, ngrams: { prefixChars: 30 } },
  // digits and latin kept as written: best F1 on a validation fifth of detection.train (0.9955 vs 0.9948 collapsed)
  detection: { C: 0.5, classWeight: 'balanced', nbAlpha: 0, normalize: { digits: 'keep', latin: 'keep' } },
};

function resolve(options: TrainOptions, n: number): Resolved {
  const p = PRESETS[options.preset ?? 'topic'];
  if (!p) throw new Error(`unknown preset '${String(options.preset)}'`);
  const o: TrainOptions = {
    ...p,
    ...options,
    ngrams: { ...p.ngrams, ...options.ngrams },
    normalize: { ...p.normalize, ...options.normalize },
  };
  return {
    C: o.C ?? DEFAULT_TRAIN.C,
    loss: o.loss ?? DEFAULT_TRAIN.loss,
    classWeight: o.classWeight ?? DEFAULT_TRAIN.classWeight,
    tol: o.tol ?? DEFAULT_TRAIN.tol,
    maxEpochs: o.maxEpochs ?? DEFAULT_TRAIN.maxEpochs,
    ngrams: { ...DEFAULT_TRAIN.ngrams, ...o.ngrams },
    minDf: o.minDf ?? (n < 2000 ? 1 : DEFAULT_TRAIN.minDf),
    sublinearTf: o.sublinearTf ?? DEFAULT_TRAIN.sublinearTf,
    normalize: { ...DEFAULT_NORMALIZE, ...o.normalize },
    calibrate: o.calibrate ?? DEFAULT_TRAIN.calibrate,
    nbAlpha: o.nbAlpha ?? DEFAULT_TRAIN.nbAlpha,
  };
}

/** TF-IDF rows over the training vocabulary (buckets with df ≥ minDf). */
function vectorize(
  texts: readonly string[],
  r: Resolved,
  tick: (done: number) => void,
): { X: SparseRows; buckets: Int32Array; idf: Float32Array } {
  const counter = new NgramCounter(r.ngrams);
  const D = 1 << r.ngrams.bits;
  const df = new Int32Array(D);
  const raw: { buckets: Int32Array; counts: Float32Array }[] = [];
  texts.forEach((t, i) => {
    const c = counter.count(normalizeText(t, r.normalize));
    for (let k = 0; k < c.buckets.length; k++) df[c.buckets[k] as number]!++;
    raw.push(c);
    if ((i + 1) % 1000 === 0) tick(i + 1);
  });
  const n = texts.length;
  const colOf = new Int32Array(D).fill(-1);
  let V = 0;
  for (let b = 0; b < D; b++) if ((df[b] as number) >= r.minDf) colOf[b] = V++;
  const buckets = new Int32Array(V);
  const idf = new Float32Array(V);
  for (let b = 0; b < D; b++) {
    const col = colOf[b] as number;
    if (col < 0) continue;
    buckets[col] = b;
    idf[col] = Math.log((1 + n) / (1 + (df[b] as number))) + 1;
  }
  roundToHalf(idf); // the model stores idf in half precision: train on exactly what predict will see
  let nnz = 0;
  for (const c of raw) for (let k = 0; k < c.buckets.length; k++) if ((colOf[c.buckets[k] as number] as number) >= 0) nnz++;
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  let p = 0;
  raw.forEach((c, i) => {
    const start = p;
    let norm2 = 0;
    for (let k = 0; k < c.buckets.length; k++) {
      const col = colOf[c.buckets[k] as number] as number;
      if (col < 0) continue;
      const tf = c.counts[k] as number;
      const v = (r.sublinearTf ? 1 + Math.log(tf) : tf) * (idf[col] as number);
      cols[p] = col;
      vals[p] = v;
      norm2 += v * v;
      p++;
    }
    const inv = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    for (let q = start; q < p; q++) vals[q] = (vals[q] as number) * inv;
    rowPtr[i + 1] = p;
  });
  return { X: { nCols: V, rowPtr, cols, vals }, buckets, idf };
}

/** One weight vector per label (one for two labels), trained on rows `idx`. */
function trainVectors(
  X: SparseRows,
  y: Int32Array,
  idx: Int32Array,
  nLabels: number,
  r: Resolved,
  rng: Prng,
  done: () => void,
): { W: Float32Array; b: Float32Array } {
  const m = nLabels === 2 ? 1 : nLabels;
  const V = X.nCols;
  const W = new Float32Array(V * m);
  const b = new Float32Array(m);
  const classCount = new Float64Array(nLabels);
  for (const i of idx) classCount[y[i] as number]!++;
  const present = classCount.filter((c) => c > 0).length;
  const cw = Array.from(classCount, (c) =>
    r.classWeight === 'balanced' && c > 0 ? idx.length / (present * c) : 1,
  );
  const c = new Float64Array(idx.length);
  for (let s = 0; s < idx.length; s++) c[s] = r.C * (cw[y[idx[s] as number] as number] as number);
  const svm: SvmOptions = { loss: r.loss, tol: r.tol, maxEpochs: r.maxEpochs, biasValue: 1 };
  // per-class document frequencies of every column, for the NB log-count ratios
  let classDf: Float64Array[] = [];
  if (r.nbAlpha > 0) {
    classDf = Array.from({ length: nLabels }, () => new Float64Array(V));
    for (const i of idx) {
      const cd = classDf[y[i] as number] as Float64Array;
      for (let p = X.rowPtr[i] as number, e = X.rowPtr[i + 1] as number; p < e; p++) cd[X.cols[p] as number]!++;
    }
  }
  for (let j = 0; j < m; j++) {
    const positive = m === 1 ? 1 : j;
    let scale: Float64Array | undefined;
    if (r.nbAlpha > 0) {
      const a = r.nbAlpha;
      const pos = classDf[positive] as Float64Array;
      const neg = new Float64Array(V);
      for (let k = 0; k < nLabels; k++) if (k !== positive) {
        const cd = classDf[k] as Float64Array;
        for (let v = 0; v < V; v++) neg[v] = neg[v]! + cd[v]!;
      }
      let sp = 0;
      let sn = 0;
      for (let v = 0; v < V; v++) {
        sp += pos[v]! + a;
        sn += neg[v]! + a;
      }
      scale = new Float64Array(V);
      for (let v = 0; v < V; v++) scale[v] = Math.log((pos[v]! + a) / sp) - Math.log((neg[v]! + a) / sn);
    }
    const yy = new Int8Array(idx.length);
    for (let s = 0; s < idx.length; s++) yy[s] = y[idx[s] as number] === positive ? 1 : -1;
    const w = trainBinarySvm(X, idx, yy, c, svm, rng, scale);
    for (let v = 0; v < V; v++) W[v * m + j] = w[v] as number;
    b[j] = (w[V] as number) * svm.biasValue;
    done();
  }
  return { W, b };
}

function marginsOf(X: SparseRows, i: number, W: Float32Array, b: Float32Array, nLabels: number): number[] {
  const m = b.length;
  const out = Array.from(b);
  for (let p = X.rowPtr[i] as number, e = X.rowPtr[i + 1] as number; p < e; p++) {
    const base = (X.cols[p] as number) * m;
    const v = X.vals[p] as number;
    for (let j = 0; j < m; j++) out[j] = (out[j] as number) + v * (W[base + j] as number);
  }
  return nLabels === 2 ? [-(out[0] as number), out[0] as number] : out;
}

/** Temperature minimising the held-out negative log-likelihood of softmax(T · margins). */
function fitTemperature(margins: number[][], gold: number[]): number {
  const nll = (t: number): number => {
    let s = 0;
    margins.forEach((ms, i) => {
      const top = Math.max(...ms);
      let z = 0;
      for (const m of ms) z += Math.exp(t * (m - top));
      s -= t * ((ms[gold[i] as number] as number) - top) - Math.log(z);
    });
    return s;
  };
  // golden-section search on log T in [log 0.05, log 50]
  let lo = Math.log(0.05);
  let hi = Math.log(50);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let bb = lo + g * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(bb));
  for (let it = 0; it < 40; it++) {
    if (fa < fb) {
      hi = bb;
      bb = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = bb;
      fa = fb;
      bb = lo + g * (hi - lo);
      fb = nll(Math.exp(bb));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Trains a classifier on labelled texts. Same examples + options + seed ⇒ identical serialized bytes. */
export function trainTextClassifier(examples: readonly LabelledText[], options: TrainOptions): TextClassifier {
  if (examples.length === 0) throw new Error('cannot train a classifier on zero examples');
  const labelSet = new Set(examples.map((e) => e.label));
  // two labels (issue/chatter) is a detection task, more is a topic task, unless the caller says otherwise
  const preset = options.preset ?? (labelSet.size === 2 ? 'detection' : 'topic');
  const r = resolve({ ...options, preset }, examples.length);
  if (r.ngrams.bits < 8 || r.ngrams.bits > 24) throw new Error('ngrams.bits must be within 8..24');
  if (r.ngrams.minN < 1 || r.ngrams.maxN < r.ngrams.minN) throw new Error('bad n-gram range');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(examples, (e) => labelIndex.get(e.label) as number);
  const nVec = labels.length === 1 ? 0 : labels.length === 2 ? 1 : labels.length;
  const n = examples.length;
  const vectorizeUnits = Math.max(1, Math.ceil(n / 1000));
  const total = vectorizeUnits + nVec * (r.calibrate ? 2 : 1);
  let done = 0;
  const report = (): void => options.onProgress?.(done, total);
  report();
  const { X, buckets, idf } = vectorize(
    examples.map((e) => e.text),
    r,
    (k) => {
      done = Math.floor(k / 1000);
      report();
    },
  );
  done = vectorizeUnits;
  report();
  const rng = new Prng(options.seed);
  let temperature = 1;
  const config = (): ModelConfig => ({
    normalize: r.normalize,
    ngrams: r.ngrams,
    sublinearTf: r.sublinearTf,
    biasValue: 1,
    temperature,
    train: {
      preset,
      C: r.C,
      loss: r.loss,
      classWeight: r.classWeight,
      nbAlpha: r.nbAlpha,
      minDf: r.minDf,
      seed: options.seed,
      n,
    },
  });
  if (nVec === 0) {
    return new TextClassifier(labels, config(), buckets, idf, new Float32Array(0), new Float32Array(0));
  }
  const tick = (): void => {
    done++;
    report();
  };
  if (r.calibrate) {
    // stratified 10% hold-out, at least one row per class when the class has ≥ 2 rows
    const byClass: number[][] = labels.map(() => []);
    y.forEach((c, i) => byClass[c]!.push(i));
    const held: number[] = [];
    const kept: number[] = [];
    for (const rows of byClass) {
      rng.shuffle(rows);
      const h = rows.length >= 2 ? Math.max(1, Math.round(rows.length * 0.1)) : 0;
      held.push(...rows.slice(0, h));
      kept.push(...rows.slice(h));
    }
    // too few held-out rows say nothing about calibration: keep T = 1 then
    if (held.length >= 50 && new Set(kept.map((i) => y[i])).size === labels.length) {
      held.sort((a, b) => a - b);
      kept.sort((a, b) => a - b);
      const { W, b } = trainVectors(X, y, Int32Array.from(kept), labels.length, r, rng, tick);
      const ms = held.map((i) => marginsOf(X, i, W, b, labels.length));
      temperature = fitTemperature(ms, held.map((i) => y[i] as number));
    } else {
      done += nVec;
    }
  }
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const { W, b } = trainVectors(X, y, all, labels.length, r, rng, tick);
  roundToHalf(W);
  return new TextClassifier(labels, config(), buckets, idf, W, b);
}

// The local text classifier, as used: hashed character n-grams → TF-IDF (sublinear tf, L2-normalised) → one-vs-rest
// linear SVM margins → softmax with a fitted temperature. Pure TypeScript; labels are arbitrary strings. Training is in
// text-classifier.training.ts, the temperature's fit in text-classifier.calibration.ts, the file format in
// text-classifier.codec.ts.

import { codePoints, textBuckets, type NgramOptions } from './hashed-ngrams.ts';
import type { SvmOptions } from './linear-svm.ts';
import { decodeModel, encodeModel } from './text-classifier.codec.ts';
import { normalizeText, type NormalizeOptions } from './text-normalize.ts';

export interface LabelledText {
  text: string;
  label: string;
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
  /** A decision threshold the trainer chose for this model (the hazard model: P(urgent) + P(emergency)); optional. */
  threshold?: number;
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

  /** The model file's bytes (format in text-classifier.codec.ts). */
  serialize(): Uint8Array {
    return encodeModel(this, this.m);
  }

  static deserialize(bytes: Uint8Array): TextClassifier {
    const p = decodeModel(bytes);
    return new TextClassifier(p.labels, p.config, p.buckets, p.idf, p.weights, p.bias);
  }
}

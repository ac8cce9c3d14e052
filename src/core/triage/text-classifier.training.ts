// Training of the local text classifier: TF-IDF rows over the training vocabulary, one linear SVM per label (NB-scaled
// for topics), the softmax temperature fitted on a held-out slice (text-classifier.calibration.ts). Deterministic
// given a seed.

import { roundToHalf } from './float16.ts';
import { NgramCounter, type NgramOptions } from './hashed-ngrams.ts';
import { trainBinarySvm, type SparseRows, type SvmOptions } from './linear-svm.ts';
import { Prng } from './prng.ts';
import { fitTemperature, heldOutMargins, stratifiedHoldOut } from './text-classifier.calibration.ts';
import { TextClassifier, type LabelledText, type ModelConfig } from './text-classifier.ts';
import { DEFAULT_NORMALIZE, normalizeText, type NormalizeOptions } from './text-normalize.ts';

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
    const { held, kept } = stratifiedHoldOut(y, labels.length, rng);
    // too few held-out rows say nothing about calibration: keep T = 1 then
    if (held.length >= 50 && new Set(kept.map((i) => y[i])).size === labels.length) {
      const { W, b } = trainVectors(X, y, Int32Array.from(kept), labels.length, r, rng, tick);
      const ms = held.map((i) => heldOutMargins(X, i, W, b, labels.length));
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

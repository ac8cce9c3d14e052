// Binary linear SVM trained by dual coordinate descent with shrinking (Hsieh et al. 2008; the algorithm of
// liblinear's L2-regularised L1/L2-loss SVC dual, which scikit-learn's LinearSVC wraps). The bias is an extra
// feature of constant value `biasValue` and is regularised like the other weights, as in liblinear.

import type { Prng } from './prng.ts';

/** Rows of a sparse matrix in CSR form. */
export interface SparseRows {
  /** Number of columns. */
  nCols: number;
  /** rowPtr[i]..rowPtr[i+1] indexes cols/vals of row i. */
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
}

export interface SvmOptions {
  loss: 'hinge' | 'squared_hinge';
  /** Stopping tolerance on the projected-gradient spread. */
  tol: number;
  maxEpochs: number;
  biasValue: number;
}

/**
 * Trains one binary SVM on rows `idx` of X, labels y[i] ∈ {+1,-1}, per-row cost c[i] (C × class weight).
 * Returns weights of length nCols + 1 (the last one is the bias weight).
 */
export function trainBinarySvm(
  X: SparseRows,
  idx: Int32Array,
  y: Int8Array,
  c: Float64Array,
  o: SvmOptions,
  rng: Prng,
  /** Optional per-column multiplier of the feature values (NB-SVM style); the returned weights include it. */
  scaleIn?: Float64Array,
): Float64Array {
  const scale = scaleIn ?? new Float64Array(X.nCols).fill(1);
  const l = idx.length;
  const { rowPtr, cols, vals } = X;
  const nCols = X.nCols;
  const w = new Float64Array(nCols + 1);
  const bias = o.biasValue;
  const alpha = new Float64Array(l);
  const diag = new Float64Array(l);
  const upper = new Float64Array(l);
  const qd = new Float64Array(l);
  for (let s = 0; s < l; s++) {
    const i = idx[s] as number;
    const ci = c[s] as number;
    if (o.loss === 'squared_hinge') {
      diag[s] = 0.5 / ci;
      upper[s] = Infinity;
    } else {
      diag[s] = 0;
      upper[s] = ci;
    }
    let q = bias * bias;
    for (let p = rowPtr[i] as number, e = rowPtr[i + 1] as number; p < e; p++) {
      const v = (vals[p] as number) * (scale[cols[p] as number] as number);
      q += v * v;
    }
    qd[s] = q + (diag[s] as number);
  }
  const order = new Int32Array(l);
  for (let s = 0; s < l; s++) order[s] = s;
  let active = l;
  let pgMaxOld = Infinity;
  let pgMinOld = -Infinity;
  for (let epoch = 0; epoch < o.maxEpochs; epoch++) {
    let pgMaxNew = -Infinity;
    let pgMinNew = Infinity;
    rng.shuffle(order, active);
    for (let t = 0; t < active; t++) {
      const s = order[t] as number;
      const i = idx[s] as number;
      const yi = y[s] as number;
      const p0 = rowPtr[i] as number;
      const p1 = rowPtr[i + 1] as number;
      let dot = w[nCols]! * bias;
      for (let p = p0; p < p1; p++) {
        const col = cols[p] as number;
        dot += w[col]! * (vals[p] as number) * (scale[col] as number);
      }
      const a = alpha[s] as number;
      const u = upper[s] as number;
      const g = yi * dot - 1 + a * (diag[s] as number);
      let pg = 0;
      if (a === 0) {
        if (g > pgMaxOld) {
          active--;
          order[t] = order[active] as number;
          order[active] = s;
          t--;
          continue;
        } else if (g < 0) pg = g;
      } else if (a === u) {
        if (g < pgMinOld) {
          active--;
          order[t] = order[active] as number;
          order[active] = s;
          t--;
          continue;
        } else if (g > 0) pg = g;
      } else pg = g;
      if (pg > pgMaxNew) pgMaxNew = pg;
      if (pg < pgMinNew) pgMinNew = pg;
      if (Math.abs(pg) > 1e-12) {
        const na = Math.min(Math.max(a - g / (qd[s] as number), 0), u);
        alpha[s] = na;
        const d = (na - a) * yi;
        if (d !== 0) {
          for (let p = p0; p < p1; p++) {
            const col = cols[p] as number;
            w[col] = w[col]! + d * (vals[p] as number) * (scale[col] as number);
          }
          w[nCols] = w[nCols]! + d * bias;
        }
      }
    }
    if (pgMaxNew - pgMinNew <= o.tol) {
      if (active === l) break;
      active = l;
      pgMaxOld = Infinity;
      pgMinOld = -Infinity;
      continue;
    }
    pgMaxOld = pgMaxNew <= 0 ? Infinity : pgMaxNew;
    pgMinOld = pgMinNew >= 0 ? -Infinity : pgMinNew;
  }
  // w lives in the scaled space; return weights for the unscaled values
  if (scaleIn) for (let v = 0; v < nCols; v++) w[v] = w[v]! * (scale[v] as number);
  return w;
}

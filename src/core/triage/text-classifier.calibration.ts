// Calibration of the text classifier's confidence: softmax of temperature-scaled margins, the temperature fitted on a
// held-out slice of the training data (scored by a model trained on the rest), so confidences are "calibrated-ish"
// rather than the over-confident training fit.

import type { SparseRows } from './linear-svm.ts';
import type { Prng } from './prng.ts';

/**
 * A stratified 10% hold-out, at least one row per class when the class has ≥ 2 rows. Both lists come back in row
 * order.
 */
export function stratifiedHoldOut(y: Int32Array, nLabels: number, rng: Prng): { held: number[]; kept: number[] } {
  const byClass: number[][] = Array.from({ length: nLabels }, () => []);
  y.forEach((c, i) => byClass[c]!.push(i));
  const held: number[] = [];
  const kept: number[] = [];
  for (const rows of byClass) {
    rng.shuffle(rows);
    const h = rows.length >= 2 ? Math.max(1, Math.round(rows.length * 0.1)) : 0;
    held.push(...rows.slice(0, h));
    kept.push(...rows.slice(h));
  }
  held.sort((a, b) => a - b);
  kept.sort((a, b) => a - b);
  return { held, kept };
}

/** Margins of training row i (one per label, as TextClassifier.margins gives them). */
export function heldOutMargins(X: SparseRows, i: number, W: Float32Array, b: Float32Array, nLabels: number): number[] {
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
export function fitTemperature(margins: number[][], gold: number[]): number {
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

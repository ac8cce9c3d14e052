// Training of the hazard second opinion (hazard-model.ts): the labelled life-safety lines (dangers by level, look-alikes
// as none) plus ordinary neighbourhood messages as more "none", the triage classifier's trainer, and a threshold chosen
// by k-fold cross-validation on the labelled lines so that the model's own precision stays at or above a floor.
// Deterministic given a seed: same lines + seed ⇒ same model bytes and threshold.
import { Prng } from '../triage/prng.ts';
import type { LabelledText } from '../triage/text-classifier.ts';
import { TextClassifier } from '../triage/text-classifier.ts';
import { trainTextClassifier, type TrainOptions } from '../triage/text-classifier.training.ts';
import { HAZARD_MODEL_LABELS, hazardOpinion } from './hazard-model.ts';

/** One labelled life-safety line (bench/data/hazard-lines.*.jsonl). */
export interface HazardLine {
  text: string;
  label: 'danger' | 'lookalike';
  kind: string;
  level?: 'urgent' | 'emergency';
}

/**
 * Classifier settings: the triage model's topic recipe (NB-scaled SVM, C 3, unweighted classes) over character
 * 1–3-grams of the whole text, every n-gram kept (the lines are few). Chosen by 5-fold cross-validation on parts A–J
 * against plain and class-balanced SVMs over 1–3 and 1–4-grams: most recall at 95 % precision (docs/BENCHMARKS.md).
 */
export const HAZARD_TRAIN: Omit<TrainOptions, 'seed'> = {
  preset: 'topic',
  ngrams: { minN: 1, maxN: 3, bits: 20, prefixChars: 0 },
  minDf: 1,
};

/** The floor on the model's own cross-validated precision that picks its threshold. */
export const MIN_PRECISION = 0.95;
export const FOLDS = 5;

export function hazardExamples(lines: readonly HazardLine[]): LabelledText[] {
  return lines.map((l) => ({
    text: l.text,
    label: l.label === 'danger' ? HAZARD_MODEL_LABELS[l.level ?? 'urgent'] : HAZARD_MODEL_LABELS.none,
  }));
}

/** A held-out score: the danger score a model trained without the line gave it. */
export interface HeldOutScore {
  line: HazardLine;
  danger: number;
  level: 'urgent' | 'emergency';
}

/** k-fold cross-validation over the labelled lines (stratified by label and kind); negatives are always in training. */
export function crossValidate(
  lines: readonly HazardLine[],
  negatives: readonly LabelledText[],
  seed: number,
  folds = FOLDS,
  options: Omit<TrainOptions, 'seed'> = HAZARD_TRAIN,
): HeldOutScore[] {
  const rng = new Prng(seed);
  const fold = new Int32Array(lines.length);
  const groups = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const key = `${l.label}/${l.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  let next = 0;
  for (const key of [...groups.keys()].sort()) {
    const rows = groups.get(key)!;
    rng.shuffle(rows);
    for (const i of rows) fold[i] = next++ % folds;
  }
  const out: HeldOutScore[] = [];
  for (let f = 0; f < folds; f++) {
    const train = lines.filter((_, i) => fold[i] !== f);
    const model = trainTextClassifier([...hazardExamples(train), ...negatives], { ...options, seed });
    lines.forEach((line, i) => {
      if (fold[i] !== f) return;
      const o = hazardOpinion(line.text, model);
      out.push({ line, danger: o.danger, level: o.level });
    });
  }
  return out;
}

export interface ThresholdChoice {
  threshold: number;
  /** The model alone at that threshold, over the held-out scores. */
  precision: number;
  recall: number;
}

/**
 * The lowest threshold (most recall) at which the model's held-out precision is at least `minPrecision`, counting a
 * danger as found only at its labelled level or above; thresholds below 0.5 are not considered (the model must at
 * least lean to danger).
 */
export function chooseThreshold(scores: readonly HeldOutScore[], minPrecision = MIN_PRECISION): ThresholdChoice {
  const candidates = [...new Set(scores.map((s) => s.danger))].sort((a, b) => a - b);
  for (const t of candidates) {
    const m = measure(scores, t);
    if (m.precision >= minPrecision) return { threshold: round4(t), ...m };
  }
  return { threshold: 1, precision: 1, recall: 0 };
}

/** Precision and recall of the model alone at a threshold (a danger counts when raised to its level or above). */
export function measure(scores: readonly HeldOutScore[], threshold: number): { precision: number; recall: number } {
  let dangers = 0;
  let found = 0;
  let flagged = 0;
  for (const s of scores) {
    const raised = s.danger >= threshold;
    if (s.line.label === 'danger') {
      dangers++;
      const right = raised && (s.level === 'emergency' || s.line.level !== 'emergency');
      if (right) found++;
      if (right) flagged++;
    } else if (raised) flagged++;
  }
  return { precision: flagged === 0 ? 1 : found / flagged, recall: dangers === 0 ? 0 : found / dangers };
}

export interface TrainedHazardModel {
  classifier: TextClassifier;
  threshold: ThresholdChoice;
}

/** Cross-validates for the threshold, trains on everything, and records the threshold in the model file's config. */
export function trainHazardModel(lines: readonly HazardLine[], negatives: readonly LabelledText[], seed: number): TrainedHazardModel {
  const threshold = chooseThreshold(crossValidate(lines, negatives, seed));
  const m = trainTextClassifier([...hazardExamples(lines), ...negatives], { ...HAZARD_TRAIN, seed });
  const config = { ...m.config, threshold: threshold.threshold };
  return { classifier: new TextClassifier(m.labels, config, m.buckets, m.idf, m.weights, m.bias), threshold };
}

const round4 = (x: number) => Math.floor(x * 1e4) / 1e4;

// Training of the hazard second opinion (hazard-model.ts): the labelled life-safety lines (dangers by level, look-alikes
// as none) plus ordinary neighbourhood messages as more "none", the triage classifier's trainer, and a threshold chosen
// by k-fold cross-validation on the labelled lines so that the model's own precision stays at or above a floor.
// Deterministic given a seed: same lines + seed ⇒ same model bytes and threshold.
import { Prng } from '../triage/prng.ts';
import type { LabelledText } from '../triage/text-classifier.ts';
import { TextClassifier } from '../triage/text-classifier.ts';
import { trainTextClassifier, type TrainOptions } from '../triage/text-classifier.training.ts';
import { HAZARD_MODEL_LABELS, hazardOpinion, modelMayRead, type HazardOpinion, type HazardScorer } from './hazard-model.ts';

/** One labelled life-safety line (bench/data/hazard-lines.*.jsonl). */
export interface HazardLine {
  text: string;
  label: 'danger' | 'lookalike';
  kind: string;
  level?: 'urgent' | 'emergency';
}

/**
 * Classifier settings: the triage model's topic recipe (NB-scaled SVM, C 3, unweighted classes) over character
 * 1–4-grams of the whole text, every n-gram kept (the lines are few). 1–3-grams were chosen by 5-fold cross-validation
 * on parts A–J; 1–4 replaced them in issue #12 session 9, judged by leaving each author part out (bench/hazard-lopo.ts:
 * the model alone found more of a held-out author's dangers at no loss of precision; docs/BENCHMARKS.md).
 */
export const HAZARD_TRAIN: Omit<TrainOptions, 'seed'> = {
  preset: 'topic',
  ngrams: { minN: 1, maxN: 4, bits: 20, prefixChars: 0 },
  minDf: 1,
};

/** The floor on the model's own cross-validated precision that picks its threshold. */
export const MIN_PRECISION = 0.95;
/** The ceiling on the share of ordinary messages (held out) the model may raise: 1 in 1,000. */
export const MAX_ORDINARY_RATE = 0.001;
export const FOLDS = 5;

/**
 * How the model is trained: the classifier settings, and optionally extra training examples made from the labelled
 * lines (augmentation). Augmented copies are made only from the lines a model is trained on (in cross-validation, from
 * the training folds only), so the threshold is still chosen on lines no model saw in any form.
 */
export interface HazardRecipe {
  train: Omit<TrainOptions, 'seed'>;
  augment?: (lines: readonly HazardLine[], seed: number) => LabelledText[];
}

export const HAZARD_RECIPE: HazardRecipe = { train: HAZARD_TRAIN };

function examplesFor(lines: readonly HazardLine[], recipe: HazardRecipe, seed: number): LabelledText[] {
  return recipe.augment ? [...hazardExamples(lines), ...recipe.augment(lines, seed)] : hazardExamples(lines);
}

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

/** Held-out scores of the labelled lines and of the ordinary messages (the negatives). */
export interface CrossValidation {
  lines: HeldOutScore[];
  /** Danger score of each ordinary message, from a model trained without it. */
  ordinary: number[];
  /** For each entry of `ordinary`, the index of its message in the negatives given (bench/hazard-negatives.ts). */
  ordinaryIndex: number[];
}

/**
 * k-fold cross-validation: the labelled lines stratified by label and kind, the ordinary messages spread over the same
 * folds, so both are scored by a model that never saw them.
 */
export function crossValidate(
  lines: readonly HazardLine[],
  negatives: readonly LabelledText[],
  seed: number,
  folds = FOLDS,
  recipe: HazardRecipe = HAZARD_RECIPE,
): CrossValidation {
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
  const order = Int32Array.from(negatives, (_, i) => i);
  rng.shuffle(order);
  const negFold = new Int32Array(negatives.length);
  order.forEach((i, k) => (negFold[i] = k % folds));
  const out: CrossValidation = { lines: [], ordinary: [], ordinaryIndex: [] };
  for (let f = 0; f < folds; f++) {
    const train = lines.filter((_, i) => fold[i] !== f);
    const neg = negatives.filter((_, i) => negFold[i] !== f);
    const model = trainTextClassifier([...examplesFor(train, recipe, seed), ...neg], { ...recipe.train, seed });
    lines.forEach((line, i) => {
      if (fold[i] !== f) return;
      const o = asked(line.text, model);
      out.lines.push({ line, danger: o.danger, level: o.level });
    });
    negatives.forEach((n, i) => {
      if (negFold[i] !== f) return;
      out.ordinary.push(asked(n.text, model).danger);
      out.ordinaryIndex.push(i);
    });
  }
  return out;
}

/** The model's opinion as it is used: a message the model may not read scores 0. */
function asked(text: string, scorer: HazardScorer): HazardOpinion {
  return modelMayRead(text) ? hazardOpinion(text, scorer) : { danger: 0, level: 'urgent' };
}

export interface ThresholdChoice {
  threshold: number;
  /** The model alone at that threshold, over the held-out scores. */
  precision: number;
  recall: number;
  /** Share of held-out ordinary messages it would raise. */
  ordinaryRate: number;
}

/**
 * The lowest threshold (most recall) at which, held out, the model alone keeps precision ≥ `minPrecision` on the
 * labelled lines (a danger counts only at its labelled level or above, as the bench counts) and raises at most
 * `maxOrdinaryRate` of the ordinary messages: look-alikes are rare in a group, ordinary appeals (电梯坏了) are not.
 */
export function chooseThreshold(cv: Pick<CrossValidation, 'lines' | 'ordinary'>, minPrecision = MIN_PRECISION, maxOrdinaryRate = MAX_ORDINARY_RATE): ThresholdChoice {
  const candidates = [...new Set(cv.lines.map((s) => s.danger).filter((d) => d > 0))].sort((a, b) => a - b);
  for (const t of candidates) {
    const m = measure(cv.lines, t);
    const ordinaryRate = cv.ordinary.length === 0 ? 0 : cv.ordinary.filter((d) => d >= t).length / cv.ordinary.length;
    if (m.precision >= minPrecision && ordinaryRate <= maxOrdinaryRate) return { threshold: round4(t), ...m, ordinaryRate };
  }
  return { threshold: 1, precision: 1, recall: 0, ordinaryRate: 0 };
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
export function trainHazardModel(
  lines: readonly HazardLine[],
  negatives: readonly LabelledText[],
  seed: number,
  recipe: HazardRecipe = HAZARD_RECIPE,
): TrainedHazardModel {
  const threshold = chooseThreshold(crossValidate(lines, negatives, seed, FOLDS, recipe));
  const m = trainTextClassifier([...examplesFor(lines, recipe, seed), ...negatives], { ...recipe.train, seed });
  const config = { ...m.config, threshold: threshold.threshold };
  return { classifier: new TextClassifier(m.labels, config, m.buckets, m.idf, m.weights, m.bias), threshold };
}

const round4 = (x: number) => Math.floor(x * 1e4) / 1e4;

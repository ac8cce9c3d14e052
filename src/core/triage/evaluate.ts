// Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of a classifier on labelled texts.
// Like scikit-learn's defaults: the label set is the union of gold and predicted labels, 0/0 counts as 0, and
// macro-F1 is the unweighted mean over that set. Gold labels the model does not know are kept (recall 0).

import type { LabelledText } from './text-classifier.ts';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  n: number;
  accuracy: number;
  macro_f1: number;
  per_class: Record<string, ClassMetrics>;
  /** matrix[gold][predicted], rows and columns in `labels` order. */
  confusion: { labels: string[]; matrix: number[][] };
}

export interface LabelPredictor {
  readonly labels?: readonly string[];
  predictLabel?(text: string): string;
  predict(text: string): { label: string };
}

/** Metrics from gold and predicted labels; `order` puts known labels first (others follow, sorted). */
export function metricsFromPairs(gold: readonly string[], predicted: readonly string[], order: readonly string[] = []): Evaluation {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const seen = new Set([...gold, ...predicted]);
  const labels = [...order.filter((l) => seen.has(l)), ...[...seen].filter((l) => !order.includes(l)).sort()];
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    matrix[at.get(g) as number]![at.get(p) as number]!++;
    if (g === p) correct++;
  });
  const per_class: Record<string, ClassMetrics> = {};
  let f1sum = 0;
  labels.forEach((l, k) => {
    const tp = matrix[k]![k]!;
    const support = matrix[k]!.reduce((a, b) => a + b, 0);
    const predCount = matrix.reduce((a, row) => a + row[k]!, 0);
    const precision = predCount ? tp / predCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    per_class[l] = { precision, recall, f1, support };
    f1sum += f1;
  });
  const n = gold.length;
  return {
    n,
    accuracy: n ? correct / n : 0,
    macro_f1: labels.length ? f1sum / labels.length : 0,
    per_class,
    confusion: { labels, matrix },
  };
}

/** Runs the model over `examples` and scores its answers. */
export function evaluate(model: LabelPredictor, examples: readonly LabelledText[]): Evaluation {
  const predicted = examples.map((e) => (model.predictLabel ? model.predictLabel(e.text) : model.predict(e.text).label));
  return metricsFromPairs(
    examples.map((e) => e.label),
    predicted,
    model.labels ?? [],
  );
}

// The shipped triage as the bot runs it (LocalTriage: the neighbourhood model, the rules, the shipped hazard model) on
// the labelled sets, to compare two neighbourhood models (before / after a corpus change):
// `npx tsx bench/triage-shipped.ts [--model PATH]` (default: the shipped data/models/neighbourhood.model).
//   detection.test (shared split, LINLI_SPLITS or ../shared/data/splits beside the checkout): appeal detection,
//     `issue` = appeal; the split's appeals are government appeal titles, so recall is low by design (docs/BENCHMARKS.md)
//   neighbourhood.holdout (data/corpus): accuracy and macro-F1 over the 13 labels as triage files them (chatter when not
//     an appeal), appeal detection P / R
// Test labels are read for reporting only; nothing is trained here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, readLabelledJsonl, readModelFile } from '../src/adapters/files/model-file.ts';
import { shippedHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { metricsFromPairs } from '../src/core/triage/evaluate.ts';
import { LocalTriage } from '../src/core/triage/local-triage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(ROOT, '../shared/data/splits');
const at = process.argv.indexOf('--model');
const modelPath = at > 0 ? path.resolve(process.argv[at + 1]!) : DEFAULT_MODEL_PATH;
const model = await readModelFile(modelPath);
const triage = new LocalTriage(model, { hazardModel: (await shippedHazardModel()) ?? undefined });

const f = (x: number) => x.toFixed(4);
function appealFigures(gold: readonly boolean[], said: readonly boolean[]): string {
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => {
    if (said[i] && g) tp++;
    else if (said[i]) fp++;
    else if (g) fn++;
  });
  const p = tp / (tp + fp), r = tp / (tp + fn);
  return `appeal P ${f(p)} / R ${f(r)} / F1 ${f((2 * p * r) / (p + r))} (tp ${tp}, fp ${fp}, fn ${fn})`;
}

console.log(`model ${path.relative(ROOT, modelPath) || modelPath}`);
const detection = path.join(SPLITS, 'detection.test.jsonl');
if (existsSync(detection)) {
  const rows = await readLabelledJsonl(detection);
  const said = rows.map((r) => triage.classifySync(r.text).isAppeal);
  console.log(`detection.test (${rows.length}): ${appealFigures(rows.map((r) => r.label === 'issue'), said)}`);
} else console.log(`detection.test: ${detection} not found, skipped`);

const holdout = await readLabelledJsonl(path.join(ROOT, 'data/corpus/neighbourhood.holdout.jsonl'));
const read = holdout.map((r) => triage.classifySync(r.text));
const ev = metricsFromPairs(
  holdout.map((r) => r.label),
  read.map((t) => (t.isAppeal ? t.category : 'chatter')),
  model.labels,
);
console.log(`neighbourhood.holdout (${holdout.length}), as triage files it: accuracy ${f(ev.accuracy)}, macro-F1 ${f(ev.macro_f1)}; ${appealFigures(holdout.map((r) => r.label !== 'chatter'), read.map((t) => t.isAppeal))}`);
const appeals = holdout.map((r, i) => [r, read[i]!] as const).filter(([r, t]) => r.label !== 'chatter' && t.isAppeal);
console.log(`  category accuracy on the appeals triage found (${appeals.length}): ${f(appeals.filter(([r, t]) => r.label === t.category).length / appeals.length)}`);

// News of a danger elsewhere, and a weather remark with a reminder, are talk, not appeals (LocalTriage): what each of
// the two readings changes on each labelled set, with the shipped models. `npx tsx bench/appeal-elsewhere.ts [--show]`:
// per set and reading, appeals it would lose (a real appeal the model found, now talk) and false appeals it removes;
// --show lists them. The detection split needs ../shared/data/splits
// (LINLI_SPLITS); it is skipped when absent.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, readLabelledJsonl, readModelFile } from '../src/adapters/files/model-file.ts';
import { shippedHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { hazardOnlyElsewhere } from '../src/core/hazard/detect-hazard.ts';
import { DEFAULT_LOCAL_TRIAGE, LocalTriage, weatherRemarkOnly } from '../src/core/triage/local-triage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(ROOT, '../shared/data/splits');
const model = await readModelFile(DEFAULT_MODEL_PATH);
const triage = new LocalTriage(model, { hazardModel: (await shippedHazardModel()) ?? undefined });
const { chatterLabel, appealThreshold } = DEFAULT_LOCAL_TRIAGE;

/** [name, file, the labels that are appeals (or dangers)]; a hazard part's look-alikes are no appeals. */
const sets: [string, string, (label: string) => boolean][] = [
  ['detection.test', path.join(SPLITS, 'detection.test.jsonl'), (l) => l === 'issue'],
  ['neighbourhood.holdout', path.join(ROOT, 'data/corpus/neighbourhood.holdout.jsonl'), (l) => l !== chatterLabel],
  ['neighbourhood', path.join(ROOT, 'data/corpus/neighbourhood.jsonl'), (l) => l !== chatterLabel],
  ...readdirSync(path.join(ROOT, 'bench/data'))
    .filter((f) => /^hazard-lines\.\w+\.jsonl$/.test(f))
    .sort()
    .map((f): [string, string, (l: string) => boolean] => [`hazard ${f.split('.')[1]}`, path.join(ROOT, 'bench/data', f), (l) => l === 'danger']),
];

for (const [name, file, isAppeal] of sets) {
  if (!existsSync(file)) {
    console.log(`${name}: ${file} not found, skipped`);
    continue;
  }
  const rows = await readLabelledJsonl(file);
  const readings = { elsewhere: hazardOnlyElsewhere, weather: weatherRemarkOnly };
  const counts = Object.fromEntries(Object.keys(readings).map((k) => [k, { lost: 0, removed: 0 }]));
  const shown: string[] = [];
  for (const r of rows) {
    // a reading fired: the model alone says appeal, triage now says talk
    const byModel = 1 - (model.predict(r.text).scores[chatterLabel] ?? 0) >= appealThreshold;
    if (!byModel || triage.classifySync(r.text).isAppeal) continue;
    for (const [name, reads] of Object.entries(readings)) {
      if (!reads(r.text)) continue;
      if (isAppeal(r.label)) counts[name]!.lost++;
      else counts[name]!.removed++;
      shown.push(`${isAppeal(r.label) ? 'LOST' : 'GAIN'} ${name} ${r.text.slice(0, 70)}`);
    }
  }
  const figures = Object.entries(counts).map(([k, c]) => `${k}: appeals lost ${c.lost}, false appeals removed ${c.removed}`);
  console.log(`${name}: ${rows.length} rows; ${figures.join('; ')}`);
  if (process.argv.includes('--show')) for (const line of shown.slice(0, 30)) console.log('   ', line);
}

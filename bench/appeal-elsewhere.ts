// News of a danger elsewhere is talk, not an appeal (LocalTriage): what that rule changes on each labelled set, with the
// shipped models. `npx tsx bench/appeal-elsewhere.ts [--show]`: per set, appeals it would lose (a real appeal the model
// found, now talk) and false appeals it removes; --show lists them. The detection split needs ../shared/data/splits
// (LINLI_SPLITS); it is skipped when absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, readModelFile } from '../src/adapters/files/model-file.ts';
import { shippedHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { LocalTriage } from '../src/core/triage/local-triage.ts';
import { hazardOnlyElsewhere } from '../src/core/hazard/detect-hazard.ts';
const model = await readModelFile(DEFAULT_MODEL_PATH);
const hazardModel = await shippedHazardModel();
const t = new LocalTriage(model, { hazardModel: hazardModel ?? undefined });
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(ROOT, '../shared/data/splits');
const sets: [string, string, (x: any) => boolean][] = [
  ['detection.test', path.join(SPLITS, 'detection.test.jsonl'), (x) => x.label === 'issue'],
  ['neighbourhood.holdout', path.join(ROOT, 'data/corpus/neighbourhood.holdout.jsonl'), (x) => x.label !== 'chatter'],
  ['neighbourhood', path.join(ROOT, 'data/corpus/neighbourhood.jsonl'), (x) => x.label !== 'chatter'],
  ...'abcdefghijklmnop'.split('').map((p) => [`hazard ${p}`, path.join(ROOT, `bench/data/hazard-lines.${p}.jsonl`), (x: any) => x.label === 'danger'] as [string, string, (x: any) => boolean]),
];
for (const [name, file, isPos] of sets) {
  if (!existsSync(file)) {
    console.log(`${name}: ${file} not found, skipped`);
    continue;
  }
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let flipsPos = 0, flipsNeg = 0;
  const ex: string[] = [];
  for (const r of rows) {
    const res = t.classifySync(r.text);
    // the rule fired where the model alone says appeal and the message is no appeal now
    if (!res.isAppeal && hazardOnlyElsewhere(r.text)) {
      const p = model.predict(r.text);
      if (1 - (p.scores['chatter'] ?? 0) >= 0.5) {
        if (isPos(r)) { flipsPos++; ex.push('LOST ' + r.text.slice(0, 70)); } else { flipsNeg++; ex.push('GAIN ' + r.text.slice(0, 70)); }
      }
    }
  }
  console.log(`${name}: ${rows.length} rows; appeals lost ${flipsPos}, false appeals removed ${flipsNeg}`);
  if (process.argv.includes('--show')) for (const e of ex.slice(0, 30)) console.log('   ', e);
}

// Where an LLM is configured, what it is shown: a message goes to it when the local triage is unsure (confidence below
// 0.85) or the hazard model has a doubt short of emergency (TriageResult.hazardDoubt, danger ≥ hazardDoubtFrom). Per
// hazard part: the dangers triage misses (urgency below their level) and how many of them the LLM is shown; per
// labelled set of ordinary messages: how many more messages the doubt sends to the LLM. Shipped models.
// `npx tsx bench/hazard-doubt.ts` (the detection split needs ../shared/data/splits or LINLI_SPLITS; skipped when absent).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, readLabelledJsonl, readModelFile } from '../src/adapters/files/model-file.ts';
import { shippedHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { DEFAULT_HYBRID_TRIAGE } from '../src/core/triage/hybrid-triage.ts';
import { LocalTriage } from '../src/core/triage/local-triage.ts';
import { readLines } from './hazard.bench.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(ROOT, '../shared/data/splits');
const triage = new LocalTriage(await readModelFile(DEFAULT_MODEL_PATH), { hazardModel: (await shippedHazardModel()) ?? undefined });
const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;
const unsure = (c: number) => c < DEFAULT_HYBRID_TRIAGE.uncertainBelow;

const rows: Record<string, string | number>[] = [];
for (const f of readdirSync(path.join(ROOT, 'bench/data')).filter((f) => /^hazard-lines\.\w+\.jsonl$/.test(f)).sort()) {
  let missed = 0, unsureShown = 0, doubtShown = 0, lookalikesDoubted = 0, lookalikes = 0;
  for (const l of readLines(f)) {
    const r = triage.classifySync(l.text);
    if (l.label === 'lookalike') {
      lookalikes++;
      if (!unsure(r.confidence) && r.hazardDoubt) lookalikesDoubted++;
      continue;
    }
    if (RANK[r.urgency] >= RANK[l.level ?? 'urgent']) continue;
    missed++;
    if (unsure(r.confidence)) unsureShown++;
    else if (r.hazardDoubt) doubtShown++;
  }
  rows.push({ part: f.split('.')[1]!.toUpperCase(), 'dangers missed': missed, 'shown (unsure)': unsureShown, 'shown (doubt)': doubtShown, 'not shown': missed - unsureShown - doubtShown, 'look-alikes shown for a doubt': `${lookalikesDoubted} of ${lookalikes}` });
}
console.table(rows);

for (const [name, file] of [
  ['detection.test', path.join(SPLITS, 'detection.test.jsonl')],
  ['neighbourhood.holdout', path.join(ROOT, 'data/corpus/neighbourhood.holdout.jsonl')],
] as const) {
  if (!existsSync(file)) {
    console.log(`${name}: ${file} not found, skipped`);
    continue;
  }
  const all = await readLabelledJsonl(file);
  let now = 0, doubt = 0;
  for (const m of all) {
    const r = triage.classifySync(m.text);
    if (unsure(r.confidence)) now++;
    else if (r.hazardDoubt) doubt++;
  }
  console.log(`${name}: ${all.length} messages; shown to the LLM as unsure ${now} (${((100 * now) / all.length).toFixed(1)} %), more for a hazard doubt ${doubt} (${((100 * doubt) / all.length).toFixed(2)} %)`);
}

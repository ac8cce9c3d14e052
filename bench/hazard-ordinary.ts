// Ordinary messages the hazard rules (and rules + the hazard model) make urgent or worse — false alarms on text not
// written for the hazard bench: `npx tsx bench/hazard-ordinary.ts [--splits DIR] [--against CHECKOUT]`.
//   the neighbourhood corpus and its holdout (data/corpus), the shared chatter splits (detection.test, detection.train;
//   ../shared/data/splits beside the checkout, or --splits DIR), and the Chinese string literals of the test suite.
// --against CHECKOUT (another checkout of this repository, e.g. /work/main) also lists every line whose rules urgency
// differs between the two, so a rule change shows what it adds and drops.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_HAZARD_MODEL_PATH, readHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { raiseWithModel } from '../src/core/hazard/hazard-model.ts';
import { detectUrgency, type UrgencyMatch } from '../src/core/triage/urgency.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function jsonlTexts(file: string): string[] | null {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { text: string }).text);
  } catch {
    return null;
  }
}

function testStrings(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = path.join(d, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  const out = new Set<string>();
  const literal = /'([^'\n]*[\u4e00-\u9fff][^'\n]*)'|"([^"\n]*[\u4e00-\u9fff][^"\n]*)"|`([^`\n]*[\u4e00-\u9fff][^`\n]*)`/g;
  for (const f of walk(dir)) for (const m of readFileSync(f, 'utf8').matchAll(literal)) out.add(m[1] ?? m[2] ?? m[3] ?? '');
  return [...out];
}

async function main(): Promise<void> {
  const splits = arg('--splits') ?? path.resolve(ROOT, '..', 'shared', 'data', 'splits');
  const against = arg('--against');
  const other: ((t: string) => UrgencyMatch) | null = against
    ? ((await import(pathToFileURL(path.join(path.resolve(against), 'src', 'core', 'triage', 'urgency.ts')).href)) as { detectUrgency: (t: string) => UrgencyMatch }).detectUrgency
    : null;
  const model = await readHazardModel(DEFAULT_HAZARD_MODEL_PATH);
  const sets: [string, string[] | null][] = [
    ['neighbourhood corpus', jsonlTexts(path.join(ROOT, 'data', 'corpus', 'neighbourhood.jsonl'))],
    ['neighbourhood holdout', jsonlTexts(path.join(ROOT, 'data', 'corpus', 'neighbourhood.holdout.jsonl'))],
    ['chatter test split', jsonlTexts(path.join(splits, 'detection.test.jsonl'))],
    ['chatter train split', jsonlTexts(path.join(splits, 'detection.train.jsonl'))],
    ['test-suite strings', testStrings(path.join(ROOT, 'test'))],
  ];
  for (const [name, texts] of sets) {
    if (!texts) {
      console.log(`${name}: missing, skipped`);
      continue;
    }
    let rules = 0;
    let both = 0;
    let theirs = 0;
    const changed: string[] = [];
    for (const t of texts) {
      const r = detectUrgency(t);
      if (r.urgency !== 'normal') rules++;
      if (raiseWithModel(t, r, model).urgency !== 'normal') both++;
      if (other) {
        const o = other(t).urgency;
        if (o !== 'normal') theirs++;
        if (o !== r.urgency) changed.push(`  ${o} -> ${r.urgency}: ${t.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    const vs = other ? `; the other checkout's rules ${theirs}` : '';
    console.log(`${name}: ${texts.length}; made urgent or worse: rules ${rules}, rules+model ${both}${vs}`);
    for (const c of changed) console.log(c);
  }
}

await main();

// Ordinary appeals and chatter that triage's service rule (detectServiceRequest) would turn into 三单式 service
// requests instead of tickets — it should be about none: `npx tsx bench/service-ordinary.ts [--splits DIR] [--show N]`.
// Reads the test splits only (../shared/data/splits beside the checkout, or --splits DIR): detection.test (short
// appeal titles and SMS chatter) and category.test (whole appeals, segmented). "without the length cap" applies the
// same words to texts of any length (a chat line over 120 characters is never a service request).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectServiceRequest, serviceAskIn } from '../src/core/service/service-words.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function rows(file: string): { text: string; label: string }[] | null {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { text: string; label: string });
  } catch {
    return null;
  }
}

const splits = arg('--splits') ?? path.resolve(ROOT, '..', 'shared', 'data', 'splits');
const show = Number(arg('--show') ?? 10);
for (const name of ['detection.test', 'category.test']) {
  const data = rows(path.join(splits, `${name}.jsonl`));
  if (!data) {
    console.log(`${name}: missing, skipped`);
    continue;
  }
  const byLabel = new Map<string, { n: number; hit: number; uncapped: number }>();
  const hits: string[] = [];
  for (const r of data) {
    const s = byLabel.get(r.label) ?? { n: 0, hit: 0, uncapped: 0 };
    s.n++;
    const kind = detectServiceRequest(r.text);
    if (kind) {
      s.hit++;
      hits.push(`  [${r.label}] ${kind}: ${r.text.replace(/\s+/g, ' ').slice(0, 100)}`);
    }
    if (serviceAskIn(r.text)) s.uncapped++;
    byLabel.set(r.label, s);
  }
  const total = [...byLabel.values()].reduce((a, s) => ({ n: a.n + s.n, hit: a.hit + s.hit, uncapped: a.uncapped + s.uncapped }), { n: 0, hit: 0, uncapped: 0 });
  console.log(`${name}: ${total.n} rows; made service requests ${total.hit}; without the length cap ${total.uncapped}`);
  for (const [label, s] of [...byLabel].sort()) console.log(`  ${label}: ${s.n} rows, ${s.hit} made service requests (${s.uncapped} without the length cap)`);
  for (const h of hits.slice(0, show)) console.log(h);
}

// Precision and recall of the duplicate join on labelled pairs: `npx tsx bench/duplicates.ts [--show] [FILE]` (default
// bench/data/duplicate-pairs.jsonl: {"a", "b", "same"}). Each pair is played as the bot plays it: `a` became a ticket
// (the shipped triage's summary, place and category stored with it), two hours later `b` is posted in the same group of
// the same grid, read by the shipped triage, and looked up among the open tickets as DuplicateFinder does
// (findDuplicate, the default window and threshold, the categories triage gave). A join is right when the pair is
// labelled the same problem. The default file is the development set (read and tuned on in session 18);
// bench/data/duplicate-pairs.fresh.jsonl, .fresh3, .fresh5 and .fresh6 are held out: run them without --show
// (docs/BENCHMARKS.md); .fresh2 and .fresh4 were held out for their first runs, then development data (sessions 20, 21).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, readModelFile } from '../src/adapters/files/model-file.ts';
import { shippedHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { LocalTriage } from '../src/core/triage/local-triage.ts';
import { compareProblems, readProblem } from '../src/core/triage/problem.ts';
import { findDuplicate } from '../src/core/triage/similarity.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'bench/data/duplicate-pairs.jsonl');
const pairs = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { a: string; b: string; same: boolean });
const triage = new LocalTriage(await readModelFile(DEFAULT_MODEL_PATH), { hazardModel: (await shippedHazardModel()) ?? undefined });

const reported = new Date('2026-11-20T02:00:00Z');
const now = new Date('2026-11-20T04:00:00Z');
let tp = 0, fp = 0, fn = 0, tn = 0;
// which reading made each join: the thing and fault read the same by the tables, or the wording fallback (counts only)
const byTables = { right: 0, wrong: 0 };
const shown: string[] = [];
for (const { a, b, same } of pairs) {
  const first = triage.classifySync(a);
  const second = triage.classifySync(b);
  const ticket = { id: 1, text: first.summary, place: first.place, createdAt: reported, gridNodeId: 1, groupId: 1, category: first.category };
  const joined = findDuplicate({ text: b, place: second.place, gridNodeId: 1, groupId: 1, category: second.category }, [ticket], { now }) === 1;
  if (joined && compareProblems(readProblem(b), readProblem(first.summary)) === 'same') byTables[same ? 'right' : 'wrong']++;
  if (joined && same) tp++;
  else if (joined) fp++;
  else if (same) fn++;
  else tn++;
  if (joined !== same) shown.push(`${same ? 'MISSED' : 'WRONG '} ${a} | ${b}`);
}
const p = tp / (tp + fp), r = tp / (tp + fn);
console.log(`${path.relative(ROOT, file)}: ${pairs.length} pairs (${tp + fn} same, ${fp + tn} different)`);
console.log(`join precision ${p.toFixed(3)} (${tp}/${tp + fp}), recall ${r.toFixed(3)} (${tp}/${tp + fn}); different problems joined: ${fp}`);
console.log(`joins the tables read as the same thing and fault: ${byTables.right} right, ${byTables.wrong} wrong; by the wording fallback: ${tp - byTables.right} right, ${fp - byTables.wrong} wrong`);
if (process.argv.includes('--show')) for (const s of shown) console.log('  ', s);

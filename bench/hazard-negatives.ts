// Which negatives does the hazard model find most dangerous? A review list for data/corpus/hazard-not-negative.txt.
//   npx tsx bench/hazard-negatives.ts [--top 300] [--all] [--seed 1]
// The shipped trainer's negatives (hazard-model-file.ts: the corpus lines the rules leave normal + every 4th chatter line
// of the TRAIN split, HAZARD_CHATTER_TRAIN=file when ../shared is elsewhere) are scored as the threshold sees them: held
// out, by the shipped trainer's own 5-fold cross-validation over A–O (--seed, default 1 as shipped). The top ones are printed, highest first:
// score, source, corpus category (or the sha1 of a chatter line: lines from ../shared are never copied into the repo),
// whether the reviewed list already skips it, the text. With --all the list is not applied (every candidate is trained
// as a negative, as before session 10); by default it is, and listed messages are shown but marked 'skip'.
// A negative above the chosen threshold is one the threshold had to clear: at most 0.1 % of them may be raised.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HAZARD_TRAIN_PARTS,
  hazardNegativeSources,
  NEGATIVE_CHATTER,
  NEGATIVE_CORPUS,
  NOT_NEGATIVE_LIST,
  readHazardLines,
  readNotNegative,
  textSha1,
} from '../src/adapters/triage/hazard-model-file.ts';
import { chooseThreshold, crossValidate } from '../src/core/hazard/hazard-model.training.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHATTER_TRAIN = process.env.HAZARD_CHATTER_TRAIN ?? NEGATIVE_CHATTER;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const top = Number(arg('--top') ?? 300);
  const all = process.argv.includes('--all');
  const t0 = performance.now();
  const lines = await readHazardLines(HAZARD_TRAIN_PARTS);
  const candidates = await hazardNegativeSources(NEGATIVE_CORPUS, CHATTER_TRAIN);
  const listed = await readNotNegative(NOT_NEGATIVE_LIST);
  const used = all ? candidates : candidates.filter((n) => !listed(n.text));
  const cv = crossValidate(lines, used.map((n) => ({ text: n.text, label: 'none' })), Number(arg('--seed') ?? 1));
  const choice = chooseThreshold(cv);
  const scored = cv.ordinary.map((danger, k) => ({ danger, n: used[cv.ordinaryIndex[k]!]! }));
  scored.sort((a, b) => b.danger - a.danger);
  const skipped = candidates.filter((n) => listed(n.text));
  const above = scored.filter((s) => s.danger >= choice.threshold).length;
  const at = (k: number) => scored[k]?.danger.toFixed(4) ?? '—';
  console.log(
    `hazard negatives (${path.relative(path.join(HERE, '..'), NOT_NEGATIVE_LIST)} ${all ? 'NOT applied' : 'applied'}): ` +
      `${candidates.length} candidates (${candidates.filter((n) => n.source === 'corpus').length} corpus, ` +
      `${candidates.filter((n) => n.source === 'chatter').length} chatter), listed as not negative ${skipped.length} ` +
      `(${skipped.filter((n) => n.source === 'corpus').length} corpus, ${skipped.filter((n) => n.source === 'chatter').length} chatter), trained as negatives ${used.length}`,
  );
  console.log(
    `cross-validated threshold ${choice.threshold} (the model alone, held out: recall ${(100 * choice.recall).toFixed(1)}%, precision ` +
      `${(100 * choice.precision).toFixed(1)}%, negatives raised ${above} = ${(100 * choice.ordinaryRate).toFixed(3)}%); ` +
      `held-out negative scores: 1st ${at(0)}, 10th ${at(9)}, 12th ${at(11)}, 50th ${at(49)}, 300th ${at(299)} ` +
      `(${((performance.now() - t0) / 1000).toFixed(0)}s)`,
  );
  console.log('rank  score   source   category / sha1           list  text');
  scored.slice(0, top).forEach((s, k) => {
    const id = s.n.source === 'chatter' ? textSha1(s.n.text).slice(0, 12) : s.n.category;
    const mark = listed(s.n.text) ? 'skip' : '';
    console.log(`${String(k + 1).padStart(4)}  ${s.danger.toFixed(4)}  ${s.n.source.padEnd(7)}  ${id.padEnd(24)}  ${mark.padEnd(4)}  ${JSON.stringify(s.n.text)}`);
  });
}

await main();

// What each threshold ceiling (hazard-model.training.ts CeilingMode) decides on the shipped training set.
//   npx tsx bench/hazard-ceiling.ts [--seed 1]
// One 5-fold cross-validation of the shipped trainer over the shipped parts (A–P) and negatives (the corpus lines the
// rules leave normal + every 4th chatter line of the TRAIN split, less the reviewed list), with every other chatter TRAIN
// line scored as calibration only (HAZARD_CHATTER_TRAIN=file when ../shared is elsewhere). For each ceiling mode: the
// threshold, the model alone held out (recall, precision on the labelled lines), and the held-out ordinary messages it
// would raise — corpus negatives, sampled chatter negatives, other chatter lines. No test split is read.
import { HAZARD_TRAIN_PARTS, hazardCeilingData, hazardNegatives, NEGATIVE_CHATTER, NEGATIVE_CORPUS, readHazardLines } from '../src/adapters/triage/hazard-model-file.ts';
import { CEILING_MODES, chooseThresholdWith, crossValidate, FOLDS } from '../src/core/hazard/hazard-model.training.ts';

const CHATTER_TRAIN = process.env.HAZARD_CHATTER_TRAIN ?? NEGATIVE_CHATTER;
const i = process.argv.indexOf('--seed');
const seed = i >= 0 ? Number(process.argv[i + 1]) : 1;

const t0 = performance.now();
const lines = await readHazardLines(HAZARD_TRAIN_PARTS);
const negatives = await hazardNegatives(NEGATIVE_CORPUS, CHATTER_TRAIN);
const data = await hazardCeilingData('all-chatter', NEGATIVE_CORPUS, CHATTER_TRAIN);
const isChatter = data.isChatter!;
const cv = crossValidate(lines, negatives, seed, FOLDS, undefined, data.extra);
const corpus = cv.ordinary.filter((_, k) => !isChatter[cv.ordinaryIndex[k]!]);
const sampled = cv.ordinary.filter((_, k) => isChatter[cv.ordinaryIndex[k]!]);
console.log(
  `seed ${seed}: ${lines.length} hazard lines; held-out ordinary messages: ${corpus.length} corpus, ${sampled.length} sampled chatter, ` +
    `${cv.extra.length} other chatter (calibration only) (${((performance.now() - t0) / 1000).toFixed(0)}s)`,
);
console.log('ceiling               threshold  recall  precision | raised held out: corpus  sampled chatter  other chatter');
for (const mode of CEILING_MODES) {
  const c = chooseThresholdWith(cv, { mode, isChatter, extra: data.extra });
  const up = (xs: number[]) => xs.filter((d) => d >= c.threshold).length;
  console.log(
    `${mode.padEnd(21)} ${c.threshold.toFixed(4).padStart(9)} ${(100 * c.recall).toFixed(1).padStart(6)}% ${(100 * c.precision).toFixed(1).padStart(8)}%` +
      ` | ${String(up(corpus)).padStart(22)} ${String(up(sampled)).padStart(16)} ${String(up(cv.extra)).padStart(14)}`,
  );
}

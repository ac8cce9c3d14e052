// How the hazard model generalises to a new author's wording (issue #12): leave one author part out.
//   npx tsx bench/hazard-lopo.ts [--recipe NAME] [--parts IKLMNO | --parts U,V,AA] [--pool A-T,AA] [--jobs 2] [--seed 1]
//     [--all-negatives | --not-negative FILE] (--parts: letters, or comma-separated names — one two-letter part: --parts AB,) [--ceiling sampled|all-chatter|all-chatter-weighted|chatter-only] [--misses]
// For each author part (I, K, L, M, N, O: each written by an author who had not read the rules), the model is trained by
// the shipped trainer (hazard-model.training.ts: same negatives — the neighbourhood corpus and every 4th line of the
// chatter TRAIN split, less the reviewed list data/corpus/hazard-not-negative.txt —, same cross-validated threshold) on
// every other part A–O, then the held-out part is scored:
//   rules+model — as bench/hazard.bench.ts scores it (the rules are contaminated: they were fixed on these parts);
//   model alone — a danger is found when the model raises it to its level (modelHazardLevel), a look-alike is a false
//     alarm when the model raises it at all; the rules play no part beyond deciding what the model may read.
// The chatter TRAIN split is read from ../shared (HAZARD_CHATTER_TRAIN=file elsewhere).
// Last, the chatter TEST split (never trained on; HAZARD_CHATTER_TEST=file elsewhere): messages each fold's model makes
// urgent or worse with the rules (rules+model) and on its own.
// --seed: the trainer's seed (folds, SVM; default 1 as `npm run model:hazard`). --all-negatives: do not apply the reviewed
// list data/corpus/hazard-not-negative.txt (every candidate negative trained as "none", as before session 10);
// --not-negative FILE: another list in its place (a control: the same number of hard negatives that are not dangers).
// --ceiling: which ordinary messages the threshold's 1-in-1,000 ceiling is measured on (hazard-model.training.ts
// CeilingMode; default 'sampled', as shipped): 'all-chatter' adds every chatter TRAIN line not trained on; 'chatter-only'
// measures the ceiling on chatter alone and counts held-out corpus negatives as false alarms in the precision floor;
// 'all-chatter-weighted' keeps the sampled rate (chatter at its sampled share) but reads its chatter part on every line.
// Parts run in child processes, --jobs at a time (default 2).
// --pool: the parts each fold's model is trained on, less the held-out part (default: the shipped model's parts,
// HAZARD_TRAIN_PARTS); letters or ranges, comma-separated ("A-Z,AA,AB"). With a pool that does not hold the part, every
// fold's model is the same (e.g. --pool A-T --parts U,V: the A–T model scored on U and V). Named parts only: no file is
// globbed, so a part being written (not yet in a pool) is never read.
// --save DIR: writes each fold's model to DIR/hazard-minus-<part>.model (to score it again with --model).
// --model FILE: no training; every fold is scored with that model file and its threshold (e.g. the shipped one);
// --threshold X: that model at another threshold (an experiment; the trainer's choice is what ships).
// Besides the chatter test split, each fold's model is run over the neighbourhood corpus (its lines the rules leave
// normal are training negatives, so this is no held-out figure): messages made urgent or worse by rules+model, and those
// the model alone raised that are not on the reviewed not-negative list.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAZARD_TRAIN_PARTS, readHazardModel, hazardCeilingData, hazardNegatives, NEGATIVE_CHATTER, NEGATIVE_CORPUS, NOT_NEGATIVE_LIST, readHazardLines, readNotNegative } from '../src/adapters/triage/hazard-model-file.ts';
import { modelHazardLevel, raiseWithModel, type HazardModel } from '../src/core/hazard/hazard-model.ts';
import { CEILING_MODES, HAZARD_RECIPE, trainHazardModel, type CeilingMode, type HazardLine, type HazardRecipe } from '../src/core/hazard/hazard-model.training.ts';
import { HAZARD_RECIPES } from './hazard-recipes.ts';
import { writeModelFile } from '../src/adapters/files/model-file.ts';
import { detectUrgency } from '../src/core/triage/urgency.ts';
import { partFile, partList } from './hazard-parts.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AUTHOR_PARTS = 'IKLMNO';
const CHATTER_TRAIN = process.env.HAZARD_CHATTER_TRAIN ?? NEGATIVE_CHATTER;
const CHATTER_TEST = process.env.HAZARD_CHATTER_TEST ?? path.resolve(HERE, '..', '..', 'shared', 'data', 'splits', 'detection.test.jsonl');
const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

interface Counts {
  dangers: number;
  found: number;
  lookalikes: number;
  falseAlarms: number;
}

interface PartResult {
  part: string;
  threshold: number;
  rulesModel: Counts;
  model: Counts;
  chatter: { n: number; rulesModel: number; model: number };
  /** The neighbourhood corpus: made urgent or worse by rules+model; of those, raised by the model where the rules left
   * them normal, and of those, the ones not on the reviewed not-negative list (false alarms). */
  corpus: { n: number; rulesModel: number; byModel: number; byModelUnlisted: number };
  trainedOn: number;
  seconds: number;
  misses: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function recipeOf(name: string): HazardRecipe {
  if (name === 'shipped') return HAZARD_RECIPE;
  const r = HAZARD_RECIPES[name];
  if (!r) throw new Error(`unknown recipe ${name} (known: shipped, ${Object.keys(HAZARD_RECIPES).join(', ')})`);
  return r;
}

const partOf = (file: string) => /hazard-lines\.(\w+)\.jsonl$/.exec(file)![1]!.toUpperCase();
const DEFAULT_POOL = HAZARD_TRAIN_PARTS.map(partOf).join(',');
const readTexts = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { text: string }).text);

async function runPart(part: string, pool: string[], recipeName: string, seed: number, allNegatives: boolean, list: string | undefined, ceilingMode: CeilingMode): Promise<PartResult> {
  const t0 = performance.now();
  const held = await readHazardLines([partFile(part)]);
  const train = await readHazardLines(pool.filter((p) => p !== part).map(partFile));
  const file = arg('--model');
  let model: HazardModel;
  if (file) {
    model = await readHazardModel(file);
    if (arg('--threshold')) model = { ...model, threshold: Number(arg('--threshold')) };
  }
  else {
    const negatives = allNegatives ? await hazardNegatives(NEGATIVE_CORPUS, CHATTER_TRAIN, null) : await hazardNegatives(NEGATIVE_CORPUS, CHATTER_TRAIN, list);
    const ceiling = await hazardCeilingData(ceilingMode, NEGATIVE_CORPUS, CHATTER_TRAIN, allNegatives ? null : list);
    const { classifier, threshold } = trainHazardModel(train, negatives, seed, recipeOf(recipeName), ceiling);
    model = { scorer: classifier, threshold: threshold.threshold };
    const save = arg('--save');
    if (save) await writeModelFile(path.join(save, `hazard-minus-${part}.model`), classifier);
  }
  const both = (t: string) => raiseWithModel(t, detectUrgency(t), model).urgency;
  const alone = (t: string) => modelHazardLevel(t, model) ?? 'normal';
  const misses: string[] = [];
  const count = (urgencyOf: (t: string) => keyof typeof RANK, tag: string): Counts => {
    const c: Counts = { dangers: 0, found: 0, lookalikes: 0, falseAlarms: 0 };
    for (const l of held as HazardLine[]) {
      const u = urgencyOf(l.text);
      if (l.label === 'danger') {
        c.dangers++;
        if (RANK[u] >= RANK[l.level ?? 'urgent']) c.found++;
        else misses.push(`${part} ${tag} MISS ${l.kind} (${u}): ${l.text}`);
      } else {
        c.lookalikes++;
        if (RANK[u] >= 1) (c.falseAlarms++, misses.push(`${part} ${tag} FALSE ${l.kind} (${u}): ${l.text}`));
      }
    }
    return c;
  };
  const rulesModel = count(both, 'rules+model');
  const alone_ = count(alone, 'model');
  const chatter = readTexts(CHATTER_TEST);
  const corpus = readTexts(NEGATIVE_CORPUS);
  const listed = await readNotNegative(NOT_NEGATIVE_LIST);
  return {
    part,
    threshold: model.threshold,
    rulesModel,
    model: alone_,
    chatter: { n: chatter.length, rulesModel: chatter.filter((t) => both(t) !== 'normal').length, model: chatter.filter((t) => alone(t) !== 'normal').length },
    corpus: (() => {
      const raised = corpus.filter((t) => both(t) !== 'normal');
      const byModel = raised.filter((t) => detectUrgency(t).urgency === 'normal');
      for (const t of byModel) misses.push(`${part} corpus RAISED${listed(t) ? ' (listed)' : ''}: ${t}`);
      return { n: corpus.length, rulesModel: raised.length, byModel: byModel.length, byModelUnlisted: byModel.filter((t) => !listed(t)).length };
    })(),
    trainedOn: file ? -1 : train.length,
    seconds: (performance.now() - t0) / 1000,
    misses,
  };
}

function runChild(part: string, recipe: string, extra: string[]): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', part, '--recipe', recipe, ...extra], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as PartResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`part ${part}: child exited ${code}`))));
  });
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const recall = (c: Counts) => c.found / c.dangers;
const precision = (c: Counts) => (c.found + c.falseAlarms === 0 ? 1 : c.found / (c.found + c.falseAlarms));

async function main(): Promise<void> {
  const child = arg('--child');
  const recipe = arg('--recipe') ?? 'shipped';
  const seed = Number(arg('--seed') ?? 1);
  const allNegatives = process.argv.includes('--all-negatives');
  const list = arg('--not-negative');
  const ceiling = (arg('--ceiling') ?? 'sampled') as CeilingMode;
  if (!CEILING_MODES.includes(ceiling)) throw new Error(`unknown ceiling ${ceiling} (known: ${CEILING_MODES.join(', ')})`);
  const poolSpec = arg('--pool') ?? DEFAULT_POOL;
  const pool = partList(poolSpec);
  if (child) {
    process.send!(await runPart(child, pool, recipe, seed, allNegatives, list, ceiling));
    return;
  }
  const partsSpec = (arg('--parts') ?? AUTHOR_PARTS).toUpperCase();
  const parts = partsSpec.includes(',') || partsSpec.includes('-') ? partList(partsSpec) : partsSpec.split('');
  const jobs = Number(arg('--jobs') ?? 2);
  const t0 = performance.now();
  const results: PartResult[] = [];
  const queue = [...parts];
  await Promise.all(
    Array.from({ length: Math.min(jobs, parts.length) }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) results.push(await runChild(p, recipe, [...(arg('--model') ? ['--model', arg('--model')!] : []), ...(arg('--threshold') ? ['--threshold', arg('--threshold')!] : []), ...(arg('--save') ? ['--save', arg('--save')!] : []), '--pool', poolSpec, '--seed', String(seed), '--ceiling', ceiling, ...(allNegatives ? ['--all-negatives'] : []), ...(list ? ['--not-negative', list] : [])]));
    }),
  );
  results.sort((a, b) => a.part.length - b.part.length || a.part.localeCompare(b.part));
  if (arg('--model')) console.log(`model file ${arg('--model')} (not trained here; --recipe, --pool, --ceiling ignored)`);
  console.log(`hazard model, leave one author part out — recipe '${recipe}', seed ${seed}, ceiling '${ceiling}', negatives ${allNegatives ? 'all (reviewed list NOT applied)' : list ? `less ${list}` : 'less the reviewed list'} (model trained on ${pool.join('')} minus the part; chatter test split ${CHATTER_TEST})`);
  console.log('part  dangers look-alikes | rules+model recall  precision | model alone recall  precision | threshold | chatter test raised: rules+model, model alone | corpus urgent+ by rules+model (raised by the model, off the list) | lines trained');
  const row = (name: string, d: number, la: number, rm: [number, number], m: [number, number], thr: string, ch: string) =>
    console.log(
      `${name.padEnd(5)} ${String(d).padStart(7)} ${String(la).padStart(11)} | ${pct(rm[0], 1).padStart(18)} ${pct(rm[1], 1).padStart(10)} | ` +
        `${pct(m[0], 1).padStart(18)} ${pct(m[1], 1).padStart(10)} | ${thr.padStart(9)} | ${ch}`,
    );
  for (const r of results) {
    row(r.part, r.model.dangers, r.model.lookalikes, [recall(r.rulesModel), precision(r.rulesModel)], [recall(r.model), precision(r.model)], r.threshold.toFixed(4),
      `${r.chatter.rulesModel}, ${r.chatter.model} of ${r.chatter.n} | ${r.corpus.rulesModel} (${r.corpus.byModel}, ${r.corpus.byModelUnlisted}) of ${r.corpus.n} | ${r.trainedOn < 0 ? '— (model file)' : r.trainedOn}`);
  }
  const mean = (f: (r: PartResult) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
  row('mean', results.reduce((s, r) => s + r.model.dangers, 0), results.reduce((s, r) => s + r.model.lookalikes, 0),
    [mean((r) => recall(r.rulesModel)), mean((r) => precision(r.rulesModel))], [mean((r) => recall(r.model)), mean((r) => precision(r.model))],
    mean((r) => r.threshold).toFixed(4), `${mean((r) => r.chatter.rulesModel).toFixed(1)}, ${mean((r) => r.chatter.model).toFixed(1)} (mean)`);
  const sum = (f: (r: PartResult) => Counts): Counts => results.reduce((s, r) => {
    const c = f(r);
    return { dangers: s.dangers + c.dangers, found: s.found + c.found, lookalikes: s.lookalikes + c.lookalikes, falseAlarms: s.falseAlarms + c.falseAlarms };
  }, { dangers: 0, found: 0, lookalikes: 0, falseAlarms: 0 });
  const rm = sum((r) => r.rulesModel);
  const m = sum((r) => r.model);
  row('pool', rm.dangers, rm.lookalikes, [recall(rm), precision(rm)], [recall(m), precision(m)], '', `rules+model missed ${rm.dangers - rm.found}, false ${rm.falseAlarms}; model alone missed ${m.dangers - m.found}, false ${m.falseAlarms}`);
  console.log(`time: ${((performance.now() - t0) / 1000).toFixed(0)}s wall (per part ${results.map((r) => r.seconds.toFixed(0)).join('/')}s)`);
  if (process.argv.includes('--misses')) for (const r of results) for (const l of r.misses) console.log(`  ${l}`);
}

await main();

// The local classifier's numbers in one run: `npx tsx bench/triage.bench.ts`.
//   category  — train category.train, macro-F1 on category.test (scikit-learn LinearSVC reference 0.916)
//   detection — train detection.train, F1(issue) on detection.test (ref. 0.993), recall on detection.crossdomain
//               (ref. 0.743)
//   speed     — predictions/second on one core, model load time, model file size, RSS of a process that only
//               loads the model and classifies.
// Hyper-parameters (the presets in text-classifier.training.ts) were chosen by 5-fold cross-validation / a validation split
// carved from *.train only; test and cross-domain labels are used for reporting, never for choosing.
// Needs the shared splits (../shared/data/splits next to the repository); skips with a message when absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelledJsonl, readModelFile, writeModelFile } from '../src/adapters/files/model-file.ts';
import { evaluate } from '../src/core/triage/evaluate.ts';
import { LocalTriage } from '../src/core/triage/local-triage.ts';
import { DEFAULT_MODEL_PATH } from '../src/adapters/files/model-file.ts';

const LLM_UNCERTAIN_BELOW = 0.85;
import type { TextClassifier } from '../src/core/triage/text-classifier.ts';
import { trainTextClassifier, type TrainOptions } from '../src/core/triage/text-classifier.training.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(ROOT, '../shared/data/splits');
const SEED = 1;

/** Child mode: load a model, classify the texts, report load time and memory as one JSON line. */
async function child(modelPath: string, textsPath: string): Promise<void> {
  const texts = JSON.parse(readFileSync(textsPath, 'utf8')) as string[];
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const model = await readModelFile(modelPath);
  const loadMs = performance.now() - t0;
  let n = 0;
  for (const t of texts) if (model.predict(t).label) n++;
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ loadMs, rssMb: m.rss / 2 ** 20, rssDeltaMb: (m.rss - rss0) / 2 ** 20, n }) + '\n');
}

function throughput(model: TextClassifier, texts: readonly string[], minMs = 1500): number {
  for (let i = 0; i < Math.min(2000, texts.length); i++) model.predictLabel(texts[i]!); // warm up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (const x of texts) model.predictLabel(x);
    n += texts.length;
    t = performance.now();
  }
  return (n / (t - t0)) * 1000;
}

function fullPredictThroughput(model: TextClassifier, texts: readonly string[], minMs = 1500): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (const x of texts) model.predict(x);
    n += texts.length;
    t = performance.now();
  }
  return (n / (t - t0)) * 1000;
}

interface Row {
  task: string;
  metric: string;
  value: string;
  target: string;
  ok: string;
}

/** The shipped model on the corpus's held-out file: quality, the share an LLM would see, full triage speed. */
async function neighbourhood(add: (task: string, metric: string, value: number | string, target?: string, ok?: boolean) => void) {
  const model = await readModelFile(DEFAULT_MODEL_PATH);
  const holdout = await readLabelledJsonl(path.join(ROOT, 'data/corpus/neighbourhood.holdout.jsonl'));
  const ev = evaluate(model, holdout);
  add('neighbourhood', `accuracy (holdout, n=${ev.n}, 13 labels)`, ev.accuracy);
  add('neighbourhood', 'macro-F1 (holdout)', ev.macro_f1);
  const triage = new LocalTriage(model);
  let tp = 0, fp = 0, fn = 0, llm = 0;
  for (const e of holdout) {
    const r = triage.classifySync(e.text);
    const gold = e.label !== 'chatter';
    if (r.isAppeal && gold) tp++;
    else if (r.isAppeal) fp++;
    else if (gold) fn++;
    if (r.confidence < LLM_UNCERTAIN_BELOW) llm++;
  }
  const p = tp / (tp + fp), rc = tp / (tp + fn);
  add('neighbourhood', 'appeal detection P / R (holdout)', `${p.toFixed(4)} / ${rc.toFixed(4)}`);
  add('neighbourhood', 'appeal detection F1 (holdout)', (2 * p * rc) / (p + rc));
  add('neighbourhood', `share sent to the LLM (confidence < ${LLM_UNCERTAIN_BELOW})`, `${((100 * llm) / holdout.length).toFixed(1)} %`);
  const texts = holdout.map((e) => e.text);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1500) {
    for (const t of texts) triage.classifySync(t);
    n += texts.length;
  }
  const rate = (n / (performance.now() - t0)) * 1000;
  add('neighbourhood', 'msgs/s full local triage (model + place + urgency + summary)', Math.round(rate), '≥ 20,000', rate >= 20_000);
  add('neighbourhood', 'shipped model size', `${(statSync(DEFAULT_MODEL_PATH).size / 2 ** 20).toFixed(2)} MiB (${model.buckets.length} features)`);
  return holdout;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const add = (task: string, metric: string, value: number | string, target = '', ok?: boolean): void => {
    rows.push({
      task,
      metric,
      value: typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : value,
      target,
      ok: ok === undefined ? '' : ok ? 'yes' : 'NO',
    });
  };
  const holdout = await neighbourhood(add);
  if (!existsSync(path.join(SPLITS, 'category.train.jsonl'))) {
    print(rows);
    console.log(`\nsplit benchmarks skipped: no shared data at ${SPLITS} (the splits are not part of the repository).`);
    return;
  }
  const file = (f: string): string => path.join(SPLITS, f);
  const tmp = mkdtempSync(path.join(tmpdir(), 'linli-triage-bench-'));
  const train = (name: string, data: Parameters<typeof trainTextClassifier>[0], opts: TrainOptions): { model: TextClassifier; secs: number } => {
    process.stderr.write(`training ${name} on ${data.length} examples… `);
    const t0 = performance.now();
    const model = trainTextClassifier(data, opts);
    const secs = (performance.now() - t0) / 1000;
    process.stderr.write(`${secs.toFixed(1)} s\n`);
    return { model, secs };
  };

  try {
    // --- category
    const catTrain = await readLabelledJsonl(file('category.train.jsonl'));
    const catTest = await readLabelledJsonl(file('category.test.jsonl'));
    const cat = train('category', catTrain, { seed: SEED }); // defaults, as `linli triage train` uses them
    const catEval = evaluate(cat.model, catTest);
    add('category', 'macro-F1 (test)', catEval.macro_f1, '≥ 0.92', catEval.macro_f1 >= 0.92);
    add('category', 'accuracy (test)', catEval.accuracy, '(ref 0.920)');
    add('category', 'train time s', cat.secs.toFixed(1));

    // --- detection
    const detTrain = await readLabelledJsonl(file('detection.train.jsonl'));
    const detTest = await readLabelledJsonl(file('detection.test.jsonl'));
    const cross = await readLabelledJsonl(file('detection.crossdomain.jsonl'));
    const det = train('detection', detTrain, { seed: SEED });
    const detEval = evaluate(det.model, detTest);
    const crossEval = evaluate(det.model, cross);
    const f1 = detEval.per_class['issue']?.f1 ?? 0;
    const recall = crossEval.per_class['issue']?.recall ?? 0;
    add('detection', 'F1(issue) (test)', f1, '≥ 0.99', f1 >= 0.99);
    add('detection', 'P / R (issue) (test)', `${detEval.per_class['issue']!.precision.toFixed(4)} / ${detEval.per_class['issue']!.recall.toFixed(4)}`);
    add('detection', 'recall(issue) cross-domain', recall, '≥ 0.80', recall >= 0.8);
    add('detection', 'temperature (fit on held-out train)', det.model.config.temperature.toFixed(3));
    add('detection', 'train time s', det.secs.toFixed(1));
    // the splits teach the method, not the neighbourhood: the same model on our held-out group-chat appeals
    const groupAppeals = holdout.filter((e) => e.label !== 'chatter');
    const found = groupAppeals.filter((e) => det.model.predictLabel(e.text) === 'issue').length;
    add('detection', 'recall on neighbourhood holdout appeals', found / groupAppeals.length, '(why the shipped model has its own corpus)');

    // --- model files, load time, memory (fresh child process per model)
    const shortTexts = detTest.map((e) => e.text);
    const longTexts = catTest.map((e) => e.text);
    const textsPath = path.join(tmp, 'texts.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(textsPath, JSON.stringify(shortTexts.slice(0, 2000)));
    for (const [name, model] of [
      ['category', cat.model],
      ['detection', det.model],
    ] as const) {
      const p = path.join(tmp, `${name}.model`);
      await writeModelFile(p, model);
      const size = statSync(p).size;
      add(name, 'model file size', `${(size / 2 ** 20).toFixed(2)} MiB (${model.buckets.length} features)`);
      const loads: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await readModelFile(p);
        loads.push(performance.now() - t0);
      }
      loads.sort((a, b) => a - b);
      add(name, 'load ms (in-process, median of 5)', loads[2]!.toFixed(1));
      const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', p, textsPath], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (r.status === 0) {
        const c = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { loadMs: number; rssMb: number; rssDeltaMb: number };
        add(name, 'cold load ms (fresh process)', c.loadMs.toFixed(1));
        add(name, 'RSS MiB after load + 2,000 predictions', `${c.rssMb.toFixed(0)} (model +${c.rssDeltaMb.toFixed(0)})`);
      } else {
        add(name, 'RSS (child process)', `failed: ${r.stderr.slice(0, 200)}`);
      }
    }

    // --- speed, one core (this process is single-threaded)
    const detShort = throughput(det.model, shortTexts);
    add('detection', 'msgs/s predictLabel, chat-length texts', Math.round(detShort), '≥ 20,000', detShort >= 20_000);
    const detFull = fullPredictThroughput(det.model, shortTexts);
    add('detection', 'msgs/s predict() with scores', Math.round(detFull), '≥ 20,000', detFull >= 20_000);
    const catShort = throughput(cat.model, shortTexts);
    add('category', 'msgs/s predictLabel, chat-length texts', Math.round(catShort), '≥ 20,000', catShort >= 20_000);
    const catLong = throughput(cat.model, longTexts);
    add('category', `msgs/s predictLabel, appeal texts (mean ${Math.round(longTexts.reduce((a, t) => a + t.length, 0) / longTexts.length)} chars)`, Math.round(catLong));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  print(rows);
}

function print(rows: Row[]): void {
  const head: Row = { task: 'task', metric: 'metric', value: 'value', target: 'target', ok: 'met' };
  const all = [head, ...rows];
  const w = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string =>
    `${r.task.padEnd(w('task'))}  ${r.metric.padEnd(w('metric'))}  ${r.value.padStart(w('value'))}  ${r.target.padEnd(w('target'))}  ${r.ok}`;
  console.log(`\nLinli local classifier — seed ${SEED}, node ${process.version}, splits ${SPLITS}\n`);
  console.log(line(head));
  console.log('-'.repeat(line(head).length));
  for (const r of rows) console.log(line(r));
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();

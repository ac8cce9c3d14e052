// `linli triage train|eval|classify`: the local text classifier from the command line; classify runs the bot's triage. Results go to stdout,
// progress and logs to stderr; bad input (missing file, bad JSONL line, bad option) exits with code 2.
import { InvalidArgumentError, type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { action, config, UsageError, withStore } from './runtime.ts';
import { DEFAULT_CORPUS_PATH, modelPathFor, NEIGHBOURHOOD_TRAIN, siteModelPath } from '../adapters/triage/neighbourhood-model.ts';
import { LocalTriage } from '../core/triage/local-triage.ts';
import { saysNothing } from '../core/messages/message-substance.ts';
import { createLogger } from '../adapters/logging/pino.logger.ts';
import { withLlm } from '../adapters/triage/create-triage.ts';
import {
  TriageFileError,
  readLabelledJsonl,
  readModelFile,
  writeModelFile,
} from '../adapters/files/model-file.ts';
import type { LabelledText } from '../core/triage/text-classifier.ts';
import { trainTextClassifier, type TrainOptions } from '../core/triage/text-classifier.training.ts';
import { evaluate, type Evaluation } from '../core/triage/evaluate.ts';
import { trainHazardModel } from '../core/hazard/hazard-model.training.ts';
import {
  DEFAULT_HAZARD_MODEL_PATH,
  HAZARD_TRAIN_PARTS,
  hazardNegatives,
  NEGATIVE_CHATTER,
  NEGATIVE_CORPUS,
  NOT_NEGATIVE_LIST,
  readHazardLines,
  shippedHazardModel,
} from '../adapters/triage/hazard-model-file.ts';

/** File problems are the user's to fix: exit code 2 like any other usage error. */
async function userFile<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TriageFileError) throw new UsageError(e.message);
    throw e;
  }
}

function integer(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer in ${min}..${max}.`);
    return n;
  };
}

function positive(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number.`);
    return n;
  };
}

const collect = (v: string, acc: string[] | undefined): string[] => [...(acc ?? []), v];

function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function loadData(files: readonly string[]): Promise<LabelledText[]> {
  const all: LabelledText[] = [];
  for (const f of files) all.push(...(await userFile(() => readLabelledJsonl(f))));
  return all;
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

/** The human-readable evaluation report. */
export function formatEvaluation(ev: Evaluation): string {
  const labels = ev.confusion.labels;
  const w = Math.max(8, ...labels.map((l) => displayWidth(l)));
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - displayWidth(s)));
  const lines: string[] = [];
  lines.push(`n = ${ev.n}   accuracy = ${ev.accuracy.toFixed(4)}   macro-F1 = ${ev.macro_f1.toFixed(4)}`, '');
  lines.push(`${pad('label', w)}  precision  recall     F1  support`);
  for (const l of labels) {
    const m = ev.per_class[l]!;
    lines.push(`${pad(l, w)}      ${pct(m.precision)}   ${pct(m.recall)}  ${pct(m.f1)}  ${String(m.support).padStart(7)}`);
  }
  lines.push('', 'confusion (rows = gold, columns = predicted, in the order above):');
  const cw = Math.max(5, ...ev.confusion.matrix.flat().map((x) => String(x).length + 1));
  ev.confusion.matrix.forEach((row, i) => {
    lines.push(`${pad(labels[i]!, w)} ${row.map((x) => String(x).padStart(cw)).join('')}`);
  });
  return lines.join('\n');
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

export function registerTriageCommands(program: Command): void {
  const triage = program.command('triage').description('the local text classifier: train, evaluate, classify');

  triage
    .command('train')
    .description('train a classifier on labelled JSONL ({"text","label"} a line) and write the model file')
    .requiredOption('--data <file>', 'labelled JSONL; repeat for several files', collect)
    .requiredOption('--out <model>', 'model file to write')
    .option('--seed <n>', 'random seed (same data + seed = same model bytes)', integer('--seed', 0, 2 ** 32 - 1), 1)
    .option('--preset <name>', "'topic' (categories, the default) or 'detection' (appeal vs chatter)")
    .option('--c <cost>', 'SVM cost C', positive('--c'))
    .option('--max-n <n>', 'longest character n-gram', integer('--max-n', 1, 6))
    .option('--bits <n>', 'log2 of the hash space', integer('--bits', 12, 24))
    .option('--class-weight <mode>', "'none' or 'balanced'")
    .action(
      action(async (o: { data: string[]; out: string; seed: number; preset?: string; c?: number; maxN?: number; bits?: number; classWeight?: string }) => {
        if (o.preset !== undefined && o.preset !== 'topic' && o.preset !== 'detection') {
          throw new UsageError(`--preset must be 'topic' or 'detection', got '${o.preset}'`);
        }
        if (o.classWeight !== undefined && o.classWeight !== 'none' && o.classWeight !== 'balanced') {
          throw new UsageError(`--class-weight must be 'none' or 'balanced', got '${o.classWeight}'`);
        }
        const examples = await loadData(o.data);
        const labels = new Set(examples.map((e) => e.label));
        if (labels.size < 2) throw new UsageError(`training data has ${labels.size} label(s); at least 2 are needed`);
        console.error(`training on ${examples.length} examples, ${labels.size} labels, seed ${o.seed}`);
        const bar = progressBar('train');
        const t0 = performance.now();
        const opts: TrainOptions = { seed: o.seed, onProgress: (d, t) => bar.update(d, t) };
        if (o.preset !== undefined) opts.preset = o.preset as 'topic' | 'detection';
        if (o.c !== undefined) opts.C = o.c;
        if (o.classWeight !== undefined) opts.classWeight = o.classWeight as 'none' | 'balanced';
        if (o.maxN !== undefined || o.bits !== undefined) {
          opts.ngrams = {};
          if (o.maxN !== undefined) opts.ngrams.maxN = o.maxN;
          if (o.bits !== undefined) opts.ngrams.bits = o.bits;
        }
        let model;
        try {
          model = trainTextClassifier(examples, opts);
        } finally {
          bar.stop();
        }
        const size = await writeModelFile(o.out, model);
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        console.error(
          `wrote ${o.out} (${(size / 1024).toFixed(0)} KiB, ${model.buckets.length} features, labels: ${model.labels.join(', ')}) in ${secs}s`,
        );
      }),
    );

  triage
    .command('train-hazard')
    .description('train the hazard second opinion (none/urgent/emergency) on labelled hazard lines; its threshold is chosen by 5-fold cross-validation (95% precision, at most 0.1% of ordinary messages raised)')
    .option('--lines <file>', `labelled hazard lines; repeat for several (default: the model's training parts, bench/data/hazard-lines.{${HAZARD_TRAIN_PARTS.map((f) => /hazard-lines\.(\w+)\.jsonl$/.exec(f)?.[1]).join(',')}}.jsonl)`, collect)
    .option('--corpus <file>', 'neighbourhood corpus (the lines the rules leave normal are negatives)', NEGATIVE_CORPUS)
    .option('--chatter <file>', 'chatter JSONL (every 4th chatter line is a negative)', NEGATIVE_CHATTER)
    .option('--not-negative <file>', 'reviewed messages that describe real dangers, never taken as negatives (exact text or sha1:<hex> a line)', NOT_NEGATIVE_LIST)
    .option('--out <model>', 'model file to write', DEFAULT_HAZARD_MODEL_PATH)
    .option('--seed <n>', 'random seed (same data + seed = same model bytes)', integer('--seed', 0, 2 ** 32 - 1), 1)
    .action(
      action(async (o: { lines?: string[]; corpus: string; chatter: string; notNegative: string; out: string; seed: number }) => {
        const lines = await userFile(() => readHazardLines(o.lines ?? HAZARD_TRAIN_PARTS));
        const negatives = await userFile(() => hazardNegatives(o.corpus, o.chatter, o.notNegative));
        console.error(`training on ${lines.length} hazard lines + ${negatives.length} negatives, seed ${o.seed}`);
        const t0 = performance.now();
        const { classifier, threshold } = trainHazardModel(lines, negatives, o.seed);
        const size = await writeModelFile(o.out, classifier);
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        console.error(
          `wrote ${o.out} (${(size / 1024).toFixed(0)} KiB, ${classifier.buckets.length} features) in ${secs}s; threshold ${threshold.threshold} ` +
            `(cross-validated, the model alone: precision ${(100 * threshold.precision).toFixed(1)}%, recall ${(100 * threshold.recall).toFixed(1)}%, ` +
            `ordinary messages raised ${(100 * threshold.ordinaryRate).toFixed(2)}%)`,
        );
      }),
    );

  triage
    .command('eval')
    .description('evaluate a model on labelled JSONL: accuracy, per-class precision/recall/F1, macro-F1, confusion')
    .requiredOption('--model <model>', 'model file')
    .requiredOption('--data <file>', 'labelled JSONL; repeat for several files', collect)
    .option('--json', 'print exactly one JSON object on stdout')
    .action(
      action(async (o: { model: string; data: string[]; json?: boolean }) => {
        const model = await userFile(() => readModelFile(o.model));
        const examples = await loadData(o.data);
        const unknown = [...new Set(examples.map((e) => e.label))].filter((l) => !model.labels.includes(l));
        if (unknown.length) console.error(`note: labels the model does not know (counted as errors): ${unknown.join(', ')}`);
        const ev = evaluate(model, examples);
        if (o.json) process.stdout.write(JSON.stringify(ev) + '\n');
        else console.log(formatEvaluation(ev));
      }),
    );

  triage
    .command('retrain')
    .description("fold staff corrections (驳回 非诉求, 改类) into the neighbourhood corpus and train this site's model")
    .option('--corpus <file>', 'base corpus', DEFAULT_CORPUS_PATH)
    .option('--out <model>', 'model file to write (default: $LINLI_DATA_DIR/models/triage.model, used at next start)')
    .option('--seed <n>', 'random seed', integer('--seed', 0, 2 ** 32 - 1), 1)
    .action(
      action(async (o: { corpus: string; out?: string; seed: number }) => {
        await withStore(async (store, cfg) => {
          const base = await loadData([o.corpus]);
          const corrections = await store.corrections.list();
          // a correction overrides the corpus line with the same text: staff know their groups best
          const corrected = new Map(corrections.map((c) => [c.text.trim(), c.label]));
          const examples = [
            ...base.filter((e) => !corrected.has(e.text.trim())),
            ...[...corrected].map(([text, label]) => ({ text, label })),
          ];
          const out = o.out ?? siteModelPath(cfg);
          console.error(`retraining on ${base.length} corpus lines + ${corrected.size} corrections`);
          const bar = progressBar('train');
          let model;
          try {
            model = trainTextClassifier(examples, { seed: o.seed, ...NEIGHBOURHOOD_TRAIN, onProgress: (d, t) => bar.update(d, t) });
          } finally {
            bar.stop();
          }
          const size = await writeModelFile(out, model);
          console.log(`wrote ${out} (${(size / 1024).toFixed(0)} KiB, ${corrected.size} corrections folded in)`);
        });
      }),
    );

  triage
    .command('classify')
    .description('triage one text as the bot does (local model, and the LLM when configured) and print JSON: {isAppeal, confidence, category, place, urgency, summary, source, mode, labels}')
    .argument('<text>', 'the message text')
    .option('--model <model>', 'model file (default: $LINLI_TRIAGE_MODEL, else $LINLI_DATA_DIR/models/triage.model if retrained, else the shipped model)')
    .option('--local', 'the local model only, even when an LLM is configured (LLM_BASE_URL, LLM_MODEL); without it the endpoint is checked first')
    .action(
      action(async (text: string, o: { model?: string; local?: boolean }) => {
        // (as the bot asks what the problem is of "@邻里助手 。": nothing to read, said before any model is loaded)
        if (saysNothing(text)) throw new UsageError('the text to classify says nothing (empty, or only spaces, punctuation or emoji)');
        const cfg = config();
        const path = o.model ?? modelPathFor(cfg);
        const model = await userFile(() => readModelFile(path));
        // the triage the bot runs: with an LLM configured, the hybrid (its failures are logged on stderr), after the
        // endpoint check, so that a wrong base URL, key or model is said first and plainly
        const local = new LocalTriage(model, { hazardModel: await userFile(() => shippedHazardModel()) });
        const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
        const mode = cfg.llm && !o.local ? 'hybrid' : 'local';
        const result = await (cfg.llm && !o.local ? await withLlm(local, cfg.llm, logger, { check: 'wait' }) : local).classify(text);
        const p = model.predict(text);
        const round = (x: number): number => Math.round(x * 1e4) / 1e4;
        const labels = Object.fromEntries(
          Object.entries(p.scores)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3)
            .map(([l, s]) => [l, round(s)]),
        );
        process.stdout.write(JSON.stringify({ ...result, mode, labels }) + '\n');
      }),
    );
}

// The shipped hazard second opinion (core/hazard/hazard-model.ts): where its file lives, how it is loaded next to the
// triage model, and what it is built from (`npm run model:hazard`, i.e. `linli triage train-hazard --seed 1`).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HazardModel } from '../../core/hazard/hazard-model.ts';
import type { CeilingMode, HazardCeiling, HazardLine } from '../../core/hazard/hazard-model.training.ts';
import { detectUrgency } from '../../core/triage/urgency.ts';
import type { LabelledText } from '../../core/triage/text-classifier.ts';
import { readLabelledJsonl, readModelFile, TriageFileError } from '../files/model-file.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const DEFAULT_HAZARD_MODEL_PATH = path.join(ROOT, 'data', 'models', 'hazard.model');

/** The labelled parts the shipped model is trained on: A–O (each part joined after its held-out first run was recorded). A new held-out part stays out of this list until its first run is in docs/BENCHMARKS.md. */
export const HAZARD_TRAIN_PARTS = 'abcdefghijklmnopqrst'.split('').map((p) => path.join(ROOT, 'bench', 'data', `hazard-lines.${p}.jsonl`));

/** Ordinary neighbourhood messages (more "none"): every corpus line the rules leave normal, appeals included (电梯坏了). */
export const NEGATIVE_CORPUS = path.join(ROOT, 'data', 'corpus', 'neighbourhood.jsonl');
/** Everyday chatter (SMS) from the shared fixed splits' training half; every 4th line is used. */
export const NEGATIVE_CHATTER = path.resolve(ROOT, '..', 'shared', 'data', 'splits', 'detection.train.jsonl');

/**
 * Reviewed messages that are NOT negatives for the hazard model although the rules leave them normal: they describe a
 * real, present danger (a smell of gas, an e-bike charging indoors, a missing manhole cover...). Training them as "none"
 * taught the model to stay quiet on dangers and pushed its cross-validated threshold up. They stay in the corpus (the
 * appeal classifier trains on it); only the hazard trainer skips them. Reviewed with bench/hazard-negatives.ts.
 */
export const NOT_NEGATIVE_LIST = path.join(ROOT, 'data', 'corpus', 'hazard-not-negative.txt');

/** sha1 (hex) of a message's text, as listed in hazard-not-negative.txt for lines kept outside the repository. */
export const textSha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/**
 * The list of messages that are not negatives: `#` starts a comment line, `sha1:<40 hex>` names a message by the sha1
 * of its text (for data that must not be copied into the repository), any other non-empty line is a message's exact
 * text. Returns a test on a text.
 */
export async function readNotNegative(file: string): Promise<(text: string) => boolean> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new TriageFileError(`not-negative list ${file}: cannot read`);
  }
  const texts = new Set<string>();
  const hashes = new Set<string>();
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const h = /^sha1:([0-9a-f]{40})\s*$/.exec(line);
    if (h) hashes.add(h[1]!);
    else if (line.startsWith('sha1:')) throw new TriageFileError(`${file}:${i + 1}: expected sha1:<40 lowercase hex digits>`);
    else texts.add(line);
  });
  return (text) => texts.has(text) || (hashes.size > 0 && hashes.has(textSha1(text)));
}

/** A candidate negative and where it comes from (bench/hazard-negatives.ts lists them for review). */
export interface NegativeSource {
  text: string;
  source: 'corpus' | 'chatter';
  /** The corpus category (chatter lines: 'chatter'). */
  category: string;
}

/** Every candidate negative before the reviewed list is applied: corpus lines the rules leave normal, every 4th chatter line. */
export async function hazardNegativeSources(corpus: string, chatter: string | undefined): Promise<NegativeSource[]> {
  const out: NegativeSource[] = (await readLabelledJsonl(corpus))
    .filter((e) => detectUrgency(e.text).urgency === 'normal')
    .map((e) => ({ text: e.text, source: 'corpus', category: e.label }));
  if (chatter) {
    const lines = (await readLabelledJsonl(chatter)).filter((e) => e.label === 'chatter');
    for (let i = 0; i < lines.length; i += 4) out.push({ text: lines[i]!.text, source: 'chatter', category: 'chatter' });
  }
  return out;
}

/** Loads a hazard model file; its threshold is the one its trainer chose (config.threshold). */
export async function readHazardModel(file: string): Promise<HazardModel> {
  const scorer = await readModelFile(file);
  const threshold = scorer.config.threshold;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new TriageFileError(`model file ${file}: not a hazard model (no decision threshold)`);
  }
  if (!['none', 'urgent', 'emergency'].every((l) => scorer.labels.includes(l))) {
    throw new TriageFileError(`model file ${file}: not a hazard model (labels ${scorer.labels.join(', ')})`);
  }
  return { scorer, threshold };
}

/** The shipped hazard model, or undefined when the file is absent (the rules alone then decide). */
export async function shippedHazardModel(file = DEFAULT_HAZARD_MODEL_PATH): Promise<HazardModel | undefined> {
  return existsSync(file) ? readHazardModel(file) : undefined;
}

/** Labelled hazard lines ({text, label: danger|lookalike, kind, level?} a line). */
export async function readHazardLines(files: readonly string[]): Promise<HazardLine[]> {
  const out: HazardLine[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = await readFile(f, 'utf8');
    } catch {
      throw new TriageFileError(`hazard lines ${f}: cannot read`);
    }
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      const l = JSON.parse(raw) as HazardLine;
      if (typeof l.text !== 'string' || (l.label !== 'danger' && l.label !== 'lookalike')) {
        throw new TriageFileError(`${f}:${i + 1}: expected {text, label: danger|lookalike, kind, level?}`);
      }
      out.push(l);
    });
  }
  return out;
}

/**
 * The "none" examples: corpus lines the rules leave normal (of every category: ordinary appeals such as 电梯坏了 or
 * 门禁坏了 are what the model must not raise) and chatter, less the reviewed dangers of `notNegative` (null: none
 * skipped). Every 4th chatter line is taken before the list is applied, so the list never shifts which lines are taken.
 */
export async function hazardNegatives(
  corpus: string,
  chatter: string | undefined,
  notNegative: string | null = NOT_NEGATIVE_LIST,
): Promise<LabelledText[]> {
  return (await keptNegativeSources(corpus, chatter, notNegative)).sources.map((n) => ({ text: n.text, label: 'none' }));
}

/** hazardNegativeSources less the reviewed list (null: nothing skipped), and the list's test on a text. */
async function keptNegativeSources(corpus: string, chatter: string | undefined, notNegative: string | null) {
  const skip = notNegative === null ? () => false : await readNotNegative(notNegative);
  return { sources: (await hazardNegativeSources(corpus, chatter)).filter((n) => !skip(n.text)), skip };
}

/**
 * What a ceiling mode other than 'sampled' needs (hazard-model.training.ts `CeilingMode`): for each negative
 * `hazardNegatives` returns (same arguments, same order), whether it is chatter, and the chatter lines of the training
 * split that are not taken as negatives (every line but every 4th), less the reviewed list — scored only to measure the
 * ceiling, never trained on.
 */
export async function hazardCeilingData(
  mode: CeilingMode,
  corpus: string,
  chatter: string | undefined,
  notNegative: string | null = NOT_NEGATIVE_LIST,
): Promise<HazardCeiling> {
  if (mode === 'sampled') return { mode };
  if (!chatter) throw new TriageFileError(`ceiling '${mode}' needs the chatter training split`);
  const { sources, skip } = await keptNegativeSources(corpus, chatter, notNegative);
  const isChatter = sources.map((n) => n.source === 'chatter');
  const lines = (await readLabelledJsonl(chatter)).filter((e) => e.label === 'chatter');
  const extra = lines.filter((_, i) => i % 4 !== 0 && !skip(lines[i]!.text)).map((e) => e.text);
  return { mode, extra, isChatter };
}

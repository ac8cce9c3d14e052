// The shipped hazard second opinion (core/hazard/hazard-model.ts): where its file lives, how it is loaded next to the
// triage model, and what it is built from (`npm run model:hazard`, i.e. `linli triage train-hazard --seed 1`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HazardModel } from '../../core/hazard/hazard-model.ts';
import type { HazardLine } from '../../core/hazard/hazard-model.training.ts';
import { detectUrgency } from '../../core/triage/urgency.ts';
import type { LabelledText } from '../../core/triage/text-classifier.ts';
import { readLabelledJsonl, readModelFile, TriageFileError } from '../files/model-file.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const DEFAULT_HAZARD_MODEL_PATH = path.join(ROOT, 'data', 'models', 'hazard.model');

/** The labelled parts the shipped model is trained on: A–O (each part joined after its held-out first run was recorded). A new held-out part stays out of this list until its first run is in docs/BENCHMARKS.md. */
export const HAZARD_TRAIN_PARTS = 'abcdefghijklmno'.split('').map((p) => path.join(ROOT, 'bench', 'data', `hazard-lines.${p}.jsonl`));

/** Ordinary neighbourhood messages (more "none"): every corpus line the rules leave normal, appeals included (电梯坏了). */
export const NEGATIVE_CORPUS = path.join(ROOT, 'data', 'corpus', 'neighbourhood.jsonl');
/** Everyday chatter (SMS) from the shared fixed splits' training half; every 4th line is used. */
export const NEGATIVE_CHATTER = path.resolve(ROOT, '..', 'shared', 'data', 'splits', 'detection.train.jsonl');

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
 * 门禁坏了 are what the model must not raise) and chatter.
 */
export async function hazardNegatives(corpus: string, chatter: string | undefined): Promise<LabelledText[]> {
  const out = (await readLabelledJsonl(corpus))
    .filter((e) => detectUrgency(e.text).urgency === 'normal')
    .map((e) => ({ text: e.text, label: 'none' }));
  if (chatter) {
    const lines = (await readLabelledJsonl(chatter)).filter((e) => e.label === 'chatter');
    for (let i = 0; i < lines.length; i += 4) out.push({ text: lines[i]!.text, label: 'none' });
  }
  return out;
}

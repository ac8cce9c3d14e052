// Where the neighbourhood triage model comes from: the shipped one (built from data/corpus by `npm run model:build`),
// or this site's own, retrained with staff corrections (`linli triage retrain`), which wins when present.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config.ts';
import type { TrainOptions } from '../../core/triage/text-classifier.training.ts';
import { DEFAULT_MODEL_PATH } from '../files/model-file.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const DEFAULT_CORPUS_PATH = path.join(ROOT, 'data', 'corpus', 'neighbourhood.jsonl');

/** Training settings for the neighbourhood model (13 labels: 12 categories + chatter); see docs/BENCHMARKS.md. */
export const NEIGHBOURHOOD_TRAIN: Omit<TrainOptions, 'seed'> = { preset: 'topic' };

export function siteModelPath(cfg: Pick<Config, 'dataDir'>): string {
  return path.join(cfg.dataDir, 'models', 'triage.model');
}

/** The model to load: configured > this site's retrained model > the shipped one. */
export function modelPathFor(cfg: Pick<Config, 'dataDir' | 'triageModel'>): string {
  if (cfg.triageModel) return cfg.triageModel;
  const site = siteModelPath(cfg);
  return existsSync(site) ? site : DEFAULT_MODEL_PATH;
}

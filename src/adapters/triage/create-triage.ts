// Builds the Triage the configuration asks for: the local model (shipped or trained by the city), and later the LLM.
import type { Config } from '../../config.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Triage } from '../../core/ports/triage.port.ts';
import { LocalTriage } from '../../core/triage/local-triage.ts';
import { DEFAULT_MODEL_PATH, readModelFile } from '../files/model-file.ts';

export async function createTriage(cfg: Pick<Config, 'triageModel'>, logger: Logger): Promise<Triage> {
  const path = cfg.triageModel ?? DEFAULT_MODEL_PATH;
  const t0 = performance.now();
  const model = await readModelFile(path);
  logger.info({ model: path, labels: model.labels.length, ms: Math.round(performance.now() - t0) }, 'triage model loaded');
  return new LocalTriage(model);
}

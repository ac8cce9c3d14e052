// Builds the Triage the configuration asks for: the local model (shipped or trained by the city) with the shipped hazard
// model as a second opinion on urgency, and — when an
// OpenAI-compatible endpoint is configured — the hybrid that also asks the LLM about messages the model is unsure of.
import type { Config } from '../../config.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Triage } from '../../core/ports/triage.port.ts';
import { DEFAULT_CATEGORIES } from '../../core/triage/categories.ts';
import { HybridTriage } from '../../core/triage/hybrid-triage.ts';
import { LocalTriage } from '../../core/triage/local-triage.ts';
import { DEFAULT_MODEL_PATH, readModelFile } from '../files/model-file.ts';
import { shippedHazardModel } from './hazard-model-file.ts';
import { modelPathFor } from './neighbourhood-model.ts';

export interface CreateTriageOptions {
  /** Also told what the LLM start-up check found wrong (the sandbox, whose log goes to a file, prints it). */
  onLlmProblem?: (message: string) => void;
}

export async function createTriage(
  cfg: Pick<Config, 'triageModel' | 'llm'> & Partial<Pick<Config, 'dataDir'>>,
  logger: Logger,
  options: CreateTriageOptions = {},
): Promise<Triage> {
  const path = cfg.dataDir ? modelPathFor({ dataDir: cfg.dataDir, triageModel: cfg.triageModel }) : cfg.triageModel ?? DEFAULT_MODEL_PATH;
  const t0 = performance.now();
  const model = await readModelFile(path);
  logger.info({ model: path, labels: model.labels.length, ms: Math.round(performance.now() - t0) }, 'triage model loaded');
  // the hazard second opinion ships beside the triage model; without its file the rules alone decide urgency
  const hazardModel = await shippedHazardModel();
  if (hazardModel) logger.info({ threshold: hazardModel.threshold }, 'hazard model loaded: it may raise urgency where the rules are silent');
  const local = new LocalTriage(model, { hazardModel, ...(cfg.llm ? { hazardDoubtFrom: cfg.llm.hazardDoubtFrom } : {}) });
  if (!cfg.llm) {
    logger.info({ mode: 'local' }, 'triage mode: local model only (set LLM_BASE_URL and LLM_MODEL to add an LLM)');
    return local;
  }
  return withLlm(local, cfg.llm, logger, options);
}

/**
 * The hybrid over a local triage: the configured LLM is asked about the messages the local model is unsure of. The
 * endpoint is checked once at start (a wrong URL, key or model is one clear error, not every message failing
 * quietly): in the background by default, so that no message waits for it; `check: 'wait'` awaits it (the CLI).
 */
export async function withLlm(
  local: Triage,
  llm: NonNullable<Config['llm']>,
  logger: Logger,
  options: CreateTriageOptions & { check?: 'background' | 'wait' } = {},
): Promise<HybridTriage> {
  // the OpenAI SDK is loaded only when an endpoint is configured
  const { OpenAiAppealExtractor } = await import('../llm/openai-appeal-extractor.ts');
  const extractor = new OpenAiAppealExtractor({
    baseUrl: llm.baseUrl,
    apiKey: llm.apiKey,
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    maxConcurrency: llm.maxConcurrency,
    maxTokens: llm.maxTokens,
    logger: logger.child({ component: 'llm' }),
  });
  // the endpoint's address may carry credentials in its query or user part: log its origin only
  logger.info(
    { mode: 'hybrid', endpoint: originOf(llm.baseUrl), model: llm.model, uncertainBelow: llm.uncertainBelow, hazardDoubtFrom: llm.hazardDoubtFrom, timeoutMs: llm.timeoutMs, maxConcurrency: llm.maxConcurrency, maxTokens: llm.maxTokens },
    'triage mode: local model, LLM for uncertain messages and hazard doubts',
  );
  const checked = checkEndpoint(extractor, llm, logger, options.onLlmProblem);
  if (options.check === 'wait') await checked;
  return new HybridTriage(local, extractor, logger.child({ component: 'hybrid-triage' }), {
    uncertainBelow: llm.uncertainBelow,
    categories: DEFAULT_CATEGORIES,
  });
}

async function checkEndpoint(
  extractor: { check(): Promise<import('../llm/openai-appeal-extractor.ts').LlmEndpointCheck> },
  llm: NonNullable<Config['llm']>,
  logger: Logger,
  tell: (message: string) => void = () => {},
): Promise<void> {
  try {
    const r = await extractor.check();
    const fields = { endpoint: originOf(llm.baseUrl), model: llm.model };
    if (r.ok && r.movedFrom) {
      const message = `LLM endpoint ${shownUrl(r.movedFrom)} has no chat completions (HTTP 404); ${shownUrl(r.baseUrl)} has: using it. Set LLM_BASE_URL=${shownUrl(r.baseUrl)}`;
      logger.warn(fields, message);
      tell(message);
    } else if (r.ok) logger.info(fields, `LLM endpoint answers: ${shownUrl(r.baseUrl)}, model ${llm.model}`);
    else if (r.problem === 'down') logger.warn(fields, `LLM endpoint ${r.message}`);
    else {
      const message = `LLM endpoint misconfigured, every message will use the local model until this is fixed: ${r.message}`;
      logger.error(fields, message);
      tell(message);
    }
  } catch (e) {
    logger.warn({ error: e instanceof Error ? e.name : typeof e }, 'LLM endpoint check failed unexpectedly');
  }
}

function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return '(invalid url)';
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}

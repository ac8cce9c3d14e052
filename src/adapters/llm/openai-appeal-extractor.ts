// AppealExtractor over any OpenAI-compatible chat-completions endpoint (DeepSeek, Qwen, GLM, Ollama …) through the
// official `openai` client. Asks for `response_format: json_object` (widely supported; json_schema is not) — an
// endpoint that rejects it is asked once more without it, and never again with it in this process — finds the JSON
// object in whatever the model wrote (fences, prose, <think> blocks: answer-text.ts) and validates it with zod, which
// also strips any field the answer does not have (action, status, ticket …). A provider's moderation (DashScope
// data_inspection_failed, GLM 1301, finish_reason content_filter / sensitive) is a refusal of one message, not an
// endpoint failure: the local answer stands and the circuit stays closed.
// Around each call: circuit breaker (fail fast while the endpoint is down) → concurrency cap (FIFO) → retries with
// backoff for 429/5xx/timeouts → one HTTP request with a timeout. Every failure is a typed LlmError.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { z } from 'zod';
import type { AppealExtractionHint, AppealExtractor, LlmTriageAnswer } from '../../core/ports/llm-triage.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import { findAnswerObject } from './answer-text.ts';
import { fenceMessage, systemPrompt } from './appeal-prompt.ts';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.ts';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';
import {
  LlmError,
  LlmMalformed,
  LlmRateLimited,
  LlmRefused,
  LlmRejected,
  LlmSchemaMismatch,
  LlmTimeout,
  LlmUnavailable,
} from './llm-errors.ts';
import { parseRetryAfter, RetryPolicy, type RetryPolicyOptions } from './retry-policy.ts';

export interface OpenAiAppealExtractorOptions {
  baseUrl: string;
  /** Optional: local servers (Ollama) need none. */
  apiKey?: string;
  model: string;
  /** Per HTTP attempt. */
  timeoutMs?: number;
  /** Requests in flight at most; more wait in FIFO order. */
  maxConcurrency?: number;
  retry?: Partial<RetryPolicyOptions>;
  circuit?: Partial<CircuitBreakerOptions>;
  /** Upper bound on the answer's tokens: a triage answer is short, but a thinking model spends tokens reasoning first. */
  maxTokens?: number;
  /** For the few once-per-process lines (JSON mode turned off, a thinking model out of tokens). */
  logger?: Logger;
}

export const DEFAULT_LLM_TIMEOUT_MS = 8000;
export const DEFAULT_LLM_MAX_CONCURRENCY = 4;
export const DEFAULT_LLM_MAX_TOKENS = 300;

const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v).trim() || undefined));

/** The answer's shape. z.object strips unknown keys: an "action" or "status" the model adds never gets through. */
export const LlmAnswerSchema = z.object({
  isAppeal: z.boolean(),
  category: z.string().max(64),
  place: z
    .object({ building: optionalText, unit: optionalText, room: optionalText, text: optionalText })
    .nullish()
    .transform((p) => p ?? {}),
  urgency: z.enum(['normal', 'urgent', 'emergency']),
  summary: z.string().max(400),
  confidence: z.number().min(0).max(1),
  // a model that leaves it out says nothing about danger; any other value than these three fails the answer
  lifeSafety: z.enum(['none', 'urgent', 'emergency']).nullish().transform((v) => v ?? 'none'),
});

/** The start-up check's verdict. `config`: only the configuration can fix it; `down`: it may come up later. */
export type LlmEndpointCheck =
  | { ok: true; baseUrl: string; movedFrom?: string }
  | { ok: false; problem: 'config' | 'down'; message: string };

export class OpenAiAppealExtractor implements AppealExtractor {
  private client: OpenAI;
  private baseUrl: string;
  private readonly apiKey: string | undefined;
  readonly limiter: ConcurrencyLimiter;
  readonly breaker: CircuitBreaker;
  readonly retry: RetryPolicy;
  private readonly model: string;
  private readonly maxTokens: number;
  private readonly logger: Logger | undefined;
  /** Ask for response_format json_object; false once the endpoint has rejected it. */
  private jsonMode = true;
  /** Whether a 400/422 has already been tried again without response_format (once per process). */
  private jsonModeProbed = false;
  private thinkingHintLogged = false;
  /** Send enable_thinking: false (the endpoint said it wants it). */
  private thinkingOff = false;
  /** Name the token limit max_completion_tokens (the endpoint refused max_tokens). */
  private completionTokens = false;
  /** Send temperature 0 (false once the endpoint said it takes only its default). */
  private sendTemperature = true;

  constructor(options: OpenAiAppealExtractorOptions) {
    this.model = options.model;
    this.maxTokens = options.maxTokens ?? DEFAULT_LLM_MAX_TOKENS;
    this.logger = options.logger;
    this.baseUrl = options.baseUrl;
    this.apiKey = options.apiKey;
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      // the client insists on a key; local servers ignore it. Never fall back to OPENAI_API_KEY from the environment.
      apiKey: options.apiKey || 'no-key',
      organization: null,
      project: null,
      timeout: options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
      // retries are ours (RetryPolicy): they honour Retry-After within limits, use jitter, and can be tested
      maxRetries: 0,
      // OPENAI_LOG=debug in the environment would print request bodies (residents' words, unmasked) to the console:
      // the client's own log stays off; what goes wrong is logged by us, masked
      logLevel: 'off',
    });
    this.limiter = new ConcurrencyLimiter(options.maxConcurrency ?? DEFAULT_LLM_MAX_CONCURRENCY);
    this.breaker = new CircuitBreaker(options.circuit);
    this.retry = new RetryPolicy(options.retry);
  }

  async extract(text: string, hint: AppealExtractionHint): Promise<LlmTriageAnswer> {
    this.breaker.check(); // fail fast: while the circuit is open nobody even waits for a slot
    return this.limiter.run(() =>
      this.breaker.run(
        () => this.retry.run(() => this.once(text, hint)),
        (e) => !(e instanceof LlmError) || e.endpointFailure,
      ),
    );
  }

  /**
   * One minimal request (no JSON mode, one token) outside the retries and the circuit: does the base URL serve chat
   * completions, is the key accepted, is the model served? A base URL without its /v1 that answers 404 is tried
   * with /v1 and, when that answers, used from then on. Messages say what to change, in English, and never the key.
   */
  async check(): Promise<LlmEndpointCheck> {
    const first = await this.ping(this.baseUrl);
    if (first.ok) return { ok: true, baseUrl: this.baseUrl };
    if (first.status === 404 && !first.aboutModel) {
      // a 404 that does not say why (vLLM's top-level error body is lost by the client): a model list settles it
      const served = await this.servedModels(this.baseUrl);
      if (served && !served.includes(this.model)) return this.verdict({ ...first, aboutModel: true, served }, this.baseUrl);
      const base = this.baseUrl.replace(/\/+$/, '');
      if (!/\/v\d+$/.test(base)) {
        const withV1 = `${base}/v1`;
        const second = await this.ping(withV1);
        if (second.ok || (second.status !== undefined && second.status !== 404)) {
          const movedFrom = this.baseUrl;
          this.baseUrl = withV1;
          this.client = this.client.withOptions({ baseURL: withV1 });
          if (second.ok) return { ok: true, baseUrl: withV1, movedFrom };
          return this.verdict(second, withV1);
        }
      }
      return { ok: false, problem: 'config', message: `${shown(this.baseUrl)} answers 404 to chat completions: check LLM_BASE_URL (OpenAI-compatible servers usually end in /v1, e.g. http://127.0.0.1:11434/v1 for Ollama)` };
    }
    return this.verdict(first, this.baseUrl);
  }

  private verdict(r: PingFailure, baseUrl: string): LlmEndpointCheck {
    const at = shown(baseUrl);
    const detail = r.detail ? `: ${redact(r.detail, this.apiKey)}` : '';
    if (r.status === undefined || r.status >= 500 || r.status === 429 || r.status === 408) {
      return { ok: false, problem: 'down', message: `${at} does not answer at start (${r.status === undefined ? r.reason : `HTTP ${r.status}${detail}`}): messages use the local model until it does` };
    }
    if (r.aboutModel) {
      const fix = r.served
        ? `it serves ${r.served.slice(0, 8).join(', ') || 'no model'}${r.served.length > 8 ? ` and ${r.served.length - 8} more` : ''}`
        : `check the model name (Ollama: ollama list; others: GET ${at}/models)`;
      return { ok: false, problem: 'config', message: `LLM_MODEL '${this.model}' is not served at ${at} (HTTP ${r.status}${detail}): ${fix}` };
    }
    if (r.status === 401 || r.status === 403) {
      const fix = this.apiKey ? 'check LLM_API_KEY' : 'it needs one: set LLM_API_KEY';
      return { ok: false, problem: 'config', message: `${at} refused the API key (HTTP ${r.status}${detail}): ${fix}` };
    }
    return { ok: false, problem: 'config', message: `${at} rejected a minimal chat completion for model '${this.model}' (HTTP ${r.status}${detail}): check LLM_BASE_URL and LLM_MODEL` };
  }

  /** The model ids GET {base}/models lists, or undefined when the endpoint has no such list. */
  private async servedModels(baseUrl: string): Promise<string[] | undefined> {
    try {
      const page = await this.client.withOptions({ baseURL: baseUrl }).models.list();
      const ids = page.data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
      return ids;
    } catch {
      return undefined;
    }
  }

  private async ping(baseUrl: string): Promise<{ ok: true } | PingFailure> {
    const client = baseUrl === this.baseUrl ? this.client : this.client.withOptions({ baseURL: baseUrl });
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await client.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: 'ping' }], ...this.tokenParams(1) });
          return { ok: true };
        } catch (e) {
          if (attempt >= 3 || !this.adaptParams(toLlmError(e))) throw e;
        }
      }
    } catch (e) {
      if (e instanceof APIError && typeof e.status === 'number') {
        const body = (e.error ?? {}) as Record<string, unknown>;
        const message = typeof body['message'] === 'string' ? body['message'] : typeof e.error === 'string' ? e.error : '';
        const code = String(body['code'] ?? e.code ?? '');
        const aboutModel = code === 'model_not_found' || code === '1211' || /model.{0,80}(not found|does not exist|not exist|not supported|unknown)|unknown model|no such model|模型不存在/i.test(message);
        return { ok: false, status: e.status, detail: oneLine(message), aboutModel };
      }
      return { ok: false, reason: e instanceof APIConnectionTimeoutError ? 'timed out' : e instanceof APIConnectionError ? 'connection failed' : 'unexpected error', aboutModel: false };
    }
  }

  /**
   * One HTTP request and the validation of its answer; one more when the endpoint asks for a parameter change it
   * can be given once and for all in this process: `enable_thinking: false` (DashScope's Qwen3 without streaming),
   * or no `response_format` (a 400/422 to JSON mode; GLM's 1210 does not even name the parameter).
   */
  private async once(text: string, hint: AppealExtractionHint): Promise<LlmTriageAnswer> {
    let completion: OpenAI.Chat.Completions.ChatCompletion | undefined;
    let probingJsonMode = false;
    while (!completion) {
      try {
        completion = await this.request(text, hint);
      } catch (e) {
        const error = toLlmError(e);
        if (probingJsonMode) {
          this.jsonMode = true; // no answer without it either: JSON mode was not the problem
          if (error.retryable) this.jsonModeProbed = false; // no verdict: the endpoint did not really answer
          throw error;
        }
        if (this.adaptParams(error)) continue;
        if (!(this.jsonMode && !this.jsonModeProbed && error instanceof LlmRejected && (error.status === 400 || error.status === 422))) throw error;
        this.jsonModeProbed = true;
        this.jsonMode = false;
        probingJsonMode = true;
        this.logger?.debug({ status: error.status }, 'LLM endpoint rejected a request with response_format: asking once without it');
        continue;
      }
      if (probingJsonMode) {
        this.logger?.warn(
          { model: this.model },
          'LLM endpoint rejected response_format json_object and answered without it: asking without JSON mode from now on; answers are still checked against the schema',
        );
      }
    }
    try {
      return parseCompletion(completion);
    } catch (e) {
      if (e instanceof LlmMalformed && e.thinkingCutOff && !this.thinkingHintLogged) {
        this.thinkingHintLogged = true;
        this.logger?.warn(
          { model: this.model, maxTokens: this.maxTokens },
          `LLM answer cut off: the model spent its ${this.maxTokens} tokens reasoning before answering; raise LLM_MAX_TOKENS (e.g. 2048) or use a model without thinking. Messages use the local model meanwhile`,
        );
      }
      throw e;
    }
  }

  /**
   * A 400 that names a parameter this endpoint wants otherwise, each changed once per process with one log line:
   * DashScope/ModelScope's Qwen3 wants enable_thinking false without streaming; OpenAI's newer models want
   * max_completion_tokens instead of max_tokens, and only their default temperature. True when the request changed.
   */
  private adaptParams(error: LlmError): boolean {
    if (!(error instanceof LlmRejected) || error.status !== 400) return false;
    const said = error.providerMessage;
    let change: string | undefined;
    if (!this.thinkingOff && /enable[_ ]thinking/i.test(said)) {
      this.thinkingOff = true;
      change = 'wants enable_thinking false for calls without streaming (Qwen3 on DashScope): sending it';
    } else if (!this.completionTokens && /max_completion_tokens/.test(said)) {
      this.completionTokens = true;
      change = 'wants max_completion_tokens instead of max_tokens: sending that';
    } else if (this.sendTemperature && /temperature/i.test(said)) {
      this.sendTemperature = false;
      change = 'takes only its default temperature: leaving temperature out';
    }
    if (!change) return false;
    this.logger?.warn({ model: this.model }, `LLM endpoint ${change} from now on`);
    return true;
  }

  private request(text: string, hint: AppealExtractionHint): Promise<OpenAI.Chat.Completions.ChatCompletion> {
    return this.client.chat.completions.create({
      model: this.model,
      messages: [
        { role: 'system', content: systemPrompt(hint.categories) },
        { role: 'user', content: fenceMessage(text) },
      ],
      ...(this.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
      ...(this.sendTemperature ? { temperature: 0 } : {}),
      ...this.tokenParams(this.maxTokens),
    });
  }

  /** The token limit under the name the endpoint takes, and enable_thinking only to an endpoint that asked for it. */
  private tokenParams(limit: number): { max_tokens?: number; max_completion_tokens?: number } {
    return {
      ...(this.completionTokens ? { max_completion_tokens: limit } : { max_tokens: limit }),
      ...((this.thinkingOff ? { enable_thinking: false } : {}) as Record<string, never>),
    };
  }
}

interface PingFailure {
  ok: false;
  status?: number;
  reason?: string;
  /** The provider's own words, one line, cut short. */
  detail?: string;
  /** The error is about the model (unknown, not served). */
  aboutModel: boolean;
  /** The models the endpoint lists, when it was asked. */
  served?: string[];
}

/** A base URL for logs: scheme, host and path, never a user, password or query (they may hold credentials). */
export function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return '(invalid url)';
  }
}

function oneLine(s: string): string {
  const text = s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** The key, and anything shaped like one, out of a provider's message (some echo the key they refused). */
function redact(s: string, apiKey: string | undefined): string {
  let out = apiKey && apiKey.length >= 4 ? s.split(apiKey).join('***') : s;
  out = out.replace(/\b(sk|key|api[-_]?key)[-_][A-Za-z0-9_\-.*]{6,}/gi, '***');
  return out;
}

/** finish_reason values that mean the provider's moderation stopped the answer (GLM says 'sensitive'). */
const FILTERED = new Set(['content_filter', 'sensitive']);

/** Validates a completion; throws LlmRefused / LlmMalformed / LlmSchemaMismatch. Exported for tests. */
export function parseCompletion(completion: OpenAI.Chat.Completions.ChatCompletion): LlmTriageAnswer {
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice) throw new LlmMalformed('no choices in the completion');
  if (choice.message?.refusal) throw new LlmRefused('the model refused');
  if (FILTERED.has(String(choice.finish_reason))) throw new LlmRefused('content filtered');
  const content = typeof choice.message?.content === 'string' ? choice.message.content : '';
  // reasoning_content (DeepSeek, vLLM) or reasoning (Ollama) is the model thinking, never the answer
  const message = choice.message as unknown as Record<string, unknown> | undefined;
  const reasoned = ['reasoning_content', 'reasoning'].some((k) => typeof message?.[k] === 'string' && (message[k] as string).trim() !== '');
  const found = findAnswerObject(content);
  if (choice.finish_reason === 'length' && !found.object) {
    throw new LlmMalformed('answer cut off by the token limit', { thinkingCutOff: found.thought || reasoned });
  }
  if (content.trim() === '') throw new LlmRefused('empty content');
  if (!found.object) throw new LlmMalformed(found.thinkingOnly ? 'thinking without an answer' : 'content is not a JSON object');
  const parsed = LlmAnswerSchema.safeParse(found.object);
  if (!parsed.success) {
    // field paths only, never values: they may quote the resident
    throw new LlmSchemaMismatch(`answer does not match the schema at: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
  }
  const a = parsed.data;
  // built field by field: nothing but the answer's own fields can come out of here
  return {
    isAppeal: a.isAppeal,
    category: a.category,
    place: a.place,
    urgency: a.urgency,
    summary: a.summary,
    confidence: a.confidence,
    lifeSafety: a.lifeSafety,
  };
}

/** A provider's moderation refusing the request (HTTP 400): DashScope, GLM/Zhipu, Volcano Ark, Azure/OpenAI. */
const MODERATION = /data_inspection_failed|DataInspectionFailed|inappropriate content|content_filter|content_policy|RiskDetection|sensitive (?:content|information|words?)|敏感|不安全/i;
const MODERATION_CODES = new Set(['1301', 'data_inspection_failed', 'content_filter', 'content_policy_violation']);

function isModeration(e: APIError): boolean {
  const body = (e.error ?? {}) as Record<string, unknown>;
  const codes = [e.code, e.type, body['code'], body['type']].filter((c) => c !== undefined && c !== null).map(String);
  if (codes.some((c) => MODERATION_CODES.has(c))) return true;
  return MODERATION.test([...codes, typeof body['message'] === 'string' ? body['message'] : ''].join(' '));
}

/** Maps the client's errors to ours; messages name the status, never the body. */
export function toLlmError(e: unknown): LlmError {
  if (e instanceof LlmError) return e;
  if (e instanceof APIConnectionTimeoutError) return new LlmTimeout('request timed out');
  if (e instanceof APIConnectionError) return new LlmUnavailable('connection failed');
  if (e instanceof APIError && typeof e.status === 'number') {
    const retryAfter = parseRetryAfter(e.headers);
    if (e.status === 429) return new LlmRateLimited('HTTP 429', retryAfter);
    if (e.status === 408) return new LlmTimeout('HTTP 408');
    if (e.status >= 500) return new LlmUnavailable(`HTTP ${e.status}`, e.status, retryAfter);
    if (e.status === 400 && isModeration(e)) return new LlmRefused(`HTTP ${e.status}: refused by the provider's moderation`);
    const body = (e.error ?? {}) as Record<string, unknown>;
    return new LlmRejected(`HTTP ${e.status}`, e.status, typeof body['message'] === 'string' ? body['message'] : '');
  }
  return new LlmUnavailable(`unexpected ${e instanceof Error ? e.name : typeof e}`, undefined, undefined, false);
}

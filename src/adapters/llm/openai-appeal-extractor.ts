// AppealExtractor over any OpenAI-compatible chat-completions endpoint (DeepSeek, Qwen, GLM, Ollama …) through the
// official `openai` client. Asks for `response_format: json_object` (widely supported; json_schema is not) and
// validates the content with zod, which also strips any field the answer does not have (action, status, ticket …).
// Around each call: circuit breaker (fail fast while the endpoint is down) → concurrency cap (FIFO) → retries with
// backoff for 429/5xx/timeouts → one HTTP request with a timeout. Every failure is a typed LlmError.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { z } from 'zod';
import type { AppealExtractionHint, AppealExtractor, LlmTriageAnswer } from '../../core/ports/llm-triage.port.ts';
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
  /** Upper bound on the answer's tokens: a triage answer is short. */
  maxTokens?: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 8000;
export const DEFAULT_LLM_MAX_CONCURRENCY = 4;

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

export class OpenAiAppealExtractor implements AppealExtractor {
  private readonly client: OpenAI;
  readonly limiter: ConcurrencyLimiter;
  readonly breaker: CircuitBreaker;
  readonly retry: RetryPolicy;
  private readonly model: string;
  private readonly maxTokens: number;

  constructor(options: OpenAiAppealExtractorOptions) {
    this.model = options.model;
    this.maxTokens = options.maxTokens ?? 300;
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      // the client insists on a key; local servers ignore it. Never fall back to OPENAI_API_KEY from the environment.
      apiKey: options.apiKey || 'no-key',
      organization: null,
      project: null,
      timeout: options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
      // retries are ours (RetryPolicy): they honour Retry-After within limits, use jitter, and can be tested
      maxRetries: 0,
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

  /** One HTTP request and the validation of its answer. */
  private async once(text: string, hint: AppealExtractionHint): Promise<LlmTriageAnswer> {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          { role: 'system', content: systemPrompt(hint.categories) },
          { role: 'user', content: fenceMessage(text) },
        ],
        response_format: { type: 'json_object' },
        temperature: 0,
        max_tokens: this.maxTokens,
      });
    } catch (e) {
      throw toLlmError(e);
    }
    return parseCompletion(completion);
  }
}

/** Validates a completion; throws LlmRefused / LlmMalformed / LlmSchemaMismatch. Exported for tests. */
export function parseCompletion(completion: OpenAI.Chat.Completions.ChatCompletion): LlmTriageAnswer {
  const choice = completion.choices?.[0];
  if (!choice) throw new LlmMalformed('no choices in the completion');
  if (choice.message?.refusal) throw new LlmRefused('the model refused');
  if (choice.finish_reason === 'content_filter') throw new LlmRefused('content filtered');
  const content = choice.message?.content;
  if (typeof content !== 'string' || content.trim() === '') throw new LlmRefused('empty content');
  if (choice.finish_reason === 'length') throw new LlmMalformed('answer cut off by the token limit');
  let raw: unknown;
  try {
    raw = JSON.parse(stripCodeFence(content));
  } catch {
    throw new LlmMalformed('content is not JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new LlmMalformed('content is not a JSON object');
  const parsed = LlmAnswerSchema.safeParse(raw);
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

/** Some servers wrap JSON mode output in ```json fences anyway. */
function stripCodeFence(s: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(s);
  return m?.[1] ?? s;
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
    return new LlmRejected(`HTTP ${e.status}`, e.status);
  }
  return new LlmUnavailable(`unexpected ${e instanceof Error ? e.name : typeof e}`, undefined, undefined, false);
}

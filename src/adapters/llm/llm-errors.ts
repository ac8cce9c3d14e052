// One error class per place an LLM call can fail, so logs and HybridTriage's counters say where, never what the
// resident wrote: messages carry no request or response text. `retryable` tells RetryPolicy whether another attempt
// can help; `endpointFailure` tells the CircuitBreaker whether the endpoint itself is unwell.
import { ExtractorCircuitOpenError } from '../../core/ports/llm-triage.port.ts';

export abstract class LlmError extends Error {
  /** Another attempt may succeed (rate limit, server error, timeout, connection). */
  abstract readonly retryable: boolean;
  /** Counts towards opening the circuit: the endpoint is down or refusing us, not merely the model misbehaving. */
  abstract readonly endpointFailure: boolean;
}

/** The model declined to answer (`message.refusal`, content filter, or no content at all). */
export class LlmRefused extends LlmError {
  override name = 'LlmRefused';
  readonly retryable = false;
  readonly endpointFailure = false;
}

/** The content is not a JSON object (or was cut off by the token limit). */
export class LlmMalformed extends LlmError {
  override name = 'LlmMalformed';
  readonly retryable = false;
  readonly endpointFailure = false;
  /** Cut off while the model was still reasoning: its token budget is too small for a thinking model. */
  readonly thinkingCutOff: boolean;
  constructor(message: string, options: { thinkingCutOff?: boolean } = {}) {
    super(message);
    this.thinkingCutOff = options.thinkingCutOff ?? false;
  }
}

/** The content is JSON but not the answer's shape (missing or wrongly typed fields). */
export class LlmSchemaMismatch extends LlmError {
  override name = 'LlmSchemaMismatch';
  readonly retryable = false;
  readonly endpointFailure = false;
}

/** HTTP 429 after the retries (or a Retry-After longer than we are willing to wait). */
export class LlmRateLimited extends LlmError {
  override name = 'LlmRateLimited';
  readonly retryable = true;
  readonly endpointFailure = true;
  constructor(
    message: string,
    /** From Retry-After / retry-after-ms, when the server said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** HTTP 5xx or no connection. */
export class LlmUnavailable extends LlmError {
  override name = 'LlmUnavailable';
  readonly endpointFailure = true;
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly retryable = true,
  ) {
    super(message);
  }
}

/** No answer within the configured timeout. */
export class LlmTimeout extends LlmError {
  override name = 'LlmTimeout';
  readonly retryable = true;
  readonly endpointFailure = true;
}

/** HTTP 4xx other than 429 (bad key, unknown model, request refused): retrying the same request cannot help. */
export class LlmRejected extends LlmError {
  override name = 'LlmRejected';
  readonly retryable = false;
  readonly endpointFailure = true;
  constructor(
    message: string,
    readonly status: number,
    /** The provider's own error message, to recognise a parameter it wants changed; never logged. */
    readonly providerMessage = '',
  ) {
    super(message);
  }
}

/** The circuit is open: the call failed fast without touching the network. */
export class LlmCircuitOpen extends ExtractorCircuitOpenError {
  override name = 'LlmCircuitOpen';
  readonly retryable = false;
  readonly endpointFailure = false;
}

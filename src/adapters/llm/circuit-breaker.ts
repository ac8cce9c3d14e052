// After K consecutive endpoint failures the circuit opens: calls fail fast with LlmCircuitOpen, without touching the
// network, for a cool-down. Then it is half-open: exactly one probe goes through; its success closes the circuit,
// its failure opens it for another cool-down. The clock is injectable so tests never wait for real.
import { LlmCircuitOpen } from './llm-errors.ts';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  coolDownMs: number;
  now: () => number;
}

export const DEFAULT_CIRCUIT: CircuitBreakerOptions = {
  failureThreshold: 5,
  coolDownMs: 30_000,
  now: () => Date.now(),
};

export class CircuitBreaker {
  readonly o: CircuitBreakerOptions;
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;

  constructor(options: Partial<CircuitBreakerOptions> = {}) {
    this.o = { ...DEFAULT_CIRCUIT, ...options };
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.o.now() - this.openedAt >= this.o.coolDownMs ? 'half-open' : 'open';
  }

  /** Throws LlmCircuitOpen when a call would be refused now; takes nothing (use before queueing, to fail fast). */
  check(): void {
    const s = this.state;
    if (s === 'open' || (s === 'half-open' && this.probing)) throw new LlmCircuitOpen('LLM circuit open');
  }

  /**
   * Runs `call` unless the circuit refuses it. `isFailure` says which errors count against the endpoint; others
   * (a refusal, malformed JSON) prove the endpoint answered and count as success.
   */
  async run<T>(call: () => Promise<T>, isFailure: (e: unknown) => boolean): Promise<T> {
    this.check();
    const probe = this.state === 'half-open';
    if (probe) this.probing = true;
    try {
      const value = await call();
      this.onSuccess();
      return value;
    } catch (e) {
      if (isFailure(e)) this.onFailure(probe);
      else this.onSuccess();
      throw e;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private onSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
  }

  private onFailure(probe: boolean): void {
    this.failures++;
    if (probe || this.failures >= this.o.failureThreshold) this.openedAt = this.o.now();
  }
}

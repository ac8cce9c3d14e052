// What triage needs from a large language model: read one resident's message and say what appeal, if any, it holds.
// Named for the need, not the vendor: any OpenAI-compatible endpoint (DeepSeek, Qwen, GLM, Ollama) implements it in
// src/adapters/llm. The answer is plain data about the message; nothing in it can express an action — there is no
// ticket number, status or command here, so a model talked into "closing all tickets" has no field to say it with.

export type LlmUrgency = 'normal' | 'urgent' | 'emergency';
/** A life-safety hazard happening here and now (gas, fire, someone trapped …), by how soon it can hurt someone. */
export type LlmLifeSafety = 'none' | 'urgent' | 'emergency';

/** Where the model thinks the problem is; every field optional, all free text (sanitised by the caller). */
export interface LlmPlace {
  building?: string;
  unit?: string;
  room?: string;
  /** A named spot or short description, e.g. 地库, 东门. */
  text?: string;
}

/** The model's reading of one message. Untrusted: HybridTriage validates and sanitises every field. */
export interface LlmTriageAnswer {
  isAppeal: boolean;
  /** One of the category codes given in the hint (anything else is ignored by the caller). */
  category: string;
  place: LlmPlace;
  urgency: LlmUrgency;
  /** At most 40 characters of Chinese. */
  summary: string;
  /** 0..1. */
  confidence: number;
  /** The model's own reading of a present danger (not news, a drill, a hypothetical, one already over); may only raise urgency. */
  lifeSafety?: LlmLifeSafety;
}

export interface AppealExtractionHint {
  /** Category code → Chinese name; the model must answer with one of these codes. */
  categories: Readonly<Record<string, string>>;
}

export interface AppealExtractor {
  /** Rejects (with any error) when there is no usable answer; the caller then keeps its own result. */
  extract(text: string, hint: AppealExtractionHint): Promise<LlmTriageAnswer>;
}

/**
 * Thrown by an extractor that did not even try because its endpoint is known to be down (an open circuit breaker),
 * so callers can tell "skipped" from "tried and failed" without knowing the adapter.
 */
export class ExtractorCircuitOpenError extends Error {
  override name = 'ExtractorCircuitOpenError';
}

// Local first, LLM when unsure: the local triage answers every message; only when its confidence is below a threshold,
// or the hazard model has a doubt about a danger short of emergency (TriageResult.hazardDoubt), is the message also
// shown to an AppealExtractor (an LLM). Asked for a doubt alone, the LLM may only raise the urgency: the confident local
// answer keeps its appeal decision, category and summary. The LLM's answer is untrusted input: its category must be
// a known code, its summary is re-masked and cut to 40 characters, the places found by rules win, and urgency can
// only go up — a hazard found by rules is never downgraded. Whatever goes wrong with the LLM, the local answer stands.
// A message that addresses the system (addresses-system.ts: instructions to the model, role-play, a field set to a
// value) gets no help from the LLM on urgency, category or summary: a model that obeys "urgency=emergency" could
// otherwise page staff for a broken light. The local rules and hazard model still raise whatever danger they see.
import {
  ExtractorCircuitOpenError,
  type AppealExtractor,
  type LlmPlace,
  type LlmTriageAnswer,
} from '../ports/llm-triage.port.ts';
import { addressesSystem, type SystemAddress } from './addresses-system.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Triage, TriageContext } from '../ports/triage.port.ts';
import type { Place } from '../tickets/ticket.types.ts';
import { DEFAULT_CATEGORIES } from './categories.ts';
import { maskPii } from './mask.ts';
import type { TriageResult, TriageUrgency } from './triage.types.ts';

export interface HybridTriageOptions {
  /** Local answers with confidence below this go to the LLM; at or above it the LLM is never called. */
  uncertainBelow: number;
  /** Category code → Chinese name: what the LLM may answer with. */
  categories: Readonly<Record<string, string>>;
}

export const DEFAULT_HYBRID_TRIAGE: HybridTriageOptions = {
  uncertainBelow: 0.85,
  categories: DEFAULT_CATEGORIES,
};

export interface HybridTriageStats {
  /** Answered by the local triage alone (it was confident). */
  local: number;
  /** Answered with the LLM's help. */
  llm: number;
  /** Of those, shown to the LLM for a hazard doubt alone (the local answer was confident). */
  hazardDoubt: number;
  /** The LLM was asked and failed; the local answer was used. */
  fallback: number;
  /** The LLM was not asked because its endpoint is known to be down (circuit open); the local answer was used. */
  skippedCircuitOpen: number;
}

const SUMMARY_MAX = 40;
const PLACE_FIELD_MAX = 20;
const PLACE_TEXT_MAX = 40;
/** Longest message shown to the LLM: enough for any appeal, bounded cost for a pasted essay. */
const TEXT_MAX = 2000;
const URGENCY_RANK: Record<TriageUrgency, number> = { normal: 0, urgent: 1, emergency: 2 };

export class HybridTriage implements Triage {
  private readonly o: HybridTriageOptions;
  private readonly counts: HybridTriageStats = { local: 0, llm: 0, hazardDoubt: 0, fallback: 0, skippedCircuitOpen: 0 };
  /** Set after the first skip of an outage, so an open circuit is logged once, not once per message. */
  private outageLogged = false;

  constructor(
    private readonly local: Triage,
    private readonly extractor: AppealExtractor,
    private readonly logger: Logger,
    options: Partial<HybridTriageOptions> = {},
  ) {
    this.o = { ...DEFAULT_HYBRID_TRIAGE, ...options };
  }

  async classify(text: string, context?: TriageContext): Promise<TriageResult> {
    const local = await this.local.classify(text, context);
    const sure = local.confidence >= this.o.uncertainBelow;
    if (sure && !local.hazardDoubt) {
      this.counts.local++;
      return local;
    }
    let answer: LlmTriageAnswer;
    const shown = cut(text, TEXT_MAX);
    try {
      // residents' phone and ID numbers never leave the building
      answer = await this.extractor.extract(maskPii(shown), { categories: this.o.categories });
    } catch (e) {
      this.onFailure(e);
      return local;
    }
    this.counts.llm++;
    if (sure) this.counts.hazardDoubt++;
    this.outageLogged = false;
    const address = addressesSystem(shown);
    const merged = address ? this.mergeAddressed(local, answer, address) : this.merge(local, answer);
    // asked about a danger only: the LLM's urgency (and an emergency's appeal) counts, the rest stays the local answer's
    return sure ? { ...local, urgency: merged.urgency, isAppeal: local.isAppeal || merged.urgency === 'emergency', source: merged.urgency === local.urgency ? local.source : 'llm' } : merged;
  }

  stats(): HybridTriageStats {
    return { ...this.counts };
  }

  private onFailure(e: unknown): void {
    const error = errorClass(e);
    if (e instanceof ExtractorCircuitOpenError) {
      this.counts.skippedCircuitOpen++;
      if (!this.outageLogged) {
        this.outageLogged = true;
        this.logger.warn({ error, stats: this.stats() }, 'LLM triage endpoint is down (circuit open): using the local triage until it recovers');
      }
      return;
    }
    this.counts.fallback++;
    // the class only: an error's message may quote the resident's text or the model's output
    this.logger.warn({ error, stats: this.stats() }, 'LLM triage failed: using the local answer');
  }

  private merge(local: TriageResult, a: LlmTriageAnswer): TriageResult {
    const category = typeof a.category === 'string' && Object.hasOwn(this.o.categories, a.category) ? a.category : local.category;
    const summary = typeof a.summary === 'string' ? cut(maskPii(oneLine(a.summary)), SUMMARY_MAX) : '';
    // the LLM's urgency and its life-safety reading can each only raise what the rules and the hazard model found
    const urgency = [isUrgency(a.urgency) ? a.urgency : 'normal', lifeSafetyUrgency(a.lifeSafety)].reduce<TriageUrgency>(
      (best, u) => (URGENCY_RANK[u] > URGENCY_RANK[best] ? u : best),
      local.urgency,
    );
    const confidence = typeof a.confidence === 'number' && Number.isFinite(a.confidence) ? clamp01(a.confidence) : local.confidence;
    return {
      // a life-safety emergency (the rules', the hazard model's or the LLM's own) keeps the message an appeal
      isAppeal: a.isAppeal === true || urgency === 'emergency',
      confidence,
      category,
      place: mergePlace(local.place, a.place),
      urgency,
      summary: summary === '' ? local.summary : summary,
      source: 'llm',
    };
  }

  /**
   * The message addresses the system: the LLM's urgency, life-safety reading, category and summary are not used —
   * the local triage's stand (the summary stays the resident's own words); its appeal decision and place still help.
   */
  private mergeAddressed(local: TriageResult, a: LlmTriageAnswer, address: SystemAddress): TriageResult {
    const merged = this.merge(local, a);
    const llmUrgency = isUrgency(a.urgency) ? a.urgency : 'normal';
    this.logger.warn(
      {
        address: address.kind,
        match: maskPii(address.match),
        llmUrgency: URGENCY_RANK[lifeSafetyUrgency(a.lifeSafety)] > URGENCY_RANK[llmUrgency] ? lifeSafetyUrgency(a.lifeSafety) : llmUrgency,
        llmCategory: merged.category,
        urgency: local.urgency,
        category: local.category,
      },
      "LLM triage: the message addresses the system; the LLM's urgency, category and summary are not used, the local triage's stand",
    );
    return {
      ...merged,
      // an appeal if either says so, or the rules found an emergency; the LLM's emergency alone no longer counts
      isAppeal: local.isAppeal || a.isAppeal === true || local.urgency === 'emergency',
      category: local.category,
      urgency: local.urgency,
      summary: local.summary,
    };
  }
}

/** Rules win for building, unit, room and a named spot when they found one; the model fills the gaps. */
function mergePlace(rules: Place, llm: LlmPlace | undefined): Place {
  const out: Place = { ...rules };
  const m = llm && typeof llm === 'object' ? llm : {};
  for (const key of ['building', 'unit', 'room'] as const) {
    const v = cleanField(m[key], PLACE_FIELD_MAX);
    if (!out[key] && v) out[key] = v;
  }
  const text = cleanField(m.text, PLACE_TEXT_MAX);
  if (!out.text && text) out.text = text;
  return out;
}

function cleanField(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = cut(maskPii(oneLine(String(v))), max);
  return s === '' ? undefined : s;
}

const isUrgency = (u: unknown): u is TriageUrgency => u === 'normal' || u === 'urgent' || u === 'emergency';
/** The LLM's life-safety field as an urgency; anything but the two danger levels says nothing. */
const lifeSafetyUrgency = (v: unknown): TriageUrgency => (v === 'urgent' || v === 'emergency' ? v : 'normal');
const clamp01 = (x: number) => Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** At most `max` UTF-16 units (String#length), never splitting a surrogate pair (an emoji or rare character). */
const cut = (s: string, max: number) => {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
};

function errorClass(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== 'Error' ? e.name : e.constructor.name;
  return typeof e;
}

// What triage says about one message (see issue #3). The lifecycle depends only on this shape, through the Triage port.
import type { Place } from '../tickets/ticket.types.ts';

export type TriageUrgency = 'normal' | 'urgent' | 'emergency';

export interface TriageResult {
  isAppeal: boolean;
  confidence: number;
  /** Category code, e.g. facility_repair. */
  category: string;
  place: Place;
  urgency: TriageUrgency;
  /** At most 40 characters of Chinese, phone and ID numbers masked. */
  summary: string;
  source: 'local' | 'llm' | 'rules';
  /**
   * The hazard model sees some sign of a danger that neither it nor the rules raised to emergency (its danger score in
   * the doubt band, LocalTriageOptions.hazardDoubtFrom): worth a second opinion where an LLM is configured, however sure
   * the appeal decision is.
   */
  hazardDoubt?: boolean;
}

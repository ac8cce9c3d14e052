// Where a hazard rule's words stand in a message's normalised text: what detect-hazard.ts reads the context of.
import type { Term } from '../triage/urgency.ts';

export interface Hit {
  start: number;
  end: number;
  /** Where the object and the symptom start (a negation may stand before either: "不是煤气", "燃气不漏了"). */
  objectStart: number;
  objectEnd: number;
  symptomStart: number;
  /** Where the symptom ends (for a term, the term's end): "了" after it asserts the danger happened. */
  symptomEnd: number;
  /** The exceptions read in the hit's clause: the rule's notWith, or its term group's or its pair's. */
  notWith?: readonly Term[];
  /** Its sentence tells it slight (the pair's notInSentence: a hairline crack): read, and dismissed. */
  slight?: boolean;
}

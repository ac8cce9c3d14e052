// Text helpers shared by the patrol rules: masked, short excerpts for summaries, and a normal form for comparing
// messages across groups.
import { createHash } from 'node:crypto';
import { maskPii } from '../triage/mask.ts';
import { termMatcher } from '../triage/term-matcher.ts';
import { weakMemo } from '../util/memo.ts';
import type { Term } from '../triage/urgency.ts';

export const EXCERPT_MAX = 40;

/** A one-line excerpt of at most `max` characters, phone and ID numbers masked before cutting (so no half-number). */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const oneLine = maskPii(text).replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : chars.slice(0, max - 1).join('') + '…';
}

/** "label（group）：excerpt" — the shape of every message-based finding's summary. */
export function findingSummary(label: string, groupTitle: string, text: string): string {
  return `${label}（${groupTitle}）：${excerpt(text)}`;
}

/**
 * Normal form for "the same message": NFKC, lower case, and only letters and digits kept, so spacing, punctuation
 * and emoji do not make two copies of one ad look different.
 */
export function normalizeForCompare(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** normalizeForCompare of a message's text, worked out once per message object (a rule may ask several times). */
export const compareForm = weakMemo((m: { text: string }) => normalizeForCompare(m.text));

/** A short stable hash for keys; never shown to anyone. */
export function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

export function findTerm(text: string, term: Term): string | null {
  if (typeof term === 'string') return text.includes(term) ? term : null;
  const m = term.exec(text);
  return m ? m[0] : null;
}

/** The first of the terms found in the text, or null. */
export function firstTerm(text: string, terms: readonly Term[]): string | null {
  // one pass says whether any occurs (most messages hold none); only then is the first in list order looked for
  if (!termMatcher(terms).test(text)) return null;
  for (const t of terms) {
    const hit = findTerm(text, t);
    if (hit !== null) return hit;
  }
  return null;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

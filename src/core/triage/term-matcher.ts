// Whether any of a list of terms occurs in a text, in one pass: the rules (urgency, hazards, spam, quarrels) each
// hold dozens of words, and every message is checked against all of them, while almost none contains any. Words are
// found by their first character (one look-up per character of the text), patterns are tested as they are.
import { weakMemo } from '../util/memo.ts';
import type { Term } from './urgency.ts';

export class TermMatcher {
  /** Words by the code of their first UTF-16 unit. */
  private readonly words = new Map<number, string[]>();
  private readonly patterns: RegExp[] = [];
  private readonly matchesEmpty: boolean;

  constructor(terms: readonly Term[]) {
    let empty = false;
    for (const term of terms) {
      if (typeof term !== 'string') {
        // a copy without g or y: test() then keeps no state between calls
        this.patterns.push(term.global || term.sticky ? new RegExp(term.source, term.flags.replace(/[gy]/g, '')) : term);
        continue;
      }
      if (term.length === 0) {
        empty = true;
        continue;
      }
      const first = term.charCodeAt(0);
      const list = this.words.get(first);
      if (list) list.push(term);
      else this.words.set(first, [term]);
    }
    this.matchesEmpty = empty;
  }

  /** Whether at least one term occurs in the text (what `terms.some(t => occurs(text, t))` says). */
  test(text: string): boolean {
    if (this.matchesEmpty) return true;
    const { words } = this;
    if (words.size > 0) {
      for (let i = 0; i < text.length; i++) {
        const list = words.get(text.charCodeAt(i));
        if (list === undefined) continue;
        for (const w of list) if (text.startsWith(w, i)) return true;
      }
    }
    for (const re of this.patterns) if (re.test(text)) return true;
    return false;
  }
}

/** The matcher of a term list, made once per list (the lists are module constants or per-grid settings). */
export const termMatcher = weakMemo((terms: readonly Term[]) => new TermMatcher(terms));

/** Whether any term of the list occurs in the text. */
export const mentionsAny = (text: string, terms: readonly Term[] | undefined): boolean => terms !== undefined && terms.length > 0 && termMatcher(terms).test(text);

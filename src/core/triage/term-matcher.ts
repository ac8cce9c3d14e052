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

/**
 * Which of several term lists occur in a text, in one pass (what `lists.map(l => mentionsAny(text, l))` says): a
 * message that names a danger is checked against each hazard rule's triggers, two dozen lists sharing words and
 * patterns. Words are found by their first character as in TermMatcher; a pattern written in several lists is tested
 * once, and not at all once every list holding it is known to occur.
 */
export class TermListsMatcher {
  /** Words by the code of their first UTF-16 unit, each with the lists that hold it. */
  private readonly words = new Map<number, { word: string; lists: number[] }[]>();
  private readonly patterns: { re: RegExp; lists: number[] }[] = [];
  /** Lists holding an empty word: they occur in every text. */
  private readonly always: number[] = [];

  constructor(lists: readonly (readonly Term[])[]) {
    const words = new Map<string, number[]>();
    const patterns = new Map<string, { re: RegExp; lists: number[] }>();
    const add = (owners: number[], i: number) => {
      if (owners.at(-1) !== i) owners.push(i);
    };
    lists.forEach((terms, i) => {
      for (const term of terms) {
        if (typeof term === 'string') {
          if (term.length === 0) add(this.always, i);
          else add(words.get(term) ?? words.set(term, []).get(term)!, i);
          continue;
        }
        // a copy without g or y, as in TermMatcher: the same source and flags test alike, whichever list holds it
        const flags = term.flags.replace(/[gy]/g, '');
        const key = `${flags}/${term.source}`;
        const known = patterns.get(key) ?? patterns.set(key, { re: flags === term.flags ? term : new RegExp(term.source, flags), lists: [] }).get(key)!;
        add(known.lists, i);
      }
    });
    for (const [word, owners] of words) {
      const first = word.charCodeAt(0);
      const list = this.words.get(first);
      if (list) list.push({ word, lists: owners });
      else this.words.set(first, [{ word, lists: owners }]);
    }
    this.patterns = [...patterns.values()];
  }

  /** The indices of the lists with at least one term in the text. */
  which(text: string): Set<number> {
    const found = new Set<number>(this.always);
    const { words } = this;
    for (let i = 0; i < text.length; i++) {
      const list = words.get(text.charCodeAt(i));
      if (list === undefined) continue;
      for (const w of list) if (text.startsWith(w.word, i)) for (const l of w.lists) found.add(l);
    }
    for (const p of this.patterns) if (!p.lists.every((l) => found.has(l)) && p.re.test(text)) for (const l of p.lists) found.add(l);
    return found;
  }
}

/** The matcher of a term list, made once per list (the lists are module constants or per-grid settings). */
export const termMatcher = weakMemo((terms: readonly Term[]) => new TermMatcher(terms));

/** Whether any term of the list occurs in the text. */
export const mentionsAny = (text: string, terms: readonly Term[] | undefined): boolean => terms !== undefined && terms.length > 0 && termMatcher(terms).test(text);

import { describe, expect, it } from 'vitest';
import { DRILL_MARKERS as HAZARD_DRILLS } from '../../../../src/core/hazard/hazard-context.ts';
import { PROHIBITION_BEFORE } from '../../../../src/core/hazard/hazard-framing.ts';
import { HAZARD_RULES } from '../../../../src/core/hazard/hazard-rules.ts';
import { HEATED_TERMS } from '../../../../src/core/patrol/conflict.rule.ts';
import { SPAM_CONTACT_TERMS, SPAM_STRONG_TERMS } from '../../../../src/core/patrol/spam.rule.ts';
import { Prng } from '../../../../src/core/triage/prng.ts';
import { mentionsAny, TermListsMatcher, TermMatcher, termMatcher } from '../../../../src/core/triage/term-matcher.ts';
import { DRILL_MARKERS, URGENCY_RULES, type Term } from '../../../../src/core/triage/urgency.ts';

const naive = (text: string, terms: readonly Term[]) =>
  terms.some((t) => (typeof t === 'string' ? text.includes(t) : new RegExp(t.source, t.flags.replace(/[gy]/g, '')).test(text)));

const LISTS: Record<string, readonly Term[]> = {
  urgency: URGENCY_RULES.flatMap((r) => r.terms),
  hazards: HAZARD_RULES.flatMap((r) => [...(r.terms ?? []), ...(r.pairs ?? []).flatMap((p) => [...p.objects, ...p.symptoms])]),
  notices: PROHIBITION_BEFORE,
  hazardDrills: HAZARD_DRILLS,
  spam: [...SPAM_STRONG_TERMS, ...SPAM_CONTACT_TERMS],
  heated: HEATED_TERMS,
  drills: DRILL_MARKERS,
};

describe('TermMatcher', () => {
  it('says what the term-by-term check says, on random texts built from the rules’ own words and filler', () => {
    const rng = new Prng(7);
    const filler = ['今天', '楼下', '，', '。', '的', '大家好', '电', '梯', '车', '水', '没', '不', 'a', '1', '😀', ' ', '3号楼', '充电', '进电梯'];
    for (const [name, terms] of Object.entries(LISTS)) {
      const words = terms.filter((t): t is string => typeof t === 'string');
      let hits = 0;
      for (let n = 0; n < 2000; n++) {
        const parts: string[] = [];
        for (let k = rng.int(8); k >= 0; k--) {
          // mostly filler; now and then a rule word, sometimes cut short so it almost matches
          const r = rng.next();
          if (r < 0.15 && words.length > 0) parts.push(words[rng.int(words.length)]!);
          else if (r < 0.3 && words.length > 0) parts.push(words[rng.int(words.length)]!.slice(0, -1));
          else parts.push(filler[rng.int(filler.length)]!);
        }
        const text = parts.join('');
        const want = naive(text, terms);
        if (want) hits++;
        expect(termMatcher(terms).test(text), `${name}: ${text}`).toBe(want);
      }
      // the texts were a real mix of both answers
      expect(hits, name).toBeGreaterThan(100);
      expect(hits, name).toBeLessThan(1900);
    }
  });

  it('handles the edges: empty text and terms, a word at the very end, stateful patterns, pairs of surrogates', () => {
    expect(new TermMatcher([]).test('着火了')).toBe(false);
    expect(new TermMatcher(['着火']).test('')).toBe(false);
    expect(new TermMatcher(['']).test('')).toBe(true);
    expect(new TermMatcher(['火灾', '着火']).test('楼上着火')).toBe(true);
    expect(new TermMatcher(['着火了吗']).test('着火了')).toBe(false);
    const sticky = /火/gy;
    const m = new TermMatcher([sticky]);
    // a g/y pattern would keep lastIndex between calls: the matcher's copy does not
    expect([m.test('着火'), m.test('着火'), m.test('火')]).toEqual([true, true, true]);
    expect(sticky.lastIndex).toBe(0);
    expect(new TermMatcher(['😀👍']).test('好的😀👍')).toBe(true);
    expect(new TermMatcher(['😀👍']).test('好的😀😀')).toBe(false);
    expect(new TermMatcher([/(?<![车瓶])没电/]).test('电瓶车没电了')).toBe(false);
    expect(new TermMatcher([/(?<![车瓶])没电/]).test('家里没电了')).toBe(true);
  });

  it('is made once per list', () => {
    expect(termMatcher(DRILL_MARKERS)).toBe(termMatcher(DRILL_MARKERS));
    expect(mentionsAny('明天消防演练', DRILL_MARKERS)).toBe(true);
    expect(mentionsAny('明天消防演练', undefined)).toBe(false);
    expect(mentionsAny('明天消防演练', [])).toBe(false);
  });
});

describe('TermListsMatcher', () => {
  it('names the lists the list-by-list check names, on random texts built from the hazard rules’ own triggers', () => {
    const rng = new Prng(11);
    // the hazard rules' triggers: lists that share words and patterns (a pattern of one rule written again in another)
    const lists = HAZARD_RULES.map((r) => [...(r.terms ?? []), ...(r.termGroups ?? []).flatMap((g) => g.terms), ...(r.pairs ?? []).flatMap((p) => p.objects)]);
    const matcher = new TermListsMatcher(lists);
    const words = lists.flat().filter((t): t is string => typeof t === 'string');
    const filler = ['今天', '楼下', '，', '。', '的', '大家好', '电', '梯', '车', '水', '没', '不', 'a', '1', '😀', ' ', '3号楼', '充电', '进电梯', '煤气', '着火'];
    let some = 0;
    let several = 0;
    for (let n = 0; n < 3000; n++) {
      const parts: string[] = [];
      for (let k = rng.int(8); k >= 0; k--) {
        const r = rng.next();
        if (r < 0.15) parts.push(words[rng.int(words.length)]!);
        else if (r < 0.3) parts.push(words[rng.int(words.length)]!.slice(0, -1));
        else parts.push(filler[rng.int(filler.length)]!);
      }
      const text = parts.join('');
      const want = lists.flatMap((terms, i) => (naive(text, terms) ? [i] : []));
      expect([...matcher.which(text)].sort((a, b) => a - b), text).toEqual(want);
      if (want.length > 0) some++;
      if (want.length > 1) several++;
    }
    // a real mix: none, one, several lists
    expect(some).toBeGreaterThan(300);
    expect(some).toBeLessThan(2900);
    expect(several).toBeGreaterThan(100);
  });

  it('handles the edges: an empty list, an empty term, a pattern in two lists, stateful patterns, pairs of surrogates', () => {
    const shared = /(?<![车瓶])没电/;
    const sticky = /火/gy;
    const m = new TermListsMatcher([[], [''], ['着火', shared], [shared], [sticky], ['😀👍'], ['着火了吗']]);
    expect([...m.which('')]).toEqual([1]);
    expect([...m.which('家里没电了')].sort()).toEqual([1, 2, 3]);
    expect([...m.which('电瓶车没电了')]).toEqual([1]);
    expect([...m.which('着火了')].sort()).toEqual([1, 2, 4]);
    expect([...m.which('着火了')].sort()).toEqual([1, 2, 4]);
    expect(sticky.lastIndex).toBe(0);
    expect([...m.which('好的😀👍')].sort()).toEqual([1, 5]);
    expect([...m.which('好的😀😀')]).toEqual([1]);
  });
});

// Which rules a text triggers, read in one pass (triggeredRules), against each rule's own trigger list checked alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hazardText } from '../../../../src/core/hazard/hazard-text.ts';
import { HAZARD_RULES, TRIGGERS_OF_RULE, triggeredRules } from '../../../../src/core/hazard/hazard-rules.ts';
import { mentionsAny } from '../../../../src/core/triage/term-matcher.ts';

const corpus = readFileSync(new URL('../../../../data/corpus/neighbourhood.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

describe('triggeredRules', () => {
  it('names the rules whose own triggers occur, for every line of the corpus (raw and as the hazard rules read it)', () => {
    let triggered = 0;
    for (const line of corpus) {
      for (const text of [line, hazardText(line)]) {
        const want = HAZARD_RULES.filter((r) => mentionsAny(text, TRIGGERS_OF_RULE(r)));
        const got = triggeredRules(HAZARD_RULES)(text);
        expect(HAZARD_RULES.filter((r) => got.has(r)).map((r) => r.kind), text).toEqual(want.map((r) => r.kind));
        expect(got.size, text).toBe(want.length);
        if (want.length > 1) triggered++;
      }
    }
    expect(triggered).toBeGreaterThan(100);
  });

  it('reads a rule list of its own (a grid’s rules) with that list’s rules only', () => {
    const own = HAZARD_RULES.filter((r) => r.kind === 'gas_leak' || r.kind === 'fire');
    const text = '3栋楼道有煤气味，电梯也坏了，有人被困';
    const kinds = [...triggeredRules(own)(text)].map((r) => r.kind);
    expect(kinds).toEqual(own.filter((r) => mentionsAny(text, TRIGGERS_OF_RULE(r))).map((r) => r.kind));
    expect(kinds).toContain('gas_leak');
    expect(kinds).not.toContain('trapped');
    expect([...triggeredRules(HAZARD_RULES)(text)].map((r) => r.kind)).toContain('trapped');
    expect(triggeredRules(own)('今天天气不错').size).toBe(0);
  });
});

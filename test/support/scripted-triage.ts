// A test double for the Triage port: answers from a script of (keyword → result) written in each test.
// It exists so lifecycle tests can fix triage's answer; the real triage is tested on its own.
import type { Triage } from '../../src/core/ports/triage.port.ts';
import type { TriageResult } from '../../src/core/triage/triage.types.ts';

export function scriptedTriage(script: [keyword: string, result: Partial<TriageResult>][]): Triage & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async classify(text: string): Promise<TriageResult> {
      calls.push(text);
      const hit = script.find(([k]) => text.includes(k));
      const base: TriageResult = { isAppeal: false, confidence: 0.9, category: 'chatter', place: {}, urgency: 'normal', summary: text.slice(0, 40), source: 'local' };
      return hit ? { ...base, isAppeal: true, category: 'other', ...hit[1] } : base;
    },
  };
}

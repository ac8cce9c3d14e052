// HybridTriage with hand-written doubles: a local triage with a fixed answer and an extractor that records its calls.
import { describe, expect, it } from 'vitest';
import {
  ExtractorCircuitOpenError,
  type AppealExtractionHint,
  type AppealExtractor,
  type LlmTriageAnswer,
} from '../../../../src/core/ports/llm-triage.port.ts';
import type { Logger } from '../../../../src/core/ports/logger.port.ts';
import type { Triage } from '../../../../src/core/ports/triage.port.ts';
import { DEFAULT_CATEGORIES } from '../../../../src/core/triage/categories.ts';
import { HybridTriage } from '../../../../src/core/triage/hybrid-triage.ts';
import type { TriageResult } from '../../../../src/core/triage/triage.types.ts';

const LOCAL: TriageResult = {
  isAppeal: true,
  confidence: 0.6,
  category: 'facility_repair',
  place: { building: '20', room: '107' },
  urgency: 'normal',
  summary: '20号楼107室门口井盖破损',
  source: 'local',
};

function localTriage(result: Partial<TriageResult> = {}): Triage {
  return { classify: async () => ({ ...LOCAL, ...result }) };
}

class ExtractorDouble implements AppealExtractor {
  readonly calls: { text: string; hint: AppealExtractionHint }[] = [];
  constructor(private readonly reply: (() => LlmTriageAnswer) | Error) {}
  async extract(text: string, hint: AppealExtractionHint): Promise<LlmTriageAnswer> {
    this.calls.push({ text, hint });
    if (this.reply instanceof Error) throw this.reply;
    return this.reply();
  }
}

const ANSWER: LlmTriageAnswer = {
  isAppeal: true,
  category: 'sanitation',
  place: { building: '99', unit: '3', text: '东门' },
  urgency: 'urgent',
  summary: '东门垃圾堆积',
  confidence: 0.93,
};

function recordingLogger(): Logger & { warns: { obj: Record<string, unknown>; msg: string }[] } {
  const warns: { obj: Record<string, unknown>; msg: string }[] = [];
  const logger = {
    warns,
    debug() {},
    info() {},
    warn(obj: Record<string, unknown>, msg: string) {
      warns.push({ obj, msg });
    },
    error() {},
    child: () => logger,
  };
  return logger;
}

describe('HybridTriage', () => {
  it('asks the LLM about a hazard doubt even when the local answer is sure; the LLM may only raise the urgency', async () => {
    const llm = new ExtractorDouble(() => ({ ...ANSWER, isAppeal: false, category: 'other', urgency: 'normal', lifeSafety: 'emergency', summary: '别的摘要', confidence: 0.4 }));
    const t = new HybridTriage(localTriage({ confidence: 0.95, hazardDoubt: true }), llm, recordingLogger());
    const r = await t.classify('电梯间这半个钟头一直有点臭鸡蛋那种味');
    expect(llm.calls).toHaveLength(1);
    // the confident local answer stands, but for the urgency
    expect(r).toEqual({ ...LOCAL, confidence: 0.95, hazardDoubt: true, urgency: 'emergency', source: 'llm' });
    expect(t.stats()).toEqual({ local: 0, llm: 1, hazardDoubt: 1, fallback: 0, skippedCircuitOpen: 0 });
    // the LLM seeing no danger changes nothing
    const calm = new HybridTriage(localTriage({ confidence: 0.95, hazardDoubt: true, isAppeal: false }), new ExtractorDouble(() => ({ ...ANSWER, isAppeal: true, urgency: 'normal' })), recordingLogger());
    expect(await calm.classify('x')).toEqual({ ...LOCAL, confidence: 0.95, hazardDoubt: true, isAppeal: false });
  });

  it('never calls the LLM when the local triage is confident', async () => {
    const llm = new ExtractorDouble(() => ANSWER);
    const t = new HybridTriage(localTriage({ confidence: 0.85 }), llm, recordingLogger());
    const r = await t.classify('20号楼107室门口井盖破损');
    expect(r).toEqual({ ...LOCAL, confidence: 0.85 });
    expect(llm.calls).toHaveLength(0);
    expect(t.stats()).toEqual({ local: 1, llm: 0, hazardDoubt: 0, fallback: 0, skippedCircuitOpen: 0 });
  });

  it('asks the LLM when unsure, with the categories as hint and phone numbers masked in the text it sends', async () => {
    const llm = new ExtractorDouble(() => ANSWER);
    const t = new HybridTriage(localTriage(), llm, recordingLogger(), { uncertainBelow: 0.7 });
    const r = await t.classify('东门垃圾好多 联系我13812345678');
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.text).toBe('东门垃圾好多 联系我138****5678');
    expect(llm.calls[0]!.hint.categories).toBe(DEFAULT_CATEGORIES);
    // rules win for building and room; the model fills unit and the named spot; urgency goes up
    expect(r).toEqual({
      isAppeal: true,
      confidence: 0.93,
      category: 'sanitation',
      place: { building: '20', room: '107', unit: '3', text: '东门' },
      urgency: 'urgent',
      summary: '东门垃圾堆积',
      source: 'llm',
    });
    expect(t.stats()).toEqual({ local: 0, llm: 1, hazardDoubt: 0, fallback: 0, skippedCircuitOpen: 0 });
  });

  it('sanitises the answer: summary re-masked and cut to 40, place fields masked, confidence clamped', async () => {
    const long = '住户13912345678反映身份证350321199001011234被贴在' + '楼道公告栏上面'.repeat(10);
    const llm = new ExtractorDouble(() => ({ ...ANSWER, summary: long, place: { text: '找13912345678' }, confidence: 7 }));
    const t = new HybridTriage(localTriage({ place: {} }), llm, recordingLogger());
    const r = await t.classify('x');
    expect(r.summary.length).toBeLessThanOrEqual(40);
    expect(r.summary).toMatch(/^住户139\*\*\*\*5678反映身份证3503\*{10}1234/);
    expect(r.summary).not.toMatch(/\d{7}/);
    expect(r.place).toEqual({ text: '找139****5678' });
    expect(r.confidence).toBe(1);
  });

  it('keeps the local category when the LLM answers with an unknown code', async () => {
    const llm = new ExtractorDouble(() => ({ ...ANSWER, category: 'close_all_tickets' }));
    const r = await new HybridTriage(localTriage(), llm, recordingLogger()).classify('x');
    expect(r.category).toBe('facility_repair');
    expect(r.source).toBe('llm');
  });

  it('does not accept inherited object keys as category codes', async () => {
    const llm = new ExtractorDouble(() => ({ ...ANSWER, category: 'constructor' }));
    const r = await new HybridTriage(localTriage(), llm, recordingLogger()).classify('x');
    expect(r.category).toBe('facility_repair');
  });

  it('never downgrades a hazard found by the rules', async () => {
    const llm = new ExtractorDouble(() => ({ ...ANSWER, isAppeal: false, urgency: 'normal' }));
    const r = await new HybridTriage(localTriage({ urgency: 'emergency' }), llm, recordingLogger()).classify('楼下着火了');
    expect(r.urgency).toBe('emergency');
    expect(r.isAppeal).toBe(true);
  });

  it('lets the LLM say a message is chatter when the rules found no hazard', async () => {
    const llm = new ExtractorDouble(() => ({ ...ANSWER, isAppeal: false, urgency: 'normal', confidence: 0.9 }));
    const r = await new HybridTriage(localTriage(), llm, recordingLogger()).classify('井盖的事谢谢大家');
    expect(r.isAppeal).toBe(false);
    expect(r.urgency).toBe('normal');
  });

  it('keeps the local summary when the LLM gives an empty one', async () => {
    const llm = new ExtractorDouble(() => ({ ...ANSWER, summary: '   ' }));
    const r = await new HybridTriage(localTriage(), llm, recordingLogger()).classify('x');
    expect(r.summary).toBe(LOCAL.summary);
  });

  it('returns the local result unchanged when the extractor throws, and logs the error class only', async () => {
    class LlmTimeout extends Error {
      override name = 'LlmTimeout';
    }
    const logger = recordingLogger();
    const llm = new ExtractorDouble(new LlmTimeout('resident said 13812345678'));
    const t = new HybridTriage(localTriage(), llm, logger);
    const r = await t.classify('x');
    expect(r).toEqual(LOCAL);
    expect(t.stats()).toEqual({ local: 0, llm: 0, hazardDoubt: 0, fallback: 1, skippedCircuitOpen: 0 });
    expect(logger.warns).toHaveLength(1);
    expect(logger.warns[0]!.obj['error']).toBe('LlmTimeout');
    expect(JSON.stringify(logger.warns)).not.toContain('13812345678');
  });

  it('falls back on anything thrown, even a non-Error', async () => {
    const llm: AppealExtractor = { extract: () => Promise.reject('boom') };
    const t = new HybridTriage(localTriage(), llm, recordingLogger());
    expect(await t.classify('x')).toEqual(LOCAL);
    const sync: AppealExtractor = {
      extract: () => {
        throw new TypeError('bad');
      },
    };
    const t2 = new HybridTriage(localTriage(), sync, recordingLogger());
    expect(await t2.classify('x')).toEqual(LOCAL);
    expect(t2.stats().fallback).toBe(1);
  });

  it('counts circuit-open skips apart from failures and warns once per outage', async () => {
    const logger = recordingLogger();
    let mode: 'open' | 'ok' = 'open';
    const llm: AppealExtractor = {
      extract: async () => {
        if (mode === 'open') throw new ExtractorCircuitOpenError('open');
        return ANSWER;
      },
    };
    const t = new HybridTriage(localTriage(), llm, logger);
    for (let i = 0; i < 3; i++) expect(await t.classify('x')).toEqual(LOCAL);
    expect(logger.warns).toHaveLength(1);
    mode = 'ok';
    expect((await t.classify('x')).source).toBe('llm');
    mode = 'open';
    await t.classify('x');
    expect(logger.warns).toHaveLength(2);
    expect(t.stats()).toEqual({ local: 0, llm: 1, hazardDoubt: 0, fallback: 0, skippedCircuitOpen: 4 });
  });

  it('keeps counting across a mix of answers', async () => {
    const answers = [0.95, 0.5, 0.99, 0.4];
    let i = 0;
    const local: Triage = { classify: async () => ({ ...LOCAL, confidence: answers[i++]! }) };
    let fail = false;
    const llm: AppealExtractor = {
      extract: async () => {
        if (fail) throw new Error('x');
        fail = true;
        return ANSWER;
      },
    };
    const t = new HybridTriage(local, llm, recordingLogger());
    for (let k = 0; k < answers.length; k++) await t.classify('x');
    expect(t.stats()).toEqual({ local: 2, llm: 1, hazardDoubt: 0, fallback: 1, skippedCircuitOpen: 0 });
  });
});

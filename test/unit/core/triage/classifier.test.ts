// The local text classifier on small inline data: learning, determinism, serialisation, metrics.
import { describe, expect, it } from 'vitest';
import { TextClassifier, type LabelledText } from '../../../../src/core/triage/text-classifier.ts';
import { trainTextClassifier } from '../../../../src/core/triage/text-classifier.training.ts';
import { evaluate, metricsFromPairs } from '../../../../src/core/triage/evaluate.ts';
import { normalizeText, DEFAULT_NORMALIZE } from '../../../../src/core/triage/text-normalize.ts';
import { fromHalf, fromHalfFormula, halvesToFloats, toHalf } from '../../../../src/core/triage/float16.ts';

const ISSUES = [
  '电梯坏了三天没人修',
  '楼道灯不亮了请物业处理',
  '小区门口的下水道堵了',
  '三号楼电梯又坏了',
  '垃圾好几天没人清理了',
  '地下车库漏水很严重',
  '楼上装修噪音太大了',
  '路灯坏了晚上很黑',
  '水管爆了到处是水',
  '停车位被占用了请处理',
];
const CHATTER = [
  '今晚一起吃饭吗',
  '哈哈好的谢谢',
  '早上好大家',
  '周末去爬山吧',
  '生日快乐呀',
  '收到谢谢群主',
  '明天见',
  '这个视频太好笑了',
  '晚安各位邻居',
  '谁家的猫好可爱',
];
const TOY: LabelledText[] = [
  ...ISSUES.map((text) => ({ text, label: 'issue' })),
  ...CHATTER.map((text) => ({ text, label: 'chatter' })),
];

const THREE: LabelledText[] = [
  ...['电梯坏了', '电梯停了', '电梯不动了', '电梯卡住了'].map((text) => ({ text, label: 'elevator' })),
  ...['垃圾没清', '垃圾满了', '垃圾很臭', '垃圾堆着'].map((text) => ({ text, label: 'sanitation' })),
  ...['你好呀', '好的谢谢', '哈哈哈', '晚安呀'].map((text) => ({ text, label: 'chatter' })),
];

describe('trainTextClassifier', () => {
  it('learns a separable toy problem', () => {
    const model = trainTextClassifier(TOY, { seed: 7 });
    expect(model.labels).toEqual(['chatter', 'issue']);
    const ev = evaluate(model, TOY);
    expect(ev.accuracy).toBe(1);
    expect(model.predict('电梯坏了').label).toBe('issue');
    expect(model.predict('今晚吃饭吗').label).toBe('chatter');
  });

  it('handles more than two labels, with confidences in [0, 1] and scores summing to 1', () => {
    const model = trainTextClassifier(THREE, { seed: 1 });
    expect(model.labels).toEqual(['chatter', 'elevator', 'sanitation']);
    expect(model.predict('电梯又坏了').label).toBe('elevator');
    expect(model.predict('垃圾没人清').label).toBe('sanitation');
    const p = model.predict('好的好的');
    expect(p.label).toBe('chatter');
    expect(p.confidence).toBeGreaterThan(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
    const sum = Object.values(p.scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(Object.keys(p.scores).sort()).toEqual(['chatter', 'elevator', 'sanitation']);
  });

  it('is deterministic: same data and seed give identical bytes', () => {
    const a = trainTextClassifier(TOY, { seed: 42 }).serialize();
    const b = trainTextClassifier(TOY, { seed: 42 }).serialize();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('gives identical predictions after serialize/deserialize', () => {
    const model = trainTextClassifier(THREE, { seed: 3, ngrams: { prefixChars: 4 } });
    const copy = TextClassifier.deserialize(model.serialize());
    expect(copy.labels).toEqual(model.labels);
    for (const text of [...THREE.map((e) => e.text), '完全没见过的句子', '', '   ', 'ＡＢＣ１２３']) {
      expect(copy.predict(text)).toEqual(model.predict(text));
    }
    expect(Buffer.from(copy.serialize()).equals(Buffer.from(model.serialize()))).toBe(true);
  });

  it('rejects a file that is not a model', () => {
    expect(() => TextClassifier.deserialize(new TextEncoder().encode('{"hello": 1}'))).toThrow(/not a Linli/);
    const bytes = trainTextClassifier(TOY, { seed: 1 }).serialize();
    expect(() => TextClassifier.deserialize(bytes.subarray(0, bytes.length - 3))).toThrow(/not a Linli/);
  });

  it('refuses empty training data', () => {
    expect(() => trainTextClassifier([], { seed: 1 })).toThrow(/zero examples/);
  });

  it('reports progress up to the total', () => {
    const seen: [number, number][] = [];
    trainTextClassifier(THREE, { seed: 1, onProgress: (d, t) => seen.push([d, t]) });
    const last = seen.at(-1)!;
    expect(last[0]).toBe(last[1]);
    expect(seen.every(([d, t]) => d <= t)).toBe(true);
  });
});

describe('evaluate', () => {
  it('computes accuracy, per-class P/R/F1, macro-F1 and the confusion matrix', () => {
    // gold a a a b b c ; predicted a a b b c c
    const ev = metricsFromPairs(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c'], ['a', 'b', 'c']);
    expect(ev.n).toBe(6);
    expect(ev.accuracy).toBeCloseTo(4 / 6, 12);
    expect(ev.confusion).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
    // a: P 2/2 R 2/3 F1 0.8 ; b: P 1/2 R 1/2 F1 0.5 ; c: P 1/2 R 1 F1 2/3
    expect(ev.per_class['a']).toEqual({ precision: 1, recall: 2 / 3, f1: expect.closeTo(0.8, 12), support: 3 });
    expect(ev.per_class['b']).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(ev.per_class['c']!.f1).toBeCloseTo(2 / 3, 12);
    expect(ev.macro_f1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });

  it('keeps gold labels the model does not know, with recall 0', () => {
    const model = trainTextClassifier(TOY, { seed: 1 });
    const ev = evaluate(model, [
      { text: '电梯坏了', label: 'issue' },
      { text: '哈哈好的', label: 'chatter' },
      { text: '消防通道被堵了', label: 'fire_safety' },
    ]);
    expect(ev.n).toBe(3);
    expect(ev.confusion.labels).toContain('fire_safety');
    expect(ev.per_class['fire_safety']).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(ev.accuracy).toBeLessThanOrEqual(2 / 3);
  });
});

describe('normalisation and storage helpers', () => {
  it('folds full-width to half-width, lower-cases and collapses digit runs', () => {
    expect(normalizeText('ＡＢＣ　１２３号楼', DEFAULT_NORMALIZE)).toBe('abc 0号楼');
    expect(normalizeText('ＡＢＣ　１２３号楼', { ...DEFAULT_NORMALIZE, digits: 'class' })).toBe('abc 000号楼');
    expect(normalizeText('号码******', DEFAULT_NORMALIZE)).toBe('号码***');
  });

  it('reads every half bit pattern as the IEEE 754 formula does (the lookup table), and a run of them from bytes', () => {
    const bytes = new DataView(new ArrayBuffer(0x20000));
    for (let h = 0; h < 0x10000; h++) {
      const want = fromHalfFormula(h);
      expect(Object.is(fromHalf(h), Math.fround(want)) || (Number.isNaN(want) && Number.isNaN(fromHalf(h)))).toBe(true);
      bytes.setUint16(h * 2, h, true);
    }
    const out = new Float32Array(0x10000);
    halvesToFloats(bytes, 0, out);
    for (let h = 0; h < 0x10000; h += 257) expect(Object.is(out[h], fromHalf(h)) || Number.isNaN(out[h])).toBe(true);
    expect([fromHalf(0x3c00), fromHalf(0xc000), fromHalf(0x7bff), fromHalf(0x0001), fromHalf(0x7c00), fromHalf(0x8000)]).toEqual([1, -2, 65504, 2 ** -24, Infinity, -0]);
  });

  it('stores half floats to within their precision', () => {
    for (const x of [0, 1, -1, 0.1, -3.14159, 1e-5, 65504]) {
      expect(Math.abs(fromHalf(toHalf(x)) - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-3 + 6e-8);
    }
  });
});

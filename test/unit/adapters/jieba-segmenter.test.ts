// The jieba-wasm segmenter: place names added stay one word; what was cut before is cut the same way otherwise.
import { describe, expect, it } from 'vitest';
import { createJiebaSegmenter } from '../../../src/adapters/insights/jieba.segmenter.ts';

describe('jieba segmenter', () => {
  it('keeps an added place name whole', async () => {
    const seg = await createJiebaSegmenter();
    const text = '伊景园滨河苑捆绑销售车位，丽发新城旁边的搅拌站噪音大';
    const before = seg.cut(text);
    expect(before).not.toContain('伊景园滨河苑');
    expect(before.join('')).toBe(text);
    seg.addWords(['伊景园滨河苑', '丽发新城']);
    const after = seg.cut(text);
    expect(after).toContain('伊景园滨河苑');
    expect(after).toContain('丽发新城');
    expect(after).toContain('搅拌站');
    expect(after.join('')).toBe(text);
  });
});

// A problem's title reads as a phrase: place, the first keyword that is a whole word, the category's Chinese name —
// not a list of the segmenter's fragments (3号楼：物业费、照收、草坪却).
import { describe, expect, it } from 'vitest';
import { titleOf, titleWord } from '../../../../src/core/insights/describe.ts';

describe('problem titles', () => {
  it('trims fragments to whole words, drops what is left with one character', () => {
    expect(titleWord('草坪却')).toBe('草坪');
    expect(titleWord('电动车乱')).toBe('电动车');
    expect(titleWord('又坏了')).toBeNull();
    expect(titleWord('老人')).toBe('老人');
    expect(titleWord('物业费')).toBe('物业费');
  });

  it('reads as place + keyword + category, as the sandbox problems should have', () => {
    expect(titleOf('3号楼', ['物业费', '照收', '草坪却'], 'property_service')).toBe('3号楼物业费问题（物业服务）');
    expect(titleOf('5号楼楼道', ['电动车乱', '充电', '消防车'], 'fire_safety')).toBe('5号楼楼道电动车问题（消防安全）');
    expect(titleOf('东园小区5号楼', ['又坏了', '电梯', '老人'], 'facility_repair')).toBe('东园小区5号楼电梯问题（设施维修）');
    expect(titleOf(undefined, ['又坏了'], 'facility_repair')).toBe('设施维修问题');
    expect(titleOf('翠微苑', ['搅拌站'], undefined)).toBe('翠微苑搅拌站问题');
    expect(titleOf(undefined, [], 'other')).toBeNull();
  });
});

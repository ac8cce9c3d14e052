// Lines of an appeals file: local and ISO times, optional fields, and the reason a line is not an appeal.
import { describe, expect, it } from 'vitest';
import { parseAppealLine, parseAppealTime } from '../../../src/adapters/insights/appeals-file.ts';

describe('appeals file', () => {
  it('reads YYYY-MM-DD HH:MM:SS as local time and ISO 8601 with its zone', () => {
    expect(parseAppealTime('2019-02-28 11:25:05')!.getTime()).toBe(new Date(2019, 1, 28, 11, 25, 5).getTime());
    expect(parseAppealTime('2019-02-28')!.getTime()).toBe(new Date(2019, 1, 28).getTime());
    expect(parseAppealTime('2019-02-28T03:25:05Z')!.toISOString()).toBe('2019-02-28T03:25:05.000Z');
    expect(parseAppealTime('2019-02-28T11:25:05+08:00')!.toISOString()).toBe('2019-02-28T03:25:05.000Z');
    for (const bad of ['2019-02-30 10:00:00', '2019-13-01', '2019-02-28 24:00:00', 'yesterday', '28/02/2019', '']) expect(parseAppealTime(bad), bad).toBeUndefined();
  });

  it('takes the optional fields and says why a line is not an appeal', () => {
    expect(parseAppealLine(JSON.stringify({ id: 188006, user: 'A1', text: '丽发新城搅拌站', time: '2019-02-28 11:25:05', likes: 3, dislikes: 0, category: '噪音', place: '丽发新城', extra: 1 }))).toEqual({
      id: '188006', user: 'A1', text: '丽发新城搅拌站', time: new Date(2019, 1, 28, 11, 25, 5), likes: 3, dislikes: 0, category: '噪音', place: '丽发新城',
    });
    expect(parseAppealLine('{"id":"1","text":"x"')).toBe('not JSON');
    expect(parseAppealLine('"text"')).toBe('not a JSON object');
    expect(parseAppealLine('{"text":"x","time":"2019-01-01"}')).toBe('no "id"');
    expect(parseAppealLine('{"id":"1","text":"  ","time":"2019-01-01"}')).toBe('no "text"');
    expect(parseAppealLine('{"id":"1","text":"x"}')).toBe('no "time"');
    expect(parseAppealLine('{"id":"1","text":"x","time":"2019-01-01","likes":-2}')).toBe('"likes" is not a count');
  });
});

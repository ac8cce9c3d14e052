import { writeFileSync } from 'node:fs';
import path from 'node:path';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createLayeredCalendar } from '../../../../src/adapters/calendar/layered.calendar.ts';
import { HolidaysFileError, parseHolidaysText, readHolidaysFile } from '../../../../src/adapters/calendar/holidays-file.ts';
import { ROOT, tempDir } from '../../../support/cli.ts';

describe('the holidays file (the State Council arrangement, loaded by the operator)', () => {
  it('reads several years, expanding ranges', () => {
    const years = parseHolidaysText(
      [
        '- year: 2027',
        '  source: "国办发明电〔2026〕X号"',
        '  off: ["2027-01-01", "2027-02-05..2027-02-07"]',
        '  work: ["2027-02-14"]',
        '- year: 2028',
        '  source: later',
        '  off: [2028-01-01]',
      ].join('\n'),
      'h.yaml',
    );
    expect(years.map((y) => y.year)).toEqual([2027, 2028]);
    expect([...years[0]!.off]).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07']);
    expect([...years[0]!.work]).toEqual(['2027-02-14']);
    expect(years[1]!.work.size).toBe(0);
    expect(years[1]!.source).toBe('later');
  });

  it('refuses a bad file naming the file, the line and the problem', () => {
    const text = [
      'year: 2027', // 1
      'source: x', // 2
      'off:', // 3
      '  - 2027-01-01', // 4
      '  - "2027-02-30"', // 5: no such date
      '  - "2027-02-11..2027-02-05"', // 6: backwards
      'work:', // 7
      '  - "2027-01-01"', // 8: both off and work
      '  - "2027-02-17"', // 9: a Wednesday cannot be a make-up day
    ].join('\n');
    let error: unknown;
    try {
      parseHolidaysText(text, 'holidays.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HolidaysFileError);
    const lines = (error as Error).message.split('\n');
    expect(lines.some((l) => /^holidays\.yaml:5: .*2027-02-30/.test(l))).toBe(true);
    expect(lines.some((l) => /^holidays\.yaml:6: .*2027-02-11\.\.2027-02-05/.test(l))).toBe(true);
    expect(lines.some((l) => /^holidays\.yaml:8: .*2027-01-01.*both/.test(l))).toBe(true);
    expect(lines.some((l) => /^holidays\.yaml:9: .*2027-02-17.*Saturday or Sunday/.test(l))).toBe(true);
  });

  it('refuses unknown fields, a missing year, a repeated year and broken YAML', () => {
    const bad = (text: string) => {
      try {
        parseHolidaysText(text, 'h.yaml');
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad('year: 2027\nsource: x\nof: []\n')).toMatch(/h\.yaml:3: .*of/);
    expect(bad('source: x\noff: []\n')).toMatch(/h\.yaml:1: .*year/);
    expect(bad('- { year: 2027, source: x }\n- { year: 2027, source: y }\n')).toMatch(/h\.yaml:2: .*2027.*twice/);
    expect(bad('year: 2027\noff: [2027-01-01\n')).toMatch(/h\.yaml:\d+: YAML/);
    expect(bad('year: 2027\nsource: x\noff: ["2029-05-01"]\n')).toMatch(/h\.yaml:3: .*2029-05-01.*2027/);
    // one date, off in one year's entry and a working day in another's
    expect(bad('- { year: 2027, source: x, off: ["2027-12-31"] }\n- { year: 2028, source: y, work: ["2027-12-31"] }\n')).toMatch(
      /h\.yaml:2: work: 2027-12-31 is listed both as a day off and as a working day \(line 1\)/,
    );
  });

  it('refuses a date with no such month or day as a bad date, not a crash, and says what source is', () => {
    const bad = (text: string) => {
      try {
        parseHolidaysText(text, 'h.yaml');
      } catch (e) {
        return e instanceof HolidaysFileError ? (e as Error).message : `crash: ${(e as Error).message}`;
      }
      return 'accepted';
    };
    expect(bad('year: 2027\nsource: x\noff: [2027-01-01, 2027-13-01]\n')).toMatch(/^h\.yaml:3: off: "2027-13-01" is not a date/);
    expect(bad('year: 2027\nsource: x\nwork: ["2027-02-14..2027-02-99"]\n')).toMatch(/^h\.yaml:3: work: "2027-02-14\.\.2027-02-99" is not a date/);
    // a missing source names what to write there
    expect(bad('year: 2027\noff: [2027-01-01]\n')).toMatch(/^h\.yaml:1: source: required: the title of the State Council notice/);
    // every problem at once: the missing source and the bad dates after it
    const all = bad('year: 2027\noff: [2027-01-01, 2027-13-01]\nwork: [2027-02-17]\n').split('\n');
    expect(all).toHaveLength(3);
    expect(all[1]).toMatch(/^h\.yaml:2: off: "2027-13-01" is not a date/);
    expect(all[2]).toMatch(/^h\.yaml:3: work: 2027-02-17 is a weekday/);
  });

  it('reads from disk and says when the file is missing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'holidays.yaml');
    writeFileSync(file, 'year: 2027\nsource: x\noff: ["2027-01-01"]\n');
    expect(readHolidaysFile(file)[0]!.off.has('2027-01-01')).toBe(true);
    expect(() => readHolidaysFile(path.join(dir, 'nope.yaml'))).toThrow(/nope\.yaml.*not found/);
  });

  it('ships an example that reproduces the official 2026 arrangement day by day', () => {
    const calendar = createLayeredCalendar(readHolidaysFile(path.join(ROOT, 'data/holidays.example.yaml')));
    expect(calendar.sourceOf('2026-05-09')).toEqual({ kind: 'file', source: '国务院办公厅关于2026年部分节假日安排的通知' });
    for (let t = Date.parse('2026-01-01'); t < Date.parse('2027-01-01'); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect([day, calendar.isWorkday(day)]).toEqual([day, chineseDays.isWorkday(day)]);
    }
  });
});

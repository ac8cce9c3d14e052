// collapseRepeats looks for a flood run only where a cheap scan finds a long enough periodic stretch: it must say
// exactly what the plain regex reading says, on real lines and on runs made to sit at the scan's edges.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collapseRepeats } from '../../../../src/core/triage/summary.ts';

/** The reading before the scan: REPEATED_RUN over every text of 30 units or more. */
function reference(text: string): string {
  if (text.length < 30) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(.{2,50}?)\1{2,}/gsu)) {
    const [run, phrase] = m as unknown as [string, string];
    if (m.index < last || run.length < 30 || /^(.)\1*$/su.test(phrase)) continue;
    let end = m.index + run.length;
    let k = 0;
    while (k < phrase.length - 1 && text[end + k] === phrase[k]) k++;
    if (end + k === text.length || /[\s\p{P}]/u.test(text[end + k]!)) end += k;
    out += text.slice(last, m.index) + phrase;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const jsonl = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);

describe('collapseRepeats', () => {
  it('says what the regex reading says on every corpus message and hazard line', () => {
    const texts = [
      ...jsonl(path.join(ROOT, 'data', 'corpus', 'neighbourhood.jsonl')),
      ...readdirSync(path.join(ROOT, 'bench', 'data'))
        .filter((f) => /^hazard-lines\.[a-z]+\.jsonl$/.test(f))
        .flatMap((f) => jsonl(path.join(ROOT, 'bench', 'data', f))),
    ];
    expect(texts.filter((t) => collapseRepeats(t) !== reference(t))).toEqual([]);
  });

  it('says what the regex reading says on runs of every period and length around the limits, wherever they start', () => {
    let seed = 1;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const alphabet = ['电', '梯', '坏', '了', '，', ' ', 'a', '😀', '楼', '哈', '1'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]!).join('');
    let collapsed = 0;
    for (let i = 0; i < 4000; i++) {
      const phrase = word(1 + rnd(i % 4 === 0 ? 52 : 12));
      const times = 2 + rnd(i % 3 === 0 ? 30 : 8);
      const text = word(rnd(45)) + phrase.repeat(times) + phrase.slice(0, rnd(phrase.length + 1)) + word(rnd(45));
      const want = reference(text);
      expect(collapseRepeats(text), JSON.stringify(text)).toBe(want);
      if (want !== text) collapsed++;
    }
    // the runs did reach the flood length often
    expect(collapsed).toBeGreaterThan(800);
  });

  it('collapses a pasted flood and leaves ordinary talk as it was', () => {
    expect(collapseRepeats('电梯坏了'.repeat(20))).toBe('电梯坏了');
    const talk = '快来人快来人快来人 3栋电梯卡住了 里面有人';
    expect(collapseRepeats(talk)).toBe(talk);
  });
});

// Telegram sweep, session 17: a flood whose next words only began like its phrase lost their first characters ("我们楼"
// after a run of "我要反映一个问题，…" became "们楼"): a cut-off copy is eaten only where it ends the text or a clause.
describe('what follows a flood run', () => {
  it.each([
    ['电梯坏了'.repeat(10) + '电话打不通', '电梯坏了电话打不通'],
    ['我要反映一个问题，'.repeat(6) + '我们楼的下水道堵了', '我要反映一个问题，我们楼的下水道堵了'],
    ['电梯坏了'.repeat(10) + '电梯坏', '电梯坏了'],
    ['电梯坏了'.repeat(10) + '电梯坏，快来修', '电梯坏了，快来修'],
  ])('%s → %s', (text, said) => {
    expect(collapseRepeats(text)).toBe(said);
  });
});

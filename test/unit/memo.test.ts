import { describe, expect, it } from 'vitest';
import { boundedMemo, weakMemo } from '../../src/core/util/memo.ts';

describe('memo', () => {
  it('weakMemo works a key object out once, and each key on its own, falsy answers included', () => {
    let calls = 0;
    const f = weakMemo((o: { n: number }) => (calls++, o.n === 0 ? undefined : o.n * 2));
    const a = { n: 2 };
    const zero = { n: 0 };
    expect([f(a), f(a), f({ n: 2 }), f(zero), f(zero)]).toEqual([4, 4, 4, undefined, undefined]);
    expect(calls).toBe(3);
  });

  it('boundedMemo works a value out once and forgets everything once full', () => {
    let calls = 0;
    const f = boundedMemo((s: string) => (calls++, s.length), 2);
    expect([f('a'), f('bb'), f('a')]).toEqual([1, 2, 1]);
    expect(calls).toBe(2);
    f('ccc'); // the third: all forgotten, then it is kept
    expect(calls).toBe(3);
    f('a');
    expect(calls).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/core/util/group-commit.ts';

describe('GroupCommit', () => {
  it('flushes a batch in the given order, whatever order the calls came in, and answers each call its own result', async () => {
    const flushes: number[][] = [];
    const gc = new GroupCommit<number, string>(async (items) => (flushes.push(items), items.map((i) => `r${i}`)), { order: (a, b) => a - b });
    const results = await Promise.all([3, 1, 4, 2].map((i) => gc.submit(i)));
    expect(flushes).toEqual([[1, 2, 3, 4]]);
    expect(results).toEqual(['r3', 'r1', 'r4', 'r2']);
  });

  it('flushes a lone call at once and collects the calls made while a flush runs into the next', async () => {
    const flushes: number[][] = [];
    let release: () => void = () => undefined;
    const gc = new GroupCommit<number, string>(async (items) => {
      flushes.push(items);
      if (flushes.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((i) => `r${i}`);
    });
    const first = gc.submit(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4].map((i) => gc.submit(i));
    release();
    expect(await first).toBe('r1');
    expect(await Promise.all(rest)).toEqual(['r2', 'r3', 'r4']);
    expect(flushes).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a flush at maxBatch and rejects every call of a failed flush, then goes on', async () => {
    const sizes: number[] = [];
    let fail = true;
    const gc = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      if (fail) {
        fail = false;
        throw new Error('database away');
      }
      return items;
    }, { maxBatch: 2 });
    const calls = [1, 2, 3, 4, 5].map((i) => gc.submit(i).then((r) => `ok ${r}`, (e: Error) => e.message));
    expect(await Promise.all(calls)).toEqual(['database away', 'database away', 'ok 3', 'ok 4', 'ok 5']);
    expect(sizes).toEqual([2, 2, 1]);
  });
});

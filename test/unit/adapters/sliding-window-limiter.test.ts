import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlidingWindowLimiter } from '../../../src/adapters/chat/sliding-window-limiter.ts';

/** Asks for `keys` in order and records, per ask, the (fake) time it was let through. */
function ask(limiter: SlidingWindowLimiter, keys: string[]) {
  const at: { key: string; at: number }[] = [];
  const all = Promise.all(keys.map((key) => limiter.acquire(key).then(() => void at.push({ key, at: Date.now() }))));
  return { at, all };
}

describe('SlidingWindowLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets at most max through in any window, and makes the rest wait (none dropped)', async () => {
    const limiter = new SlidingWindowLimiter({ global: [{ max: 3, durationMs: 1000 }], perKey: () => [] });
    const { at, all } = ask(limiter, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    await vi.advanceTimersByTimeAsync(0);
    expect(at.map((x) => x.at)).toEqual([0, 0, 0]);
    expect(limiter.pending).toBe(4);
    await vi.advanceTimersByTimeAsync(5000);
    await all;
    expect(at.map((x) => x.at)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    expect(at.map((x) => x.key).join('')).toBe('abcdefg');
  });

  it('keeps each chat apart and under its per-minute cap, without holding back other chats', async () => {
    const limiter = new SlidingWindowLimiter({
      global: [{ max: 30, durationMs: 1000 }],
      perKey: () => [{ max: 1, durationMs: 1000 }, { max: 3, durationMs: 60_000 }],
    });
    const { at, all } = ask(limiter, ['g1', 'g1', 'g1', 'g1', 'g2', 'g3']);
    await vi.advanceTimersByTimeAsync(0);
    // g2 and g3 need not wait behind g1
    expect(at).toEqual([{ key: 'g1', at: 0 }, { key: 'g2', at: 0 }, { key: 'g3', at: 0 }]);
    await vi.advanceTimersByTimeAsync(120_000);
    await all;
    expect(at.filter((x) => x.key === 'g1').map((x) => x.at)).toEqual([0, 1000, 2000, 60_000]);
  });

  it('serves one chat in the order asked, also after waiting', async () => {
    const limiter = new SlidingWindowLimiter({ global: [{ max: 2, durationMs: 1000 }], perKey: () => [{ max: 1, durationMs: 500 }] });
    const order: string[] = [];
    const all = Promise.all(['x1', 'x2', 'x3', 'y1', 'y2'].map((n) => limiter.acquire(n[0]!).then(() => void order.push(n))));
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    expect(order.filter((n) => n.startsWith('x'))).toEqual(['x1', 'x2', 'x3']);
    expect(order.filter((n) => n.startsWith('y'))).toEqual(['y1', 'y2']);
    // the grant log never shows more than 2 in a second, nor two of one chat within 500 ms
    const g = limiter.granted;
    for (let i = 0; i + 2 < g.length; i++) expect(g[i + 2]!.at - g[i]!.at).toBeGreaterThanOrEqual(1000);
    for (const key of ['x', 'y']) {
      const ts = g.filter((e) => e.key === key).map((e) => e.at);
      for (let i = 1; i < ts.length; i++) expect(ts[i]! - ts[i - 1]!).toBeGreaterThanOrEqual(500);
    }
  });
});

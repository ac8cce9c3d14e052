import { describe, expect, it } from 'vitest';
import { broadcastConcurrency, estimateBroadcast } from '../../../src/core/broadcast/broadcast-estimate.ts';

describe('broadcast estimate', () => {
  const t0 = new Date('2026-11-23T01:00:00Z');
  const rate40 = { max: 40, durationMs: 1000 };
  const none = { intervalMs: 0, jitterMs: 0 };

  it('counts the windows after the first: the first window’s sends go at once', () => {
    expect(estimateBroadcast(0, rate40, none, t0)).toMatchObject({ sends: 0, floorMs: 0, estimatedMs: 0 });
    expect(estimateBroadcast(1, rate40, none, t0).floorMs).toBe(0);
    expect(estimateBroadcast(40, rate40, none, t0).floorMs).toBe(0); // n ≤ max: no window to wait for
    expect(estimateBroadcast(41, rate40, none, t0).floorMs).toBe(1000); // max + 1: one window
    expect(estimateBroadcast(80, rate40, none, t0).floorMs).toBe(1000);
    expect(estimateBroadcast(81, rate40, none, t0).floorMs).toBe(2000);
    expect(estimateBroadcast(1000, rate40, none, t0)).toMatchObject({ floorMs: 24_000, jitterAllowanceMs: 0, estimatedMs: 24_000 });
    expect(estimateBroadcast(1001, rate40, none, t0).floorMs).toBe(25_000);
    expect(estimateBroadcast(3, { max: 1, durationMs: 1500 }, none, t0).floorMs).toBe(3000);
  });

  it('with an account paced per send (WeChat): n − 1 gaps of at least the interval, jitter on average half its range', () => {
    // 8 sends, limiter 1 per 1,500 ms, pace 1,500 ms + 0–1,000 ms: 7 gaps
    const wechat = estimateBroadcast(8, { max: 1, durationMs: 1500 }, { intervalMs: 1500, jitterMs: 1000 }, t0);
    expect(wechat).toMatchObject({ sends: 8, floorMs: 10_500, jitterAllowanceMs: 3_500, estimatedMs: 14_000 });
    expect(wechat.finishAt.toISOString()).toBe('2026-11-23T01:00:14.000Z');
    expect(wechat.explanation).toContain('至少 10.5 秒');
    expect(wechat.explanation).toContain('预计约 14.0 秒');
    // the pace is slower than the limiter: it sets the floor
    expect(estimateBroadcast(41, rate40, { intervalMs: 100, jitterMs: 0 }, t0).floorMs).toBe(4000);
    // both at once: the last window's sends are paced too (1,000 at 40 a second, 5 ms + 0–10 ms apart: 24 windows,
    // then the last window's 39 gaps); the old max(limiter, pace) said 24,000
    expect(estimateBroadcast(1000, rate40, { intervalMs: 5, jitterMs: 10 }, t0)).toMatchObject({ floorMs: 24_000 + 39 * 5, estimatedMs: 24_000 + 39 * 10 });
    expect(estimateBroadcast(41, rate40, { intervalMs: 5, jitterMs: 0 }, t0).floorMs).toBe(1000); // one send after the window
    // the limiter is slower than the pace with its whole jitter: the jitter costs nothing
    expect(estimateBroadcast(5, { max: 1, durationMs: 3000 }, { intervalMs: 1000, jitterMs: 1000 }, t0)).toMatchObject({ floorMs: 12_000, estimatedMs: 12_000 });
    expect(estimateBroadcast(1, { max: 1, durationMs: 1500 }, { intervalMs: 1500, jitterMs: 1000 }, t0)).toMatchObject({ floorMs: 0, estimatedMs: 0 });
    expect(estimateBroadcast(0, { max: 1, durationMs: 1500 }, { intervalMs: 1500, jitterMs: 1000 }, t0)).toMatchObject({ floorMs: 0, estimatedMs: 0 });
  });

  it('says it in words, from the start time', () => {
    const e = estimateBroadcast(1000, rate40, none, t0);
    expect(e.explanation).toContain('25 批');
    expect(e.explanation).toContain('至少 24.0 秒');
    expect(e.finishAt.toISOString()).toBe('2026-11-23T01:00:24.000Z');
    expect(estimateBroadcast(4, { max: 1, durationMs: 50 }, none, t0).explanation).toContain('至少 0.15 秒');
    // WeChat's defaults, 1,000 groups: 999 gaps of 1,500 ms, 2,000 ms with the mean jitter
    const wechat = estimateBroadcast(1000, { max: 1, durationMs: 1500 }, { intervalMs: 1500, jitterMs: 1000 }, t0);
    expect(wechat.explanation).toContain('至少 24 分 58 秒，预计约 33 分 18 秒');
  });

  it('handles as many copies side by side as a window starts, unless the account is paced slower than the limiter', () => {
    expect(broadcastConcurrency({ max: 40, durationMs: 1000 })).toBe(16);
    expect(broadcastConcurrency({ max: 10, durationMs: 1000 })).toBe(10);
    expect(broadcastConcurrency({ max: 1, durationMs: 1500 }, 1500)).toBe(1); // WeChat's defaults: one at a time
    expect(broadcastConcurrency({ max: 40, durationMs: 1000 }, 20)).toBe(16); // the pace allows 50 a second
    expect(broadcastConcurrency({ max: 40, durationMs: 1000 }, 100)).toBe(2); // the pace allows 10: copies would wait
    expect(broadcastConcurrency({ max: 0, durationMs: 1000 })).toBe(1);
  });
});

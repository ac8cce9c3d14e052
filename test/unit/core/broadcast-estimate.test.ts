import { describe, expect, it } from 'vitest';
import { estimateBroadcast } from '../../../src/core/broadcast/broadcast-estimate.ts';
import { isBotNotInGroup } from '../../../src/core/broadcast/broadcast.service.ts';

describe('broadcast estimate', () => {
  const t0 = new Date('2026-11-23T01:00:00Z');

  it('is ceil(n / max) windows of the rate, plus one jitter per window when the platform adds jitter', () => {
    expect(estimateBroadcast(1000, { max: 40, durationMs: 1000 }, 0, t0)).toMatchObject({ floorMs: 25_000, estimatedMs: 25_000 });
    expect(estimateBroadcast(1001, { max: 40, durationMs: 1000 }, 0, t0).floorMs).toBe(26_000);
    const wechat = estimateBroadcast(8, { max: 1, durationMs: 1500 }, 1000, t0);
    expect(wechat).toMatchObject({ floorMs: 12_000, jitterAllowanceMs: 8_000, estimatedMs: 20_000 });
    expect(wechat.finishAt.toISOString()).toBe('2026-11-23T01:00:20.000Z');
    expect(wechat.explanation).toContain('至少 12.0 秒');
    expect(estimateBroadcast(0, { max: 40, durationMs: 1000 }, 0, t0).floorMs).toBe(0);
  });
});

describe('bot not in group', () => {
  it('recognises the gateways’ answers, and not ordinary failures', () => {
    expect(isBotNotInGroup(new Error('WeChat room r1 not found (is the bot still in it?)'))).toBe(true);
    expect(isBotNotInGroup(Object.assign(new Error('x'), { code: 'NOT_IN_GROUP' }))).toBe(true);
    expect(isBotNotInGroup(new Error('Forbidden: bot was kicked from the group chat'))).toBe(true);
    expect(isBotNotInGroup(new Error('ETIMEDOUT'))).toBe(false);
    expect(isBotNotInGroup(new Error('no chat gateway for platform TELEGRAM'))).toBe(false);
  });
});

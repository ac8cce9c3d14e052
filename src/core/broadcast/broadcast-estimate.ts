// How long a broadcast takes from its creation to its last send, at the platform's send rate and the account's pace.
//
// The limiter lets at most `max` sends start in any `durationMs` (send i + max starts at least durationMs after send
// i), and the first window's sends go at once: n sends fill W = ceil(n / max) windows and the last one starts after
// the first W − 1 of them. An account paced per send (WeChat: the gateway's PacedSender) waits at least `intervalMs`
// plus a random 0…jitterMs between two sends. Both hold at once: the last send comes W − 1 windows after send
// n − 1 − (W − 1) × max, which itself comes that many gaps after the first; or all n − 1 gaps one after another,
// whichever is longer. The least possible time (n ≥ 1; 0 for n = 0), with g the gap:
//
//   floor     = max((W − 1) × durationMs + (n − 1 − (W − 1) × max) × g, (n − 1) × g)      g = intervalMs
//   estimated = the same with g = intervalMs + jitterMs / 2                                 (the jitter's mean per gap)
//
// plus the time to store the deliveries and make the last send, which the floor leaves out.

export interface SendRate {
  max: number;
  durationMs: number;
}

/** The account's own pace per send, on top of the limiter (WeChat's PacedSender); zero where the gateway adds none. */
export interface SendPace {
  intervalMs: number;
  jitterMs: number;
}

export const NO_PACE: SendPace = { intervalMs: 0, jitterMs: 0 };

export interface BroadcastEstimate {
  sends: number;
  /** The least possible time to the last send (see the formula above). */
  floorMs: number;
  /** What the random pacing jitter adds on average (estimatedMs − floorMs). */
  jitterAllowanceMs: number;
  estimatedMs: number;
  finishAt: Date;
  /** The estimate in words, for people (Chinese). */
  explanation: string;
}

export function estimateBroadcast(sends: number, rate: SendRate, pace: SendPace, startAt: Date): BroadcastEstimate {
  const n = Math.max(0, Math.floor(sends));
  const windows = Math.ceil(n / Math.max(1, rate.max));
  const gaps = Math.max(0, n - 1);
  const intervalMs = Math.max(0, pace.intervalMs);
  const jitterMs = Math.max(0, pace.jitterMs);
  const full = Math.max(0, windows - 1);
  // the gaps left after the last full window's worth of sends: those of the last window
  const lastGaps = Math.max(0, gaps - full * Math.max(1, rate.max));
  const least = (gap: number) => Math.max(full * rate.durationMs + lastGaps * gap, gaps * gap);
  const floorMs = least(intervalMs);
  const estimatedMs = least(intervalMs + jitterMs / 2);
  const paced = intervalMs > 0 || jitterMs > 0 ? `，每条间隔至少 ${intervalMs} 毫秒另加随机 0–${jitterMs} 毫秒` : '';
  return {
    sends: n,
    floorMs,
    jitterAllowanceMs: estimatedMs - floorMs,
    estimatedMs,
    finishAt: new Date(startAt.getTime() + estimatedMs),
    explanation:
      `${n} 个群 ÷ 每 ${rate.durationMs} 毫秒最多 ${rate.max} 条 = ${windows} 批（首批立即发出）${paced}` +
      ` → 至少 ${duration(floorMs)}，预计约 ${duration(estimatedMs)}`,
  };
}

/** 0.15 秒 · 24.0 秒 · 24 分 58 秒 (whole seconds, rounded down, from two minutes on). */
function duration(ms: number): string {
  if (ms < 120_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} 秒`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

/** Copies a broadcast worker handles side by side, at most. */
const MAX_BROADCAST_CONCURRENCY = 16;

/**
 * How many copies one worker handles side by side on a queue: as many as the limiter lets start in one window (up to
 * 16), so that a window's sends start together rather than one copy's store reads after another's; the limiter, not
 * the worker, sets the rate. But where the account's own pace (`intervalMs` between two sends) allows fewer sends per
 * window than the limiter, the copies would only wait in the gateway after their attempt began, and a crash leaves
 * each such copy uncertain (FAILED, never resent blindly): then two, one sending while the next is prepared.
 */
export function broadcastConcurrency(rate: SendRate, intervalMs = 0): number {
  const byRate = Math.min(MAX_BROADCAST_CONCURRENCY, Math.max(1, Math.floor(rate.max)));
  const paceBound = intervalMs > 0 && intervalMs * rate.max > rate.durationMs;
  return paceBound ? Math.min(2, byRate) : byRate;
}

// How long a broadcast takes at the platform's send rate: the limiter lets at most `max` sends start per
// `durationMs`, so n sends need ceil(n / max) windows. That is a floor; the platform's own jitter comes on top.

export interface SendRate {
  max: number;
  durationMs: number;
}

export interface BroadcastEstimate {
  sends: number;
  /** ceil(sends / max) · durationMs. */
  floorMs: number;
  /** Extra allowed for random pacing jitter: one jitter per window. */
  jitterAllowanceMs: number;
  estimatedMs: number;
  finishAt: Date;
  /** The estimate in words, for people (Chinese). */
  explanation: string;
}

export function estimateBroadcast(sends: number, rate: SendRate, jitterMs: number, startAt: Date): BroadcastEstimate {
  const windows = Math.ceil(sends / Math.max(1, rate.max));
  const floorMs = windows * rate.durationMs;
  const jitterAllowanceMs = windows * Math.max(0, jitterMs);
  const estimatedMs = floorMs + jitterAllowanceMs;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;
  return {
    sends,
    floorMs,
    jitterAllowanceMs,
    estimatedMs,
    finishAt: new Date(startAt.getTime() + estimatedMs),
    explanation:
      `${sends} 个群 ÷ 每 ${rate.durationMs} 毫秒最多 ${rate.max} 条 → 至少 ${seconds(floorMs)}` +
      (jitterAllowanceMs > 0 ? `，另加随机间隔余量 ${seconds(jitterAllowanceMs)}（每批 ${jitterMs} 毫秒）` : '') +
      `，预计约 ${seconds(estimatedMs)}`,
  };
}

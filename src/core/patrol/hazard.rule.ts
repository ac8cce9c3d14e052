// Hazard rule: fire and life-safety signals in group chatter, read with the one hazard rule set (core/hazard) that
// also sets a ticket's urgency. Emergencies (煤气味, 着火, 有人被困 …) are CRITICAL; hazards before anything burns or
// falls (飞线充电, 电动车进电梯, 楼道堆物, 井盖快塌) are HIGH. Drills, notices, news and dangers over do not count.
import { detectHazard } from '../hazard/detect-hazard.ts';
import { HAZARD_LABEL_ZH, HAZARD_RULES, type HazardRule } from '../hazard/hazard-rules.ts';
import { chinaDate } from '../sla/deadlines.ts';
import { findingSummary, HOUR_MS } from './patrol-text.ts';
import type { NewPatrolFinding, PatrolGroupRef, PatrolMessage, PatrolSeverity } from './patrol.types.ts';

export { HAZARD_LABEL_ZH };

export interface HazardOptions {
  rules: readonly HazardRule[];
  /** One finding per kind per group per this window: several residents shouting "着火了" make one alert. */
  dedupWindowMs: number;
}

export const DEFAULT_HAZARD_OPTIONS: HazardOptions = {
  rules: HAZARD_RULES,
  dedupWindowMs: HOUR_MS,
};

/** The rules saw nothing, but triage (the hazard model, the LLM) made the message an urgent or emergency ticket. */
function raisedByTriage(msg: PatrolMessage): { kind: string; level: 'urgent' | 'emergency'; signal: string } | null {
  if (!msg.raised) return null;
  return { kind: 'triage', level: msg.raised === 'EMERGENCY' ? 'emergency' : 'urgent', signal: 'triage' };
}

/** A life-safety signal in one message: CRITICAL for emergencies, HIGH for hazards. */
export function hazardFinding(msg: PatrolMessage, group: PatrolGroupRef, options: Partial<HazardOptions> = {}): NewPatrolFinding | null {
  // a pasted copy of the bot's receipt or alert repeats a danger already reported: no new finding
  if (msg.echo) return null;
  const o = { ...DEFAULT_HAZARD_OPTIONS, ...options };
  const m = detectHazard(msg.text, o.rules) ?? raisedByTriage(msg);
  if (!m) return null;
  const severity: PatrolSeverity = m.level === 'emergency' ? 'CRITICAL' : 'HIGH';
  const bucket = Math.floor(msg.sentAt.getTime() / o.dedupWindowMs);
  // a danger only triage saw has no kind to gather reports under: one finding per ticket (or message), so a second
  // resident's different danger in the same hour is a finding and an alert of its own, not folded into the first
  const dedupKey = m.kind === 'triage' ? `hazard:${group.id}:triage:${msg.ticketId !== null ? `t${msg.ticketId}` : `m${msg.id}`}` : `hazard:${group.id}:${m.kind}:${bucket}`;
  return {
    rule: 'hazard',
    severity,
    groupId: group.id,
    messageId: msg.id,
    ticketId: msg.ticketId,
    // 加急 / 紧急 as the ticket's receipt says them
    summary: findingSummary(HAZARD_LABEL_ZH[m.kind] ?? (m.kind === 'triage' ? (m.level === 'emergency' ? '紧急诉求' : '加急诉求') : '安全隐患'), group.title, msg.text),
    data: { kind: m.kind, signal: m.signal, urgency: m.level, day: chinaDate(msg.sentAt) },
    dedupKey,
  };
}

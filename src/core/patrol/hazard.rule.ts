// Hazard rule: fire and life-safety signals in group chatter. Emergencies (煤气味, 着火, 有人被困 …) come from triage's
// urgency rules; the fire hazards residents see before anything burns (飞线充电, 电动车进电梯, 楼道堆物) are added here.
import { chinaDate } from '../sla/deadlines.ts';
import { detectUrgency, URGENCY_RULES, type Term, type UrgencyRule } from '../triage/urgency.ts';
import { findingSummary, firstTerm, HOUR_MS } from './patrol-text.ts';
import type { NewPatrolFinding, PatrolGroupRef, PatrolMessage, PatrolSeverity } from './patrol.types.ts';

/** Gaps inside a pattern may not hold a clause break or a negation: "楼道里没有堆东西" is not a blocked corridor. */
const G = '[^，。！？,.!?；;\\s不没未无别勿禁]';
const EBIKE = '(?:电动车|电瓶车|电单车|电摩|电动自行车|电车)';

/**
 * Staff notices and reminders ("严禁电动车进电梯", "请勿在楼道堆放杂物") cancel the fire-hazard rules. A resident's
 * complaint that quotes the rule ("说了不要堆，又堆满了") is cancelled too: triage still turns it into a ticket.
 */
export const HAZARD_NOTICE_MARKERS: readonly Term[] = ['严禁', '禁止', '请勿', '切勿', '不要', '不得', '倡议', '通知', '公告', '排查', '宣传'];

/** The hazard is gone: "电动车已经推出去了", "杂物已清理". */
export const HAZARD_RESOLVED_MARKERS: readonly Term[] = ['推出去了', '推走了', '推下去了', '已推出', '清理干净', '清理掉了', '已清理', '已经清理', '搬走了', '已搬走', '已整改', '整改好了', '已拆除', '拆掉了', '已处理', '处理好了', '收回去了'];

/** Fire hazards not yet burning: HIGH, not CRITICAL. Kinds are stable codes; labels in HAZARD_LABEL_ZH. */
export const FIRE_HAZARD_RULES: readonly UrgencyRule[] = [
  {
    kind: 'flying_wire',
    level: 'urgent',
    terms: [
      '飞线充电', '飞线', '私拉电线', '私拉乱接', '乱拉电线',
      new RegExp(`拉${G}{0,3}(?:电线|线|插座|插排|插线板|接线板)${G}{0,10}充电`),
      new RegExp(`(?:窗户|窗口|阳台|楼上)${G}{0,6}(?:吊|垂|放|挂)${G}{0,3}(?:电线|插排|插线板|接线板)`),
      new RegExp(`(?:楼道|楼梯间|走廊|室内|屋里|家里)${G}{0,4}(?:给)?(?:${EBIKE}|电瓶)充电`),
      new RegExp(`${EBIKE}${G}{0,6}(?:楼道|楼梯间|走廊|室内|屋里)${G}{0,3}充电`),
    ],
    cancelledBy: HAZARD_NOTICE_MARKERS,
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    terms: [
      new RegExp(`${EBIKE}${G}{0,5}(?:进|上|推进|推上|坐)${G}{0,1}电梯`),
      new RegExp(`(?:推|骑|带|扛)(?:着)?${EBIKE}${G}{0,3}(?:进|上)${G}{0,1}(?:电梯|楼)`),
      new RegExp(`${EBIKE}${G}{0,4}(?:推|搬|拎|扛)?上楼`),
      new RegExp(`(?:拎|提|搬|扛)${G}{0,2}电瓶${G}{0,2}上楼`),
    ],
    cancelledBy: HAZARD_NOTICE_MARKERS,
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    terms: [
      new RegExp(`(?:楼道|楼梯间|楼梯口|走廊|消防通道|安全出口|疏散通道|消防车道)${G}{0,6}(?:堆放|堆满|堆了|堆着|摆满|放满|塞满|占满|堵塞|堵住|堵死|被堵|被占|占用)`),
      new RegExp(`(?:堵塞|堵住|堵死|堵了|占用|占了|占着|挡住)${G}{0,4}(?:消防通道|安全出口|疏散通道|消防车道|逃生通道)`),
      new RegExp(`(?:安全出口|消防通道|防火门|逃生通道)${G}{0,4}(?:锁|封)`),
    ],
    cancelledBy: HAZARD_NOTICE_MARKERS,
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    terms: [new RegExp(`(?:灭火器|消防栓|消火栓|烟感|喷淋)${G}{0,4}(?:过期|没了|不见|被偷|坏|空的|没水|缺失|被拆)`)],
    cancelledBy: HAZARD_NOTICE_MARKERS,
  },
  {
    // 高空抛物 that hurt someone is an emergency (triage's falling_object rule); the act alone is a hazard
    kind: 'high_throw',
    level: 'urgent',
    terms: ['高空抛物', '高空坠物', '往楼下扔', '从楼上扔', '楼上扔下', '从窗户扔', '往窗外扔'],
    cancelledBy: HAZARD_NOTICE_MARKERS,
  },
];

/** Triage's urgency rules that are about fire and life safety (outages, sewage and lifts stay with tickets). */
export const LIFE_SAFETY_KINDS: readonly string[] = ['gas_leak', 'fire', 'explosion', 'trapped', 'electric_shock', 'falling_object', 'collapse', 'exposed_wire', 'suicide', 'medical'];

export const HAZARD_LABEL_ZH: Record<string, string> = {
  flying_wire: '疑似飞线充电',
  ebike_indoors: '电动车进电梯/上楼',
  blocked_exit: '楼道堆物/消防通道堵塞',
  fire_equipment: '消防设施缺损',
  high_throw: '高空抛物',
  gas_leak: '疑似燃气泄漏',
  fire: '疑似火情',
  explosion: '疑似爆炸',
  trapped: '有人被困',
  electric_shock: '漏电/触电',
  falling_object: '高空坠物伤人',
  collapse: '坠落/坍塌险情',
  exposed_wire: '电线裸露',
  suicide: '轻生风险',
  medical: '突发急症',
};

export interface HazardOptions {
  rules: readonly UrgencyRule[];
  resolvedMarkers: readonly Term[];
  /** One finding per kind per group per this window: several residents shouting "着火了" make one alert. */
  dedupWindowMs: number;
}

export const DEFAULT_HAZARD_OPTIONS: HazardOptions = {
  rules: [...URGENCY_RULES.filter((r) => LIFE_SAFETY_KINDS.includes(r.kind)), ...FIRE_HAZARD_RULES],
  resolvedMarkers: HAZARD_RESOLVED_MARKERS,
  dedupWindowMs: HOUR_MS,
};

/** A life-safety signal in one message: CRITICAL for emergencies, HIGH for hazards; drills, notices and negations do not count. */
export function hazardFinding(msg: PatrolMessage, group: PatrolGroupRef, options: Partial<HazardOptions> = {}): NewPatrolFinding | null {
  const o = { ...DEFAULT_HAZARD_OPTIONS, ...options };
  const text = msg.text.normalize('NFKC');
  if (firstTerm(text, o.resolvedMarkers) !== null) return null;
  const m = detectUrgency(text, o.rules);
  if (m.urgency === 'normal' || !m.kind) return null;
  const severity: PatrolSeverity = m.urgency === 'emergency' ? 'CRITICAL' : 'HIGH';
  const bucket = Math.floor(msg.sentAt.getTime() / o.dedupWindowMs);
  return {
    rule: 'hazard',
    severity,
    groupId: group.id,
    messageId: msg.id,
    ticketId: msg.ticketId,
    summary: findingSummary(HAZARD_LABEL_ZH[m.kind] ?? '安全隐患', group.title, msg.text),
    data: { kind: m.kind, signal: m.signal, urgency: m.urgency, day: chinaDate(msg.sentAt) },
    dedupKey: `hazard:${group.id}:${m.kind}:${bucket}`,
  };
}

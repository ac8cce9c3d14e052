// Rule-based urgency: life-safety hazards (the one rule set in core/hazard) are emergencies or urgent by kind; service
// outages that hurt many or the vulnerable are urgent.
import { detectHazard, happensHere } from '../hazard/detect-hazard.ts';
import { HAZARD_RULES, type HazardRule } from '../hazard/hazard-rules.ts';
import { INSURED_BEFORE } from '../hazard/hazard-framing.ts';
import { hazardText, SENTENCE_BREAK, spanAround } from '../hazard/hazard-text.ts';
import { englishServiceUrgency } from '../english/english-appeal.ts';
import { isEnglish } from '../english/english-text.ts';
import { weakMemo } from '../util/memo.ts';
import { mentionsAny } from './term-matcher.ts';
import type { TriageUrgency } from './triage.types.ts';

export type Term = string | RegExp;

export interface UrgencyRule {
  /** Stable code for logs and dashboards, e.g. gas_leak. */
  kind: string;
  level: Exclude<TriageUrgency, 'normal'>;
  /** Any one of these triggers the rule. */
  terms: readonly Term[];
  /** When set, one of these must also appear somewhere in the message for `level` to apply … */
  context?: readonly Term[];
  /** … otherwise the rule still applies at this level (leave unset to ignore the match). */
  levelWithoutContext?: Exclude<TriageUrgency, 'normal'>;
  /** Words anywhere in the message that cancel this rule: planned outages are notices, not appeals. */
  cancelledBy?: readonly Term[];
}

/** Scope of an outage that makes it everyone's problem, not one flat's. */
export const WHOLE_BUILDING: readonly Term[] = ['整栋', '整幢', '全楼', '整个楼', '一栋楼', '整个单元', '全单元', '整个小区', '全小区', '整个区', '家家', '都停', '都没', '大家', '好几家', '整片', /\d+\s*(?:栋|号楼|幢|单元)/, /[一二三四五六七八九十]+(?:号楼|单元)/];
/** Residents for whom a broken lift is a trap, not an inconvenience. */
export const VULNERABLE: readonly Term[] = ['老人', '老年人', '老太太', '老爷爷', '老奶奶', '老大爷', '大爷', '行动不便', '残疾', '轮椅', '孕妇', '病人', '爬不动', '上不去', '下不来'];
/** Planned-outage notices. */
export const NOTICE_MARKERS: readonly Term[] = ['计划停', '预计', '将于', '届时', '通知', '公告', '检修', '请提前', '储水', '备水', '明天', '明日', '后天', '下周', '恢复供',
  // works announced with their cause or their window ("因配电房设备升级，今晚22点至次日2点停电")
  /因[^，。！？,.!?]{0,12}(?:升级|改造|检修|维修|施工|维护|更换|割接|迁改)/, '次日', /\d+\s*[点时:：]\d*\s*(?:至|—|－)/];

/**
 * Service rules: outages and failures that hurt many or the vulnerable. Life-safety hazards (gas, fire, someone
 * trapped, 飞线充电, 井盖快塌 …) are the one hazard rule set in core/hazard, read by triage and the patrol alike.
 */
export const URGENCY_RULES: readonly UrgencyRule[] = [
  { kind: 'pipe_burst', level: 'urgent', terms: ['水管爆', '爆管', '爆水管', '水管破裂', '水管裂', '管道爆裂', '水漫', '被淹', '淹了', '淹水'] },
  // (断电 asked for is an instruction, not an outage: "要先断电", "请先断电再修"; nor a phone or a power bank running low:
  // "手机快没电了", "充电宝要没电了")
  { kind: 'outage', level: 'urgent', terms: ['停水', '停电', '没水', /(?<![车瓶池机表脑宝](?:快|要|快要|马上|都|又|也)?)没电/, '断水', /断电(?<!(?:先|要|请|记得|应该|必须)断电)/], context: WHOLE_BUILDING, cancelledBy: NOTICE_MARKERS },
  // (a planned stop announced, the frail asked to plan for it: "停电通知 … 电梯停运 请行动不便的老人提前安排")
  { kind: 'lift_vulnerable', level: 'urgent', terms: [/电梯[^，。！？,.!?]{0,3}(?:坏|停|故障|不动|不能用|用不了|不走)/], context: VULNERABLE, cancelledBy: [/(?:停电|停水|停运|检修|维保|维修)通知/, '公告', '将于', '届时', '请提前', '提前安排', /\d+\s*[点时:：]\d*\s*(?:至|到|—|－|-)\s*\d+\s*[点时]/] },
  { kind: 'sewage', level: 'urgent', terms: ['化粪池满', '化粪池溢', '化粪池冒', '粪水', '污水倒灌', '污水外溢', '污水漫', '返水', '反水', '下水道堵死'] },
  // (not a tracker to prevent it: 防走失手环; nor a person's thing lost: "孩子的手套找不到了")
  { kind: 'missing_person', level: 'urgent', terms: [/(?<!防)走失/, /(?<!防)走丢/, /(?:老人|孩子|小孩)(?!子?的)[^，。！？,.!?]{0,4}(?:不见了|找不到了)/,
    // a child who cannot find its parents ("小男孩找不到妈妈在驿站哭")
    // (not a habit: "孩子找不到妈妈就哭")
    /(?:孩子|小孩|男孩|女孩|小朋友|宝宝)[^，。！？,.!?]{0,4}找不到(?:妈妈|爸爸|家长|大人|家人|爸妈|奶奶|爷爷|外婆)(?!就)/,
    // … told after its crying, alone ("小女孩一个人在哭，找不到家长", "一个人在哭说找不到妈妈"), not one already in the teller's
    // care ("… 我现在陪着他，谁家的孩子")
    /(?:孩子|小孩|男孩|女孩|小朋友|宝宝)[^。！？!?]{0,8}哭[^。！？!?]{0,3}找不到(?:妈妈|爸爸|家长|大人|家人|爸妈|奶奶|爷爷|外婆)(?!就)(?![^。！？!?]*(?:陪着|看着(?:他|她)|在我(?:这|家|店)|我带着|带着(?:他|她)))/],
    // found again ("走丢那个小孩在超市找到了，虚惊一场")
    // or where it was all along, or home by itself ("孩子不见了，原来在楼下小卖部", "老人自己回来了")
    cancelledBy: [/(?<![没不])(?:找到了|找着了|找回来了|已找到|已经找到)/, '虚惊', /(?:接|领|带)回(?:家|来|去)了/,
      /(?:不见了|找不到了|走丢了?|走失了?)[^。！？!?]{0,6}原来(?:在|是|躲|跑|去)(?![^。！？!?]*(?:又|还是|还|仍然?)(?:不见|找不到|没找到))/, /(?:自己|已经|平安)回(?:家|来)了/] },
];

/** A drill, training or hypothetical anywhere in the message: "明天消防演练，模拟着火" is not a fire. */
export const DRILL_MARKERS: readonly Term[] = ['演练', '演习', '模拟', '培训', '讲座', '科普', '安全知识', '温馨提示'];
/** Hypotheticals in the same clause: "万一着火怎么办". */
export const HYPOTHETICAL_MARKERS: readonly Term[] = ['如果', '万一', '假如', '一旦', '假设', '以防', '防止', '预防', '防范', '要是'];
/** The danger is over: "火已经扑灭了", "已经不漏了" — still worth a ticket, not an emergency. */
export const RESOLVED_MARKERS: readonly Term[] = ['扑灭', '火灭了', '火已经灭', '救出来了', '已救出', '已经修好', '已修好', '已修复', '来水了', '来电了', '不漏了', '没有味道了', '没事了'];
/** A negation just before a term ("没有煤气味了", "不是着火"); 不停/不断/不得了 intensify rather than negate. */
export const NEGATION_RE = /(?:没有|没|无|未|不再|并非|不是|别|不(?![停断少得行知住会要了]))[^，。！？,.!?\s]{0,3}$/;

export interface UrgencyMatch {
  urgency: TriageUrgency;
  /** The words that decided it, e.g. "煤气味"; null for normal. */
  signal: string | null;
  /** The rule's kind, e.g. gas_leak; null for normal. */
  kind: string | null;
}

const CLAUSE_BREAK = /[，。！？,.!?；;\n]/;
const RANK: Record<TriageUrgency, number> = { normal: 0, urgent: 1, emergency: 2 };

/** Each pattern's global twin, made once (triage runs on every message). */
const GLOBAL = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    GLOBAL.set(re, g);
  }
  return g;
}

function find(text: string, term: Term): { start: number; end: number; match: string }[] {
  if (typeof term === 'string') {
    const out: { start: number; end: number; match: string }[] = [];
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push({ start: i, end: i + term.length, match: term });
    return out;
  }
  return [...text.matchAll(globalOf(term))].map((m) => ({ start: m.index, end: m.index + m[0].length, match: m[0] }));
}

/** Whether the term occurs at all (stops at the first occurrence). */
function has(text: string, term: Term): boolean {
  if (typeof term === 'string') return text.includes(term);
  const re = globalOf(term);
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** Every trigger term of a rule list, made once per list: a message that holds none of them is normal at once. */
const triggersOf = weakMemo((rules: readonly UrgencyRule[]): readonly Term[] => rules.flatMap((r) => r.terms));

/** The clause around a position, split on punctuation, so a negation in one clause does not cancel the next. */
function clauseBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && !CLAUSE_BREAK.test(text[i - 1] ?? '')) i--;
  return text.slice(i, start);
}

/** A condition opening a sentence, and a consequence told after it ("要是哪天配电房进水了，咱们全小区都得停电吧"). */
const CONDITION_OPENS = /^\s*(?:如果|假如|假设|万一|要是|倘若|要真|真要)/;
const CONSEQUENCE = /会|得|就|吧|吗|么|怎么办|咋办|[?？]/;
const NOW_TOLD: readonly Term[] = ['现在', '已经', '刚刚', '刚才', '正在'];

/** A near miss told just before a service word: it did not happen. */
const NEAR_MISS_BEFORE = /(?:差点|差一点|险些)(?:就|儿)?(?:把|让|被)?[^，。！？,.!?\s]{0,6}$/;

function live(text: string, start: number): boolean {
  if (!happensHere(text, start)) return false;
  const before = clauseBefore(text, start);
  if (NEGATION_RE.test(before.slice(-5))) return false;
  // what an insurance covers ("家财险包括火灾和水管爆裂")
  if (INSURED_BEFORE.test(before)) return false;
  // what nearly happened ("猫学会开水龙头了 差点把厨房淹了")
  if (NEAR_MISS_BEFORE.test(before)) return false;
  // a consequence of a condition that opens the sentence, nothing told as now in its clause
  const [ss, se] = spanAround(text, start, SENTENCE_BREAK);
  const [cs, ce] = spanAround(text, start, CLAUSE_BREAK);
  if (ss < cs && CONDITION_OPENS.test(text.slice(ss, cs)) && CONSEQUENCE.test(text.slice(cs, se)) && !mentionsAny(text.slice(cs, ce), NOW_TOLD)) return false;
  return !mentionsAny(before, HYPOTHETICAL_MARKERS);
}

/**
 * The highest urgency the hazard rules (core/hazard) and the service rules give the message, and the signal that
 * decided it; a hazard wins ties. Rules default to URGENCY_RULES and HAZARD_RULES.
 */
export function detectUrgency(text: string, rules: readonly UrgencyRule[] = URGENCY_RULES, hazards: readonly HazardRule[] = HAZARD_RULES): UrgencyMatch {
  const normal: UrgencyMatch = { urgency: 'normal', signal: null, kind: null };
  const hazard = hazards.length > 0 ? detectHazard(text, hazards) : null;
  if (hazard?.level === 'emergency') return { urgency: 'emergency', signal: hazard.signal, kind: hazard.kind };
  // the service rules in English (english-appeal.ts): a whole building without water, a broken lift for the elderly
  const service = rules === URGENCY_RULES && isEnglish(text) ? englishServiceUrgency(text) : null;
  if (service) return hazard ? { urgency: hazard.level, signal: hazard.signal, kind: hazard.kind } : service;
  const t = hazardText(text);
  // most messages hold no trigger of any rule: nothing below could then raise the urgency
  if (!mentionsAny(t, triggersOf(rules)) || mentionsAny(t, DRILL_MARKERS) || mentionsAny(t, RESOLVED_MARKERS)) {
    return hazard ? { urgency: hazard.level, signal: hazard.signal, kind: hazard.kind } : normal;
  }
  let best: UrgencyMatch = hazard ? { urgency: hazard.level, signal: hazard.signal, kind: hazard.kind } : normal;
  for (const rule of rules) {
    // the first live occurrence, terms in order (a term that does not occur costs one scan)
    let hit: ReturnType<typeof find>[number] | undefined;
    for (const term of rule.terms) {
      if (!has(t, term)) continue;
      hit = find(t, term).find((h) => live(t, h.start));
      if (hit) break;
    }
    if (!hit || mentionsAny(t, rule.cancelledBy)) continue;
    const level = !rule.context || mentionsAny(t, rule.context) ? rule.level : rule.levelWithoutContext;
    if (level && RANK[level] > RANK[best.urgency]) best = { urgency: level, signal: hit.match, kind: rule.kind };
  }
  return best;
}

// The one set of hazard rules (安全隐患): what triage makes urgent and what the patrol alerts on. A rule names a kind
// by its words alone (煤气味, 着火) or by a concept pair — an object (燃气灶, 配电箱) and a symptom (怪味, 冒火花)
// within one sentence, in either order — so loosely worded reports are found without listing every phrase.
//
// Levels: what can kill within minutes is an emergency (gas, fire, sparks and smoke from electrics, explosion, someone
// trapped, shocked, collapsed or in danger, a falling object that hit or nearly hit someone); what could turn into one
// is at least urgent (飞线充电, 电动车进电梯/上楼, 堵塞消防通道, 消防设施缺损, 井盖快塌, 外墙脱落, 高空抛物, 积水漫到电箱,
// 电线裸露). A structural or manhole hazard with people in its way is an emergency.
import type { Term } from '../triage/urgency.ts';
import { TermListsMatcher } from '../triage/term-matcher.ts';
import { boundedMemo, weakMemo } from '../util/memo.ts';
import { BEHIND_DOORS_HAZARDS } from './behind-doors-hazards.ts';
import { DEVICE_HAZARDS } from './device-hazards.ts';
import { ESTATE_HAZARDS } from './estate-hazards.ts';
import { FIRE_GAS_HAZARDS } from './fire-gas-hazards.ts';
import { FIRE_SAFETY_HAZARDS } from './fire-safety-hazards.ts';
import { MISSING_ELDER_HAZARDS, MISSING_HAZARDS } from './missing-hazards.ts';
import { PEOPLE_HAZARDS } from './people-hazards.ts';
import { LEADS_AND_DOORS } from './leads-doors-hazards.ts';
import { SENSES_HAZARDS, SENSES_LATER } from './senses-hazards.ts';
import { STRUCTURE_HAZARDS } from './structure-hazards.ts';
import { WINTER_HAZARDS } from './winter-hazards.ts';
import { CONVERSATION_HAZARDS } from './conversation-hazards.ts';
import { SHAPES_THINGS_HAZARDS } from './shapes-things-hazards.ts';
import { WIRING_HAZARDS } from './wiring-hazards.ts';
import { TRADE_THINGS_HAZARDS } from './trade-things-hazards.ts';

export type HazardLevel = 'urgent' | 'emergency';

export interface HazardPair {
  objects: readonly Term[];
  symptoms: readonly Term[];
  /** Most characters from the start of one to the end of the other (default 14). */
  span?: number;
  /** When set, one of these must also be in the sentence (电动车 × 充电 counts only 在楼道/回家/飞线 …). */
  within?: readonly Term[];
  /** When set, one of these must be somewhere in the message (who it happens to, told sentences apart: 老年痴呆). */
  inMessage?: readonly Term[];
  /** Anywhere in the message, these make this pair's hit something else (烟有点大 beside 烧纸). */
  notInMessage?: readonly Term[];
  /** In the sentence (and the next, where the pair may end), these make this pair's hit something slight (a crack told
   * hairline: 细细的, 塞不进) … */
  notInSentence?: readonly Term[];
  /** … unless one of these is there too (越来越宽, 能塞进手指). */
  unlessInSentence?: readonly Term[];
  /** Words in the same clause that make this pair's hit something else, in place of the rule's notWith (set on the
   * pairs folded in from a later round: they bring their own guards). */
  notWith?: readonly Term[];
}

export interface HazardTermGroup {
  terms: readonly Term[];
  /** Words in the same clause that make a match something else (in place of the rule's notWith). */
  notWith?: readonly Term[];
  /** Anywhere in the message, these make this group's matches something else. */
  notInMessage?: readonly Term[];
}

export interface HazardRule {
  /** Stable code for logs, findings and dashboards, e.g. gas_leak. */
  kind: string;
  level: HazardLevel;
  /** Chinese label staff read in alerts. */
  labelZh: string;
  /**
   * The ticket category it files under, whatever the triage model guessed from the words around it: a gas smell by the
   * stove is 水电气暖 (utilities), not 环境卫生, and 飞线充电 is 消防安全 even in a message about a corridor. Unset: the
   * model's category stands.
   */
  category?: string;
  /** Any one of these alone. */
  terms?: readonly Term[];
  pairs?: readonly HazardPair[];
  /** Words in the same clause that make a match something else (车胎漏气, 嗓子冒烟). */
  notWith?: readonly Term[];
  /**
   * Terms read with their own exceptions, which replace the rule's `notWith`: a curtain set alight is a fire whatever
   * lit it (烧香 or 蚊香 cancel the rule's other words), and a burnt smell is not one beside 蛋糕烤焦了.
   */
  termGroups?: readonly HazardTermGroup[];
  /** Anywhere in the message, these raise an urgent rule to an emergency (people in harm's way). */
  emergencyWith?: readonly Term[];
  /** Taking something away is the hazard here (灭火器被拿走了), not its end: "removed" markers do not cancel it. */
  removalIsHazard?: boolean;
}

/** Readings added to a kind's rule from another file (by theme): the label and category are the rule's, not repeated. */
export type HazardAddition = Omit<HazardRule, 'labelZh' | 'category'>;

/**
 * Rules kept in files of their own by concern (a round's classes: behind-doors-hazards.ts, device-hazards.ts,
 * missing-hazards.ts, winter-hazards.ts, senses-hazards.ts, leads-doors-hazards.ts, estate-hazards.ts, conversation-hazards.ts) folded
 * into the rule of their kind, one rule per kind: their terms, pairs and term groups read with their own notWith (not the
 * rule's), their emergencyWith added to the rule's. An addition must be of its rule's level.
 */
export function foldByKind(rules: readonly HazardRule[], additions: readonly HazardAddition[]): HazardRule[] {
  return rules.map((rule) => {
    const adds = additions.filter((a) => a.kind === rule.kind);
    if (adds.length === 0) return rule;
    for (const a of adds) if (a.level !== rule.level) throw new Error(`hazard addition ${a.kind} is ${a.level}, its rule ${rule.level}`);
    return {
      ...rule,
      termGroups: [...(rule.termGroups ?? []), ...adds.flatMap((a) => [...(a.terms ? [{ terms: a.terms, notWith: a.notWith ?? [] }] : []), ...(a.termGroups ?? [])])],
      pairs: [...(rule.pairs ?? []), ...adds.flatMap((a) => (a.pairs ?? []).map((p) => ({ ...p, notWith: p.notWith ?? a.notWith ?? [] })))],
      emergencyWith: [...(rule.emergencyWith ?? []), ...adds.flatMap((a) => a.emergencyWith ?? [])],
    };
  });
}

export const HAZARD_RULES: readonly HazardRule[] = foldByKind([...FIRE_GAS_HAZARDS, ...PEOPLE_HAZARDS, ...MISSING_ELDER_HAZARDS, ...STRUCTURE_HAZARDS, ...FIRE_SAFETY_HAZARDS, ...WIRING_HAZARDS], [...BEHIND_DOORS_HAZARDS, ...DEVICE_HAZARDS, ...MISSING_HAZARDS, ...WINTER_HAZARDS, ...SENSES_HAZARDS, ...SENSES_LATER, ...LEADS_AND_DOORS, ...ESTATE_HAZARDS, ...CONVERSATION_HAZARDS, ...SHAPES_THINGS_HAZARDS, ...TRADE_THINGS_HAZARDS]);

/** Kind → Chinese label, for alerts. */
export const HAZARD_LABEL_ZH: Readonly<Record<string, string>> = Object.fromEntries(HAZARD_RULES.map((r) => [r.kind, r.labelZh]));

/** Kind → ticket category (the rules' `category`); used only when the triage model knows the code. */
export const HAZARD_CATEGORY: Readonly<Record<string, string>> = Object.fromEntries(
  HAZARD_RULES.flatMap((r) => (r.category ? [[r.kind, r.category] as const] : [])),
);

/** The words without which a rule cannot hit (its terms and its objects), per rule and per rule list: most messages
 * hold none of them and are passed after one scan. */
export const TRIGGERS_OF_RULE = weakMemo((rule: HazardRule): readonly Term[] => [
  ...(rule.terms ?? []),
  ...(rule.termGroups ?? []).flatMap((g) => g.terms),
  ...(rule.pairs ?? []).flatMap((p) => p.objects),
]);
export const TRIGGERS = weakMemo((rules: readonly HazardRule[]): readonly Term[] => rules.flatMap(TRIGGERS_OF_RULE));

/**
 * The rules of a list whose triggers occur in a text, read in one pass (TermListsMatcher): the same rules as
 * `rules.filter(r => mentionsAny(text, TRIGGERS_OF_RULE(r)))`, which read the text once per rule. Per list, the last
 * few thousand texts: a message is asked about by detect, then by hazardOnlyElsewhere (and hazardDismissed). The set
 * is shared: never changed by its readers.
 */
export const triggeredRules = weakMemo((rules: readonly HazardRule[]): ((text: string) => ReadonlySet<HazardRule>) => {
  const matcher = new TermListsMatcher(rules.map(TRIGGERS_OF_RULE));
  return boundedMemo((text: string) => {
    const found = matcher.which(text);
    return new Set(rules.filter((_, i) => found.has(i)));
  }, 2_000);
});

// The second opinion on life safety: a small local classifier (character n-grams, linear SVM — the triage model's
// machinery) that reads a message the hazard rules left below emergency and may raise its urgency, never lower it.
// The rules are precise on wording they know; the model generalises to wording they do not (voice slips, new phrasing).
// It reads only what the rules have no opinion on: where the rules saw a hazard and their context reading dismissed it
// (negated, a drill, over, hypothetical, elsewhere) the model, blind to context, is not asked; nor on a message too
// short to say anything new (a bag of n-grams over "3号楼" is noise), nor on one mostly in Latin letters (mostlyChinese).
// Labels: none (a look-alike or ordinary message), urgent, emergency. Trained by hazard-model.training.ts.
import type { TriageUrgency } from '../triage/triage.types.ts';
import type { UrgencyMatch } from '../triage/urgency.ts';
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { hazardDismissed } from './detect-hazard.ts';
import { GAS_WORDS } from './gas-fallback.ts';
import { hazardText } from './hazard-text.ts';

/** What the second opinion needs from a trained model: a probability-like score per label. */
export interface HazardScorer {
  predict(text: string): { scores: Record<string, number> };
}

export const HAZARD_MODEL_LABELS = { none: 'none', urgent: 'urgent', emergency: 'emergency' } as const;

/** A model and the danger score at which it speaks (chosen by cross-validation on the training parts). */
export interface HazardModel {
  scorer: HazardScorer;
  /** The model raises urgency when P(urgent) + P(emergency) reaches this. */
  threshold: number;
}

export interface HazardOpinion {
  /** P(urgent) + P(emergency). */
  danger: number;
  /** The level it would raise to: the likelier of the two danger labels. */
  level: Exclude<TriageUrgency, 'normal'>;
}

const RANK: Record<TriageUrgency, number> = { normal: 0, urgent: 1, emergency: 2 };

/** The model's view of one message: the danger score and the level it points at (whatever the threshold). */
export function hazardOpinion(text: string, scorer: HazardScorer): HazardOpinion {
  const s = scorer.predict(text).scores;
  const urgent = s[HAZARD_MODEL_LABELS.urgent] ?? 0;
  const emergency = s[HAZARD_MODEL_LABELS.emergency] ?? 0;
  return { danger: urgent + emergency, level: emergency >= urgent ? 'emergency' : 'urgent' };
}

/** Non-space characters a message needs before the model reads it. */
export const MODEL_MIN_CHARS = 6;

/**
 * The model reads Chinese: its training messages in Latin letters (English, pinyin) were almost all dangers, so to it
 * letters alone looked like danger ("The lift is broken again, please fix it" was an emergency). A message whose
 * letters are mostly Latin is left to the rules, which read English and pinyin alarms by their words.
 */
function mostlyChinese(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han >= 4 && han >= latin;
}

const LIFT: readonly Term[] = ['电梯', '轿厢', '货梯', '客梯'];
const LIFT_FAULT: readonly Term[] = ['卡', '停', '坏', '故障', '不动', '不下来', '不上来', '不走', '不开', '关不', '用不了', '不能用'];
/** Someone in the lift, or a lift that fell: then a stuck lift is someone trapped, and the model may say so. */
const SOMEONE_INSIDE: readonly Term[] = [
  /里[面头边]/, '在里', '有人', '人在', '困', '关着', '被关', '出不来', '救命', '呼救', '拍门', '喊', '警铃', '对讲', '孩子', '小孩', '老人',
  '女儿', '儿子', '宝宝', '娃', '闷', '掉', '坠', '冲顶', '蹲底', '夹',
];
/** A smell traced to drains, rubbish or paint, in a message that names no gas and no fire. */
const HARMLESS_SMELL: readonly Term[] = ['下水道', '化粪池', '反味', '返味', '地漏', '马桶', '垃圾', '臭水沟', '油漆', '甲醛', '装修味'];
const FIRE_WORDS: readonly Term[] = ['烟', '火', '焦', '糊'];
/** The speaker's own limb gone numb ("我的脚都麻了": from sitting), with nothing that could shock and no other sign. */
const OWN_LIMB_NUMB = /我的?(?:脚|腿|手|胳膊|屁股|脖子|手指|脚趾)(?:都|有点|好|全|又)?(?:发)?麻/;
const SHOCK_OR_ILLNESS: readonly Term[] = [
  '电', '插', '开关', '门', '把手', '扶手', '栏杆', '护栏', '铁', '金属', '水管', '器材', '灯', '线', '箱', '柜', '摸', '碰',
  '疼', '痛', '喘', '晕', '胸', '心', '血', '倒', '说不', '说话', '半边', '脸', '抽', '吐',
];

/** Asking where a thing usually is ("家里总闸一般在哪里 门口那个电箱吗"), and the signs that make it part of a report. */
const WHERE_IS = /在哪(?:里|儿|个位置)?|在什么(?:地方|位置)/;
const SIGN_BESIDE: readonly Term[] = ['味', '烟', '火', '焦', '糊', '漏', '响', '冒', '困', '倒', '晕', '血', '烫', '麻', '闪', '裂', '掉', '塌', '触', '电到', '喘', '救', '快', '急', '水'];

/** A pet's noise ("楼上的狗一直在叫 叫了一整天"), and what makes it a sign of someone in trouble behind the door (its keeper
 * not seen for days, no answer) or of a danger beside it. */
const ANIMAL_NOISE = /(?:狗|猫|鸟|鹦鹉|鸡|鹅)[^，。！？,.!?]{0,10}(?:叫|吠|嚎|哼|吵)/;
const KEEPER_UNSEEN: readonly Term[] = [...SIGN_BESIDE, '主人', '老人', '独居', '几天', '没回', '没出门', '敲门', '没动静', '没人应', '没人开', '联系不上'];

/**
 * Messages the n-gram model misreads as emergencies, which the rules can tell apart: a lift stuck with no one said to be
 * inside ("电梯卡在5楼": a fault to repair, not a rescue), one's own limb numb with nothing that shocks ("手都麻了" is
 * what an electric shock sounds like to it), a question of where something is with no sign of trouble ("总闸一般在哪里"),
 * a pet's noise with nothing said of its keeper ("楼上的狗叫了一整天"), and a smell explained by a harmless source.
 */
function ordinaryReading(text: string): boolean {
  const t = hazardText(text);
  if (mentionsAny(t, LIFT) && mentionsAny(t, LIFT_FAULT) && !mentionsAny(t, SOMEONE_INSIDE)) return true;
  if (OWN_LIMB_NUMB.test(t) && !mentionsAny(t, SHOCK_OR_ILLNESS)) return true;
  // a question of where something is, with no sign of trouble beside it
  if (WHERE_IS.test(t) && !mentionsAny(t, SIGN_BESIDE)) return true;
  // a pet barking or crying, nothing said of its keeper or of a danger
  if (ANIMAL_NOISE.test(t) && !mentionsAny(t, KEEPER_UNSEEN)) return true;
  return mentionsAny(t, HARMLESS_SMELL) && !mentionsAny(t, GAS_WORDS) && !mentionsAny(t, FIRE_WORDS);
}

/** Whether the model may speak on this message at all (see the top of this file). */
export function modelMayRead(text: string): boolean {
  return text.replace(/\s+/g, '').length >= MODEL_MIN_CHARS && mostlyChinese(text) && !ordinaryReading(text) && !hazardDismissed(text);
}

/** The level the model raises a message to, or null when it stays silent (below its threshold, or not asked). */
export function modelHazardLevel(text: string, model: HazardModel): Exclude<TriageUrgency, 'normal'> | null {
  if (!modelMayRead(text)) return null;
  const o = hazardOpinion(text, model.scorer);
  return o.danger >= model.threshold ? o.level : null;
}

/**
 * The model's view of a message the rules leave short of emergency, where it may read it; undefined where it is not
 * asked (no model, an emergency already, a reading that keeps it out). Read once per message: raiseWith and the
 * doubt band (LocalTriage) both use it.
 */
export function modelOpinionOn(text: string, rules: UrgencyMatch, model: HazardModel | undefined): HazardOpinion | undefined {
  if (!model || rules.urgency === 'emergency' || !modelMayRead(text)) return undefined;
  return hazardOpinion(text, model.scorer);
}

/** The rules' urgency raised by the model's opinion where it reaches the threshold and is more alarmed; never lowered. */
export function raiseWith(rules: UrgencyMatch, opinion: HazardOpinion | undefined, model: HazardModel | undefined): UrgencyMatch {
  if (!model || !opinion || opinion.danger < model.threshold || RANK[opinion.level] <= RANK[rules.urgency]) return rules;
  return { urgency: opinion.level, signal: rules.signal ?? 'hazard model', kind: rules.kind ?? MODEL_KIND };
}

/**
 * The rules' urgency, raised by the model where it is more alarmed: max(rules, model). The model is not asked when the
 * rules already say emergency (nothing to raise), and its silence never lowers anything.
 */
export function raiseWithModel(text: string, rules: UrgencyMatch, model: HazardModel | undefined): UrgencyMatch {
  return raiseWith(rules, modelOpinionOn(text, rules, model), model);
}

/** The kind a danger found by the model alone is logged under (it has no rule kind). */
export const MODEL_KIND = 'hazard_model';

// Finds the worst live hazard in one message with the one hazard rule set: triage makes it the ticket's urgency, the
// patrol makes it an alert. A hit is live unless its context says otherwise (see hazard-context.ts).
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { boundedMemo, weakMemo } from '../util/memo.ts';
import { CONTINUING, DRILL_MARKERS, FALSE_ALARM_MARKERS, NOT_A_DRILL, PLAY_GONE_WRONG, PLAY_KINDS, PLAY_MARKERS, removed, RESOLVED_MARKERS, salesPitch, SHUT_OFF_MARKERS, STILL_LIVE, UNPLUGGED, UNPLUGGED_ENDS, WORK_AS_NORMAL, WORK_GONE_WRONG } from './hazard-context.ts';
import { HYPOTHETICAL_BEFORE } from './hazard-framing.ts';
import { HERE_NOW, ONGOING, PAST_ASPECT, PAST_IN_CLAUSE, PAST_MARKERS, PAST_TIMES, REMEMBERED } from './hazard-when.ts';
import { DREAM_MARKERS, ELSEWHERE_MARKERS, HEARSAY_MARKERS } from './hazard-where.ts';
import { readEnglishHazard } from '../english/english-hazard.ts';
import { isEnglish } from '../english/english-text.ts';
import { gasFallback } from './gas-fallback.ts';
import { HAZARD_RULES, triggeredRules, type HazardLevel, type HazardRule } from './hazard-rules.ts';
import { addendaApart, CIRCLED, itemParts, listItems, partsOf, sentencesIn, sentencesOf, type Part } from './message-parts.ts';
import { framingStart, notHere } from './hazard-place.ts';
import type { Hit } from './hazard-hit.ts';
import { panicBurst } from './panic-burst.ts';
import { clauseLive, STRONG_CONDITIONAL } from './hazard-clause.ts';
import { PEOPLE_HAZARDS } from './people-hazards.ts';
import { CLAUSE_BREAK, hazardText, SENTENCE_BREAK, spanAround, withoutClauses } from './hazard-text.ts';

export interface HazardMatch {
  level: HazardLevel;
  kind: string;
  /** The words that decided it, as they stand in the normalised text (e.g. "燃气灶那边好像一直有股怪味"). */
  signal: string;
}


const DEFAULT_SPAN = 14;
const LEVEL_RANK: Record<HazardLevel, number> = { urgent: 1, emergency: 2 };

const GLOBAL = weakMemo((re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`));

function occurrences(text: string, term: Term): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (typeof term === 'string') {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push({ start: i, end: i + term.length });
    return out;
  }
  for (const m of text.matchAll(GLOBAL(term))) if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const occurrencesOfAll = (text: string, terms: readonly Term[]) => terms.flatMap((t) => occurrences(text, t));


/**
 * The rule's hits that start in one sentence (offsets in the message). A pair may end in the next sentence:
 * "燃气没关好？整个四楼都是那个味".
 */
function hitsOf(rule: HazardRule, text: string, s: number, e: number, next: number): Hit[] {
  const sentence = text.slice(s, e);
  const window = text.slice(s, next);
  const terms = rule.terms && mentionsAny(sentence, rule.terms) ? rule.terms : [];
  const hits: Hit[] = occurrencesOfAll(sentence, terms).map((o) => ({ start: s + o.start, end: s + o.end, objectStart: s + o.start, objectEnd: s + o.end, symptomStart: s + o.start, symptomEnd: s + o.end }));
  for (const group of rule.termGroups ?? []) {
    if (!mentionsAny(sentence, group.terms) || mentionsAny(text, group.notInMessage)) continue;
    const notWith = group.notWith ?? [];
    for (const o of occurrencesOfAll(sentence, group.terms)) {
      hits.push({ start: s + o.start, end: s + o.end, objectStart: s + o.start, objectEnd: s + o.end, symptomStart: s + o.start, symptomEnd: s + o.end, notWith });
    }
  }
  for (const pair of rule.pairs ?? []) {
    // the one-pass matchers first: most sentences hold an object without its symptom, or neither
    if (!mentionsAny(sentence, pair.objects) || !mentionsAny(window, pair.symptoms)) continue;
    if (pair.within && !mentionsAny(window, pair.within)) continue;
    const slight = mentionsAny(window, pair.notInSentence) && !mentionsAny(window, pair.unlessInSentence);
    if (mentionsAny(text, pair.notInMessage) || (pair.inMessage && !mentionsAny(text, pair.inMessage))) continue;
    const objects = occurrencesOfAll(sentence, pair.objects);
    if (objects.length === 0) continue;
    const symptoms = occurrencesOfAll(window, pair.symptoms);
    const span = pair.span ?? DEFAULT_SPAN;
    for (const o of objects) {
      for (const y of symptoms) {
        // overlapping words ("灶" in "燃气灶", "烟" of a term) are one word, not an object and a symptom
        if (y.start < o.end && o.start < y.end) continue;
        const start = Math.min(o.start, y.start);
        const end = Math.max(o.end, y.end);
        if (end - start <= span) hits.push({ start: s + start, end: s + end, objectStart: s + o.start, objectEnd: s + o.end, symptomStart: s + y.start, symptomEnd: s + y.end, ...(slight ? { slight } : {}), ...(pair.notWith ? { notWith: pair.notWith } : {}) });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Whether what is said at `at` of a normalised text happens here and now (not news, hearsay or history). */
export function happensHere(text: string, at: number): boolean {
  return sentenceLive(text, { start: at, end: at + 1, objectStart: at, objectEnd: at + 1, symptomStart: at, symptomEnd: at + 1 });
}

/** In a sales pitch, what makes a sentence a report of here and now ("团购西瓜 … 另外3栋楼道煤气味好重"). */
const PITCH_REPORT: readonly Term[] = [...HERE_NOW, /\d+\s*(?:栋|号楼|幢|单元|楼)/, '楼道', '另外', '对了', '顺便', '补充', '快来'];

/** Kinds whose cause comes hours before its signs (a coal fire lit overnight, people ill in the morning). */
const CAUSE_BEFORE_SIGN = new Set(['carbon_monoxide']);

/** A turn to this time, after the last one told ("上次 … 这次 …"): the last such turn before a hit. */
const THIS_TIME = /这(?:一)?[次回](?!.*这(?:一)?[次回])/;

/** Whether `at` stands inside a title in book marks: a danger named by a book, a film or an essay ("作文题目是《一场大火》"). */
function inTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  if (open < 0 || text.lastIndexOf('》', at) > open) return false;
  const close = text.indexOf('》', at);
  return close >= 0 && close - open <= 24;
}

function sentenceLive(text: string, hit: Hit, kind?: string): boolean {
  if (inTitle(text, hit.start)) return false;
  const [sentenceStart, se] = spanAround(text, hit.start, SENTENCE_BREAK);
  const ss = framingStart(text, sentenceStart, hit.start);
  if (notHere(text, hit, ss)) return false;
  const sentence = text.slice(ss, se);
  // a sales pitch names what its product is for, unless the sentence is a report of here and now beside it
  if (salesPitch(text) && !mentionsAny(sentence, PITCH_REPORT)) return false;
  const [cs, ce] = spanAround(text, hit.start, CLAUSE_BREAK);
  const clause = text.slice(cs, Math.max(ce, hit.end));
  const hereNow = mentionsAny(clause, HERE_NOW);
  // "我们这片十年前着过火" is history however near: only a danger that goes on counts; a past one recalled ("去年那场火
  // 大家还记得吧") stays history whatever else the sentence says is now ("物业还记得吗 电线还露着" is a live reminder)
  // (carbon monoxide told by its sign first and its cause after, in the past, is a sign now: "孩子叫不醒 昨晚用了煤炉子" — the
  // time is the fire's, lit the night before)
  const pastReach = kind !== undefined && CAUSE_BEFORE_SIGN.has(kind) && hit.symptomEnd <= hit.objectStart ? ce : Math.max(ce, hit.end);
  // (a past time before a turn to this time tells the last one, not this: "上次那个是烧烤 这次2号楼天台在冒火")
  const turn = text.slice(ss, hit.start).search(THIS_TIME);
  const pastFrom = turn >= 0 ? ss + turn : ss;
  const past = mentionsAny(sentence, PAST_ASPECT) || mentionsAny(text.slice(pastFrom, pastReach), PAST_TIMES) || mentionsAny(text.slice(cs, se), PAST_IN_CLAUSE);
  // (what goes on is read in the whole sentence: a turn to here and now leaves history behind, not the signs of now)
  if (past && (!mentionsAny(withoutAftermath(text, sentenceStart, se, cs), ONGOING) || (mentionsAny(sentence, REMEMBERED) && !hereNow))) return false;
  return true;
}

/** A later clause that only tells the fear or the wariness a past danger left ("…困了半小时，现在都不敢坐", "现在想起来还后怕",
 * "小时候煤气中毒过 所以我现在对味道特别敏感"), the recovery after it ("现在在家休养") or the remedy since ("现在电池全挪到外面
 * 充电柜了"): no sign that the danger goes on. */
const AFTERMATH = /^[^，。！？,.!?]{0,6}(?:不敢|害怕|后怕|心有余悸|有阴影|想起来|腿软|发怵|怕了|休养|养病|静养|康复|出院|恢复得|好多了|陪着|挪到|搬到|移到|换成|改成|处理好|整改)|^(?:所以)?[^，。！？,.!?]{0,10}(?:敏感|警觉|鼻子[^，。！？,.!?]{0,3}灵)/;

/** The sentence from `start` to `end` without its aftermath clauses after the hit's clause (at `hitClause`), nor news of
 * somewhere else told after it ("去年我们楼也有人拉飞线 … 这次看新闻又有小区出事": 又 is the news's, not ours). */
function withoutAftermath(text: string, start: number, end: number, hitClause: number): string {
  return withoutClauses(text, start, end, (clause, cs) => cs > hitClause && (AFTERMATH.test(clause) || mentionsAny(clause, ELSEWHERE_MARKERS)));
}

const PEOPLE_KINDS = new Set(PEOPLE_HAZARDS.map((r) => r.kind));
const RESOLVED_BEYOND_SHUT_OFF = RESOLVED_MARKERS.filter((t) => !SHUT_OFF_MARKERS.includes(t) && !FALSE_ALARM_MARKERS.includes(t));
/** What a false alarm leaves live: the fault of the fire equipment that rang it. */
const EQUIPMENT_KINDS = new Set(['fire_equipment']);

/**
 * The rules a message leaves live, read message-wide: none in a drill or when the danger is over (undone by "不是演练"
 * and by a danger that goes on); a supply only switched off leaves the rules of people in danger and of the fire
 * equipment, and an alarm called false leaves the fault of the fire equipment.
 */
const liveRules = (text: string, all: readonly HazardRule[]): readonly HazardRule[] => {
  if (mentionsAny(text, DRILL_MARKERS) && !mentionsAny(text, NOT_A_DRILL)) return [];
  let rules = all;
  // a live thing in water unplugged since ("拖线板泡水里了 已经拔了"), unless it goes on
  if (mentionsAny(text, UNPLUGGED) && !mentionsAny(text, CONTINUING) && !mentionsAny(text, STILL_LIVE)) rules = rules.filter((r) => !UNPLUGGED_ENDS.has(r.kind));
  // a scuffle said to be play, with no one hurt or crying out, is no fight ("揪着头发往下拽 玩闹呢")
  if (mentionsAny(text, PLAY_MARKERS) && !mentionsAny(text, PLAY_GONE_WRONG)) rules = rules.filter((r) => !PLAY_KINDS.has(r.kind));
  // work going on as it should ("塔吊在吊钢筋 晃来晃去", "刷完就拆") is no fault of the urgent level (one raised to an
  // emergency by what the message tells, people under a swinging load, stays)
  if (mentionsAny(text, WORK_AS_NORMAL) && !mentionsAny(text, WORK_GONE_WRONG)) rules = rules.filter((r) => r.level !== 'urgent' || mentionsAny(text, r.emergencyWith));
  if (!mentionsAny(text, RESOLVED_MARKERS) || mentionsAny(text, CONTINUING)) return rules;
  if (mentionsAny(text, RESOLVED_BEYOND_SHUT_OFF)) return [];
  const shutOff = mentionsAny(text, SHUT_OFF_MARKERS);
  const falseAlarm = mentionsAny(text, FALSE_ALARM_MARKERS);
  // (fire equipment switched off is its fault, not its end: "喷淋阀门被关了 已经关了一个礼拜")
  return rules.filter((r) => (!shutOff || PEOPLE_KINDS.has(r.kind) || EQUIPMENT_KINDS.has(r.kind)) && (!falseAlarm || EQUIPMENT_KINDS.has(r.kind)));
};

/** A term group of the rule is in the message and its notInMessage cancels it ("蛋糕烤焦了 一股糊味"). */
const groupCancelled = (text: string, rule: HazardRule): boolean =>
  (rule.termGroups ?? []).some((g) => mentionsAny(text, g.terms) && mentionsAny(text, g.notInMessage));





/** The kinds of hazard the rules read in a text, live or not. */
const kindsRead = (t: string, rules: readonly HazardRule[]): Set<string> => {
  const sentences = sentencesOf(t);
  const triggered = triggeredRules(rules)(t);
  return new Set(rules.filter((r) => triggered.has(r) && hitsInMessage(r, t, sentences).length > 0).map((r) => r.kind));
};

/** The normalised message and its parts: a list item by item, other messages by partsOf. */
function readParts(message: string, rules: readonly HazardRule[]): { text: string; parts: Part[] } {
  const plain = addendaApart(hazardText(message.replace(CIRCLED, (c) => ` ${c.charCodeAt(0) - 0x245f}. `)));
  // (a drill named in any item makes the list a drill's schedule: it frames every item)
  const list = mentionsAny(plain, DRILL_MARKERS) ? null : listItems(plain);
  return list ? { text: list.text, parts: itemParts(list.text, list.starts) } : { text: plain, parts: partsOf(plain, rules, kindsRead) };
}

const higher = (a: HazardMatch | null, b: HazardMatch | null): HazardMatch | null => (b && (!a || LEVEL_RANK[b.level] > LEVEL_RANK[a.level]) ? b : a);

/**
 * The highest-level live hazard in a message, or null. Rules default to HAZARD_RULES; ties go to the earlier rule.
 * When the rules hold gas_leak and find no emergency, the gas fallback (gas-fallback.ts) has the last word.
 */
export function detectHazard(message: string, rules: readonly HazardRule[] = HAZARD_RULES): HazardMatch | null {
  return readOf(rules)(message);
}

/**
 * A message is read by triage (its urgency) and then by the patrol (its finding), with the same rules: the second
 * read is looked up. Per rule list, the last few thousand texts; a match is never changed by its readers.
 */
const readOf = weakMemo((rules: readonly HazardRule[]) => boundedMemo((message: string) => detect(message, rules, true), 2_000));

/** The pair rules alone, without the gas fallback (to measure and test each reading on its own). */
export function detectHazardByRules(message: string, rules: readonly HazardRule[] = HAZARD_RULES): HazardMatch | null {
  return detect(message, rules, false);
}

function detect(message: string, rules: readonly HazardRule[], withGasFallback: boolean): HazardMatch | null {
  // a message in English is read by the English rules (english-hazard.ts): what they find, or dismiss ("no gas smell
  // anymore", "the fire drill is at 3pm"), stands; only what they do not read at all (pinyin) goes to the rules below
  if (rules === HAZARD_RULES && isEnglish(message)) {
    const english = readEnglishHazard(message);
    if (english.match) return english.match;
    if (english.dismissed) return null;
  }
  const { text, parts } = readParts(message, rules);
  let best: HazardMatch | null = null;
  for (const part of parts) {
    const live = part.fine ? [] : liveRules(part.text, rules);
    let found = live.length > 0 ? byRules(text, live, part, triggeredRules(rules)(part.text)) : null;
    if (withGasFallback && found?.level !== 'emergency' && live.some((r) => r.kind === 'gas_leak')) {
      const signal = gasFallback(part.text);
      if (signal !== null) found = { level: 'emergency', kind: 'gas_leak', signal };
    }
    best = higher(best, found);
  }
  // an English sentence tagged with a place in Chinese ("someone ran an extension cord from their window to charge an
  // e-bike 2栋楼下"): what the Chinese rules leave unread, the English rules read in its English words
  if (!best && rules === HAZARD_RULES) best = englishInMixed(message);
  // a burst of bare words ("煤气 煤气 6楼 快") that no clause reading finds (see panic-burst.ts)
  return best?.level === 'emergency' ? best : higher(best, panicBurst(text));
}


/** Four or more English words in a message that is not English as a whole (some Chinese in it). */
const ENGLISH_WORDS = /[a-z][a-z'-]+/gi;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** The English rules' match in the English words of a mixed message, its Chinese set apart as a clause of its own. */
function englishInMixed(message: string): HazardMatch | null {
  if (isEnglish(message) || (message.match(ENGLISH_WORDS) ?? []).length < 4) return null;
  // (the Chinese words may frame it: a drill, a danger over, elsewhere, hearsay, a dream, the past, a condition)
  const chinese = (message.match(HAN_RUN) ?? []).join(' ');
  if ([DRILL_MARKERS, RESOLVED_MARKERS, ELSEWHERE_MARKERS, HEARSAY_MARKERS, DREAM_MARKERS, PAST_MARKERS, HYPOTHETICAL_BEFORE, STRONG_CONDITIONAL].some((m) => mentionsAny(chinese, m))) return null;
  return readEnglishHazard(message.replace(HAN_RUN, ', ')).match;
}

/**
 * A kind that gives way to a more precise one hit at the same level, unless its own sign is in the message: a gas water
 * heater and people dizzy is carbon monoxide (120, open the windows), not a leak for the gas company — unless a smell,
 * a hiss or a leak word says gas is escaping.
 */
const GIVES_WAY: Readonly<Record<string, { to: string; unless: RegExp }>> = {
  gas_leak: { to: 'carbon_monoxide', unless: /漏(?![水雨])|泄|味|臭|呛|刺鼻|冲鼻|[嘶呲丝滋嗤哧咝]{2}|冒气|喷气|跑气|窜气|闻/ },
};

/** Kinds of a thing come down, and the small things whose fall, hitting no one, leaves only the rest up there to see to. */
const FALLEN_KINDS = new Set(['falling_object', 'collapse']);
const SMALL_THING = /花盆|盆栽|瓷砖|墙砖|砖头|砖块|玻璃|酒瓶|瓶子|衣架|晾衣|杂物|石头|冰凌|冰锥|树枝|拖把|水管|易拉罐|东西/;
/** In the message: the fall hit no one ("刚好砸在草坪上 没人经过", "还好没砸到人", "幸亏下面没人"). */
const NO_ONE_HIT = /没(?:有)?人(?:经过|路过|走过|在下面|在底下)|(?:下面|底下|楼下)(?:刚好|正好)?没(?:有)?人|(?:没|没有|未)(?:砸|打|伤|碰)(?:到|着|中)(?:人|谁)/;
/** … unless more is up there or coming down, or someone is hurt after all ("上面还挂着好几个", "又在往下扔", "流血了"). */
const MORE_TO_COME = /还(?:在|有|挂|悬|吊|晃|摆|会)|又|摇摇欲坠|随时|快(?:要)?掉|要掉|一排|好多|好几|松动|往下(?:掉|扔|砸)|在掉|在扔|受伤|流血|出血|(?<![没有未])(?:砸|打|伤)(?:到|着|中)了?(?:人|头|孩子|小孩|老人|脑袋)|晕|救命|快来|120|但/;
/** A small thing come down that hit no one, with nothing more up there told: urgent (see the rest up there), not an emergency. */
const nearMiss = (kind: string, signal: string, text: string): boolean =>
  FALLEN_KINDS.has(kind) && SMALL_THING.test(text) && NO_ONE_HIT.test(text) && !MORE_TO_COME.test(text) && (kind === 'falling_object' || SMALL_THING.test(signal));

/**
 * The rules' highest-level live hit among the sentences of one part (its hits read in the whole message); `triggered`:
 * the rules whose triggers the part holds.
 */
function byRules(text: string, rules: readonly HazardRule[], part: Part, triggered: ReadonlySet<HazardRule>): HazardMatch | null {
  if (!rules.some((r) => triggered.has(r))) return null;
  let best: HazardMatch | null = null;
  const found = new Map<string, HazardMatch>();
  const sentences = sentencesIn(text, part);
  for (const rule of rules) {
    if (!triggered.has(rule) || removed(part.text, rule)) continue;
    for (const [k, [s, e]] of sentences.entries()) {
      const hit = hitsOf(rule, text, s, e, sentences[k + 1]?.[1] ?? e).find((h) => clauseLive(text, h, rule) && sentenceLive(text, h, rule.kind));
      if (!hit) continue;
      const raised: HazardLevel = rule.level === 'urgent' && mentionsAny(text, rule.emergencyWith) ? 'emergency' : rule.level;
      const level: HazardLevel = raised === 'emergency' && nearMiss(rule.kind, text.slice(hit.start, hit.end), part.text) ? 'urgent' : raised;
      const match = { level, kind: rule.kind, signal: text.slice(hit.start, hit.end) };
      if (!found.has(rule.kind)) found.set(rule.kind, match);
      if (!best || LEVEL_RANK[level] > LEVEL_RANK[best.level]) best = match;
      break;
    }
  }
  const way = best ? GIVES_WAY[best.kind] : undefined;
  const precise = way ? found.get(way.to) : undefined;
  if (best && way && precise && precise.level === best.level && !way.unless.test(text)) return precise;
  return best;
}

/**
 * Whether the rules read a hazard in the message and its context dismissed it: a drill, a danger over or taken away,
 * negated ("没有煤气味了"), hypothetical, elsewhere, a figure of speech. The hazard model (a bag of n-grams, blind to
 * context) does not overrule such a reading.
 */
export function hazardDismissed(message: string, rules: readonly HazardRule[] = HAZARD_RULES): boolean {
  if (triggeredRules(rules)(hazardText(message)).size === 0) return false;
  const { text, parts } = readParts(message, rules);
  for (const part of parts) {
    const sentences = sentencesIn(text, part);
    const live = new Set(part.fine ? [] : liveRules(part.text, rules));
    const triggered = triggeredRules(rules)(part.text);
    for (const rule of rules) {
      if (!triggered.has(rule)) continue;
      const hits = hitsInMessage(rule, text, sentences);
      if (groupCancelled(text, rule)) return true;
      if (hits.length === 0) continue;
      if (!live.has(rule) || removed(part.text, rule) || !hits.some((h) => clauseLive(text, h, rule) && sentenceLive(text, h, rule.kind))) return true;
    }
  }
  return false;
}

/**
 * Whether the message only tells of dangers somewhere else (news, another estate or city, a relative's place, hearsay
 * with nothing local, a dream): the rules read at least one, and every one they read is put elsewhere. False when any
 * is here (live, or past, negated, a drill: those are about here), or none is read.
 */
export function hazardOnlyElsewhere(message: string, rules: readonly HazardRule[] = HAZARD_RULES): boolean {
  const text = hazardText(message);
  const triggered = triggeredRules(rules)(text);
  if (triggered.size === 0) return false;
  const sentences = sentencesOf(text);
  const hits = rules.filter((rule) => triggered.has(rule)).flatMap((rule) => hitsInMessage(rule, text, sentences));
  return hits.length > 0 && hits.every((hit) => notHere(text, hit));
}

/** Every hit of a rule in the message, sentence by sentence (a pair may reach into the next sentence). */
function hitsInMessage(rule: HazardRule, text: string, sentences: readonly [number, number][]): Hit[] {
  return sentences.flatMap(([s, e], k) => hitsOf(rule, text, s, e, sentences[k + 1]?.[1] ?? e));
}

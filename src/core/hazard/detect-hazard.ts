// Finds the worst live hazard in one message with the one hazard rule set: triage makes it the ticket's urgency, the
// patrol makes it an alert. A hit is live unless its context says otherwise (see hazard-context.ts).
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { boundedMemo, weakMemo } from '../util/memo.ts';
import {
  CONTINUING,
  DREAM_MARKERS,
  DRILL_MARKERS,
  ELSEWHERE_MARKERS,
  FALSE_ALARM_MARKERS,
  GONE_AFTER,
  HEARSAY_MARKERS,
  HERE_NOW,
  HYPERBOLE,
  HYPOTHETICAL_AFTER,
  HYPOTHETICAL_BEFORE,
  LOCAL_PLACE,
  MISTAKEN_BEFORE,
  NEGATION_BEFORE,
  NOT_A_DRILL,
  NOT_PERCEIVED,
  ONGOING,
  PAST_ASPECT,
  PAST_IN_CLAUSE,
  PAST_MARKERS,
  PAST_TIMES,
  PROHIBITION_BEFORE,
  REMEMBERED,
  removed,
  RESOLVED_MARKERS,
  SCREEN_SCENE_BEFORE,
  SHOPPING_AFTER,
  SHUT_OFF_MARKERS,
  SIMILE,
  TEMPER_RISING,
  WARNING_AFTER,
} from './hazard-context.ts';
import { readEnglishHazard } from '../english/english-hazard.ts';
import { isEnglish } from '../english/english-text.ts';
import { gasFallback } from './gas-fallback.ts';
import { HAZARD_RULES, triggeredRules, type HazardLevel, type HazardRule } from './hazard-rules.ts';
import { CIRCLED, itemParts, listItems, partsOf, sentencesIn, sentencesOf, type Part } from './message-parts.ts';
import { framingStart, notHere } from './hazard-place.ts';
import type { Hit } from './hazard-hit.ts';
import { askedOnly, numberForLater } from './hazard-questions.ts';
import { panicBurst } from './panic-burst.ts';
import { PEOPLE_HAZARDS } from './people-hazards.ts';
import { CLAUSE_BREAK, hazardText, listStart, SENTENCE_BREAK, spanAround, withoutClauses } from './hazard-text.ts';

export interface HazardMatch {
  level: HazardLevel;
  kind: string;
  /** The words that decided it, as they stand in the normalised text (e.g. "燃气灶那边好像一直有股怪味"). */
  signal: string;
}


/** Conditionals that no present-tense 了 undoes ("万一着火了怎么办"). */
const STRONG_CONDITIONAL: readonly Term[] = ['如果', '万一', '假如', '假设', '一旦', '要是', '倘若', '若是', '真要', '要真',
  // a standing worry ("我一直担心老人在家摔倒了没人知道"): its 了 tells what is feared, not what happened
  /(?:一直|总是?|老是|常常|经常|最|就|生)(?:在)?(?:担心|害怕|担忧|怕)/];
/** A condition opening a sentence ("如果小孩被困车里，…"), and the words of a question in the clause after it. */
const CONDITION_OPENS = /^\s*(?:如果|假如|假设|万一|要是|倘若)/;
const QUESTION_WORD = /哪|怎么|什么|该不该|应该|吗|能不能|可不可以|要不要/;
/** After a danger in a sentence a condition opens: a question of what would follow or what to do. */
const CONDITION_QUESTION = /会不会|吗|怎么办|咋办|怎么弄|要不要|该不该|(?:准备|注意|做)(?:点|些)?(?:啥|什么)|[?？]/;
/** … unless the danger's clause tells of it now ("如果有人在家 快来 3栋现在着火了"). */
const NOW_IN_CONDITION: readonly Term[] = ['现在', '正在', '刚刚', '刚才', '快来', '救命', '已经'];
/** What to do on meeting a danger, in general ("看到有人触电不要用手拉"): seeing it before, advice right after, no 了. */
const ADVICE_SEEN_BEFORE = /(?:看到|看见|发现|遇到|碰到|见到)[^，。！？,.!?\s]{0,4}$/;
const ADVICE_AFTER = /^[^，。！？,.!?；;了]{0,3}?(?:不要|别|千万|切记|切勿|应该|应当|要先|第一时间|记得)/;
/** … or a question of how one should act on meeting it, in general ("路上看见老人摔倒了 扶还是不扶 有没有什么讲究"). */
const GENERAL_ASK_AFTER = /^[^。！？!?]{0,12}?(?:扶(?:还是)?不扶|(?:有|有没有)(?:什么|啥)讲究|一般(?:都)?(?:怎么|该|要)(?:办|做|处理))/;
/** … unless it is happening now ("刚才看见老人摔倒了 该怎么办"). */
const JUST_NOW: readonly Term[] = ['刚才', '刚刚', '现在', '正在', '快来', '救命'];
/** "电动车电池能带上楼吗": asking whether something is allowed is not reporting it (urgent-level hazards only). */
const PERMISSION_QUESTION = /(?:能|可以|可不可以|能不能|允许|让不让)[^，。！？,.!?]*[吗么][？?]?$|(?:行不行|可不可以|中不中|好不好|能不能行)[？?]?$/;
/** "不是电动车冒烟 是有人在旁边抽烟": a 不是 before the danger in its clause, set right by a 是 opening the next. */
const DENIED_BEFORE = /不是[^，。！？,.!?]{0,8}$/;
// (not an insisting 是真的: "不是吓唬大家 楼道着火了 是真的")
const SET_RIGHT_AFTER = /^[\s，,]*(?:而|其实|只)?是(?!真|的)/;
/** "油锅起火千万不能用水浇": a tip of what never to do at a danger, told in its own clause with no 了 after it. */
const NEVER_AFTER = /^[^，。！？,.!?；;了\s]{0,2}?(?:千万|切记|切勿|一定)(?:不能|不要|别|要)/;
/** "热水器检测过了 … 不会一氧化碳中毒": a danger ruled out (不会) after a check the message tells of. */
const RULED_OUT_BEFORE = /不会(?:再|有)?[^，。！？,.!?\s]{0,2}$/;
const CHECKED = /(?:检测|检查|测|查|看|试)过了|(?:检测|检查)(?:了|过)?(?:没问题|合格|正常)|(?:检测|检查)结果/;
/** Just after an urgent-level hazard: everyone asked to stop or change a habit ("大家能不能都推下去", "请大家不要"). */
const PLEA_TO_ALL = /^[^，。！？,.!?；;]{0,3}?(?:请|希望|麻烦)?大家(?:伙)?(?:能不能|可不可以|能否|以后|都|尽量|一起|自觉|别|不要)/;
/** … unless the clause tells of it happening now ("楼道里的电动车正在充电 大家快看"). */
const NOW_IN_PLEA: readonly Term[] = ['在充', '充着', '正在', '现在', '又', '刚', '冒', '烟', '火'];
/** Someone named before a danger told as "no joke" makes it a report ("他要跳楼不是开玩笑的"). */
const WARNING_SUBJECT: readonly Term[] = ['他', '她', '人', '要', '想', '说', '家', '孩子', '小孩', '老'];
/** Just before a danger: it is only coming ("要着火了", "快爆炸了"). */
const FORETOLD = /(?:要|快要?|都快)$/;
/** What makes a danger only foretold a figure of speech, in its sentence. */
const FORETOLD_FIGURE: readonly Term[] = [...HYPERBOLE, ...TEMPER_RISING];
const ASSERTED_AFTER = /^[^，。！？,.!?；;]{0,3}?[了啦咯喽]/;
/** "这不是飞线吗": a rhetorical question asserts what its 不是 seems to deny. */
const RHETORICAL_BEFORE = /(?:这|那)(?:个|根|条)?不(?:就)?是[^，。！？,.!?\s]{0,2}$/;
const RHETORICAL_AFTER = /^[^，。！？,.!?；;]{0,6}?[吗嘛么]/;
/** A question of whether insurance pays or who compensates (not a fuse, 保险丝, nor a safe, 保险箱). */
const INSURANCE_QUESTION = /保险(?![丝箱柜盒杠栓])|理赔|赔不赔|(?:能不能|会不会|给不给|管不管)赔|(?:能|会|给|管)赔吗/;
/** "你家电瓶车别再放楼道充了": one household told to stop what it keeps doing, not a rule for all (a plea's 再 with 你家). */
const STOP_AGAIN = /(?:别|不要|不许|不准|莫)再[^，。！？,.!?]{0,8}$/;
const ONE_HOUSEHOLD = /(?:你|您)(?:们)?家/;
/** A likeness, not a guess ("像哪里在冒烟"; "好像", "像是" guess). */
const BARE_LIKE = /(?<![好就真])像(?!是)[^，。！？,.!?]{0,6}$/;
/** Weather and the look of the sky, with which a likeness to smoke or fire is a description. */
const SKY_AND_AIR: readonly Term[] = ['雾霾', '大雾', '起雾', '雾蒙蒙', '灰蒙蒙', '霾', '沙尘', '扬沙', '晚霞', '夕阳', '火烧云', '日落', '朝霞'];
/** A farewell note, whose likeness ("像遗书一样") is no figure of speech. */
const FAREWELL_NOTE = /遗书|遗言|绝笔|告别信/;
/** Just after a simile: a smell it describes ("一样的味道", "似的气味"). */
const SMELL_AFTER = /^的?(?:气)?味/;
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
    if (mentionsAny(text, pair.notInMessage)) continue;
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
        if (end - start <= span) hits.push({ start: s + start, end: s + end, objectStart: s + o.start, objectEnd: s + o.end, symptomStart: s + y.start, symptomEnd: s + y.end, ...(slight ? { slight } : {}) });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function clauseLive(text: string, hit: Hit, rule: HazardRule): boolean {
  if (hit.slight) return false;
  const [cs] = spanAround(text, hit.start, CLAUSE_BREAK);
  // a pair may reach into the next clause ("纸箱，真要着火了"): what stands before and after is read around both ends
  const [ls, le] = spanAround(text, Math.max(hit.start, hit.end - 1), CLAUSE_BREAK);
  const clause = text.slice(cs, Math.max(le, hit.end));
  if (mentionsAny(clause, hit.notWith ?? rule.notWith) || mentionsAny(clause, HYPERBOLE)) return false;
  // a scene in a show or a story, whoever watches it ("我家老头看电视剧看到着火救人那段")
  if (SCREEN_SCENE_BEFORE.test(text.slice(cs, hit.start))) return false;
  // a simile before the danger's later word holds it ("像着火了一样", "电线像蜘蛛网一样 烧黑了"); one after it only says
  // how bad it is ("电池鼓得跟馒头一样")
  const simile = SIMILE.exec(clause);
  // ("像臭鸡蛋一样的味道" names a smell by its likeness: it is the report)
  // (nor does "像遗书一样的话": a note likened to a farewell is the alarm)
  if (simile && cs + simile.index <= Math.max(hit.objectStart, hit.symptomStart) && !SMELL_AFTER.test(clause.slice(simile.index + simile[0].length)) && !FAREWELL_NOTE.test(simile[0])) return false;
  // the sky or the air likened to smoke or fire ("雾霾好重 灰蒙蒙的像哪里在冒烟"): a bare 像 (not 好像) before the danger
  // in its clause, with the weather named in the sentence
  if (BARE_LIKE.test(text.slice(cs, hit.start)) && mentionsAny(text.slice(...spanAround(text, hit.start, SENTENCE_BREAK)), SKY_AND_AIR)) return false;
  // "热死了 要着火了": a danger only foretold (要/快) is a figure of speech when the sentence holds one
  // (or a temper rising: "这球踢的 我血压都上来了 要爆炸了")
  // (or the sentence just before it: "热死了！！ 要着火了")
  const [fs, fe] = spanAround(text, hit.start, SENTENCE_BREAK);
  if (FORETOLD.test(text.slice(Math.max(0, hit.start - 3), hit.start)) && mentionsAny(text.slice(spanAround(text, Math.max(0, fs - 2), SENTENCE_BREAK)[0], fe), FORETOLD_FIGURE)) return false;
  // the later word of a pair (for a term, its start) and what precedes it in its own clause
  const later = Math.max(hit.objectStart, hit.symptomStart);
  const befores = [text.slice(cs, hit.start), later >= ls ? text.slice(ls, later) : ''];
  const after = text.slice(hit.end, Math.max(le, hit.end));
  // a negation before the later word is read only after the earlier one: in "掉进没盖的污水井" the 没 is the symptom's own
  const negatedAt = (at: number, floor = 0) => NEGATION_BEFORE.test(text.slice(Math.max(spanAround(text, at, CLAUSE_BREAK)[0], at - 4, floor), at));
  const objectFirst = hit.objectStart <= hit.symptomStart;
  const rhetorical = RHETORICAL_BEFORE.test(text.slice(cs, hit.start)) && RHETORICAL_AFTER.test(after);
  if (!rhetorical && (negatedAt(hit.start) || negatedAt(hit.objectStart, objectFirst ? 0 : hit.symptomEnd) || negatedAt(hit.symptomStart, objectFirst ? hit.objectEnd : 0))) return false;
  if (GONE_AFTER.test(after) || HYPOTHETICAL_AFTER.test(after)) return false;
  if (DENIED_BEFORE.test(text.slice(cs, hit.start)) && SET_RIGHT_AFTER.test(text.slice(Math.max(le, hit.end)))) return false;
  if (NEVER_AFTER.test(after) && !/\d/.test(clause) && !mentionsAny(clause, HERE_NOW) && !mentionsAny(clause, LOCAL_PLACE)) return false;
  if (befores.some((b) => RULED_OUT_BEFORE.test(b)) && CHECKED.test(text)) return false;
  if (NOT_PERCEIVED.test(text.slice(spanAround(text, hit.symptomStart, CLAUSE_BREAK)[0], hit.symptomStart))) return false;
  // the earlier word of a pair read with what follows it in its own clause ("电梯困人的话打哪个电话 物业的还是电梯公司的":
  // the 的话 follows the symptom, the hit ends at the later object)
  const earlierClauseEnd = (at: number) => spanAround(text, at - 1, CLAUSE_BREAK)[1];
  const crossing = [hit.objectEnd, hit.symptomEnd].filter((at) => earlierClauseEnd(at) < hit.end - 1).map((at) => text.slice(at, earlierClauseEnd(at)));
  // a condition put on the danger itself, its symptom read first ("电梯困人的话", "煤气漏气的话是打燃气公司"), not on a
  // thing or a person ("告别的话", "奶奶跳舞的时候")
  if (hit.symptomEnd < hit.end && HYPOTHETICAL_AFTER.test(text.slice(hit.symptomEnd, earlierClauseEnd(hit.symptomEnd)))) return false;
  // a warning to whoever does it, with no one here named before it
  const anyoneBefore = (from: number) => mentionsAny(text.slice(from, hit.start), WARNING_SUBJECT);
  if ((WARNING_AFTER.test(after) || crossing.some((a) => WARNING_AFTER.test(a))) && !anyoneBefore(Math.min(cs, ls)) && !mentionsAny(clause, HERE_NOW) && !mentionsAny(clause, LOCAL_PLACE)) return false;
  if (ADVICE_SEEN_BEFORE.test(text.slice(cs, hit.start)) && ADVICE_AFTER.test(after)) return false;
  if (ADVICE_SEEN_BEFORE.test(text.slice(cs, hit.start)) && GENERAL_ASK_AFTER.test(text.slice(hit.end)) && ![JUST_NOW, HERE_NOW, LOCAL_PLACE].some((m) => mentionsAny(text.slice(fs, fe), m))) return false;
  if (rule.level === 'urgent' && (SHOPPING_AFTER.test(after) || PERMISSION_QUESTION.test(clause))) return false;
  // "楼道里的电动车大家能不能都推下去": a plea to everyone about a standing habit, nothing happening now
  if (rule.level === 'urgent' && PLEA_TO_ALL.test(after) && !mentionsAny(clause, NOW_IN_PLEA)) return false;
  // "电瓶车在屋里充电万一炸了 保险赔不赔": a habit put as the cause of a harm to come, to ask who would pay for it
  // (nothing happening now told up to the hazard: the harm feared after 万一 is no sign of it)
  if (rule.level === 'urgent' && mentionsAny(after, STRONG_CONDITIONAL) && INSURANCE_QUESTION.test(text) && !mentionsAny(text.slice(cs, hit.end), NOW_IN_PLEA)) return false;
  const toldToStop = ONE_HOUSEHOLD.test(text) && befores.some((b) => STOP_AGAIN.test(b));
  if (befores.some((b) => (!toldToStop && mentionsAny(b, PROHIBITION_BEFORE)) || mentionsAny(b, MISTAKEN_BEFORE))) return false;
  // a rule reaches over the items of a list after it ("严禁电动车进楼入户充电、飞线充电")
  if (!toldToStop && listStart(text, cs) < cs && mentionsAny(text.slice(listStart(text, cs), cs), PROHIBITION_BEFORE)) return false;
  // "井盖如果松了": a conditional between the object and the symptom counts too
  if (mentionsAny(text.slice(cs, hit.end), STRONG_CONDITIONAL)) return false;
  // "如果小孩被困车里，砸哪个窗户最好砸？": a question put after a condition that opens the sentence asks what one would do
  const [qs, qe] = spanAround(text, hit.start, SENTENCE_BREAK);
  if (qs < cs && CONDITION_OPENS.test(text.slice(qs, cs)) && text[qe] === '?' && QUESTION_WORD.test(clause)) return false;
  // "要是水管冻裂了 水流到电表箱 会不会漏电": a condition that opens the sentence carries over the clauses after it up to a
  // question asked of what would follow, with nothing told as now
  if (qs < cs && CONDITION_OPENS.test(text.slice(qs, cs)) && CONDITION_QUESTION.test(text.slice(hit.end, qe)) && !mentionsAny(clause, NOW_IN_CONDITION)) return false;
  // a question whether it happened, with no sign of it told (not a rhetorical one, which asserts it: "这不就是飞线吗");
  // which number to call, asked to keep for later (hazard-questions.ts)
  if (!rhetorical && askedOnly(text, hit, rule, { cs, ls, le })) return false;
  if (numberForLater(text, after, clause)) return false;
  // a precaution ("防止起火") unless the clause says it happened ("楼下电动车充电引发火灾了")
  // (the 了 must follow the symptom: in "怕以后会漏气，该换个燃气软管了" it follows the object)
  const [, symptomClauseEnd] = spanAround(text, Math.max(hit.symptomStart, hit.symptomEnd - 1), CLAUSE_BREAK);
  return !befores.some((b) => mentionsAny(b, HYPOTHETICAL_BEFORE)) || ASSERTED_AFTER.test(text.slice(hit.symptomEnd, symptomClauseEnd));
}

/** Whether what is said at `at` of a normalised text happens here and now (not news, hearsay or history). */
export function happensHere(text: string, at: number): boolean {
  return sentenceLive(text, { start: at, end: at + 1, objectStart: at, objectEnd: at + 1, symptomStart: at, symptomEnd: at + 1 });
}

function sentenceLive(text: string, hit: Hit): boolean {
  const [sentenceStart, se] = spanAround(text, hit.start, SENTENCE_BREAK);
  const ss = framingStart(text, sentenceStart, hit.start);
  if (notHere(text, hit, ss)) return false;
  const sentence = text.slice(ss, se);
  const [cs, ce] = spanAround(text, hit.start, CLAUSE_BREAK);
  const clause = text.slice(cs, Math.max(ce, hit.end));
  const hereNow = mentionsAny(clause, HERE_NOW);
  // "我们这片十年前着过火" is history however near: only a danger that goes on counts; a past one recalled ("去年那场火
  // 大家还记得吧") stays history whatever else the sentence says is now ("物业还记得吗 电线还露着" is a live reminder)
  const past = mentionsAny(sentence, PAST_ASPECT) || mentionsAny(text.slice(ss, Math.max(ce, hit.end)), PAST_TIMES) || mentionsAny(text.slice(cs, se), PAST_IN_CLAUSE);
  // (what goes on is read in the whole sentence: a turn to here and now leaves history behind, not the signs of now)
  if (past && (!mentionsAny(withoutAftermath(text, sentenceStart, se, cs), ONGOING) || (mentionsAny(sentence, REMEMBERED) && !hereNow))) return false;
  return true;
}

/** A later clause that only tells the fear a past danger left ("…困了半小时，现在都不敢坐", "现在想起来还后怕"): no sign that
 * the danger goes on. */
// (or the recovery after it: "上个月要跳楼的那个小伙子 现在在家休养")
const AFTERMATH = /^[^，。！？,.!?]{0,6}(?:不敢|害怕|后怕|心有余悸|有阴影|想起来|腿软|发怵|怕了|休养|养病|静养|康复|出院|恢复得|好多了|陪着)/;

/** The sentence from `start` to `end` without its aftermath clauses after the hit's clause (at `hitClause`). */
function withoutAftermath(text: string, start: number, end: number, hitClause: number): string {
  return withoutClauses(text, start, end, (clause, cs) => cs > hitClause && AFTERMATH.test(clause));
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
const liveRules = (text: string, rules: readonly HazardRule[]): readonly HazardRule[] => {
  if (mentionsAny(text, DRILL_MARKERS) && !mentionsAny(text, NOT_A_DRILL)) return [];
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
  const plain = hazardText(message.replace(CIRCLED, (c) => ` ${c.charCodeAt(0) - 0x245f}. `));
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
 * The rules' highest-level live hit among the sentences of one part (its hits read in the whole message); `triggered`:
 * the rules whose triggers the part holds.
 */
function byRules(text: string, rules: readonly HazardRule[], part: Part, triggered: ReadonlySet<HazardRule>): HazardMatch | null {
  if (!rules.some((r) => triggered.has(r))) return null;
  let best: HazardMatch | null = null;
  const sentences = sentencesIn(text, part);
  for (const rule of rules) {
    if (!triggered.has(rule) || removed(part.text, rule)) continue;
    for (const [k, [s, e]] of sentences.entries()) {
      const hit = hitsOf(rule, text, s, e, sentences[k + 1]?.[1] ?? e).find((h) => clauseLive(text, h, rule) && sentenceLive(text, h));
      if (!hit) continue;
      const level: HazardLevel = rule.level === 'urgent' && mentionsAny(text, rule.emergencyWith) ? 'emergency' : rule.level;
      if (!best || LEVEL_RANK[level] > LEVEL_RANK[best.level]) best = { level, kind: rule.kind, signal: text.slice(hit.start, hit.end) };
      break;
    }
  }
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
      if (!live.has(rule) || removed(part.text, rule) || !hits.some((h) => clauseLive(text, h, rule) && sentenceLive(text, h))) return true;
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

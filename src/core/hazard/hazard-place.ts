// Where a danger is told to be: here and now, or somewhere else (news, another estate or city, hearsay with nothing
// local), in a dream, or a rumour denied. Read per sentence, from where its framing starts: a later clause that turns
// from what went before to tell of now (不过…, …也…) starts afresh. Used by detect-hazard.ts to judge each hit.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { HERE_NOW } from './hazard-when.ts';
import { BACKGROUND_SCREEN, DREAM_MARKERS, ELSEWHERE_MARKERS, HEARSAY_MARKERS, LOCAL_PLACE, REAFFIRMED, RUMOUR_DENIED, SCREEN_TELLS } from './hazard-where.ts';
import { CLAUSE_BREAK, SENTENCE_BREAK, spanAround, withoutClauses } from './hazard-text.ts';
import { NOW_TOLD } from './message-parts.ts';

/** Where a hit stands: its span, and where its object and its symptom start and end. */
export interface Told {
  start: number;
  end: number;
  objectStart: number;
  symptomStart: number;
  symptomEnd: number;
}

/** Opens a clause that turns from what went before ("不过", "但是", "可现在"). */
const TURN_OPENS = /^(?:但是?|可是|可(?=现在|刚|我|这)|不过|然而|谁知|没想到|结果)/;
/** Also or again ("我们楼也着火了", "5栋又冒烟了"): what is told now set beside what went before. */
const ALSO_AGAIN = /[也又]/;
/** What TURN_OPENS or ALSO_AGAIN need: read first, to pass most sentences in one test. */
const MAY_TURN = /[也又但可不然谁没结]/;
/** Now told, or a call for help now (not a place alone: "上次3栋着火的时候，我们楼也冒烟了" is history). */
const HERE_TOLD: readonly Term[] = [...NOW_TOLD, '快来', '快点', '赶紧', '救命', '还在'];

/**
 * Where what frames a hit in its sentence (news, hearsay, a rumour, a dream, history) is read from: the sentence's start,
 * or a later clause up to the hit's own that turns from it (不过, 但是; 也, 又) to tell of now ("群里说3栋着火是谣言，
 * 不过我刚下楼看到5单元配电箱在冒烟", "新闻说北京有楼着火了，刚才5栋楼道里也冒烟了").
 */
export function framingStart(text: string, ss: number, at: number): number {
  const [hs, he] = spanAround(text, at, CLAUSE_BREAK);
  // most hits stand in their sentence's first clause, or after no turn at all
  if (hs <= ss || !MAY_TURN.test(text.slice(ss, he))) return ss;
  let start = ss;
  for (let i = ss; i <= hs; ) {
    const [cs, ce] = spanAround(text, i, CLAUSE_BREAK);
    if (cs > ss && (TURN_OPENS.test(text.slice(cs, ce)) || ALSO_AGAIN.test(text.slice(cs, he))) && mentionsAny(text.slice(cs, he), HERE_TOLD)) start = cs;
    i = ce + 1;
  }
  return start;
}

/** A later sentence that says outright the danger told is not ours ("——她住城西那边 不是咱们这" after a forwarded record),
 * standing at the end of its clause (not "不是咱们小区的人 …", nor "不是咱们这栋 是隔壁那栋"). */
const OUTRIGHT_NOT_HERE = /不是(?:咱们|我们|咱|本)(?:这(?:里|边|儿)?|小区)(?=$|[\s，。！？,.!?~])|不在(?:咱们|我们|咱|本)小区(?:里|内|里面)?(?=$|[\s，。！？,.!?~])/;
/** A call for help in the hit's clause: the danger is the writer's own whatever a later line says. */
const CALL_NOW: readonly Term[] = ['快来', '救命', '赶紧', '快点', '帮忙', '报警'];

/** The hit's sentence puts it somewhere else or in a dream: news, another estate or city, hearsay with nothing local, a
 * rumour. */
export function notHere(text: string, hit: Told, from?: number): boolean {
  const [sentenceStart, se] = spanAround(text, hit.start, SENTENCE_BREAK);
  const ss = from ?? framingStart(text, sentenceStart, hit.start);
  const sentence = text.slice(ss, se);
  const [cs, ce] = spanAround(text, hit.start, CLAUSE_BREAK);
  // the here-and-now sign is read from the hit's start to the end of the danger's (the symptom's) clause: a pair whose
  // danger stands first and whose object is only named again in a later clause ("抖音看到广州有人在电梯里困了三个小时，
  // 咱们小区电梯还算靠谱") does not take that clause's 咱们 for its own
  const symptomFirst = hit.symptomStart < hit.objectStart;
  const [, symptomClauseEnd] = spanAround(text, Math.max(hit.symptomStart, hit.symptomEnd - 1), CLAUSE_BREAK);
  const hereNow = mentionsAny(text.slice(cs, Math.max(ce, symptomFirst ? symptomClauseEnd : hit.end)), HERE_NOW);
  if (mentionsAny(sentence, DREAM_MARKERS)) return true;
  // (what the writer adds after a forwarded record frames all of it, whatever 我们 its speaker says: "表姐：我们楼昨晚有人跳楼")
  if (OUTRIGHT_NOT_HERE.test(text.slice(se)) && !mentionsAny(text.slice(cs, ce), CALL_NOW)) return true;
  // a report called a rumour is none, whatever place here it names, unless the danger's clause says it is real
  if (mentionsAny(sentence, RUMOUR_DENIED) && !mentionsAny(text.slice(cs, Math.max(ce, hit.end)), REAFFIRMED)) return true;
  if (mentionsAny(withoutBackdrop(text, ss, se, hit.start), ELSEWHERE_MARKERS) && !hereNow) return true;
  // (hearsay told after what was seen, of its cause or more, does not make the sight hearsay: "消防栓打开没水 听说是阀门被
  // 关了", "… 听说阀门关着"; a bare "听说的" after it does)
  const heard = mentionsAny(text.slice(ss, ce), HEARSAY_MARKERS) || mentionsAny(text.slice(ce, se).replace(HEARSAY_OF_CAUSE, ' '), HEARSAY_MARKERS);
  return heard && !hereNow && !mentionsAny(sentence, LOCAL_PLACE);
}

/** Hearsay that tells something more ("听说是装修的把阀门关了", "据说阀门关着"), not a bare "听说的". */
const HEARSAY_OF_CAUSE = /(?:听说|据说|听[^，。！？,.!?]{1,4}说)(?=[^，。！？,.!?\s的了啊呀吧]{2})/g;

/** The sentence without the clauses that only say a screen is on in the room ("一家人在看电视，突然看到对面楼…"), when it
 * names a place here and the danger is not in them (see BACKGROUND_SCREEN). */
function withoutBackdrop(text: string, ss: number, se: number, at: number): string {
  const sentence = text.slice(ss, se);
  if (!BACKGROUND_SCREEN.test(sentence) || !mentionsAny(sentence, LOCAL_PLACE)) return sentence;
  return withoutClauses(text, ss, se, (clause, cs, ce) => (at < cs || at >= ce) && BACKGROUND_SCREEN.test(clause) && !SCREEN_TELLS.test(clause));
}

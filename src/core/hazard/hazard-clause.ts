// One idea of the hazard reading: whether a rule's hit is live in its own clause (detect-hazard.ts reads the sentence,
// the message and its parts around it). A hit is dead when its clause says it is not a report of it happening: negated,
// denied and set right, a figure of speech, a simile, a condition, a warning or a tip, a plea to everyone about a
// habit, a prohibition, a question whether it happened, a number asked for later, or a precaution.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { DESPAIR_TOLD, DRIVEN_MAD, GAME_PLAYED, GAME_SCENE_BEFORE, GAME_SHOUTED, GONE_AFTER, HYPERBOLE, LIABILITY_AFTER, PLAN_OVERDUE, PLANNED_FIX_BEFORE, REAL_BESIDE_GAME, HYPOTHETICAL_AFTER, HYPOTHETICAL_BEFORE, MISTAKEN_BEFORE, NEGATION_BEFORE, NOT_PERCEIVED, PLACE_NAMED, PROHIBITION_BEFORE, SHOPPING_AFTER, WHOSE_JOB_AFTER, SIMILE, TEMPER_RISING, WARNING_AFTER } from './hazard-framing.ts';
import { HERE_NOW } from './hazard-when.ts';
import { LOCAL_PLACE, PICTURED_BEFORE, SCREEN_SCENE_BEFORE } from './hazard-where.ts';
import type { HazardRule } from './hazard-rules.ts';
import type { Hit } from './hazard-hit.ts';
import { askedOnly, numberForLater } from './hazard-questions.ts';
import { CHILD, PERSON } from './people-terms.ts';
import { CLAUSE_BREAK, listStart, SENTENCE_BREAK, spanAround } from './hazard-text.ts';

/** Conditionals that no present-tense 了 undoes ("万一着火了怎么办"). */
export const STRONG_CONDITIONAL: readonly Term[] = ['如果', '万一', '假如', '假设', '一旦', '要是', '倘若', '若是', '真要', '要真',
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
/** A clause opened by a denial, a few words before a danger's word in it ("没有煤气泄漏"). */
const DENIED_OPENING = /^(?:没有?|不是|并非|并没有?|无)[^，。！？,.!?\s]{0,4}$/;
// (not an insisting 是真的: "不是吓唬大家 楼道着火了 是真的")
const SET_RIGHT_AFTER = /^[\s，,]*(?:而|其实|只)?是(?!真|的)/;
/** "冒烟的不是充电桩 是车主在抽烟", "车库没进水 是洗车的水流出来了": the danger's thing denied after it (or the danger
 * denied in the clause before) and set right by a harmless cause in the next clause (not "着火的不是3栋 是5栋"). */
const DENIED_AFTER = /^的?(?:东西|地方|那个|那辆|那台)?(?:并)?不是[^，。！？,.!?\s]{1,8}$/;
const DENIED_CLAUSE = /(?:没|不是|并非|没有)[^，。！？,.!?\s]{0,4}$/;
const HARMLESS_CAUSE = /抽烟|吸烟|烧烤|做饭|炒菜|蒸汽|水汽|雾气|烧纸|烧香|洗车|浇花|洒水|拖地|空调(?:滴|的|外机)|灰尘|扬尘|干冰|烟饼/;
const explainedAway = (text: string, hit: Hit, cs: number, le: number): boolean => {
  const [ns, ne] = spanAround(text, Math.min(text.length - 1, Math.max(le, hit.end) + 1), CLAUSE_BREAK);
  if (DENIED_AFTER.test(text.slice(hit.end, Math.max(le, hit.end))) && SET_RIGHT_AFTER.test(text.slice(ns, ne)) && HARMLESS_CAUSE.test(text.slice(ns, ne))) return true;
  return cs > 0 && SET_RIGHT_AFTER.test(text.slice(cs, hit.start)) && DENIED_CLAUSE.test(text.slice(spanAround(text, cs - 1, CLAUSE_BREAK)[0], cs - 1)) && HARMLESS_CAUSE.test(text.slice(cs, Math.max(le, hit.end)));
};
/** "家里都是烟 是我妈在熏腊肉", "往外冒气 是暖气管", "一股臭鸡蛋味 是垃圾没倒": the clause right after the sign (or the
 * last clause the sign reaches into) names its harmless cause with 是, a cause that is no danger itself ("是燃气管", "是烧烤店
 * 着火了" are reports), and nothing after it in the message turns back to a danger ("可是火窜到窗帘上了"). */
const CAUSE_AFTER = /^(?:原来|其实|应该|估计|就|那)?是(?!真|的|不是)[^，。！？,.!?]{0,10}?(?:暖气|供暖|热力|熏|腊肉|腊肠|香肠|蒸汽|水蒸气|水汽|雾气|烧烤|做饭|炒菜|熬|煮|炖|中药|油烟|烧纸|烧香|抽烟|吸烟)/;
/** … or, for a smell only, rubbish or a drain ("臭鸡蛋味 是垃圾没倒"; rubbish smoking is a fire: "冒黑烟 是垃圾站"). */
const SMELL_CAUSE_AFTER = /^(?:原来|其实|应该|估计|就|那)?是(?!真|的|不是)[^，。！？,.!?]{0,10}?(?:垃圾|下水道|化粪池|反味|返味)/;
const SMELL = /味|臭/;
const CAUSE_NAMES_DANGER = /燃气|煤气|天然气|液化气|着火|起火|失火|明火|火(?!锅|腿)|烧着|(?<!熏|燃)烧(?!烤|纸|香|开|水|饭|菜)|着了|点了|点着|引着|蔓延|窜|爆|炸|电线|短路/;
const causeIn = (clause: string, hit: Hit, text: string): boolean =>
  CAUSE_AFTER.test(clause) || (SMELL_CAUSE_AFTER.test(clause) && SMELL.test(text.slice(hit.start, hit.end)));
const TURN_BACK = /但|可是|不过|然而|可(?=[^，。！？,.!?]{0,4}(?:还|又|也|越|火|烟|味))/;
function causeToldAfter(text: string, hit: Hit): boolean {
  const [, se] = spanAround(text, hit.start, SENTENCE_BREAK);
  let [cs, ce] = spanAround(text, hit.start, CLAUSE_BREAK);
  // (the cause's own clause may hold a sign of its own: "冒气 是暖气管漏的")
  const own = text.slice(cs, ce);
  // (the cause and all after it read for a danger told: "是做饭的油烟 可能着了")
  if (cs > 0 && causeIn(own, hit, text)) return !CAUSE_NAMES_DANGER.test(text.slice(cs)) && !TURN_BACK.test(text.slice(ce));
  for (;;) {
    let ks = ce;
    while (ks < se && CLAUSE_BREAK.test(text[ks] ?? '')) ks++;
    if (ks >= se) return false;
    const [, ke] = spanAround(text, ks, CLAUSE_BREAK);
    const clause = text.slice(ks, ke);
    if (causeIn(clause, hit, text)) return !CAUSE_NAMES_DANGER.test(text.slice(ks)) && !TURN_BACK.test(text.slice(ke));
    // (a clause the sign itself reaches over is passed: "挖破了 往外冒气 是暖气管")
    if (ke >= hit.end) return false;
    ce = ke;
  }
}
/** "车里锁着个孩子的玩具", "车里关着小孩的书包": the person a hit ends on only owns the thing in danger (not "孩子的手卡住了":
 * a hand is the child). */
const OWNED_THING_AFTER = /^(?:们)?的[^，。！？,.!?\s的]{0,3}?(?:玩具|书包|书本|课本|娃娃|公仔|玩偶|布偶|毛绒|作业|文具|水杯|水壶|奶瓶|鞋|帽子|滑板|自行车|单车|平衡车|扭扭车|皮球|足球|篮球|风筝|手机|手表|平板|东西|包)/;
const WHO: readonly string[] = [...PERSON, ...CHILD].filter((t): t is string => typeof t === 'string');
const ownerOnly = (text: string, hit: Hit): boolean => OWNED_THING_AFTER.test(text.slice(hit.end)) && WHO.some((w) => text.slice(hit.start, hit.end).endsWith(w));
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
/**
 * Whether a hit of `rule` is live in its clause: not negated, denied, foretold as a figure of speech, put as a
 * condition, a warning, advice, a plea to all, a prohibition, a question whether it happened, or a precaution.
 */
export function clauseLive(text: string, hit: Hit, rule: HazardRule): boolean {
  if (hit.slight) return false;
  const [cs] = spanAround(text, hit.start, CLAUSE_BREAK);
  // a pair may reach into the next clause ("纸箱，真要着火了"): what stands before and after is read around both ends
  const [ls, le] = spanAround(text, Math.max(hit.start, hit.end - 1), CLAUSE_BREAK);
  const clause = text.slice(cs, Math.max(le, hit.end));
  if (mentionsAny(clause, hit.notWith ?? rule.notWith) || mentionsAny(clause, HYPERBOLE)) return false;
  // a scene in a show or a story, whoever watches it ("我家老头看电视剧看到着火救人那段")
  if (SCREEN_SCENE_BEFORE.test(text.slice(cs, hit.start))) return false;
  // a child's video game: the game or its screen just before the danger ("打游戏着火了", "基地被炸了 满屏着火"), with no real
  // thing or sign beside it in the message ("打游戏 主机着火了 一股焦味" is a fire)
  if (GAME_PLAYED.test(text) && GAME_SCENE_BEFORE.test(text.slice(cs, hit.start)) && !REAL_BESIDE_GAME.test(text)) return false;
  // (or the player shouting it: "儿子打游戏喊着火了 着火了")
  if (GAME_PLAYED.test(text) && !REAL_BESIDE_GAME.test(text) && [...text.matchAll(GAME_SHOUTED)].some((m) => m.index < hit.start && hit.end <= m.index + m[0].length)) return false;
  // a simile before the danger's later word holds it ("像着火了一样", "电线像蜘蛛网一样 烧黑了"); one after it only says
  // how bad it is ("电池鼓得跟馒头一样")
  const simile = SIMILE.exec(clause);
  // ("像臭鸡蛋一样的味道" names a smell by its likeness: it is the report)
  // (nor does "像遗书一样的话": a note likened to a farewell is the alarm)
  // (one in a clause of its own between the two words likens something else: "连着响了好几声 跟放炮似的 一股烟往上涌" likens the
  // bangs, not the smoke)
  const betweenOnly = simile !== null && cs + simile.index >= spanAround(text, hit.start, CLAUSE_BREAK)[1] && cs + simile.index + simile[0].length <= ls;
  if (simile && !betweenOnly && cs + simile.index <= Math.max(hit.objectStart, hit.symptomStart) && !SMELL_AFTER.test(clause.slice(simile.index + simile[0].length)) && !FAREWELL_NOTE.test(simile[0])) return false;
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
  // a symptom paired with an object in a later clause stands in its own clause: denied at that clause's start, it is denied
  // ("没有煤气泄漏 燃气公司来测了": the 漏 is the denied leak's, not the gas company's)
  const symptomClause = spanAround(text, hit.symptomStart, CLAUSE_BREAK)[0];
  if (!objectFirst && symptomClause < spanAround(text, hit.objectStart, CLAUSE_BREAK)[0] && DENIED_OPENING.test(text.slice(symptomClause, hit.symptomStart))) return false;
  if (GONE_AFTER.test(after) || HYPOTHETICAL_AFTER.test(after)) return false;
  if (DENIED_BEFORE.test(text.slice(cs, hit.start)) && SET_RIGHT_AFTER.test(text.slice(Math.max(le, hit.end)))) return false;
  if (explainedAway(text, hit, cs, le)) return false;
  if (causeToldAfter(text, hit)) return false;
  if (ownerOnly(text, hit)) return false;
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
  if (rule.level === 'urgent' && WHOSE_JOB_AFTER.test(after) && !PLACE_NAMED.test(text) && !mentionsAny(text, HERE_NOW) && !mentionsAny(text, LOCAL_PLACE)) return false;
  // "楼道里的电动车大家能不能都推下去": a plea to everyone about a standing habit, nothing happening now
  if (rule.level === 'urgent' && PLEA_TO_ALL.test(after) && !mentionsAny(clause, NOW_IN_PLEA)) return false;
  // "电瓶车在屋里充电万一炸了 保险赔不赔": a habit put as the cause of a harm to come, to ask who would pay for it
  // (nothing happening now told up to the hazard: the harm feared after 万一 is no sign of it)
  if (rule.level === 'urgent' && mentionsAny(after, STRONG_CONDITIONAL) && INSURANCE_QUESTION.test(text) && !mentionsAny(text.slice(cs, hit.end), NOW_IN_PLEA)) return false;
  // "装修声逼疯了，真的想跳楼": exasperation at a nuisance, with no despair, means or place told
  if (rule.kind === 'suicide' && DRIVEN_MAD.test(text) && !DESPAIR_TOLD.test(text)) return false;
  // a thing pictured in an advert or a poster ("电梯里那个广告的电瓶车")
  if (PICTURED_BEFORE.test(text.slice(cs, later)) || (later >= ls && PICTURED_BEFORE.test(text.slice(ls, later)))) return false;
  // a repair planned for a fault ("物业将于本周内更换各楼层过期灭火器"), not one overdue
  if (rule.level === 'urgent' && befores.some((b) => PLANNED_FIX_BEFORE.test(b)) && !PLAN_OVERDUE.test(text)) return false;
  // a plea whose harm is warned of in a later clause, as what one would answer for ("别放花盆 掉下去砸到人要担责的"): the plea
  // earlier in the sentence, nothing told as happened in the harm's clause, nor now in the sentence
  const [harmStart, harmEnd] = spanAround(text, hit.symptomStart, CLAUSE_BREAK);
  if (harmStart > fs && mentionsAny(text.slice(fs, harmStart), PROHIBITION_BEFORE) && LIABILITY_AFTER.test(text.slice(harmStart, harmEnd)) && !mentionsAny(text.slice(fs, fe), JUST_NOW)) return false;
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

// A second, independent reading for the worst miss Linli can make, a gas leak: where the pair rules find nothing, a
// message holding a strong gas word (燃气, 煤气, 液化气罐, 减压阀 …) and, anywhere else in it, a sign that something is
// wrong (a smell, a leak, a hiss, an alarm, bubbles, frost, dizziness, a tap that will not close) is a gas emergency,
// unless the message as a whole is a drill, news from elsewhere, a danger already over, a notice, a hypothetical, a
// purchase, a bill or cooking talk. It reads words, not phrasing, so unseen wording of a real leak still gets through;
// its suppressors are read message-wide and liberally, since the pair rules remain the first reading.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { CONTINUING, REMOVED_MARKERS, RESOLVED_MARKERS } from './hazard-context.ts';
import { GONE_AFTER, HYPERBOLE, HYPOTHETICAL_BEFORE, NEGATION_BEFORE, NOT_PERCEIVED, PROHIBITION_BEFORE } from './hazard-framing.ts';
import { HERE_NOW, ONGOING, PAST_MARKERS } from './hazard-when.ts';
import { DREAM_MARKERS, ELSEWHERE_MARKERS, HEARSAY_MARKERS, REAFFIRMED, RUMOUR_DENIED } from './hazard-where.ts';
import { CLAUSE_BREAK, spanAround } from './hazard-text.ts';

/** Words that name the gas supply itself (not 气 alone: 生气, 空气, 打气). */
export const GAS_WORDS: readonly Term[] = [
  '燃气', '煤气', '天然气', '液化气', '石油气', '沼气', '气罐', '气瓶', '钢瓶', '气表', '减压阀', '调压阀', '调压器', '气阀', '总阀', /(?<!水)阀门/, '立管', '灶',
];
/** Something wrong with it: a smell, a leak, a sound, an alarm, a physical sign, a symptom in people. */
const GAS_CUES: readonly Term[] = [
  /漏(?![水雨])/, '泄', '味', '臭', '呛', '刺鼻', /[嘶呲咝哧嗤]/, /[响叫鸣]/, '冒', '泡', '结霜', /(?:接头|接口|螺母|卡箍|软管|管子|阀)[^，。！？,.!?]{0,3}(?:松|脱)/, '关不', /(?<!关)没关/, '忘了关', '忘关',
  '还有气', '屋子气', '有气出', '气出来', '晕', '头疼', '头痛', '恶心', '声音', /破(?!费)/, '裂', '断了', '喷', '闪',
];
/** Anywhere in the message: not a report of a leak here and now. */
const NOT_A_REPORT: readonly Term[] = [
  // drills, checks, notices, reminders, advice
  '演练', '演习', '模拟', '培训', '讲座', '科普', '知识', '安检', '测试', '年检', '提醒', '通知', '公告', '温馨', '注意', '记得', '及时', '定期', '务必', '建议', '应该', '请于', '请大家', '改造', '停气', '通气', '开户',
  // lessons, hypotheticals and questions about what to do
  '教', '学校', '老师', '会不会', '要不要', '是否', '怎么', '咋办', '该不该', '的话', '有没有人知道', '请问',
  // over, or explained
  '修过', '修好', '处理好', '处理了', /已(?:经)?(?:关|拧)(?:好|紧|上|掉)/, '没事', /(?<![不没难])放心(?!不下)/, '误报', '虚惊', '已换', '换了', '扑灭', '原来是', '找到了', '查过', '检查过', '看过了', '换个', '换一个', '要换', '该换',
  // buying, selling, bills
  '多少钱', '在哪', '哪里', '买', '卖', '出一个', '二手', '闲置', '费', '缴', '充值', '读数', '电池',
  // a product asked about ("有没有人用过那种燃气泄漏报警器，哪个牌子好")
  '牌子', '哪款', '好用', '用过',
  // cooking and eating, lighting the stove (its clicks)
  '打火', '点火', '做饭', '炒菜', '做菜', '烧菜', '香', '好吃', '红烧', '炖', '煮', '熬', '蒸', '火锅', '烧烤', '烤',
  // not a gas supply
  '轮胎', '车胎', '气球', '打气', '充气', '气管炎', '支气管', '空调', '冰箱',
  // a nickname or a joke ("外号叫煤气罐 😂")
  '外号', '绰号', '昵称', '😂', '🤣',
  // a nose told keen (after a poisoning long ago: "小时候煤气中毒过 所以现在对味道特别敏感")
  '敏感', /鼻子[^，。！？,.!?]{0,3}灵/,
  // the smell traced to drains or paint ("不是煤气，是下水道反味")
  '下水道', '化粪池', '反味', '返味', '地漏', '油漆', '甲醛',
  // asking what a meter's light or sign means ("燃气表红灯一闪一闪是啥意思")
  /(?:是|啥|什么)意思/,
];

/** A check told, then the leak or the poisoning ruled out with 不会. */
const RULED_OUT_AFTER_CHECK = /(?:检测|检查|测|查|看)(?:过了|过|了)[^。！？!?]{0,20}不会(?:再|有)?(?:漏|泄|中毒|一氧化碳|煤气|燃气)/;

/** [start, end) of each occurrence of any of the terms. */
function spans(text: string, terms: readonly Term[]): [number, number][] {
  const out: [number, number][] = [];
  for (const t of terms) {
    if (typeof t === 'string') for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) out.push([i, i + t.length]);
    else for (const m of text.matchAll(new RegExp(t.source, `${t.flags.replace('g', '')}g`))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** The gas word and the cue that make a normalised message a gas emergency by the fallback, or null. */
export function gasFallback(text: string): string | null {
  // a check told, then the leak ruled out ("燃气公司检测过了 管道都正常 不会漏气"), unless a sign goes on after it
  if (RULED_OUT_AFTER_CHECK.test(text) && !mentionsAny(text, CONTINUING)) return null;
  if (!mentionsAny(text, GAS_WORDS) || mentionsAny(text, NOT_A_REPORT) || mentionsAny(text, HYPERBOLE)) return null;
  // the pair rules' clause-level contexts, read here message-wide: 怕/防止/万一, 请勿/不要, 拿走了
  if (mentionsAny(text, HYPOTHETICAL_BEFORE) || mentionsAny(text, PROHIBITION_BEFORE) || mentionsAny(text, REMOVED_MARKERS)) return null;
  if ((mentionsAny(text, ELSEWHERE_MARKERS) || mentionsAny(text, HEARSAY_MARKERS)) && !mentionsAny(text, HERE_NOW)) return null;
  if (mentionsAny(text, DREAM_MARKERS)) return null;
  if (mentionsAny(text, RUMOUR_DENIED) && !mentionsAny(text, REAFFIRMED)) return null;
  // over, as the pair rules read it ("燃气公司来关了总阀 现在没味了"), unless it goes on
  if (mentionsAny(text, RESOLVED_MARKERS) && !mentionsAny(text, CONTINUING)) return null;
  if (mentionsAny(text, PAST_MARKERS) && !mentionsAny(text, ONGOING)) return null;
  const words = spans(text, GAS_WORDS);
  // every gas word denied ("不是煤气泄漏 没有煤气味"): the message says what it is not
  const denied = ([ws]: [number, number]) => NEGATION_BEFORE.test(text.slice(Math.max(spanAround(text, ws, CLAUSE_BREAK)[0], ws - 4), ws));
  if (words.every(denied)) return null;
  const inWord = (at: number) => words.some(([s, e]) => at >= s && at < e);
  for (const [s, e] of spans(text, GAS_CUES)) {
    if (inWord(s)) continue;
    // a negation stands before the cue or before the gas word it follows ("闻不到燃气味了"); "味没了" is gone
    const at = words.find(([, we]) => we === s)?.[0] ?? s;
    const [cs, ce] = spanAround(text, at, CLAUSE_BREAK);
    if (NEGATION_BEFORE.test(text.slice(Math.max(cs, at - 4), at)) || NOT_PERCEIVED.test(text.slice(cs, at)) || GONE_AFTER.test(text.slice(e, Math.max(ce, e)))) continue;
    const [ws, we] = words.reduce((best, x) => (Math.abs(x[0] - s) < Math.abs(best[0] - s) ? x : best));
    return text.slice(Math.min(ws, s), Math.max(e, we));
  }
  return null;
}

// In the sentence of a danger: whether it is now — past times and history, a recollection — and the words that keep
// it going on (还, 一直, 现在) or here and now.
import type { Term } from '../triage/urgency.ts';

/** In the sentence: it happened before ("去年着过火"); kept when it goes on (还/又/一直/现在). */
/** Bare times: they date only what follows them or shares their clause ("应急灯全不亮 昨晚停电" is now). */
// (上次 too: "应急灯全不亮，上次停电楼梯里一片漆黑" tells what the fault did last time, not that it is over)
// (前年, 几年前, 前几年 too: "前年我们单元也有人飞线充电")
export const PAST_TIMES: readonly Term[] = ['昨天', '昨晚', '前天', '前几天', '上周', '上个月', '去年', '前年', /[\d一二三四五六七八九十几两]+年前|前(?:几|两|些)年|早(?:几|些)年/, '以前', '之前', '上次'];
/** Past aspect and history, anywhere in the sentence. */
// (not the moment of a storm just now: "打雷那会儿有人在楼顶被雷劈了")
// (and a case tried and sentenced: "打老婆被判了三年")
export const PAST_ASPECT: readonly Term[] = [/被判(?:了|刑|处)/, '那次', '曾经', '着过', '那年', '小时候', '那事', '年轻时', '那时候', '当年', /(?<!打雷|下雨|下暴雨|刮风|刮大风|停电|刚才|刚刚)那会儿/];
/** "X的事" looks back: it makes history of a danger in its clause or before it ("着火的事"), not of one it precedes
 * ("想问停水的事，结果闻到煤气味"). */
export const PAST_IN_CLAUSE: readonly Term[] = ['的事'];
export const PAST_MARKERS: readonly Term[] = [...PAST_TIMES, ...PAST_ASPECT, ...PAST_IN_CLAUSE];
/** In the sentence: a recollection ("去年那场火大家还记得吧"), past whatever else the sentence says is now. */
export const REMEMBERED: readonly Term[] = ['还记得', '记得吗', '记不记得', '记得吧'];
// (a sign since then: "从昨天开始左边手脚没劲")
export const ONGOING: readonly Term[] = [/还(?!记得)/, '又', /从(?:昨天|昨晚|前天|早上|上午|下午)(?:开始|起)/, '最近', '每晚', '每天晚上', '越来越', '一直', '到现在', '现在', '今天', '仍', '依然', '再次', '今早', '今晚', '刚刚', '刚才', '正在', '这几天', '这两天', '这阵子', '这段时间'];

/** In the danger's clause: here and now. Overrides news, hearsay and past markers. */
export const HERE_NOW: readonly Term[] = [
  // (not of kin: 沪 "阿拉阿姐伊拉小区", my sister's estate)
  // (nor a place said not to be ours: "对面那个小区（不是咱们的）")
  // (nor how far we are from it: "我们离那好几公里"; nor our workplace over there: "我们单位那边今天有人跳楼")
  /(?<!不是|不在|并非)我们(?!(?:单位|公司|厂)(?:那边|那里|那儿)|阿姐|阿哥|阿弟|阿妹|娘舅|姆妈|阿爸|爷叔|外婆|舅舅|镇|村|县|乡|离(?:那|那里|那边|那儿)[^，。！？,.!?\s]{0,4}(?:公里|里地|远))/, /(?<!不是|不在|并非)咱(?!们?离(?:那|那里|那边|那儿)[^，。！？,.!?\s]{0,4}(?:公里|里地|远))/, '我家', '本楼', '本小区', '这里', '这边', '现在', '正在', '快来', '快点', '赶紧', '救命', '还在', '一直'];

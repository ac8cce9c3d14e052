// A message read in parts before its hazards are judged: its sentences; a list or a duty log item by item (each item
// framed only by itself and the heading); other messages split where a drill notice or a danger over is followed by a
// fresh report of its own (freshReport). Which kinds of hazard a sentence holds is detect-hazard.ts's reading, passed in.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { DRILL_MARKERS, REMOVED_MARKERS, REMOVED_OF_KIND, RESOLVED_MARKERS } from './hazard-context.ts';
import { PAST_TIMES } from './hazard-when.ts';
import { REAFFIRMED } from './hazard-where.ts';
import { triggeredRules, type HazardRule } from './hazard-rules.ts';
import { SENTENCE_BREAK, spanAround } from './hazard-text.ts';

/** Told as happening now or just now. */
export const NOW_TOLD: readonly Term[] = ['现在', '正在', '此刻', '这会儿', '眼下', '刚刚', '刚才', /刚(?:下楼|上楼|回|到|看|闻|听|发现|出|进|路过|经过)/, '今天', '今早', '今晚', '突然'];

/** The message's sentences as [start, end) offsets. */
export function sentencesOf(text: string): [number, number][] {
  const sentences: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    const [s, e] = spanAround(text, i, SENTENCE_BREAK);
    if (e > s) sentences.push([s, e]);
    i = e + 1;
  }
  return sentences;
}

/** The message's sentences within a part. */
export const sentencesIn = (text: string, part: Part): [number, number][] =>
  part.from === 0 && part.to === text.length ? sentencesOf(text) : sentencesOf(text).filter(([s]) => s >= part.from && s < part.to);

/** What frames a whole message (a drill, a danger over or taken away) up to a fresh report in a later sentence. */
export const FRAMINGS: readonly Term[] = [...DRILL_MARKERS, ...RESOLVED_MARKERS, ...REMOVED_MARKERS, ...Object.values(REMOVED_OF_KIND).flat()];
/** Told as only to come ("到时候楼道里会冒烟"): what a drill notice goes on to say. */
const TO_COME: readonly Term[] = ['到时候', '到时', '届时', '将会', '会有', '将于', '明天', '后天', '下周', '待会', '等会', '一会儿', '稍后'];
/** Opens a sentence on another matter ("另外，我家对门…"), or the poster's own word after what they forwarded. */
const TOPIC_SHIFT = /^\s*(?:另外|另|还有个事|还有件事|还有一件事|对了|顺便|题外话|(?:我|楼主)?补充|我补)/;
/**
 * The poster's own word added after a forwarded notice, a vote or an order ("转发物业通知【燃气安全入户检查】…… 我补一句：
 * 不是检查，12栋现在真的有燃气味"; "物业通知：今日停水…… 楼主补充：…"): a sentence of its own, framed by itself, not by
 * the notice's heading or its 转发.
 */
const ADDENDUM = /(?<=\S)\s*(?=(?:我|楼主|群主)?补充(?:一句|一下|两句|说明)?[：:\s]|我(?:再)?补(?:一句|两句|个|充)|(?:ps|PS)[：:\s])/g;
export const addendaApart = (text: string): string => text.replace(ADDENDUM, '\n');
/** Again, also, real after all ("又冒烟了", "我们楼也着火了", "现在真的有烟", "烟感真响了"; not 真是, 真相, 认真). */
const AGAIN_OR_REAL: readonly Term[] = ['又', '也', '再次', /(?<![认当逼天纯])真(?!是|相|假|心|正|实|理|诚|空|人|的假)/, ...REAFFIRMED];
/** Still there, as before. */
const STILL: readonly Term[] = ['还是', '仍', '依然', '依旧'];
/** A day other than today: a drill dated there is another event than one told now ("明天演练", "上周培训"). */
const OTHER_DAY: readonly Term[] = [...PAST_TIMES, '上次', '明天', '后天', '下周', '下个月', '下月', '月底', /[周]末|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]/, /\d+\s*(?:号|日)(?!楼)/];
/** A building or a unit by its number (not a floor: the fire over may have been on another floor of the same building). */
const PLACE_NUMBER = /\d+\s*(?:栋|号楼|幢|单元)/g;

const placesNamed = (t: string): Set<string> => new Set([...t.matchAll(PLACE_NUMBER)].map((m) => m[0].replace(/\s+/g, '')));
/** The kinds of hazard whose words a text names at all ("电梯里的人已经救出来了" names the lift of someone trapped). */
const kindsNamed = (t: string, rules: readonly HazardRule[]): Set<string> => {
  const triggered = triggeredRules(rules)(t);
  return new Set(rules.filter((r) => triggered.has(r)).map((r) => r.kind));
};
/** The kinds of hazard the rules read in a text, live or not (detect-hazard.ts reads them). */
export type KindsRead = (t: string, rules: readonly HazardRule[]) => Set<string>;

/**
 * Whether a sentence after a framing (a drill notice, a danger over) is a report of its own: it holds no framing, tells
 * of now and not of what is to come, and sets itself apart from the framing: another matter (另外), again, also or real
 * (又, 也, 真的), a drill dated another day, another building, or another kind of danger than the framing named.
 */
function freshReport(framing: string, sentence: string, rules: readonly HazardRule[], kindsRead: KindsRead): boolean {
  if (mentionsAny(sentence, FRAMINGS) || !mentionsAny(sentence, NOW_TOLD) || mentionsAny(sentence, TO_COME)) return false;
  // (a danger over that still lingers is the same one: "昨天的火已经扑灭了。今天楼道里还是一股烧焦味")
  if (mentionsAny(sentence, STILL) && !mentionsAny(framing, DRILL_MARKERS)) return false;
  if (TOPIC_SHIFT.test(sentence) || mentionsAny(sentence, AGAIN_OR_REAL)) return true;
  // a drill dated another day is not what is seen now (a danger over yesterday may leave its traces today: see below)
  const otherDay = mentionsAny(framing, OTHER_DAY);
  if (otherDay && mentionsAny(framing, DRILL_MARKERS)) return true;
  const placesBefore = placesNamed(framing);
  if (placesBefore.size > 0 && [...placesNamed(sentence)].some((p) => !placesBefore.has(p))) return true;
  // a danger of a kind the framing did not name (where it named none, only when it is dated another day: "昨天的漏水已经
  // 修好了。刚刚4栋电表箱冒火花了", not "已经处理好了。刚才漏气的是302")
  const kindsBefore = kindsNamed(framing, rules);
  return (kindsBefore.size > 0 || otherDay) && [...kindsRead(sentence, rules)].some((k) => !kindsBefore.has(k));
}

/** A sentence break with something after it. */
const INNER_SENTENCE_BREAK = /[。！？!?；;\n]\s*[^\s。！？!?；;\n]/;

/**
 * Where an item of a list or a log begins: a circled number, or a number or a Chinese numeral with 、 . ) after a
 * break ("交接班：1. 巡B1无异常 2. …", "一、…"); not a decimal, a time or a building number.
 */
// (or said as a spoken list: "一是楼下的狗天天叫 二是花盆滴水 三是车库灯坏了", "第一 … 第二 …")
const ITEM_MARK = /(?<=^|[\s,:;。])(?:[①-⑳]|\d{1,2}[.)）](?!\d)|(?:\d{1,2}|[一二三四五六七八九十])[、]|[一二三四五六七八九]是(?=\S)|第[一二三四五六七八九](?=[,:，：、\s]|是))/g;
/** Circled numbers (①–⑳), read as a number and a dot (the normalised text folds ① into a bare 1). */
export const CIRCLED = /[①-⑳]/g;
/** An entry of a log ticked off (配电房√ 水泵房√): the tick ends it. */
const TICK = /[√✓✔☑]/g;
/** An item that says of itself that it is fine: ticked, or found normal ("巡B1无异常", "灭火器均正常"). */
const ITEM_FINE = /(?:[√✓✔☑]|无异常|(?<![不非])正常)\s*[,.。;；]?\s*$/;

/**
 * A list or a log made of items or entries, each on a line of its own (the break before a mark made a line break, a tick
 * followed by one), and where each item starts; null for other messages.
 */
export function listItems(text: string): { text: string; starts: number[] } | null {
  const marks = [...text.matchAll(ITEM_MARK)];
  const ticks = [...text.matchAll(TICK)];
  if (marks.length < 2 && ticks.length < 2) return null;
  const breaks = new Set<number>(marks.length >= 2 ? marks.filter((m) => m.index > 0).map((m) => m.index - 1) : []);
  const after = new Set<number>(ticks.length >= 2 ? ticks.map((t) => t.index + t[0].length) : []);
  // a ticked entry is the word before its tick: what stands before it, unticked, is an entry of its own
  if (ticks.length >= 2) for (const t of ticks) breaks.add(text.slice(0, t.index).search(/\s\S*$/));
  breaks.delete(-1);
  let out = '';
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((breaks.has(i) || after.has(i)) && /[\s,:;。]/.test(c)) out += '\n';
    else if (after.has(i)) out += `\n${c}`;
    else {
      out += c;
      continue;
    }
    starts.push(out.length);
  }
  return starts.length > 0 ? { text: out, starts } : null;
}

/**
 * A list or a log read item by item: a danger in item ③ is one whatever ① and ② say, and an item said to be over (已处理,
 * 已放出, 无异常, ticked) covers only itself. What comes before the first item (a heading: 交接班, 消防演练安排) frames
 * every item.
 */
export function itemParts(text: string, starts: readonly number[]): Part[] {
  const heading = text.slice(0, starts[0]);
  const bounds = [0, ...starts, text.length];
  const parts: Part[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [from, to] = [bounds[k]!, bounds[k + 1]!];
    const own = text.slice(from, to);
    if (!own.trim()) continue;
    parts.push({ from, to, text: k === 0 ? own : `${heading}\n${own}`, ...(ITEM_FINE.test(own) ? { fine: true } : {}) });
  }
  return parts;
}

/** A stretch of a message read apart for its message-wide framings: [from, to) and its text. */
export interface Part {
  from: number;
  to: number;
  text: string;
  /** An item of a list that says of itself that it is fine (ticked, 无异常, 正常). */
  fine?: boolean;
}

/**
 * The message in parts: a drill notice, or a danger said to be over or taken away, frames the message up to a later
 * sentence that is a fresh report ("明天消防演练。但是现在5栋真的冒烟了", "3栋的火扑灭了。刚刚7栋有辆电动车自燃了"),
 * which starts a part of its own (see freshReport). Most messages are one part.
 */
export function partsOf(text: string, rules: readonly HazardRule[], kindsRead: KindsRead): Part[] {
  const whole: Part[] = [{ from: 0, to: text.length, text }];
  // one sentence, or no framing: one part
  if (!INNER_SENTENCE_BREAK.test(text) || !mentionsAny(text, FRAMINGS)) return whole;
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return whole;
  const parts: Part[] = [];
  let from = 0;
  for (const [s, e] of sentences.slice(1)) {
    const framing = text.slice(from, s);
    if (!mentionsAny(framing, FRAMINGS) || !freshReport(framing, text.slice(s, e), rules, kindsRead)) continue;
    parts.push({ from, to: s, text: framing });
    from = s;
  }
  if (from === 0) return whole;
  parts.push({ from, to: text.length, text: text.slice(from) });
  return parts;
}

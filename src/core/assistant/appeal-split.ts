// Several problems in one message: where a resident's line clearly lists separate items ("1. … 2. …", "①…②…",
// "一是…二是…") or brings in a new one with a connective ("…，另外小区南门路灯不亮，还有21号楼楼道堆满了纸箱"), the
// candidate parts. Only a candidate: whether the parts are appeals of their own that differ in category or place is
// triage's to say (see Appeals). One problem told in several clauses ("电梯坏了，困了一个人，物业电话打不通") has no
// such marks and is never split.
import { extractPlace } from '../triage/place.ts';

export interface SplitParts {
  /** What stands before a list's first item ("22号楼反映两个问题："): it frames every item (its place is theirs). '' for connectives. */
  heading: string;
  parts: string[];
  /** A list, or parts brought in by connectives. */
  kind: 'list' | 'connectives';
}

/** The most parts read from one message: a longer list is a notice or a log, not a resident's appeals. */
export const MAX_PARTS = 5;
/** Shorter parts are no appeal of their own ("2. 谢谢"). */
const MIN_PART_CHARS = 4;

const CN_NUM = '一二三四五六七八九十';
const cnIndex = (c: string) => CN_NUM.indexOf(c) + 1;

/** A break before an item mark: the start, white space or punctuation. */
const BEFORE = String.raw`(?<=^|[\s,，.。;；:：!！?？])`;
/** Item marks, each with the item's number: ①, 1. 1、 1) (1), 一、 一是 第一， */
const MARKS: { re: RegExp; n: (m: RegExpExecArray) => number }[] = [
  { re: /[①-⑩]/gu, n: (m) => m[0].codePointAt(0)! - 0x2460 + 1 },
  { re: new RegExp(`${BEFORE}(?:[(（](\\d{1,2})[)）]|(\\d{1,2})[.．、)）](?!\\d))`, 'gu'), n: (m) => Number(m[1] ?? m[2]) },
  { re: new RegExp(`${BEFORE}([${CN_NUM}])(?:、|是)`, 'gu'), n: (m) => cnIndex(m[1]!) },
  { re: new RegExp(`${BEFORE}第([${CN_NUM}])[，,、:：]`, 'gu'), n: (m) => cnIndex(m[1]!) },
];

/** The items of a list numbered 1, 2, … in order, each mark of one kind; null when the marks do not read as a list. */
function listParts(text: string): SplitParts | null {
  for (const { re, n } of MARKS) {
    const marks = [...text.matchAll(re)];
    if (marks.length < 2 || marks.length > MAX_PARTS) continue;
    if (!marks.every((m, i) => n(m as RegExpExecArray) === i + 1)) continue;
    const heading = text.slice(0, marks[0]!.index).trim();
    if (NOT_APPEALS_HEADING.test(heading)) return null;
    const parts = marks.map((m, i) => text.slice(m.index + m[0].length, marks[i + 1]?.index ?? text.length).replace(/^[\s,，.。;；:：、]+|[\s,，.。;；、]+$/gu, ''));
    return { heading, parts, kind: 'list' };
  }
  return null;
}

/** Words that bring in a new matter at the start of a clause. */
const STRONG = ['另外', '此外', '另一个问题是', '另一个问题', '再一个是', '再一个', '再有就是', '再有', '顺便说一下', '顺便说下', '顺便反映一下', '顺便反映', '顺便', '还有就是', '还有一个问题', '还有个问题', '还有一件事', '还有件事'];
/**
 * 还有 alone also says "and, more of the same" ("还有人被困在里面", "还有一股焦味"): it brings in a new matter only when
 * the words after it name a place of their own (a building or a named spot).
 */
const WEAK = ['还有'];
/** What 还有 is followed by when it says "and also" of the matter at hand. */
const MORE_OF_THE_SAME = /^(?:人|个人|些|点|一点|一些|一股|股|很多|好多|不少|[一二两三四五六七八九十几\d]+\s*[辆个桶根家户只件条块台袋堆箱])/u;
/** A list under such a heading is staff's log, a notice or a sign-up (交接班, 巡逻记录, 实事清单公示, 接龙), not a resident's appeals. */
const NOT_APPEALS_HEADING = /交接班|巡逻|巡查|记录|公示|通知|公告|接龙|清单|日志|汇总/u;
const CONNECTIVE = new RegExp(`(?<=[,，。;；!！?？\\s])\\s*(${[...STRONG, ...WEAK].sort((a, b) => b.length - a.length).join('|')})[,，:：\\s]*`, 'gu');

function connectiveParts(text: string): SplitParts | null {
  const cuts: { at: number; from: number }[] = [];
  for (const m of text.matchAll(CONNECTIVE)) {
    const from = m.index + m[0].length;
    if (WEAK.includes(m[1]!)) {
      const next = text.slice(from).split(/[\s,，。;；!！?？]|另外|此外|还有/u)[0] ?? '';
      // "还有人在楼道里抽烟", "还有一股焦味": more of the same
      if (MORE_OF_THE_SAME.test(next)) continue;
      const place = extractPlace(next);
      if (!place.building && !place.text) continue;
    }
    cuts.push({ at: m.index, from });
  }
  if (cuts.length === 0 || cuts.length + 1 > MAX_PARTS) return null;
  const parts = [text.slice(0, cuts[0]!.at), ...cuts.map((c, i) => text.slice(c.from, cuts[i + 1]?.at ?? text.length))].map((p) =>
    p.replace(/^[\s,，.。;；:：、]+|[\s,，.。;；、]+$/gu, ''),
  );
  return { heading: '', parts, kind: 'connectives' };
}

/** The candidate parts of a message that names several matters; null for a message of one (most messages). */
export function splitParts(text: string): SplitParts | null {
  // two parts of MIN_PART_CHARS at least are needed (see below): a shorter line (most chatter) is one matter
  if (text.length < 2 * MIN_PART_CHARS) return null;
  const found = listParts(text) ?? connectiveParts(text);
  if (!found) return null;
  if (found.parts.some((p) => Array.from(p).length < MIN_PART_CHARS && found.kind === 'connectives')) return null;
  // a list's short item ("2. 谢谢") is dropped later as no appeal; two parts at least must have substance
  if (found.parts.filter((p) => Array.from(p).length >= MIN_PART_CHARS).length < 2) return null;
  return found;
}

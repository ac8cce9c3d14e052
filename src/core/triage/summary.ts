// One-line ticket summary from a chat message: cleaned, PII-masked, cut at a clause boundary to fit a title.
import { maskPii } from './mask.ts';

/** WeChat/Telegram mentions: "@张三" up to a space or U+2005, the separator WeChat puts after a mention. */
const MENTION_RE = /@[^\s\u2005@]{1,20}(?:[\s\u2005]|$)/g;
/** WeChat sticker codes "[捂脸]", "[图片]", and "/::)"-style legacy codes. */
const STICKER_RE = /\[[\u4e00-\u9fa5A-Za-z]{1,6}\]|\/::?[^\s\u4e00-\u9fa5]{1,3}/g;
/** Emoji including skin tones, flags, keycaps and ZWJ sequences. */
const EMOJI_RE = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;

/** Closing words that carry no content. Exported so deployments can add their own. */
export const TRAILING_FILLERS: readonly string[] = [
  '谢谢大家', '谢谢物业', '谢谢了', '谢谢', '多谢', '感谢', '麻烦了', '麻烦大家', '辛苦了', '辛苦', '拜托了', '拜托',
  '急急急', '急急', '很急', '挺急的', '在线等', '求助', '哈哈哈', '哈哈', '呵呵', '好吗', '好不好', '可以吗', '行吗',
];
/** Greetings in front of the actual report. */
export const LEADING_FILLERS: readonly string[] = [
  '各位邻居', '各位业主', '大家好', '你好', '您好', '物业你好', '物业您好', '请问一下', '请问', '打扰一下', '打扰了', '那个',
];
// 吧 after 网/酒 is a noun (网吧), not a particle
const PARTICLES = '(?:[啊呀呢啦哦嘛噢哇]|(?<![网酒水])吧)';
const TRAILING_PUNCT = /[\s，,。.！!？?~～、…；;：:]+$/;
const LEADING_PUNCT = /^[\s，,。.！!？?~～、…；;：:]+/;
/** Where a summary may be cut without breaking a phrase. */
const CLAUSE_BOUNDARY = /[，,。.！!？?；;、\s]/;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const TRAILING_FILLER_RE = new RegExp(`(?:${alternation(TRAILING_FILLERS)}|${PARTICLES})+[\\s，,。.！!？?~～、…]*$`);
const LEADING_FILLER_RE = new RegExp(`^(?:${alternation(LEADING_FILLERS)})[\\s，,。.！!？?~～、…：:]*`);

/** A phrase of 2–50 UTF-16 units said at least three times in a row. */
const REPEATED_RUN = /(.{2,50}?)\1{2,}/gsu;
const ONE_CHARACTER = /^(.)\1*$/su;
/** A run shorter than this is how people talk ("哈哈哈哈", "快来人快来人快来人"); a longer one floods the group. */
const FLOOD_RUN_MIN = 30;
/** What may follow a flood's cut-off last copy. */
const CLAUSE_END = /[\s\p{P}]/u;

/** Stretch a flood run's period repeats over, at least (see mayFlood). */
const PERIODIC_MIN = 20;
/** A phrase of 2–50 code points: 2–100 UTF-16 units. */
const PERIOD_MAX_UNITS = 100;

/**
 * Whether the text may hold a flood run, in one cheap scan instead of REPEATED_RUN's (which tries every phrase length
 * at every position: most of the cost of reading a long line). A run is a phrase of P units said k ≥ 3 times, kP ≥
 * FLOOD_RUN_MIN, so text[i] = text[i + P] over (k − 1)P ≥ max(2P, 30 − P) ≥ 20 consecutive positions; such a stretch
 * holds a multiple of 20, where it is looked for. No such stretch: no run, and the text is returned as it is.
 */
function mayFlood(text: string): boolean {
  const n = text.length;
  for (let j = 0; j < n; j += PERIODIC_MIN) {
    const c = text.charCodeAt(j);
    for (let p = 2; p <= PERIOD_MAX_UNITS && j + p < n; p++) {
      if (text.charCodeAt(j + p) !== c) continue;
      let a = j;
      while (a > 0 && text.charCodeAt(a - 1) === text.charCodeAt(a - 1 + p)) a--;
      let b = j;
      while (b + 1 + p < n && text.charCodeAt(b + 1) === text.charCodeAt(b + 1 + p)) b++;
      if (b - a + 1 >= PERIODIC_MIN) return true;
    }
  }
  return false;
}

/**
 * A phrase pasted over and over ("电梯坏了" 1,250 times, 5,000 characters) said once: what the line says, for triage
 * and the summary. A partial copy at the run's end goes with it. Short repetitions stay as they were said.
 */
export function collapseRepeats(text: string): string {
  if (text.length < FLOOD_RUN_MIN || !mayFlood(text)) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(REPEATED_RUN)) {
    const [run, phrase] = m as unknown as [string, string];
    // one character over and over ("楼楼楼…", "哈哈哈…") has no phrase to say once: it is cut as any long text
    if (m.index < last || run.length < FLOOD_RUN_MIN || ONE_CHARACTER.test(phrase)) continue;
    let end = m.index + run.length;
    let k = 0;
    while (k < phrase.length - 1 && text[end + k] === phrase[k]) k++;
    // a cut-off copy ends the text or a clause ("…电梯坏了电梯坏，快来修"); words that only begin like it are kept ("电话")
    if (end + k === text.length || CLAUSE_END.test(text[end + k]!)) end += k;
    out += text.slice(last, m.index) + phrase;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Removes mentions, stickers and emoji, and collapses whitespace; masks PII last so cleaning cannot reassemble a number. */
export function cleanMessage(text: string): string {
  const cleaned = clean(text, true);
  // a hand-typed mention can run into the words ("@张三电梯坏了"): rather than a blank summary, keep the words and drop '@'
  return maskPii(/[\p{L}\p{N}]/u.test(cleaned) ? cleaned : clean(text, false).replace(/@/g, ''));
}

function clean(text: string, dropMentions: boolean): string {
  return (dropMentions ? text.replace(MENTION_RE, ' ') : text)
    .replace(STICKER_RE, ' ')
    .replace(EMOJI_RE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimFillers(text: string): string {
  let s = text;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(LEADING_FILLER_RE, '').replace(LEADING_PUNCT, '');
    // keep at least something: "谢谢" on its own stays "谢谢"
    const t = s.replace(TRAILING_FILLER_RE, '').replace(TRAILING_PUNCT, '');
    if (t !== '') s = t;
  }
  return s;
}

/**
 * A summary of at most maxChars UTF-16 code units (so `.length <= maxChars` always holds), ending in '…' when cut.
 * It is cut at the last clause boundary in the second half of the budget, else hard, never inside a surrogate pair.
 */
export function summarize(text: string, maxChars = 40): string {
  const s = trimFillers(cleanMessage(collapseRepeats(text))).replace(TRAILING_PUNCT, '');
  if (s.length <= maxChars) return s;
  if (maxChars <= 1) return maxChars === 1 ? '…' : '';
  const budget = maxChars - 1;
  let cut = -1;
  for (let i = budget; i >= Math.ceil(budget / 2); i--) {
    if (CLAUSE_BOUNDARY.test(s[i] ?? '')) {
      cut = i;
      break;
    }
  }
  let head = cut > 0 ? s.slice(0, cut) : s.slice(0, budget);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  head = head.replace(TRAILING_PUNCT, '');
  return `${head}…`;
}

// English in a Chinese estate's group (古北, 望京, 蛇口): which messages are written in English, and the plain form the
// English readers work on. Pinyin typed without characters ("dianti huai le") is not English: the hazard text reads it.

/** Syllables that only pinyin spells as whole words; a line made mostly of them is pinyin, not English. */
const SYLLABLE = '(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)';
/** One or two syllables run together ("zhaohuo", "danyuan"). */
const PINYIN_SYLLABLE = new RegExp(`^${SYLLABLE}{1,2}$`);
/** Short English words that also spell a pinyin syllable: they do not make a line pinyin. */
const ENGLISH_SHORT = new Set(['a', 'an', 'in', 'on', 'no', 'he', 'she', 'me', 'we', 'be', 'so', 'go', 'do', 'to', 'i', 'you', 'lie', 'die', 'tie', 'pie', 'see', 'ban', 'can', 'man', 'fan', 'pan', 'ran', 'tan', 'van', 'hen', 'men', 'pen', 'ten', 'then', 'when', 'bin', 'fin', 'pin', 'sin', 'tin', 'win', 'gin', 'sun', 'fun', 'gun', 'run', 'bun', 'nun', 'long', 'song', 'ping', 'sing', 'king', 'ring', 'wing', 'hang', 'bang', 'gang', 'sang', 'rang', 'fang', 'pang', 'tang', 'chin', 'shin', 'shun', 'yen', 'yes', 'now', 'how', 'our', 'out', 'hour', 'four', 'more', 'here', 'there', 'where']);

/** An @mention, up to a space or U+2005 (the separator WeChat puts after one). */
const MENTION = /@[^\s\u2005@]{1,20}(?:[\s\u2005]|$)/g;
const WORD = /[a-z]+(?:'[a-z]+)?/g;
const HAN = /\p{Script=Han}/gu;

/** The form the English readers work on: NFKC, lower case, curly quotes straight, runs of space one. */
export function englishForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"').replace(/[ \t]+/g, ' ');
}

/**
 * Whether a message is written in English: at least two English words, at most two Chinese characters (a name, 谢谢),
 * and not mostly pinyin syllables.
 */
export function isEnglish(text: string): boolean {
  // the bot's Chinese name in an @mention ("@邻里助手 someone is stuck in the lift") is no Chinese writing
  const lower = englishForm(text.replace(MENTION, ' '));
  const words = lower.match(WORD) ?? [];
  if (words.length < 2) return false;
  if ((lower.match(HAN) ?? []).length > 2) return false;
  const pinyin = words.filter((w) => PINYIN_SYLLABLE.test(w) && !ENGLISH_SHORT.has(w)).length;
  return pinyin < 0.6 * words.length;
}

/** [start, end) of each sentence: split on . ! ? ; and new lines (not on a decimal point or "bldg. 3"). */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[!?;\n]+|\.(?!\d)(?<!\b(?:bldg|blk|no|rm|apt|st|mr|mrs|ms|dr)\.)/g;
  let s = 0;
  for (const m of text.matchAll(re)) {
    const e = m.index + m[0].length;
    if (text.slice(s, e).trim()) out.push([s, e]);
    s = e;
  }
  if (text.slice(s).trim()) out.push([s, text.length]);
  return out;
}

/** [start, end) of the clause around `at`: a sentence cut at commas, dashes, colons and " but ". */
export function clauseSpan(text: string, at: number): [number, number] {
  const BREAK = /[,.!?;:\n—–]| - | but | and then | although | though /g;
  let s = 0;
  let e = text.length;
  for (const m of text.matchAll(BREAK)) {
    const end = m.index + m[0].length;
    if (end <= at) s = end;
    else if (m.index >= at) {
      e = m.index;
      break;
    }
  }
  return [s, e];
}

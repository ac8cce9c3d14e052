// What a reply to a topic's post says: a vote (an option's number or name, alone or followed by a reason: "反对，太占
//地方"), an option that does not exist, or anything else — a comment for the discussion.

/** `reason`: the vote came with words of its own after a separator; they belong to the discussion too. */
export type ParsedReply = { kind: 'vote'; choice: number; reason?: true } | { kind: 'no-such-option'; choice: number } | { kind: 'comment' };

const SYNONYMS: Record<string, string> = { 赞成: '同意', 支持: '同意', 不同意: '反对', 不赞成: '反对' };
const FULLWIDTH_DIGITS = /[０-９]/g;

const clean = (text: string) =>
  text
    .replace(/^(?:@\S+\s+)+/u, '')
    // "议题#3 同意": the vote written with its topic's number, in a group where several are open
    .replace(/^议题\s*#\s*\d{1,9}\s*[,，:：]?\s*/u, '')
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s。.!！~～]+$/u, '')
    // "我改主意了，反对": a change of mind said before the vote (the later vote replaces the earlier one anyway)
    .replace(CHANGED_MIND, '')
    .trim();

/** "我改主意了，", "想了想，", "重新考虑了一下，" before a vote. */
const CHANGED_MIND = /^(?:我们?)?(?:改主意了?|想了想|想了一下|重新考虑了?一下|再想了?想)[\s,，;；:：。.!！、]+/u;
/** "我反对", "我投反对票", "改投同意", "还是选弃权": the option's name inside the words of voting. */
const VOTE_WORDS = /^(?:我们?|本人|我家)?(?:还是)?(?:改投|改成|改为|改选|投|选)?(.+?)(?:票)?$/u;

/** "2", "选2", "2号": a reply naming an option by its number. */
const BY_NUMBER = /^(?:选|投|我选)?\s*(\d{1,2})\s*(?:号|号选项)?$/u;

/** Why a topic cannot have these options: two read alike, or one that reads as an option's number ("2" is the second option). */
/** `count`: one option, or more than nine (`option` is how many); none is fine (同意/反对/弃权). */
export type OptionsProblem = { kind: 'duplicate' | 'numeric' | 'count'; option: string };

export function optionsProblem(options: readonly string[]): OptionsProblem | null {
  if (options.length === 1 || options.length > 9) return { kind: 'count', option: String(options.length) };
  const numeric = options.find((o) => BY_NUMBER.test(clean(o)));
  if (numeric !== undefined) return { kind: 'numeric', option: numeric };
  const seen = new Set<string>();
  for (const o of options) {
    const key = clean(o);
    if (seen.has(key)) return { kind: 'duplicate', option: o };
    seen.add(key);
  }
  return null;
}

/** Reads a reply against the topic's options (1-based choice). */
export function parseReply(text: string, options: readonly string[]): ParsedReply {
  const t = clean(text);
  const num = BY_NUMBER.exec(t);
  if (num) {
    const choice = Number(num[1]);
    return choice >= 1 && choice <= options.length ? { kind: 'vote', choice } : { kind: 'no-such-option', choice };
  }
  const i = optionIndex(t, options);
  if (i >= 0) return { kind: 'vote', choice: i + 1 };
  // "反对，太占地方", "1。离窗户太近", "我同意 早该建了": the vote first, then a separator and the reason
  const lead = /^(?:我|我们)?(.+?)[\s,，;；:：。!！、]+(\S[\s\S]*)$/u.exec(t);
  if (lead) {
    const head = lead[1]!;
    const n = /^(\d{1,2})$/u.exec(head);
    const j = n ? (Number(n[1]) >= 1 && Number(n[1]) <= options.length ? Number(n[1]) - 1 : -1) : optionIndex(head, options);
    if (j >= 0) return { kind: 'vote', choice: j + 1, reason: true };
  }
  return { kind: 'comment' };
}

function optionIndex(t: string, options: readonly string[]): number {
  const exact = named(t, options);
  if (exact >= 0) return exact;
  const bare = VOTE_WORDS.exec(t)?.[1];
  return bare && bare !== t ? named(bare, options) : -1;
}

function named(t: string, options: readonly string[]): number {
  const exact = options.indexOf(t);
  return exact >= 0 ? exact : options.indexOf(SYNONYMS[t] ?? t);
}

// What a reply to a topic's post says: a vote (an option's number or name), an option that does not exist, or
// anything else — a comment for the discussion.

export type ParsedReply = { kind: 'vote'; choice: number } | { kind: 'no-such-option'; choice: number } | { kind: 'comment' };

const SYNONYMS: Record<string, string> = { 赞成: '同意', 支持: '同意', 不同意: '反对', 不赞成: '反对' };
const FULLWIDTH_DIGITS = /[０-９]/g;

const clean = (text: string) =>
  text
    .replace(/^(?:@\S+\s+)+/u, '')
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s。.!！~～]+$/u, '')
    .trim();

/** Reads a reply against the topic's options (1-based choice). */
export function parseReply(text: string, options: readonly string[]): ParsedReply {
  const t = clean(text);
  const num = /^(?:选|投|我选)?\s*(\d{1,2})\s*(?:号|号选项)?$/u.exec(t);
  if (num) {
    const choice = Number(num[1]);
    return choice >= 1 && choice <= options.length ? { kind: 'vote', choice } : { kind: 'no-such-option', choice };
  }
  const exact = options.indexOf(t);
  const i = exact >= 0 ? exact : options.indexOf(SYNONYMS[t] ?? t);
  if (i >= 0) return { kind: 'vote', choice: i + 1 };
  return { kind: 'comment' };
}

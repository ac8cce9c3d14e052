// Whether a message addressed to the bot says anything: "@邻里助手 。", an emoji or a zero-width space asks nothing,
// and a ticket opened from it would have a blank summary.
import type { ParseResult } from '../tickets/commands.ts';

/**
 * @mentions anywhere: a Telegram username (Latin letters, digits, _) ends where they end ("@linli_bot电梯坏了"); any
 * other name ends at a space ("@邻里助手 ", WeChat's "@邻里助手\u2005") or the end of the text.
 */
const MENTION = /@(?:[A-Za-z0-9_]+(?=[^\x00-\x7f])|[^\s@]+(?:\s+|$))/gu;
/** A letter (any script, CJK included) or a digit: what is left of a message that says something. */
const WORD = /[\p{L}\p{N}]/u;

/** True when, without its @mentions, the text holds no letter, CJK character or digit (only punctuation, emoji, spaces). */
export function saysNothing(text: string): boolean {
  return !WORD.test(text.replace(MENTION, ''));
}

/** A report with nothing in it: `报事` alone or with only punctuation/emoji, or such a message that @mentions the bot. */
export function isEmptyReport(parsed: ParseResult, text: string, mentionsBot: boolean): boolean {
  if (parsed?.kind === 'malformed') return parsed.command === 'report';
  if (parsed?.kind === 'report') return saysNothing(parsed.text);
  return !parsed && mentionsBot && saysNothing(text);
}

// Whether a message addressed to the bot says anything: "@邻里助手 。", an emoji or a zero-width space asks nothing,
// and a ticket opened from it would have a blank summary.

/** @mentions anywhere ("@邻里助手 " or WeChat's "@邻里助手\u2005"; a trailing one has no space after it). */
const MENTION = /@[^\s@]+(?:\s+|$)/gu;
/** A letter (any script, CJK included) or a digit: what is left of a message that says something. */
const WORD = /[\p{L}\p{N}]/u;

/** True when, without its @mentions, the text holds no letter, CJK character or digit (only punctuation, emoji, spaces). */
export function saysNothing(text: string): boolean {
  return !WORD.test(text.replace(MENTION, ''));
}

// Characters that never belong in chat text and can harm whoever displays it: C0 controls (but new line and tab; a
// carriage return becomes a new line), DEL, C1 controls, terminal escape sequences (ESC[31m colours text, ESC]…BEL
// retitles a window) and the bidi embeddings, overrides and isolates that make a line read in another order than it
// is stored (U+202A–202E, U+2066–2069).

/** Any such character: a fast test, so that clean text (nearly all of it) is returned without being copied. */
const ANY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Removed as a whole, before single characters: CSI sequences (ESC [ or U+009B, parameters, intermediates, a final
 * byte), OSC strings (ESC ] … ended by BEL or ESC \), and two-character escapes (ESC 7, ESC c …).
 */
const ESCAPE_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\u0020-\u007e]/g;
const SINGLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function hasControlChars(s: string): boolean {
  return ANY.test(s);
}

/** The text without control characters and escape sequences; the same string when there were none. */
export function stripControlChars(s: string): string {
  if (!ANY.test(s)) return s;
  // a carriage return ends a line (Windows \r\n, old Mac \r): kept as the new line it means
  return s.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?/g, '\n').replace(SINGLE, '');
}

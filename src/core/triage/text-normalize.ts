// Text normalisation for the local classifier: one function, options recorded in the model so that training and
// prediction always agree.

export interface NormalizeOptions {
  /** NFKC (full-width → half-width, compatibility forms) then lower case. */
  fold: boolean;
  /** 'keep' digits, map each digit to '0' ('class'), or a whole run of digits to one '0' ('run'). */
  digits: 'keep' | 'class' | 'run';
  /** 'keep' latin letters, or map a whole run of latin letters to one 'a' ('run'). */
  latin: 'keep' | 'run';
  /** Runs of one repeated non-CJK character longer than 3 are cut to 3 (e.g. masks like ******). */
  squeezeRepeats: boolean;
}

export const DEFAULT_NORMALIZE: NormalizeOptions = {
  fold: true,
  digits: 'run',
  latin: 'keep',
  squeezeRepeats: true,
};

const WS = /\s+/gu;
const DIGIT_RUN = /[0-9]+(?:[.,:][0-9]+)*/g;
const DIGIT = /[0-9]/g;
const LATIN_RUN = /[a-z]+/g;

/** Normalises one text; the result is what the n-gram extractor sees. */
export function normalizeText(text: string, o: NormalizeOptions): string {
  let s = o.fold ? text.normalize('NFKC').toLowerCase() : text;
  s = s.replace(WS, ' ').trim();
  if (o.digits === 'run') s = s.replace(DIGIT_RUN, '0');
  else if (o.digits === 'class') s = s.replace(DIGIT, '0');
  if (o.latin === 'run') s = s.replace(LATIN_RUN, 'a');
  if (o.squeezeRepeats) s = squeeze(s);
  return s;
}

function squeeze(s: string): string {
  let out = '';
  let prev = -1;
  let run = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === prev && c < 0x2e80) {
      run++;
      if (run > 3) continue;
    } else {
      prev = c;
      run = 1;
    }
    out += ch;
  }
  return out;
}

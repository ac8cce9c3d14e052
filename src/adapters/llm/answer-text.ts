// Finds the answer's JSON object in what a model actually writes, even in JSON mode: a ```json fence, prose before
// and after, a <think>…</think> block first (DeepSeek-R1, Qwen3 or GLM-Z1 served without a reasoning parser),
// full-width punctuation (：，｛｝“”) where JSON wants ASCII, trailing commas. Only the syntax is repaired, outside
// strings: the values are the model's own, and what comes out is still validated by the answer's schema.

/** Thinking tags and GLM's box markers: never part of the answer. */
const THINK_BLOCK = /<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi;
const UNCLOSED_THINK = /<(think|thinking|reasoning)>[\s\S]*$/i;
const BOX_MARKERS = /<\|(?:begin|end)_of_box\|>/g;

export interface AnswerText {
  /** The first JSON object found, parsed; undefined when there is none. */
  object?: Record<string, unknown>;
  /** The content was thinking that never ended (cut off before any answer). */
  thinkingOnly: boolean;
  /** The content held thinking, ended or not. */
  thought: boolean;
}

export function findAnswerObject(content: string): AnswerText {
  const unboxed = content.replace(BOX_MARKERS, '');
  let text = unboxed.replace(THINK_BLOCK, '');
  const unclosed = UNCLOSED_THINK.exec(text);
  if (unclosed) text = text.slice(0, unclosed.index);
  const thinkingOnly = unclosed !== null && text.trim() === '';
  const thought = unclosed !== null || text.length !== unboxed.length;
  const candidates: string[] = [];
  // fenced blocks first: a model that fences its answer may mention JSON in the prose around it
  for (const m of text.matchAll(/```[a-zA-Z]*\s*([\s\S]*?)```/g)) candidates.push(...objectsIn(m[1]!));
  candidates.push(...objectsIn(text));
  for (const c of candidates) {
    const v = parseLenient(c);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return { object: v as Record<string, unknown>, thinkingOnly, thought };
  }
  return { thinkingOnly, thought };
}

/** JSON.parse, then once more on the repaired text. */
export function parseLenient(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    try {
      return JSON.parse(repairJson(s));
    } catch {
      return undefined;
    }
  }
}

const OPEN_BRACES = new Set(['{', '｛']);
const CLOSE_BRACES = new Set(['}', '｝']);
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '＂': '＂' };

/** Every balanced top-level {…} in the text, in order (string-aware, full-width braces and quotes included). */
function objectsIn(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let close: string | undefined; // closing quote while in a string
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (close !== undefined) {
      if (ch === '\\' && close === '"') i++;
      else if (ch === close || (close === '”' && ch === '"')) close = undefined;
      continue;
    }
    if (depth > 0 && QUOTES[ch]) close = QUOTES[ch];
    else if (OPEN_BRACES.has(ch)) {
      if (depth++ === 0) start = i;
    } else if (CLOSE_BRACES.has(ch) && depth > 0 && --depth === 0) out.push(text.slice(start, i + 1));
  }
  return out;
}

const FULL_WIDTH: Record<string, string> = { '｛': '{', '｝': '}', '［': '[', '］': ']', '：': ':', '，': ',' };

/** Full-width structural punctuation and quotes outside strings become ASCII; trailing commas go. */
export function repairJson(s: string): string {
  let out = '';
  let close: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (close !== undefined) {
      if (ch === '\\' && close === '"') {
        out += ch + (s[i + 1] ?? '');
        i++;
      } else if (ch === close || (close === '”' && ch === '"')) {
        out += '"';
        close = undefined;
      } else out += ch === '"' ? '\\"' : ch;
      continue;
    }
    if (QUOTES[ch]) {
      close = QUOTES[ch];
      out += '"';
      continue;
    }
    const c = FULL_WIDTH[ch] ?? ch;
    if (c === '}' || c === ']') out = out.replace(/,\s*$/, '');
    out += c;
  }
  return out;
}

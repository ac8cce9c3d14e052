// From words to vectors: each appeal is segmented, its places found, its content words counted (the title — the first
// line or sentence — counts twice: it is where residents say what the problem is), and turned into a TF-IDF vector
// over the whole history read: w = (1 + ln tf) · ln(N / df), place words × PLACE_WEIGHT (not towns, streets, roads), only the TOP_TERMS heaviest
// words kept, L2-normalised. (Places are also compared on their own: cluster.ts.) Words in one appeal only (df < 2) or,
// in a history of COMMON_MIN_DOCS appeals or more, in more than half of them are dropped: they cannot tell two appeals
// apart, and would only dilute the similarity of two that agree. In a small history (one quiet community's month) a
// word in half the appeals is the problem itself (电梯 in a building whose lift keeps failing), so it stays, and its
// weight is taken as if the history held COMMON_MIN_DOCS appeals (ln(max(N, 40) / df)): a grid whose every appeal is
// about its lift still groups them by 电梯, where ln(N / df) would be 0.
import type { Appeal, Segmenter } from './insights.types.ts';
import { canonicalPlaces, findPlaces } from './places.ts';
import { isContentWord, PLACE_BREAKERS, STOP_WORDS } from './stopwords.ts';

export const TOP_TERMS = 20;
export const PLACE_WEIGHT = 2;
/** From this many appeals read, a word in more than half of them is too common to group by. */
export const COMMON_MIN_DOCS = 40;
/** Towns, streets and roads are areas, not one estate: many problems share them, so they weigh like a word. */
const AREA = /(?:镇|乡|街道|路|街|大道|县|区)$/u;
/** Segmenting costs time in proportion to length; what decides a problem is said early in an appeal. */
const MAX_CHARS = 1500;
const TITLE_MAX = 80;

/** One appeal as the clustering sees it: its heaviest terms (ids, by weight, L2 norm 1) and its places. */
export interface Doc {
  terms: Int32Array;
  weights: Float64Array;
  places: string[];
}

export interface Vocabulary {
  words: string[];
  df: Int32Array;
  isPlace: Uint8Array;
  /** A place's most frequent written form (丽发新城小区 or 丽发新城), by key. */
  placeNames: Map<string, string>;
  /** How many appeals name each place (by key): a place named once in the whole history is often a misreading. */
  placeSeen: Map<string, number>;
}

export interface Analysis {
  docs: Doc[];
  vocab: Vocabulary;
}

/** The part of an appeal that states its problem: the first line, or the first sentence. */
export function titleOf(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  const first = line.split(/[。！？!?；;]/u, 1)[0]!.trim();
  const t = line.length <= TITLE_MAX ? line : first;
  return t.length <= TITLE_MAX ? t : t.slice(0, TITLE_MAX);
}

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A segmenter with no dictionary: known words whole, other Han text as overlapping character pairs. */
export function bigramSegmenter(): Segmenter {
  const known = new Set<string>();
  let longest = 0;
  return {
    addWords(words) {
      for (const w of words) {
        known.add(w);
        longest = Math.max(longest, w.length);
      }
    },
    cut(text) {
      const out: string[] = [];
      for (const run of text.match(/[\p{Script=Han}]+|[a-z0-9]+|[^\p{Script=Han}a-z0-9]+/giu) ?? []) {
        if (!/\p{Script=Han}/u.test(run)) {
          out.push(run);
          continue;
        }
        let i = 0;
        while (i < run.length) {
          let hit = '';
          for (let n = Math.min(longest, run.length - i); n >= 2 && !hit; n--) if (known.has(run.slice(i, i + n))) hit = run.slice(i, i + n);
          if (hit) {
            out.push(hit);
            i += hit.length;
          } else {
            out.push(i + 1 < run.length ? run.slice(i, i + 2) : run[i]!);
            i++;
          }
        }
      }
      return out;
    },
  };
}

interface Raw {
  ids: number[];
  tf: number[];
  /** Place names as written, with their term frequency (keys are given once the whole corpus is read). */
  placeNames: Map<string, number>;
}

/**
 * Segments and vectorises `appeals`. `known` are place names to keep whole (the grid's, and the appeals' own
 * `place`); `progress(done)` is called every 1,000 appeals.
 */
export function analyse(
  appeals: readonly Appeal[],
  segmenter: Segmenter,
  known: readonly string[],
  progress?: (done: number) => void,
): Analysis {
  const knownSet = new Set(known.map(normaliseText).filter((p) => p.length >= 2));
  segmenter.addWords([...knownSet]);
  const ids = new Map<string, number>();
  const words: string[] = [];
  const placeFlag: number[] = [];
  const idOf = (w: string, place: boolean): number => {
    let id = ids.get(w);
    if (id === undefined) {
      id = words.length;
      ids.set(w, id);
      words.push(w);
      placeFlag.push(0);
    }
    if (place) placeFlag[id] = 1;
    return id;
  };
  const seen = new Map<string, number>();
  const raws: Raw[] = [];
  for (let n = 0; n < appeals.length; n++) {
    const a = appeals[n]!;
    const text = normaliseText(a.text.length > MAX_CHARS ? a.text.slice(0, MAX_CHARS) : a.text);
    const titleLen = titleOf(text).length;
    const tokens = segmenter.cut(text);
    const counts = new Map<number, number>();
    const placeNames = new Map<string, number>();
    const addPlace = (name: string, tf: number) => {
      placeNames.set(name, (placeNames.get(name) ?? 0) + tf);
      seen.set(name, (seen.get(name) ?? 0) + 1);
    };
    if (a.place) {
      const p = normaliseText(a.place).trim();
      if (p.length >= 2) addPlace(p, 2);
    }
    const spans = findPlaces(tokens, knownSet, PLACE_BREAKERS);
    let pos = 0;
    let s = 0;
    for (let i = 0; i < tokens.length; i++) {
      const inTitle = pos < titleLen;
      const span = spans[s];
      if (span && i === span.start) {
        addPlace(span.name, inTitle ? 2 : 1);
        for (let j = span.start; j < span.end; j++) pos += tokens[j]!.length;
        i = span.end - 1;
        s++;
        continue;
      }
      const tok = tokens[i]!;
      pos += tok.length;
      // a content word and a one-character word after it are one more word (广场/舞 → 广场舞, 电梯/坏 → 电梯坏)
      const next = tokens[i + 1];
      if (next && next.length === 1 && /\p{Script=Han}/u.test(next) && !STOP_WORDS.has(next) && isContentWord(tok)) {
        const id = idOf(tok + next, false);
        counts.set(id, (counts.get(id) ?? 0) + (inTitle ? 2 : 1));
      }
      if (!isContentWord(tok)) continue;
      const id = idOf(tok, false);
      counts.set(id, (counts.get(id) ?? 0) + (inTitle ? 2 : 1));
    }
    raws.push({ ids: [...counts.keys()], tf: [...counts.values()], placeNames });
    if (progress && (n + 1) % 1000 === 0) progress(n + 1);
  }
  progress?.(appeals.length);
  // one key per place over the whole corpus (A2区丽发新城小区 = 丽发新城), and its most written form to show
  const keyOf = canonicalPlaces(seen);
  const forms = new Map<string, Map<string, number>>();
  const docPlaces: string[][] = [];
  const placeSeen = new Map<string, number>();
  for (const r of raws) {
    const keys = new Set<string>();
    for (const [name, tf] of r.placeNames) {
      const key = keyOf.get(name)!;
      keys.add(key);
      const id = idOf(key, true);
      const k = r.ids.indexOf(id);
      if (k >= 0) r.tf[k]! += tf;
      else {
        r.ids.push(id);
        r.tf.push(tf);
      }
      const f = forms.get(key) ?? forms.set(key, new Map()).get(key)!;
      f.set(name, (f.get(name) ?? 0) + 1);
    }
    docPlaces.push([...keys]);
    for (const k of keys) placeSeen.set(k, (placeSeen.get(k) ?? 0) + 1);
  }
  const df = new Int32Array(words.length);
  for (const r of raws) for (const id of r.ids) df[id]!++;
  const N = appeals.length;
  const placeNames = new Map<string, string>();
  for (const [key, f] of forms) {
    // the shortest form as often written as the most written one, without its administrative prefix
    const named = [...f.entries()].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length)[0]![0];
    placeNames.set(key, named.includes(key) ? key : named);
  }
  const isPlace = Uint8Array.from(placeFlag);
  const docs = raws.map((r, i) => vectorise(r, docPlaces[i]!, df, isPlace, words, N));
  return { docs, vocab: { words, df, isPlace, placeNames, placeSeen } };
}

function vectorise(r: Raw, places: string[], df: Int32Array, isPlace: Uint8Array, words: readonly string[], N: number): Doc {
  const pairs: [number, number][] = [];
  for (let k = 0; k < r.ids.length; k++) {
    const id = r.ids[k]!;
    const d = df[id]!;
    if (d < 2 || (N >= COMMON_MIN_DOCS && d > N / 2 && !isPlace[id])) continue;
    const w = (1 + Math.log(r.tf[k]!)) * Math.log(Math.max(N, COMMON_MIN_DOCS) / d) * (isPlace[id] && !AREA.test(words[id]!) ? PLACE_WEIGHT : 1);
    if (w > 0) pairs.push([id, w]);
  }
  pairs.sort((x, y) => y[1] - x[1]);
  const top = pairs.slice(0, TOP_TERMS);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return {
    terms: Int32Array.from(top.map(([id]) => id)),
    weights: Float64Array.from(top.map(([, w]) => w / norm)),
    places,
  };
}

/** The cosine of two docs (both L2-normalised). */
export function docCosine(a: Doc, b: Doc): number {
  let s = 0;
  for (let i = 0; i < a.terms.length; i++) {
    const t = a.terms[i]!;
    for (let j = 0; j < b.terms.length; j++) if (b.terms[j] === t) s += a.weights[i]! * b.weights[j]!;
  }
  return s;
}

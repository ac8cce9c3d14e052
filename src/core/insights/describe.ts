// How a problem reads: its places (those named by at least a fifth of its appeals, most named first), its keywords
// (the centroid's heaviest words that are not places), a title that reads as a phrase — the main place, the heaviest
// keyword that is a whole word and the main category's name (丽发新城搅拌站问题（噪音扰民））; the first clause of the
// most central appeal when no keyword is left — its categories, and its evidence: the appeals most central to it, in
// date order.
import type { Appeal, Evidence } from './insights.types.ts';
import { centrality, topTerms, type Cluster } from './cluster.ts';
import type { Doc, Vocabulary } from './features.ts';
import { categoryName, DEFAULT_CATEGORIES } from '../triage/categories.ts';

/**
 * Characters that do not end or begin a noun phrase: the segmenter's fragments (草坪却, 电动车乱, 又坏了) lose them.
 * A keyword left with one character says nothing in a title.
 */
const FRAGMENT_EDGE = /^[又也都还就很太再才却被把给着过了的地得]+|[又也都还就很太再才却被把给着过了的地得吗呢吧啊呀乱]+$/gu;

/** The keyword as a whole word for a title, or null: "草坪却" → "草坪", "又坏了" → null. */
export function titleWord(w: string): string | null {
  const t = w.replace(FRAGMENT_EDGE, '');
  return [...t].length >= 2 && /^[\p{Script=Han}a-z0-9]+$/iu.test(t) ? t : null;
}

/**
 * A title that reads: "东园小区5号楼电梯问题（设施维修）" — the place, the first keyword that is a whole word, the
 * category's Chinese name; without a keyword, "3号楼物业服务问题"; without either, null.
 */
export function titleOf(place: string | undefined, keywords: readonly string[], category: string | undefined): string | null {
  const word = keywords.map(titleWord).find((w): w is string => w !== null && !(place ?? '').includes(w));
  const cat = category && (DEFAULT_CATEGORIES[category] || /^[\p{Script=Han}]{2,8}$/u.test(category)) ? categoryName(category) : undefined;
  const where = place ?? '';
  if (word) return `${where}${word}问题${cat && cat !== '其他' && !cat.includes(word) ? `（${cat}）` : ''}`;
  if (cat && cat !== '其他') return `${where}${cat}问题`;
  return null;
}

const KEYWORDS = 6;
const MAX_PLACES = 5;
const PLACE_SHARE = 0.2;

export interface Description {
  title: string;
  keywords: string[];
  places: string[];
  categories: string[];
  evidence: Evidence[];
}

export function describe(c: Cluster, appeals: readonly Appeal[], docs: readonly Doc[], vocab: Vocabulary, evidence: number): Description {
  const n = c.members.length;
  const placeCounts = new Map<string, number>();
  for (const i of c.members) for (const p of docs[i]!.places) placeCounts.set(p, (placeCounts.get(p) ?? 0) + 1);
  const ranked = [...placeCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // places named by a fifth of the appeals, and named elsewhere too (a place named once in all history is often a
  // misreading); else the most named one if half the appeals name it (a single appeal's own place)
  const placeKeys = ranked
    .filter(([p, k]) => k >= Math.max(1, PLACE_SHARE * n) && (vocab.placeSeen.get(p) ?? 0) >= 2)
    .slice(0, MAX_PLACES)
    .map(([p]) => p);
  // the title names a place only when it is one of those (a misread place in the title misleads more than none)
  const titlePlace = placeKeys[0];
  if (!placeKeys.length && ranked.length && ranked[0]![1] * 2 >= n) placeKeys.push(ranked[0]![0]);
  const places = placeKeys.map((k) => vocab.placeNames.get(k) ?? k);
  const keywords: string[] = [];
  for (const [id] of topTerms(c, 40)) {
    const w = vocab.words[id]!;
    if (vocab.isPlace[id] || placeKeys.some((p) => p.includes(w) || w.includes(p))) continue;
    // one of two words where one contains the other (搅拌 / 搅拌站): the longer says more
    const j = keywords.findIndex((k) => k.includes(w) || w.includes(k));
    if (j >= 0) {
      if (w.length > keywords[j]!.length) keywords[j] = w;
      continue;
    }
    keywords.push(w);
    if (keywords.length >= KEYWORDS) break;
  }
  const central = [...c.members].sort((a, b) => centrality(docs[b]!, c) - centrality(docs[a]!, c) || a - b);
  const cats = new Map<string, number>();
  for (const i of c.members) {
    const cat = appeals[i]!.category;
    if (cat) cats.set(cat, (cats.get(cat) ?? 0) + 1);
  }
  const categories = [...cats.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const title = titleOf(titlePlace, keywords, categories[0]) ?? firstClause(appeals[central[0]!]!.text);
  return {
    title,
    keywords,
    places,
    categories,
    // the most central appeals, read in the order they came
    evidence: central.slice(0, evidence).sort((a, b) => appeals[a]!.time.getTime() - appeals[b]!.time.getTime() || a - b).map((i) => {
      const a = appeals[i]!;
      return { id: a.id, time: a.time, text: a.text, ticketId: a.ticketId, user: a.user };
    }),
  };
}

/** The first clause of an appeal, for a problem whose words were all too rare or too common to be keywords. */
export function firstClause(text: string): string {
  const clause = text.trim().split(/[\n。！？!?，,；;]/u, 1)[0]!.trim();
  return clause.length > 24 ? `${clause.slice(0, 24)}…` : clause || text.slice(0, 24);
}

// Duplicate-appeal detection: the thing and fault a grid worker reads (problem.ts) where the tables know them, else
// normalised character 2–3-gram shingles with a bottom-k MinHash fingerprint (and the same category); place compatibility.
import { fmix32 } from './hashed-ngrams.ts';
import type { Place } from '../tickets/ticket.types.ts';
import { maskPii } from './mask.ts';
import { canonicalizeSpots, extractPlace, findSpot, stripPlaceMentions } from './place.ts';
import { compareProblems, readProblem, type Problem } from './problem.ts';

/**
 * Fingerprint: [shingleCount, ...up to SKETCH_SIZE smallest 32-bit shingle hashes, ascending]. Plain numbers, so it
 * stores as JSON. For messages with ≤ SKETCH_SIZE shingles (nearly every chat message) it holds the whole set and
 * the similarity is exact; longer texts get the standard bottom-k MinHash estimate.
 */
export type Fingerprint = readonly number[];

export const SKETCH_SIZE = 128;
/** Fixed seed: fingerprints are stored, so the hash family must never change between releases. */
const SEED = 0x9e3779b9;
/**
 * Merge at or above this score. Same-problem pairs in the tests score ≥ 0.6 (most 1.0 after normalisation);
 * different problems in the same building score ≤ 0.3. 0.5 sits in the gap.
 */
export const DUPLICATE_THRESHOLD = 0.5;
/** Matches the 3-working-day resolve deadline: a repeat while the first report is being handled is a duplicate. */
export const DEFAULT_WINDOW_HOURS = 72;

/** Same problem, different words: each becomes one token so that "快塌了" and "坏了" count as the same complaint. */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/(?:污水|雨水|下水道|窨)井盖|下水道盖/g, '井盖'],
  // tap water by where it comes out ("水箱出来的水", "水龙头里出来的是…"), and what is wrong with it: its colour, its dirt
  [/自来水|水龙头(?:里)?(?:放|流)?(?:出来的)?(?:水)?|水箱(?:里)?(?:出来的|的)?(?:水)?|二次供水/g, '水'],
  [/(?:发|变|泛)黄|黄黄的?|黄了|黄水|黄色|浑浊|发浑|浑的|浑水|有沉淀|沉淀|有杂质|杂质|铁锈味|锈水|铁锈/g, '浊'],
  // a place gone dark is a light out ("一片漆黑，灯坏了" is "灯不亮")
  [/一片漆黑|黑漆漆的?|黑乎乎的?|黑灯瞎火|黑咕隆咚|灯(?:全|都)?(?:灭|熄)了?|没灯了?/g, '灯坏'],
  // no gas, with or without the word for it ("燃气点不着" is "没气了")
  [/(?:燃气|天然气|煤气)?(?:灶)?(?:点不着火?|打不着火?|没(?:有)?(?:燃)?气了?)/g, '没气'],
  [/楼梯间|楼梯口|楼梯/g, '楼道'],
  [/臭烘烘的?|味道(?:太|很|好|特别|非常)?大|味儿大|臭死|臭得/g, '臭'],
  [/坏掉|坏了|破损|破裂|破了|塌下去|塌陷|塌了|塌|裂开|裂了|裂|松动|故障|失灵|不动了|不动|停运|停止运行|不运行|停摆|罢工|趴窝|不能用|用不了|不好使|不亮|不工作|破/g, '坏'],
  [/卡住|卡在|困住|被困|困在|关在/g, '卡'],
  [/渗水|滴水|漏水|渗漏/g, '漏'],
  [/没水|断水|没来水|不来水|没有水/g, '停水'],
  // "东侧", "北边" of a building: where, which the place compares (as it does 3栋 and 5栋)
  [/[东南西北](?:侧|边|面|头)/g, ''],
  [/没电|断电/g, '停电'],
  [/臭味|异味|发臭/g, '臭'],
  [/噪音|噪声|吵闹|扰民/g, '吵'],
  [/被淹|淹了|淹水|淹|泡水|积水/g, '积水'],
];
/** Words that say nothing about the problem: addressees, politeness, intensity, time, locatives, particles. */
const FILLERS = new RegExp(
  [
    '同问', '同求', '是不是', '到现在', '这个', '那个', '这边', '那边', '一下', '能否', '能不能', '可不可以', '可以', '帮忙', '麻烦', '请问', '请', '谢谢', '辛苦',
    '物业', '大家', '一直', '已经', '严重', '非常', '特别', '有点', '我们', '我家', '家里', '你们', '他们', '怎么', '什么', '有没有',
    '没人管', '管一管', '管管', '看看', '处理', '维修', '修理', '(?<!装)修', '更换', '换', '赶紧', '尽快', '马上', '现在', '今天',
    '昨天', '刚才', '晚上', '早上', '门口', '楼下', '旁边', '附近', '里面', '外面', '下去', '下来', '起来',
    '又', '也', '都', '还', '很', '好', '太(?!阳)', '真', '快(?!递)', '了(?!解)', '的', '吗', '呢', '吧', '啊', '呀', '哦', '嘛',
    '啦', '在', '是', '有', '就', '把', '被', '给',
  ].join('|'),
  'g',
);

/** What the problem is, stripped of where, who and how politely: "3号楼的电梯坏了 卡在5楼" → "电梯坏卡". */
export function normalizeForSimilarity(text: string): string {
  let s = canonicalizeSpots(stripPlaceMentions(maskPii(text.normalize('NFKC'))));
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  return s
    .toLowerCase()
    .replace(FILLERS, '')
    .replace(/[^\p{L}]+/gu, '')
    .replace(/(.)\1+/gu, '$1');
}

/** Character 2- and 3-grams (code points); a one-character text is its own shingle. */
export function shingles(text: string): Set<string> {
  const chars = Array.from(normalizeForSimilarity(text));
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0] ?? '');
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** FNV-1a over UTF-16 units, finished with the murmur3 mixer for avalanche; unsigned 32-bit. */
function hash32(s: string): number {
  let h = SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

export function fingerprint(text: string): Fingerprint {
  const hashes = [...new Set([...shingles(text)].map(hash32))].sort((a, b) => a - b);
  return [hashes.length, ...hashes.slice(0, SKETCH_SIZE)];
}

/**
 * Similarity in [0,1]: the mean of Jaccard and containment (|A∩B| / min(|A|,|B|)). Containment lets a short report
 * match a longer one that adds detail ("电梯坏了" vs "电梯又坏了，卡住了，里面有老人"); Jaccard keeps a single shared
 * word from making two different problems look the same. Empty texts are similar to nothing.
 */
export function similarity(a: string | Fingerprint, b: string | Fingerprint): number {
  const fa = typeof a === 'string' ? fingerprint(a) : a;
  const fb = typeof b === 'string' ? fingerprint(b) : b;
  const [na = 0, ...ha] = fa;
  const [nb = 0, ...hb] = fb;
  if (na === 0 || nb === 0) return 0;
  const setB = new Set(hb);
  let jaccard: number;
  let inter: number;
  if (na === ha.length && nb === hb.length) {
    inter = ha.filter((h) => setB.has(h)).length;
    jaccard = inter / (na + nb - inter);
  } else {
    // bottom-k estimate: among the k smallest hashes of the union, the share present in both sketches
    const setA = new Set(ha);
    const union = [...new Set([...ha, ...hb])].sort((x, y) => x - y).slice(0, Math.min(ha.length, hb.length));
    jaccard = union.length === 0 ? 0 : union.filter((h) => setA.has(h) && setB.has(h)).length / union.length;
    inter = (jaccard * (na + nb)) / (1 + jaccard);
  }
  const containment = Math.min(1, inter / Math.min(na, nb));
  return (jaccard + containment) / 2;
}

const norm = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s.toUpperCase());
const differs = (x: string | undefined, y: string | undefined): boolean => {
  const [nx, ny] = [norm(x), norm(y)];
  return nx !== undefined && ny !== undefined && nx !== ny;
};

/**
 * Two places can be the same spot unless both name a building, unit, room or named spot and they differ.
 * A missing part is no evidence either way: residents often omit the building in a building group.
 */
export function placesCompatible(a: Place, b: Place): boolean {
  if (differs(a.building, b.building) || differs(a.unit, b.unit) || differs(a.room, b.room)) return false;
  return !differs(findSpot(a.text ?? '')?.canonical, findSpot(b.text ?? '')?.canonical);
}

export interface DuplicateInput {
  text: string;
  /** Defaults to extractPlace(text). */
  place?: Place;
  /** Precomputed fingerprint(text), e.g. as stored with the ticket. */
  fingerprint?: Fingerprint;
}

/**
 * Two texts alike in wording at a place that can be the same: for what is no report of a fault (a proposal's title:
 * "21号楼单元门安装门禁系统" / "…加装门禁系统"), where the thing-and-fault reading below has nothing to go on.
 */
export function alikeInWording(a: DuplicateInput, b: DuplicateInput, threshold: number = DUPLICATE_THRESHOLD): boolean {
  if (!placesCompatible(a.place ?? extractPlace(a.text), b.place ?? extractPlace(b.text))) return false;
  return similarity(a.fingerprint ?? a.text, b.fingerprint ?? b.text) >= threshold;
}

/**
 * The thing and fault as a grid worker reads them; 'same' needs the places the texts name to agree as well (a ticket's
 * summary keeps its building: "3号楼井盖也松了" is not 20号楼's, whatever place a caller passed).
 */
function sameProblemAt(text: string, problem: Problem, other: string): 'same' | 'different' | 'unknown' {
  const read = compareProblems(problem, readProblem(other));
  return read === 'same' && !placesCompatible(extractPlace(text), extractPlace(other)) ? 'different' : read;
}

export interface OpenTicketForDedup {
  id: number;
  text: string;
  place: Place;
  createdAt: Date;
  gridNodeId: number;
  groupId: number | null;
  fingerprint?: Fingerprint;
  /** The category triage (or staff) filed it under. */
  category?: string;
}

export interface DuplicateCandidate extends DuplicateInput {
  /** When set, only tickets of this grid node qualify: "3栋" in another community is another building. */
  gridNodeId?: number;
  groupId?: number | null;
  /** The category triage gives the appeal: where the wording alone decides, another category is another problem. */
  category?: string;
}

export interface FindDuplicateOptions {
  now: Date;
  windowHours?: number;
  threshold?: number;
}

/** The open ticket most similar to the candidate within the window; ties go to the same group, then the newest. */
export function findDuplicate(candidate: DuplicateCandidate, openTickets: readonly OpenTicketForDedup[], options: FindDuplicateOptions): number | null {
  // most appeals have no open ticket nearby: nothing to fingerprint them against
  if (openTickets.length === 0) return null;
  const { now, windowHours = DEFAULT_WINDOW_HOURS, threshold = DUPLICATE_THRESHOLD } = options;
  const since = now.getTime() - windowHours * 3_600_000;
  const place = candidate.place ?? extractPlace(candidate.text);
  const fp = candidate.fingerprint ?? fingerprint(candidate.text);
  // "同问，20号楼路灯是不是坏了？昨晚差点摔一跤": what is asked again is the clause after 同问, not the story after it
  const asked = sameQuestionClause(candidate.text);
  const askedFp = asked ? fingerprint(asked) : null;
  const problem = readProblem(asked ?? candidate.text);
  let best: { ticket: OpenTicketForDedup; score: number } | null = null;
  for (const t of openTickets) {
    if (t.createdAt.getTime() < since) continue;
    if (candidate.gridNodeId !== undefined && t.gridNodeId !== candidate.gridNodeId) continue;
    if (!placesCompatible(place, t.place)) continue;
    // the thing and its fault, as a grid worker reads them, decide when both are read; the wording when not
    const read = sameProblemAt(candidate.text, problem, t.text);
    if (read === 'different') continue;
    if (read === 'unknown' && differs(candidate.category, t.category)) continue;
    const other = t.fingerprint ?? t.text;
    // the resident said it is the same problem: the clause asked again needs a little less likeness
    const likeness = Math.max(similarity(fp, other), askedFp ? Math.min(1, similarity(askedFp, other) + SAME_QUESTION_EASE) : 0);
    // read as the same problem: joins however worded, and the closest wording still wins among several
    const score = read === 'same' ? Math.max(likeness, threshold) : likeness;
    if (score < threshold) continue;
    if (!best || score > best.score || (score === best.score && prefer(t, best.ticket, candidate.groupId))) best = { ticket: t, score };
  }
  return best?.ticket.id ?? null;
}

function prefer(t: OpenTicketForDedup, current: OpenTicketForDedup, groupId: number | null | undefined): boolean {
  const same = (x: OpenTicketForDedup): boolean => groupId !== undefined && x.groupId === groupId;
  if (same(t) !== same(current)) return same(t);
  return t.createdAt.getTime() > current.createdAt.getTime();
}

/** How much less likeness a 同问 clause needs ("同问，垃圾桶是不是没人清了" against "北侧垃圾桶满了好几天没人清"). */
const SAME_QUESTION_EASE = 0.1;

/** A message that says it asks what a neighbour asked: 同问 / 同求 / +1 / 我家也是 first. */
const SAME_QUESTION = /^\s*(?:同问|同求|\+1|＋1|我家也是|我们家也是|我也是)[\s,，:：;；。.!！、]*/u;

/** The first clause after a 同问 lead ("同问，路灯是不是坏了？昨晚…" → "路灯是不是坏了"); null without one. */
export function sameQuestionClause(text: string): string | null {
  const lead = SAME_QUESTION.exec(text);
  if (!lead) return null;
  const clause = text.slice(lead[0].length).split(/[，,。！!？?；;\n]/u)[0]?.trim() ?? '';
  return clause === '' ? null : clause;
}

// Places in an appeal's words. The grid's own place names (estates, buildings, streets) come whole from the segmenter
// (they are added to its dictionary); other places are found as a run of words ending in a place word: 丽发/新城,
// 伊/景园/滨河/苑, 万家丽/南路, 魅力/之/城/小区. A place's key drops a trailing 小区/社区 (丽发新城小区 = 丽发新城).

/** Words that end a place name when they stand as a token of their own. */
const PLACE_END_WORDS = new Set(
  `小区 社区 居民区 新城 新村 花园 家园 公寓 大厦 广场 苑 园 城 府 湾 庭 阁 邸 村 镇 乡 街道 路 街 大道 巷 弄 桥 中学 小学 幼儿园 学校 医院 公园
  市场 商场 菜市场 农贸市场 车站 地铁站 高铁站 工业园 产业园 开发区 片区 名苑 名城 华庭 华府 雅苑 山庄 别墅 公馆 国际 天地 中心`
    .split(/\s+/)
    .filter(Boolean),
);

/** One-character endings that make a longer token a place (景园, 丰路, 金鼎村); these common words are not places. */
const PLACE_END_CHARS = /[苑园城府湾庭村镇路街巷弄桥]$/u;
const NOT_PLACES = new Set(
  `道路 马路 公路 铁路 线路 网路 思路 出路 走路 修路 让路 路路 城市 全城 进城 县城 城镇 城乡 城区 长城 校园 花园 公园 家园 乡村 农村
  全村 本村 该村 村村 小镇 乡镇 政府 市政府 区政府 县政府 人民政府 镇政府 乡政府 首府 学府 城管 园林 园区 大街 上街 沿街 临街 街街 桥梁 天桥 过桥 路口 路段 路面 路灯 路边 路旁 路况 城里 村里 村民`
    .split(/\s+/)
    .filter(Boolean),
);

/** Trailing words a place's key drops (丽发新城小区 and 丽发新城 are one place). */
const KEY_TAILS = /(?:小区|社区|居民区|片区)$/u;

const HAN_OR_ALNUM = /^[\p{Script=Han}a-z0-9]+$/iu;

function isPlaceEnd(tok: string): boolean {
  if (PLACE_END_WORDS.has(tok)) return true;
  return tok.length >= 2 && PLACE_END_CHARS.test(tok) && !NOT_PLACES.has(tok);
}

/** The key of a place name: the trailing 小区/社区 dropped while two characters or more are left. */
export function placeKey(name: string): string {
  const k = name.replace(KEY_TAILS, '');
  return k.length >= 2 ? k : name;
}

export interface PlaceSpan {
  /** Token positions [start, end) in the token list. */
  start: number;
  end: number;
  name: string;
}

/**
 * The places among `tokens`: a known place (a grid name) anywhere, or a run of at most `maxPrefix` words (no stop
 * word, no punctuation; 7 characters at most) before a place word. Spans do not overlap; a place directly followed
 * by 小区/社区 takes it in (the key drops it again).
 */
export function findPlaces(
  tokens: readonly string[],
  known: ReadonlySet<string>,
  breakers: ReadonlySet<string>,
  maxPrefix = 3,
): PlaceSpan[] {
  const spans: PlaceSpan[] = [];
  let i = 0;
  let floor = 0; // tokens before this belong to an earlier span
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (known.has(tok)) {
      const end = tokens[i + 1] !== undefined && KEY_TAILS.test(tokens[i + 1]!) ? i + 2 : i + 1;
      spans.push({ start: i, end, name: tokens.slice(i, end).join('') });
      i = floor = end;
      continue;
    }
    if (isPlaceEnd(tok)) {
      let start = i;
      let chars = tok.length;
      while (start > floor && i - start < maxPrefix) {
        const prev = tokens[start - 1]!;
        if (breakers.has(prev) || !HAN_OR_ALNUM.test(prev) || chars + prev.length > 7) break;
        // a place word before the end is part of the name (伊景园 滨河 苑) unless it is a generic 小区/社区
        if (KEY_TAILS.test(prev)) break;
        start--;
        chars += prev.length;
      }
      let end = i + 1;
      while (end < tokens.length && KEY_TAILS.test(tokens[end]!) && end - i < 2) end++;
      const name = tokens.slice(start, end).join('');
      const key = placeKey(name);
      // a bare place word (小区, 路, 城) is no place: it needs words before it, or a name of its own (金鼎村)
      // (裕园小区: two characters are a name when 小区 follows)
      const longEnough = key.length >= 3 || (key.length === 2 && end > i + 1);
      if (longEnough && (start < i || !PLACE_END_WORDS.has(tok)) && !/^[a-z0-9]+$/i.test(key.slice(0, -1)) && !/政府$|^\d|所/u.test(key)) {
        spans.push({ start, end, name });
        i = floor = end;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/** Administrative prefixes (A市, A2区, 长沙市, 望城县) and a leading preposition (在丽发新城) are not part of a place. */
const ADMIN_PREFIX = /^(?:[a-z]?\d{0,2}[省市县区](?!域|政府)|[\p{Script=Han}]{2,3}[省市县](?![\p{Script=Han}]?$)|[在于从向到至和与及将把被给对穿沿往])/u;

/** A place name without its administrative prefixes, as long as three characters are left. */
export function stripAdmin(name: string): string {
  let n = name;
  for (let m = ADMIN_PREFIX.exec(n); m && n.length - m[0].length >= 3; m = ADMIN_PREFIX.exec(n)) n = n.slice(m[0].length);
  return n;
}

/**
 * One key per place for the names found in a corpus (name → times seen): administrative prefixes dropped, then a
 * name mapped to its most frequent ending that is itself a place seen at least twice
 * (A2区丽发新城 → 丽发新城, 将沿着东六路 → 东六路): at least two characters shorter and twice as often seen.
 */
export function canonicalPlaces(seen: ReadonlyMap<string, number>): Map<string, string> {
  const byKey = new Map<string, number>();
  const keyOf = new Map<string, string>();
  for (const [name, n] of seen) {
    const key = placeKey(stripAdmin(name));
    keyOf.set(name, key);
    byKey.set(key, (byKey.get(key) ?? 0) + n);
  }
  const merged = new Map<string, string>();
  for (const key of byKey.keys()) {
    let best = key;
    let bestCount = byKey.get(key)!;
    // two characters or more dropped, and the ending twice as common: 金桂花园 stays apart from 桂花园
    for (let j = 2; key.length - j >= 3; j++) {
      const n = byKey.get(key.slice(j)) ?? 0;
      if (n >= 2 && n >= 2 * bestCount) {
        best = key.slice(j);
        bestCount = n;
      }
    }
    merged.set(key, best);
  }
  return new Map([...keyOf].map(([name, key]) => [name, merged.get(key)!]));
}

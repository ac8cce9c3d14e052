// What a report is about, as a grid worker reads it: the thing (电梯, 路灯, 井盖, 暖气 …) and what is wrong with it
// (坏, 常亮, 不热, 漏, 臭 …). Two reports are the same problem when they name the same thing with a compatible fault,
// however they are worded ("暖气不热" / "暖气片冰凉的"); the same thing with another fault is another problem
// ("灯不亮" / "灯一直亮", "暖气不热" / "暖气漏水"). Small general tables, read in order: a longer phrase is consumed
// before a shorter one inside it can be read ("水费" is a fee, not water; "电梯按钮" is a button, not the lift).
import { maskPii } from './mask.ts';
import { cnToNumber, stripPlaceMentions, stripSpots } from './place.ts';
import { DAMAGED, DARK, RULES, SOURCE, STOPPED } from './problem-terms.ts';

export interface Problem {
  /** What the report is about (concept names). */
  things: ReadonlySet<string>;
  /** What is wrong with it (fault classes). */
  faults: ReadonlySet<string>;
  /** A kind of message that is no report of a fault: a fee question, a notice, a thank-you for a repair. */
  kinds: ReadonlySet<string>;
  /** Floors named ("5楼", "12层"), as numbers. */
  floors: ReadonlySet<number>;
  /** Room numbers named ("502", "1203室"), also without a building ("楼上602漏水"). */
  rooms: ReadonlySet<number>;
  /**
   * Sides of the compound or of a building ("东北角", "南侧", "楼后"), its zones ("A区") and gates of a garage ("入口",
   * "出口") named, and which of several lifts ("1号梯").
   */
  sides?: ReadonlySet<string>;
  /** Where a noise or a mess comes from, where told ("源:琴", "源:尿"). */
  sources?: ReadonlySet<string>;
  /** How it is broken, where told: it does not work (STOPPED) or it came apart (DAMAGED). */
  broken?: ReadonlySet<string>;
  /**
   * Two-character words of the first clause the tables did not read, places and fillers dropped: what names a thing
   * they do not know ("地砖翘起来了" → 地砖).
   */
  unread?: ReadonlySet<string>;
}

/** Floors: "5楼", "十二层", "卡在5楼" (a building is "5号楼", "5栋"); below ground "负一楼", "地下2层", "B2层" (as -1, -2). */
const FLOOR = /(?<![\d号栋幢座#-])(负|地下|[Bb])?(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:楼|层)(?![号栋幢座房道梯下上顶])/gu;

/**
 * Room numbers: three or four digits, not a year, an amount, a measure, a time or a building ("2026年", "300元", "12号楼");
 * a part of the flat after it is still the room ("602天花板" is no 602 days, "1603次卧" no 1603 times).
 */
const ROOM = /(?<![\d.:：*-])([1-9]\d{2,3})(?![\d.:：*%年元块号栋幢座楼层米分秒点度斤个万千百]|天(?!花)|次(?![卧]))/gu;
/** Numbers that are called, not lived in. */
const HOTLINES = new Set([110, 119, 120, 122]);

/** A landmark, not the subject: "井盖边上有个坑" is about the hole ("X旁边/附近/对面/周围"). */
const LANDMARK = /[\p{Script=Han}]{1,4}(?:边上|旁边|附近|周围|对面)/gu;
/**
 * "X那块/那边/那里": where, when the rest names a thing of its own ("健身器材那块没有灯" is the light, "草坪那边蚊子多"
 * the mosquitoes); the subject when nothing else is named ("垃圾桶那边好臭").
 */
const THERE = /[\p{Script=Han}]{1,4}?(?:那块|那片|那边|那里|那儿|这边|这块)/gu;
/** "X里的/里面的/上的 Y": Y inside or on X ("电梯里的镜子碎了" is the mirror), read as THERE is. */
const INSIDE = /[\p{Script=Han}]{1,4}?(?:里面的|里头的|里的|内的|上面的|上的)(?=\p{Script=Han})/gu;

/** A zone of the compound or the garage ("A区", "南区"; a zone by a direction is that side), and a building's front or back. */
const ZONE = /([A-Za-z]|[东南西北中]|\d{1,2}|[一二三四五六七八九十]{1,2})区/gu;
const FRONT_BACK = /楼?(前|后)(?:面|边|头|方)|楼(前|后)/gu;

/** A lift by its number ("1号梯", "3号电梯"): two lifts of a building are two things. */
const LIFT = /(\d{1,2}|[一二两三四五六七八九十])\s*号\s*(?:电)?梯/gu;
/** A clause that says something is fine ("1号梯倒没事"). */
const FINE = /没事|是好的|好好的|正常|没问题/u;

/** Sides of the compound or a building, and a garage's gates: "东北角" and "西南角" are two places. */
const SIDE = /(东北|东南|西北|西南|[东南西北])(?:角|侧|边|面|头)|(入口|进口|出口)/gu;

/** Words mistyped by their sound (pinyin input picks the wrong character): read as meant. */
const MISTYPED: readonly (readonly [RegExp, string])[] = [
  [/暖器|暖汽/gu, '暖气'],
  [/店梯|电悌/gu, '电梯'],
  [/拉圾|垃级/gu, '垃圾'],
  [/消防通到/gu, '消防通道'],
  [/井到/gu, '井道'],
  // English words in a Chinese message
  [/button/giu, '按钮'],
  [/pipe/giu, '管子'],
  [/no signal/giu, '没信号'],
];

/** A light along a road is a street light ("小路上的灯一盏都不亮"). */
const ROAD_LIGHT = /(小路|马路|道路|路边|路旁)([^，。！？,.!?\s]{0,5}?)(?<!路)灯/gu;

/** Trouble that comes from the flat above ("天花板滴水", "楼上漏下来的"), and trouble let down to the flat below. */
const FROM_ABOVE = /楼上|顶上|天花板|吊顶|到我(?:们)?家/u;
/** A resident's own flat: "我家1201", "我是1201的", a signature "1102的，", or the flat whose ceiling it is ("602卫生间顶上"). */
const OWN_BEFORE = /(?:我家|我们家|我是|我住)的?$/u;
const OWN_AFTER = /^(?:室)?(?:的(?:[，,。.!！\s]|$)|(?:卫生间|厨房|客厅|卧室|主卧|次卧|阳台|主卫|次卫)?的?(?:天花板|顶上|吊顶))/u;
const TO_BELOW = /到(?:你家|他家|人家|楼下|下面)/u;

/**
 * The rooms the trouble is in or comes from. A resident's own flat, when they say the trouble comes from above, is
 * below it: the trouble is the flat above ("802的，天花板滴水" is 902's leak; "1301漏到我家1201了" is 1301's); one
 * who says it goes down to a neighbour names their own flat as the source ("不好意思402的，我家502漏到楼下了" is 502's
 * leak, not 402's).
 */
function roomsAbout(s: string): Set<number> {
  const toBelow = TO_BELOW.test(s);
  const fromAbove = !toBelow && FROM_ABOVE.test(s);
  const [named, mine] = [new Set<number>(), new Set<number>()];
  for (const m of s.matchAll(ROOM)) {
    const n = Number(m[1]);
    if (HOTLINES.has(n)) continue;
    const before = s.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
    const after = s.slice((m.index ?? 0) + (m[0]?.length ?? 0));
    if (/楼上的?$/u.test(before)) named.add(n);
    else if (fromAbove && (OWN_BEFORE.test(before) || OWN_AFTER.test(after))) named.add(n + 100);
    else if (toBelow && /我(?:们)?家的?$/u.test(before)) mine.add(n);
    else named.add(n);
  }
  return mine.size > 0 ? mine : named;
}

/** Things whose trouble, when no fault is named, is the noise they make ("楼下广场舞又开始了"). */
const NOISY: ReadonlySet<string> = new Set(['广场舞', '洗衣机', '鞭炮', '装修', '施工']);

/** Ways of being broken that are a fault of their own: a report that says "坏了" and then how means the how. */
const HOW_BROKEN: ReadonlySet<string> = new Set(['常亮', '闪']);
const LIGHTS: ReadonlySet<string> = new Set(['灯', '路灯']);

/** Faults only one thing has: "出来的水浑浊泛黄" is the water's, whether or not it says 自来水. */
const FAULT_OF: ReadonlyMap<string, string> = new Map([['浊', '水'], ['压低', '水压']]);

export function readProblem(text: string): Problem {
  let s = maskPii(text.normalize('NFKC'));
  for (const [re, to] of MISTYPED) s = s.replace(re, to);
  s = s.replace(ROAD_LIGHT, '$1$2路灯');
  const floors = new Set<number>();
  for (const m of s.matchAll(FLOOR)) {
    const n = cnToNumber(m[2] ?? '');
    if (n !== null) floors.add(m[1] ? -n : n);
  }
  const rooms = roomsAbout(s);
  const sides = new Set<string>([...s.matchAll(SIDE)].map((m) => (m[2] === '进口' ? '入口' : (m[1] ?? m[2] ?? ''))));
  for (const m of s.matchAll(ZONE)) {
    const z = (m[1] ?? '').toUpperCase();
    sides.add(/^[东南西北]$/u.test(z) ? z : `${cnToNumber(z) ?? z}区`);
  }
  for (const m of s.matchAll(FRONT_BACK)) sides.add(m[1] ?? m[2] ?? '');
  // which of several lifts, unless named as the one that is fine ("2号梯吱呀响，1号梯倒没事")
  for (const clause of s.split(/[，,。.！!？?；;\n]/u)) {
    if (FINE.test(clause)) continue;
    for (const m of clause.matchAll(LIFT)) sides.add(`${cnToNumber(m[1] ?? '') ?? m[1]}号梯`);
  }
  s = s.replace(LANDMARK, '｜');
  const there = readRules(s.replace(THERE, '｜').replace(INSIDE, '｜'));
  const { things, faults, kinds, rest } = there.things.size > 0 ? there : readRules(s);
  if (things.delete(DARK) && things.size === 0) things.add('灯');
  const unread = unreadWords(rest);
  if (things.size === 0) for (const f of faults) if (FAULT_OF.has(f)) things.add(FAULT_OF.get(f) ?? f);
  if (faults.size === 0 && things.size > 0 && [...things].every((t) => NOISY.has(t))) faults.add('吵');
  // "灯坏了，白天也一直亮": how a light is broken is the fault, and another than "不亮"
  if ([...faults].some((f) => HOW_BROKEN.has(f)) && things.size > 0 && [...things].every((t) => LIGHTS.has(t))) {
    for (const f of ['坏', STOPPED, DAMAGED]) faults.delete(f);
  }
  const broken = new Set([STOPPED, DAMAGED].filter((w) => faults.delete(w)));
  const sources = new Set([...faults].filter((f) => f.startsWith(SOURCE) && faults.delete(f)));
  return { things, faults, kinds, floors, rooms, sides, unread, broken, sources };
}

/** Words that name nothing: where, who, when, how much, and the particles. */
const UNREAD_FILLERS = new RegExp(
  [
    '楼下', '楼上', '门口', '门前', '旁边', '附近', '前面', '后面', '里面', '外面', '上面', '下面', '那个', '这个', '那边', '这边',
    '有人', '别人', '我们', '我家', '家里', '大家', '邻居', '物业', '半夜', '晚上', '早上', '白天', '今天', '昨天', '现在', '刚才',
    '一直', '好像', '是不是', '能不能', '怎么', '什么', '已经', '还是', '一下', '起来', '下来', '出来', '进去', '厉害', '非常', '特别',
    '小区', '被风', '被人', '谁家', '刮', '吹', '小孩', '孩子', '老人', '业主', '住户', '师傅', '保洁', '阿姨', '工人', '自己', '那些', '这些', '好几', '一块', '一个', '一根', '一截', '一片',
    '[太很好真都也又还就了的得着过吗呢吧啊呀被把给在是有要快个块条根只些点多少大小会能让]',
  ].join('|'),
  'gu',
);

/**
 * The head of what the first clause names before its first word the tables read: the last two characters of that
 * run, places and fillers dropped ("3号楼门口的地砖翘起来了" → 地砖; "儿童秋千坏了" → 秋千, so 儿童跷跷板 is another).
 */
function unreadWords(rest: string): Set<string> {
  const clause = rest.split(/[，,。.！!？?；;\n]/u).find((c) => c.includes('｜')) ?? '';
  const bare = stripSpots(stripPlaceMentions(clause)).replace(UNREAD_FILLERS, '');
  const before = bare.slice(0, bare.indexOf('｜'));
  const run = Array.from(/[\p{Script=Han}]*$/u.exec(before)?.[0] ?? '');
  return new Set(run.length >= 2 ? [run.slice(-2).join('')] : []);
}

function readRules(text: string): { things: Set<string>; faults: Set<string>; kinds: Set<string>; rest: string } {
  let s = text;
  const things = new Set<string>();
  const faults = new Set<string>();
  const kinds = new Set<string>();
  for (const [re, ts, fs, ks = []] of RULES) {
    s = s.replace(re, () => {
      for (const t of ts) things.add(t);
      for (const f of fs) faults.add(f);
      for (const k of ks) kinds.add(k);
      // a word that reads as nothing (a place, a sound system) leaves a space; one that reads leaves a bar
      return ts.length + fs.length + ks.length > 0 ? '｜' : ' ';
    });
  }
  return { things, faults, kinds, rest: s };
}

/** The floors named, and those the rooms named stand on ("1502" is on 15). */
function floorsOf(p: Problem): Set<number> {
  return new Set([...p.floors, ...[...p.rooms].map((r) => Math.floor(r / 100)).filter((f) => f > 0)]);
}

/** Faults that say what the problem is without naming a thing. */
const SELF_CONTAINED: ReadonlySet<string> = new Set(['漏', '积水', '吵', '臭', '焦味', '火', '脏', '虫', '乱扔', '霉', '堵', '毁绿', '空鼓']);

/** Things that are a problem by being there (pests, strays): a report naming one and no fault agrees with any. */
const NUISANCES: ReadonlySet<string> = new Set(['老鼠', '蚊蝇', '蟑螂', '马蜂', '流浪狗', '流浪猫', '鸽子', '小广告', '鞭炮', '烟头']);
/** What a pest's being there brings; any other fault is harm done to something, another problem. */
const PEST_SIGNS: ReadonlySet<string> = new Set(['臭', '吵', '脏', '虫', '粪便', '满', '乱扔']);

/** What a pest or its carcass leaves that a neighbour notices without seeing it; a noise alone is too vague to say whose. */
const SMELLS: ReadonlySet<string> = new Set(['臭', '脏']);

/**
 * A fault in common. Broken alone is common only if the two do not tell it two ways: a barrier that does not lift
 * and one whose arm snapped are two problems ("不抬杆" / "杆断了"); "坏了" agrees with either.
 */
function faultsMeet(a: Problem, b: Problem): boolean {
  const common = [...a.faults].filter((f) => b.faults.has(f));
  if (common.length === 0) return false;
  if (common.some((f) => f !== '坏')) return true;
  const [wa, wb] = [a.broken ?? new Set<string>(), b.broken ?? new Set<string>()];
  return wa.size === 0 || wb.size === 0 || meets(wa, wb);
}

const subset = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean => [...a].every((x) => b.has(x));
const meets = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean => [...a].some((x) => b.has(x));
const equal = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * 'same' when both name the same thing (or neither names one) with a common fault (or, with no fault named on either
 * side, the very same things); 'different' when they are read and disagree; 'unknown' when either says nothing the
 * tables know, so the wording alone decides.
 */
export function compareProblems(a: Problem, b: Problem): 'same' | 'different' | 'unknown' {
  if (!equal(a.kinds, b.kinds)) return 'different';
  if (a.floors.size > 0 && b.floors.size > 0 && !meets(a.floors, b.floors)) return 'different';
  if (a.rooms.size > 0 && b.rooms.size > 0 && !meets(a.rooms, b.rooms)) return 'different';
  const [fa, fb] = [floorsOf(a), floorsOf(b)];
  if (fa.size > 0 && fb.size > 0 && !meets(fa, fb)) return 'different';
  const [sa, sb] = [a.sides ?? new Set<string>(), b.sides ?? new Set<string>()];
  if (sa.size > 0 && sb.size > 0 && !meets(sa, sb)) return 'different';
  // another source of noise or mess is another complaint, from the same flat or in the same lift too ("拖凳子" /
  // "弹钢琴", "有人吐了" / "有人小便")
  const [na, nb] = [a.sources ?? new Set<string>(), b.sources ?? new Set<string>()];
  if (na.size > 0 && nb.size > 0 && !meets(na, nb)) return 'different';
  // a fire is never joined into a report that tells of none ("楼道堆的纸箱着火了" / "楼道堆满纸箱"); a burning smell may be it
  const burning = (p: Problem): boolean => p.faults.has('火') || p.faults.has('焦味');
  if ((a.faults.has('火') && !burning(b)) || (b.faults.has('火') && !burning(a))) return 'different';
  // "狗终于不叫了" follows up a report; it reports nothing of its own
  if (a.faults.has('已好') !== b.faults.has('已好')) return 'different';
  const readA = a.things.size + a.faults.size > 0;
  const readB = b.things.size + b.faults.size > 0;
  if (!readA || !readB) return 'unknown';
  if (a.kinds.size > 0) return 'different';
  if (a.things.size === 0 && b.things.size === 0) {
    // nothing named on either side: a fault that is a problem by itself (楼上漏水, 太吵) decides; "坏了" of two things
    // the tables do not know (晾衣架 / 单杠) is left to the wording
    // a fault that is a problem by itself (漏水, 太吵) is one problem, whoever or whatever is named around it
    if ([...a.faults].some((f) => b.faults.has(f) && SELF_CONTAINED.has(f))) return 'same';
    if (a.faults.size > 0 && b.faults.size > 0 && !meets(a.faults, b.faults)) return 'different';
    // an object the tables do not know, named alike on both sides, with a fault in common ("地砖翘起来了" / "地砖松了");
    // two such objects of other heads are two things ("台阶裂了" / "坡道裂了"), however alike the rest is worded
    const [ua, ub] = [a.unread ?? new Set<string>(), b.unread ?? new Set<string>()];
    if (faultsMeet(a, b) && meets(ua, ub)) return 'same';
    if (ua.size > 0 && ub.size > 0 && !meets(ua, ub)) return 'different';
    return 'unknown';
  }
  // a pest's sign told without the pest ("楼道臭烘烘的" / "楼道有死老鼠，好臭"): the pest is what smells
  if ((a.things.size === 0) !== (b.things.size === 0)) {
    const [named, bare] = a.things.size > 0 ? [a, b] : [b, a];
    const signs = bare.faults.size > 0 && [...bare.faults].every((f) => SMELLS.has(f)) && meets(bare.faults, named.faults);
    if (signs && [...named.things].every((t) => NUISANCES.has(t))) return 'same';
  }
  // one flat, one fault that is a problem by itself: the resident who names no thing reports what the other names
  // ("1603外墙渗水，卧室发霉" / "1603的，卧室墙角霉斑越来越多")
  const oneFlat = meets(a.rooms, b.rooms) && [...a.faults].some((f) => b.faults.has(f) && SELF_CONTAINED.has(f));
  if (oneFlat && (a.things.size === 0 || b.things.size === 0)) return 'same';
  // the same things, or one report names more of them ("道闸坏了" / "道闸坏了，车出不去"); a thing each of its own is another problem
  if (a.things.size === 0 || b.things.size === 0 || (!subset(a.things, b.things) && !subset(b.things, a.things))) return 'different';
  // a pest is the problem by itself: "有只死耗子" and "死老鼠好臭" are one, whatever else either names
  const nuisance = [...a.things].some((t) => b.things.has(t) && NUISANCES.has(t));
  if (a.faults.size === 0 && b.faults.size === 0) return equal(a.things, b.things) || nuisance ? 'same' : 'different';
  if (faultsMeet(a, b)) return 'same';
  // …unless the other tells of harm it did ("老鼠把电线咬坏了" is the wire)
  const harmless = (p: Problem): boolean => [...p.faults].every((f) => PEST_SIGNS.has(f));
  return nuisance && ((a.faults.size === 0 && harmless(b)) || (b.faults.size === 0 && harmless(a))) ? 'same' : 'different';
}

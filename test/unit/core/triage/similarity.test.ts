import { describe, it, expect } from 'vitest';
import {
  DEFAULT_WINDOW_HOURS,
  DUPLICATE_THRESHOLD,
  SKETCH_SIZE,
  findDuplicate,
  fingerprint,
  normalizeForSimilarity,
  placesCompatible,
  sameQuestionClause,
  shingles,
  similarity,
  type Fingerprint,
  type OpenTicketForDedup,
} from '../../../../src/core/triage/similarity.ts';
import { extractPlace } from '../../../../src/core/triage/place.ts';

/** Pairs that report the same problem: every one must score at or above the threshold. */
const SAME: [string, string][] = [
  ['3栋电梯又坏了，卡住了', '3号楼的电梯坏了 卡在5楼'],
  ['20号楼门口井盖坏了', '20号楼井盖快塌了'],
  ['20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?', '20号楼门口井盖坏了'],
  ['3栋电梯坏了', '3栋电梯又坏了，卡住了，里面有老人，物业快来看看吧'],
  ['3栋有煤气味', '3栋楼道有很浓的煤气味，谁家漏气了'],
  ['楼道灯不亮', '楼道的灯坏了好几天了'],
  ['楼下装修太吵了', '楼上装修噪音太大，周末一大早就开始'],
  ['地库积水严重', '地下车库又淹了，车都泡水了'],
  ['3栋停水了', '3栋怎么没水了'],
  ['20号楼东侧的路灯坏了好几天了，晚上黑乎乎的，老人走路不安全', '20号楼东边那个路灯晚上不亮，好几天了'],
  ['8号楼今天一直停水，到现在还没来水', '8号楼也停水了吗？我家也没水'],
];
/** Different problems, mostly in the same building: every one must score below the threshold. */
const DIFFERENT: [string, string][] = [
  ['3栋电梯坏了', '3栋楼道灯坏了'],
  ['3栋电梯坏了', '3栋电梯广告太吵了'],
  ['3栋停水了', '3栋停电了'],
  ['3栋井盖坏了', '3栋电梯坏了'],
  ['3栋楼道堆满杂物', '3栋楼道灯坏了'],
  ['楼下有人遛狗不牵绳', '楼下有人乱停车'],
  ['快递柜打不开', '快递柜旁边有狗屎'],
  ['3栋电梯坏了', '3栋电梯门关不上'],
  ['楼上漏水', '楼上太吵了'],
  ['3栋有煤气味', '3栋电梯坏了'],
  ['东门路灯坏了', '东门栏杆坏了'],
];

describe('normalizeForSimilarity', () => {
  it('keeps what is wrong, drops where and how politely', () => {
    expect(normalizeForSimilarity('3号楼的电梯坏了 卡在5楼')).toBe('电梯坏卡');
    expect(normalizeForSimilarity('3栋电梯又坏了，卡住了')).toBe('电梯坏卡');
    expect(normalizeForSimilarity('20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?')).toBe('井盖坏');
  });
  it('canonicalises spots and masks numbers', () => {
    expect(normalizeForSimilarity('地下车库积水')).toBe('地库积水');
    expect(normalizeForSimilarity('打13812345678')).toBe('打');
  });
});

describe('similarity', () => {
  it.each(SAME)('same problem: %s ~ %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });
  it.each(DIFFERENT)('different problem: %s ≁ %s', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('leaves a margin around the threshold', () => {
    const low = Math.min(...SAME.map(([a, b]) => similarity(a, b)));
    const high = Math.max(...DIFFERENT.map(([a, b]) => similarity(a, b)));
    expect(low - DUPLICATE_THRESHOLD).toBeGreaterThan(0.05);
    expect(DUPLICATE_THRESHOLD - high).toBeGreaterThan(0.05);
  });

  it('is symmetric, bounded and 1 for identical text', () => {
    for (const [a, b] of [...SAME, ...DIFFERENT]) {
      const s = similarity(a, b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(similarity(b, a)).toBeCloseTo(s, 10);
      expect(similarity(a, a)).toBe(1);
    }
  });

  it('is 0 when either text has no content', () => {
    expect(similarity('3栋', '3栋')).toBe(0);
    expect(similarity('', '电梯坏了')).toBe(0);
    expect(similarity('谢谢！！', '谢谢')).toBe(0);
  });

  it('accepts stored fingerprints and strings interchangeably', () => {
    const [a, b] = SAME[0] ?? ['', ''];
    expect(similarity(fingerprint(a), fingerprint(b))).toBe(similarity(a, b));
    expect(similarity(a, fingerprint(b))).toBe(similarity(a, b));
  });
});

describe('fingerprint', () => {
  it('is deterministic, compact and JSON-storable', () => {
    const fp = fingerprint('3栋电梯又坏了，卡住了');
    expect(fingerprint('3栋电梯又坏了，卡住了')).toEqual(fp);
    expect(JSON.parse(JSON.stringify(fp))).toEqual(fp);
    expect(fp[0]).toBe(shingles('3栋电梯又坏了，卡住了').size);
    for (const h of fp.slice(1)) expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect([...fp.slice(1)]).toEqual([...fp.slice(1)].sort((x, y) => x - y));
  });

  it('is pinned: stored fingerprints must stay comparable across releases', () => {
    // 3 shingles (电梯, 梯坏, 电梯坏) and their seeded hashes; if this changes, stored fingerprints need a migration
    expect(fingerprint('电梯坏了')).toEqual([3, 823155002, 1658937343, 4137164822]);
  });

  it('caps the sketch at SKETCH_SIZE and still estimates long texts', () => {
    const base = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const fp = fingerprint(base);
    expect(fp.length).toBe(SKETCH_SIZE + 1);
    expect(fp[0]).toBeGreaterThan(SKETCH_SIZE);
    expect(similarity(base, base)).toBe(1);
    const half = base.slice(0, 200);
    const s = similarity(base, half);
    // exact: J ≈ 0.5, containment ≈ 1 → ≈ 0.75
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(0.9);
    const other = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x9000 + i)).join('');
    expect(similarity(base, other)).toBeLessThan(0.05);
  });
});

describe('placesCompatible', () => {
  it('refuses different buildings, units, rooms and spots', () => {
    expect(placesCompatible({ building: '3' }, { building: '5' })).toBe(false);
    expect(placesCompatible({ building: '3', unit: '1' }, { building: '3', unit: '2' })).toBe(false);
    expect(placesCompatible({ building: '20', room: '107' }, { building: '20', room: '108' })).toBe(false);
    expect(placesCompatible({ text: '东门' }, { text: '西门' })).toBe(false);
    expect(placesCompatible({ building: '3', text: '3栋楼道' }, { building: '3', text: '3栋地库' })).toBe(false);
  });
  it('accepts the same or an unknown part', () => {
    expect(placesCompatible({ building: 'b' }, { building: 'B' })).toBe(true);
    expect(placesCompatible({ building: '3' }, {})).toBe(true);
    expect(placesCompatible({ building: '20', room: '107' }, { building: '20' })).toBe(true);
    expect(placesCompatible({ text: '地下车库' }, { text: '地库' })).toBe(true);
    expect(placesCompatible({}, {})).toBe(true);
  });
});

describe('one report against one open ticket (findDuplicate, the shipped join)', () => {
  const at = new Date('2026-11-21T12:30:00+08:00');
  /** Whether `b`, reported an hour after `a`, joins a's ticket. */
  const isDuplicate = (a: { text: string; place?: ReturnType<typeof extractPlace>; fingerprint?: Fingerprint }, b: { text: string; place?: ReturnType<typeof extractPlace>; fingerprint?: Fingerprint }, threshold?: number): boolean =>
    findDuplicate(b, [{ id: 1, text: a.text, place: a.place ?? extractPlace(a.text), fingerprint: a.fingerprint, createdAt: new Date(at.getTime() - 3_600_000), gridNodeId: 1, groupId: 1 }], { now: at, threshold }) === 1;

  it('never merges different buildings, even with identical words', () => {
    expect(similarity('3栋电梯坏了', '5栋电梯坏了')).toBe(1);
    expect(isDuplicate({ text: '3栋电梯坏了' }, { text: '5栋电梯坏了' })).toBe(false);
    expect(isDuplicate({ text: '3-2-502漏水' }, { text: '3-2-602漏水' })).toBe(false);
  });

  it('merges the brief cases', () => {
    expect(isDuplicate({ text: '3栋电梯又坏了，卡住了' }, { text: '3号楼的电梯坏了 卡在5楼' })).toBe(true);
    expect(isDuplicate({ text: '20号楼门口井盖坏了' }, { text: '20号楼井盖快塌了' })).toBe(true);
  });

  it('does not merge unrelated topics in the same building', () => {
    expect(isDuplicate({ text: '3栋电梯坏了' }, { text: '3栋楼道灯坏了' })).toBe(false);
    expect(isDuplicate({ text: '3栋停水了' }, { text: '3栋停电了' })).toBe(false);
  });

  it('uses the given places and fingerprints over re-extraction', () => {
    const a = { text: '电梯坏了', place: extractPlace('3栋') };
    expect(isDuplicate(a, { text: '电梯坏了', place: { building: '5' } })).toBe(false);
    expect(isDuplicate(a, { text: '随便', fingerprint: fingerprint('电梯又坏了'), place: {} })).toBe(true);
  });

  it('honours a custom threshold where the wording decides', () => {
    // nothing here names a fault the tables know: the likeness (0.47) decides
    expect(isDuplicate({ text: '凉亭的椅子不太稳' }, { text: '凉亭椅子有问题' })).toBe(false);
    expect(isDuplicate({ text: '凉亭的椅子不太稳' }, { text: '凉亭椅子有问题' }, 0.3)).toBe(true);
  });

  it('keeps apart two faults of one thing at any threshold', () => {
    // a smell and a full bin are two faults of the 垃圾站, however alike the words
    expect(isDuplicate({ text: '垃圾站好臭' }, { text: '垃圾站满了没人清' }, 0.3)).toBe(false);
  });
});

describe('findDuplicate', () => {
  const now = new Date('2026-11-21T12:30:00+08:00');
  const hoursAgo = (h: number): Date => new Date(now.getTime() - h * 3_600_000);
  const ticket = (id: number, text: string, over: Partial<OpenTicketForDedup> = {}): OpenTicketForDedup => ({
    id,
    text,
    place: extractPlace(text),
    createdAt: hoursAgo(1),
    gridNodeId: 7,
    groupId: 70,
    ...over,
  });
  const tickets = [
    ticket(1, '3栋楼道灯坏了'),
    ticket(2, '5栋电梯坏了'),
    ticket(3, '3号楼的电梯坏了 卡在5楼'),
    ticket(4, '20号楼井盖快塌了'),
  ];

  it('finds the matching ticket and respects places', () => {
    expect(findDuplicate({ text: '3栋电梯又坏了，卡住了', gridNodeId: 7 }, tickets, { now })).toBe(3);
    expect(findDuplicate({ text: '5栋电梯坏了', gridNodeId: 7 }, tickets, { now })).toBe(2);
    expect(findDuplicate({ text: '8栋电梯坏了', gridNodeId: 7 }, tickets, { now })).toBeNull();
    expect(findDuplicate({ text: '20号楼107室门口的这个污水井盖破损严重,快塌下去了' }, tickets, { now })).toBe(4);
  });

  it('ignores tickets outside the window or of another grid node', () => {
    const old = [ticket(9, '3栋电梯坏了', { createdAt: hoursAgo(DEFAULT_WINDOW_HOURS + 1) })];
    expect(findDuplicate({ text: '3栋电梯坏了' }, old, { now })).toBeNull();
    expect(findDuplicate({ text: '3栋电梯坏了' }, old, { now, windowHours: DEFAULT_WINDOW_HOURS + 2 })).toBe(9);
    const elsewhere = [ticket(10, '3栋电梯坏了', { gridNodeId: 8 })];
    expect(findDuplicate({ text: '3栋电梯坏了', gridNodeId: 7 }, elsewhere, { now })).toBeNull();
    expect(findDuplicate({ text: '3栋电梯坏了' }, elsewhere, { now })).toBe(10);
  });

  it('chooses the most similar, then the same group, then the newest', () => {
    const list = [
      ticket(20, '3栋电梯坏了，里面有老人，还有小孩，快来人'),
      ticket(21, '3栋电梯坏了', { createdAt: hoursAgo(5), groupId: 71 }),
      ticket(22, '3栋电梯坏了', { createdAt: hoursAgo(6), groupId: 70 }),
      ticket(23, '3栋电梯坏了', { createdAt: hoursAgo(2), groupId: 72 }),
    ];
    expect(findDuplicate({ text: '3栋电梯又坏了', groupId: 70 }, list, { now })).toBe(22);
    expect(findDuplicate({ text: '3栋电梯又坏了' }, list, { now })).toBe(23);
  });

  it('uses stored fingerprints and a custom threshold', () => {
    const list = [ticket(30, 'x', { fingerprint: fingerprint('垃圾站满了没人清'), place: {} })];
    expect(findDuplicate({ text: '垃圾站好臭' }, list, { now })).toBeNull();
    expect(findDuplicate({ text: '垃圾站好臭' }, list, { now, threshold: 0.3 })).toBe(30);
  });

  it('returns null for no tickets', () => {
    expect(findDuplicate({ text: '3栋电梯坏了' }, [], { now })).toBeNull();
  });
});

describe('同问', () => {
  it('reads the clause asked again, not the story after it', () => {
    expect(sameQuestionClause('同问，20号楼路灯是不是坏了？昨晚差点摔一跤')).toBe('20号楼路灯是不是坏了');
    expect(sameQuestionClause('+1 电梯又停了')).toBe('电梯又停了');
    expect(sameQuestionClause('同问')).toBeNull();
    expect(sameQuestionClause('路灯坏了，同问')).toBeNull();
  });

  it('joins the ticket whose problem the clause names, and no other', () => {
    const now = new Date('2026-12-07T03:00:00Z');
    const open = (id: number, text: string): OpenTicketForDedup => ({ id, text, place: extractPlace(text), createdAt: now, gridNodeId: 1, groupId: 1 });
    const lamp = open(1, '20号楼东侧的路灯坏了好几天了，晚上黑乎乎的，老人走路不安全');
    const lift = open(2, '20号楼电梯广告太吵了');
    expect(findDuplicate({ text: '同问，20号楼路灯是不是坏了？昨晚差点摔一跤', groupId: 1 }, [lamp, lift], { now })).toBe(1);
    expect(findDuplicate({ text: '同问，电梯是不是又坏了？', groupId: 1 }, [lamp, lift], { now })).toBeNull();
    const bins = open(3, '12号楼北侧垃圾桶满了好几天没人清，味道很大');
    expect(findDuplicate({ text: '同问，12号楼垃圾桶是不是没人清了？臭死了', groupId: 1 }, [bins, lift], { now })).toBe(3);
  });
});

describe('reworded reports of one problem', () => {
  const now = new Date('2026-12-07T09:00:00Z');
  /** An open ticket of group 1, reported three hours ago. */
  const open = (text: string): OpenTicketForDedup => ({
    id: 1, text, place: extractPlace(text), createdAt: new Date(now.getTime() - 3 * 3_600_000), gridNodeId: 1, groupId: 1,
  });
  const joins = (ticket: OpenTicketForDedup, text: string): boolean => findDuplicate({ text, groupId: 1, gridNodeId: 1 }, [ticket], { now }) === 1;

  // development pairs (bench/data/duplicate-pairs.jsonl is held out: nothing here is taken from it); the second of each
  // different pair names the same thing with another fault, in the same category
  const SAME_WORDED_OTHERWISE: [string, string][] = [
    ['二期水箱的水黄了，烧开还有沉淀', '今天家里的自来水发黄'],
    ['水龙头里出来的是黄水', '自来水有铁锈味，颜色发黄'],
    ['5号楼楼道一片漆黑，灯坏了', '5号楼楼梯灯不亮'],
    ['电梯趴窝了', '电梯停运了'],
    ['家里燃气点不着', '没气了，做不了饭'],
    ['垃圾房臭烘烘的', '垃圾房味道太大了'],
  ];
  const DIFFERENT_SAME_CATEGORY: [string, string][] = [
    ['自来水发黄', '停水了'],
    ['自来水发黄', '水压太小，洗不了澡'],
    ['电梯停运了', '电梯门关不上'],
    ['楼道灯坏了', '楼道扶手松了'],
    ['家里燃气点不着', '燃气表不走字'],
    ['垃圾房臭烘烘的', '垃圾房门口有老鼠'],
  ];

  it.each(SAME_WORDED_OTHERWISE)('joins %s ~ %s', (a, b) => {
    expect(joins(open(a), b)).toBe(true);
  });

  it.each(DIFFERENT_SAME_CATEGORY)('keeps apart %s / %s', (a, b) => {
    expect(joins(open(a), b)).toBe(false);
  });

  it('still keeps another building’s yellow water apart', () => {
    expect(joins(open('3号楼水箱的水黄了'), '5号楼自来水发黄')).toBe(false);
    expect(joins(open('3号楼水箱的水黄了'), '3号楼自来水发黄')).toBe(true);
  });
});

import { describe, it, expect } from 'vitest';
import { HAZARD_RULES } from '../../../../src/core/hazard/hazard-rules.ts';
import { detectUrgency, URGENCY_RULES, type UrgencyRule } from '../../../../src/core/triage/urgency.ts';

const level = (text: string): string => detectUrgency(text).urgency;

describe('detectUrgency — emergencies', () => {
  it.each([
    ['3栋楼道里有很浓的煤气味', 'gas_leak'],
    ['闻到燃气味，好像是502传出来的', 'gas_leak'],
    ['天然气泄漏了！', 'gas_leak'],
    ['煤气管道泄露了', 'gas_leak'],
    ['楼道着火了！', 'fire'],
    ['车棚电动车起火', 'fire'],
    ['5楼窗户在冒烟', 'fire'],
    ['一直不停冒烟', 'fire'],
    ['有人被困在电梯里', 'trapped'],
    ['我妈困在电梯里出不来', 'trapped'],
    ['小孩被关在电梯里了', 'trapped'],
    ['配电箱漏电', 'electric_shock'],
    ['有人触电了', 'electric_shock'],
    ['广场上有人晕倒了', 'medical'],
    ['老人昏迷不醒', 'medical'],
    ['外墙瓷砖掉下来差点砸到小孩', 'collapse'],
    ['阳台快塌了，下面都是路过的行人', 'collapse'],
    ['高空抛物砸到人了', 'falling_object'],
    ['楼下发生爆炸', 'explosion'],
    ['有人要跳楼', 'suicide'],
  ])('%s → emergency (%s)', (text, kind) => {
    const r = detectUrgency(text);
    expect(r.urgency).toBe('emergency');
    expect(r.kind).toBe(kind);
    expect(r.signal).toBeTruthy();
    expect(text.normalize('NFKC')).toContain(r.signal);
  });

  it('reports the signal that decided it', () => {
    expect(detectUrgency('3栋有煤气味')).toEqual({ urgency: 'emergency', signal: '煤气味', kind: 'gas_leak' });
  });

  it('prefers the highest level when several rules match', () => {
    expect(detectUrgency('停电了，电梯里有人被困').urgency).toBe('emergency');
    expect(detectUrgency('3栋停水了，楼道还着火了').kind).toBe('fire');
  });
});

describe('detectUrgency — urgent', () => {
  it.each([
    ['3栋停电了', 'outage'],
    ['整栋楼都停水了', 'outage'],
    ['二单元停水一整天了', 'outage'],
    ['全小区断电', 'outage'],
    ['水管爆了，水哗哗地流', 'pipe_burst'],
    ['地库爆管了', 'pipe_burst'],
    ['地下车库被淹了', 'pipe_burst'],
    ['电梯坏了，老人上不去', 'lift_vulnerable'],
    ['电梯又停了，家里有坐轮椅的', 'lift_vulnerable'],
    ['化粪池满溢了，臭得不行', 'sewage'],
    ['一楼污水倒灌', 'sewage'],
    ['门口的井盖丢了', 'manhole'],
    ['井盖没了，晚上很危险', 'manhole'],
    ['有个老人走失了', 'missing_person'],
    // a child who cannot find its parents (part W's leftovers, part X round)
    ['有个小女孩找不到奶奶了，在小区门口一直哭', 'missing_person'],
    ['电线裸露在外面', 'exposed_wire'],
  ])('%s → urgent (%s)', (text, kind) => {
    const r = detectUrgency(text);
    expect(r.urgency).toBe('urgent');
    expect(r.kind).toBe(kind);
  });

  it('the glossary case: a collapsing manhole cover with no one hurt is urgent', () => {
    const r = detectUrgency('20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?');
    expect(r.urgency).toBe('urgent');
    expect(['collapse', 'manhole']).toContain(r.kind);
  });

  it('high-altitude throwing without anyone hit is urgent, as the patrol has it (one hazard rule set)', () => {
    expect(detectUrgency('又有人高空抛物了，请物业查一下')).toMatchObject({ urgency: 'urgent', kind: 'high_throw' });
  });
});

describe('detectUrgency — normal', () => {
  it.each([
    '电梯坏了',
    '电梯卡在5楼',
    '我家停电了',
    '电动车没电了，3栋充电桩能用吗',
    '楼道灯不亮',
    '物业费怎么交',
    '长期被噪音困扰',
    '广场舞要跳到几点',
    '路灯灭了',
    '',
  ])('%s → normal', (text) => {
    expect(detectUrgency(text)).toEqual({ urgency: 'normal', signal: null, kind: null });
  });
});

describe('detectUrgency — negations, drills, notices, resolved', () => {
  it.each([
    '明天消防演练，模拟着火',
    '下午三点消防演习，请勿惊慌',
    '没有煤气味了',
    '现在闻不到燃气味了',
    '燃气已经不漏了',
    '已经不漏了',
    '不是着火，是烧烤的烟',
    '万一着火怎么办',
    '如果有人被困在电梯里，请按警铃',
    '火已经扑灭了',
    '困在电梯的人已经救出来了',
    '温馨提示：燃气泄漏时请开窗通风',
    '通知：明天3栋停水，请提前储水',
    '3栋计划停电，预计下午恢复',
    '3栋刚才来电了',
    '做好防范火灾工作',
  ])('%s → normal', (text) => expect(level(text)).toBe('normal'));

  it('an outage that follows a condition opening the sentence, or a pipe an insurance covers, is not one (part X round)', () => {
    expect(level('要是哪天停水了，全楼老人都得下楼打水吧')).toBe('normal');
    expect(level('这份保险包括水管爆裂的损失吗')).toBe('normal');
    // a condition of politeness leaves an outage told as it is
    expect(level('如果可以的话帮忙看看，整栋楼停电了')).toBe('urgent');
    // a child who cries whenever it loses sight of its mother is no missing child
    expect(level('孩子找不到妈妈就哭，哄都哄不好')).toBe('normal');
  });

  it('a missing child found where it was, or home by itself, is no longer missing; 原来 as "at first" is not found (session 14)', () => {
    expect(level('孩子不见了，原来在楼下小卖部')).toBe('normal');
    expect(level('老人走丢了，后来自己回来了')).toBe('normal');
    expect(level('孩子不见了，原来在小区门口玩，现在又不见了')).toBe('urgent');
    expect(level('我家孩子不见了！！到处找不到')).toBe('urgent');
  });

  it('a negation in one clause does not cancel a hazard in the next', () => {
    expect(level('没人管，楼道冒烟了')).toBe('emergency');
    expect(level('物业不在，有煤气味')).toBe('emergency');
  });
});

describe('detectUrgency — configurable rules', () => {
  it('exports the rule tables with unique kinds: service rules here, hazards in core/hazard', () => {
    const kinds = [...URGENCY_RULES, ...HAZARD_RULES].map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toContain('gas_leak');
    expect(kinds).toContain('outage');
  });

  it('accepts a custom rule list', () => {
    const rules: UrgencyRule[] = [{ kind: 'snake', level: 'urgent', terms: ['有蛇'] }];
    expect(detectUrgency('草坪里有蛇', rules)).toEqual({ urgency: 'urgent', signal: '有蛇', kind: 'snake' });
    // hazards are read unless the caller passes its own (here none)
    expect(detectUrgency('3栋有煤气味', rules).urgency).toBe('emergency');
    expect(detectUrgency('3栋有煤气味', rules, []).urgency).toBe('normal');
  });

  it('supports regex terms and context with a fallback level', () => {
    const rules: UrgencyRule[] = [
      { kind: 'dog', level: 'emergency', terms: [/狗[^，]{0,2}咬/], context: ['小孩'], levelWithoutContext: 'urgent' },
    ];
    expect(detectUrgency('有条狗咬人', rules)).toMatchObject({ urgency: 'urgent', signal: '狗咬' });
    expect(detectUrgency('有条狗咬了小孩', rules).urgency).toBe('emergency');
  });

  it('normalises full-width text', () => {
    expect(level('３栋停电了！')).toBe('urgent');
  });

  it('reads pinyin typed without characters, whole words only', () => {
    expect(detectUrgency('meiqi wei hen nong 5 hao lou kuai lai')).toMatchObject({ urgency: 'emergency', kind: 'gas_leak' });
    expect(detectUrgency('jiuming bei kun dianti li')).toMatchObject({ urgency: 'emergency', kind: 'trapped' });
    // inside an English word, or a syllable alone, it is not read
    expect(level('the shihuoer cafe')).toBe('normal');
    expect(level('ni hao dong ge')).toBe('normal');
  });

  it('an outage with elsewhere framing of a relative or a trip is not here', () => {
    expect(level('我姑家那边停电停水两天了 整栋楼都没电')).toBe('normal');
    expect(level('出差的酒店整栋楼停电了')).toBe('normal');
  });

  it("reads 她们那层 as a floor of this building, not someone else's estate; a colleague's estate stays elsewhere", () => {
    expect(detectUrgency('邻居阿姨刚说她们那层过道全是煤气味 大家别开灯')).toMatchObject({ urgency: 'emergency', kind: 'gas_leak' });
    expect(level('我同学家小区前天有人触电了 就在他们那栋')).toBe('normal');
  });

  it('reads 燃其 as 燃气, English faint, dialect falls with bleeding, and bleeding that will not stop', () => {
    expect(detectUrgency('3单元一楼燃其味很冲 谁家没关阀')).toMatchObject({ urgency: 'emergency', kind: 'gas_leak' });
    expect(level('点燃其中一根蜡烛许愿')).toBe('normal');
    expect(detectUrgency('保安大叔fainted 在地库入口')).toMatchObject({ urgency: 'emergency', kind: 'medical' });
    expect(detectUrgency('门口有个老倌子跌倒了 站不起来')).toMatchObject({ urgency: 'emergency', kind: 'medical' });
    expect(detectUrgency('隔壁小妹手划了个大口子 血顺着往下滴止不住')).toMatchObject({ urgency: 'emergency', kind: 'medical' });
  });

  it('reads Cantonese and Shanghainese words the rules know in Mandarin (走火通道, 关牢)', () => {
    expect(detectUrgency('走火通道又俾人堆满杂物 过都过唔到')).toMatchObject({ urgency: 'urgent', kind: 'blocked_exit' });
    expect(detectUrgency('电梯里关牢了 阿拉出不来 快来人')).toMatchObject({ urgency: 'emergency', kind: 'trapped' });
  });
});

import { describe, it, expect } from 'vitest';
import { createCommandParser, DEFAULT_COMMAND_ALIASES } from '../../../../src/core/tickets/command-parser.ts';
import { isDomainError } from '../../../../src/core/errors.ts';
import { NOTE_MAX_CHARS } from '../../../../src/core/tickets/commands.ts';

const parser = createCommandParser();
const plain = (text: string) => parser.parse(text, { quotesBotMessage: false });
const quoting = (text: string) => parser.parse(text, { quotesBotMessage: true });

describe('claim', () => {
  it.each([
    '认领 #12',
    '接单 #12',
    '认领#12',
    '认领 12',
    '认领12',
    '认领 12号',
    '认领 ＃１２',
    '认领＃１２',
    '  认领   #  12  ',
    '认领：#12',
    '认领 #12 我马上去',
    '@邻里助手 认领 #12',
    '@邻里助手\u2005认领 #12',
    '@张三 @邻里助手\u2005认领 #12',
    '认领\u3000#12',
  ])('%j → claim #12', (text) => {
    expect(plain(text)).toEqual({ kind: 'claim', ticketNo: 12 });
  });

  it.each(['收到', '认领', '接单', '好的收到', '好的，收到', '收到！', '收到收到', 'OK 收到', '认领！', '@邻里助手 收到'])(
    'quoting a receipt, %j → claim without number',
    (text) => {
      // the command word itself is no everyday word: only 收到 and the like are a command by their quote
      expect(quoting(text)).toEqual({ kind: 'claim', ...(/认领|接单/.test(text) ? {} : { byQuote: true }) });
    },
  );

  it('an explicit number wins over the quote', () => {
    expect(quoting('认领 #7')).toEqual({ kind: 'claim', ticketNo: 7 });
  });

  it('收到 followed by more words is a claim for staff only (the assistant decides), and 收到了吗 is conversation', () => {
    expect(quoting('收到了吗')).toBeNull();
    expect(quoting('收到吗？')).toBeNull();
    for (const text of ['收到，谢谢', '收到，马上去看', '好的收到，下午过去', '收到 我这就联系物业', '收到收到！马上到'])
      expect(quoting(text), text).toEqual({ kind: 'claim', staffOnly: true, byQuote: true });
    expect(plain('收到，马上去看')).toBeNull();
  });

  it('without a quote, 收到 is chatter', () => {
    expect(plain('收到')).toBeNull();
    expect(plain('好的收到')).toBeNull();
  });
});

describe('ticket numbers', () => {
  it('accepts up to 9 digits', () => {
    expect(plain('查询 #123456789')).toEqual({ kind: 'query', ticketNo: 123456789 });
    expect(plain('查询 #000000012')).toEqual({ kind: 'query', ticketNo: 12 });
  });

  it.each(['认领 #1234567890', '认领 #0', '认领 0', '认领 #abc', '认领 #', '认领 13800138000'])(
    '%j → invalid ticket number',
    (text) => {
      expect(plain(text)).toEqual({ kind: 'malformed', command: 'claim', problem: 'invalid ticket number' });
    },
  );

  it('an invalid explicit number is malformed even when quoting', () => {
    expect(quoting('办结 #0 已修')).toEqual({ kind: 'malformed', command: 'resolve', problem: 'invalid ticket number' });
  });

  it('a number glued to text without # is not a ticket number ("3栋")', () => {
    expect(quoting('进度 3栋水管已修好')).toEqual({ kind: 'progress', note: '3栋水管已修好' });
    expect(plain('进度 3栋水管已修好')).toEqual({
      kind: 'malformed',
      command: 'progress',
      problem: 'missing ticket number',
    });
  });
});

describe('progress and resolve', () => {
  it('progress with number and note', () => {
    expect(plain('进度 #12 已联系物业')).toEqual({ kind: 'progress', ticketNo: 12, note: '已联系物业' });
    expect(plain('进度#12已联系物业')).toEqual({ kind: 'progress', ticketNo: 12, note: '已联系物业' });
    expect(plain('进展 12 已联系物业')).toEqual({ kind: 'progress', ticketNo: 12, note: '已联系物业' });
  });

  it('resolve with number and note, keeping the note as written', () => {
    expect(plain('办结 #12 井盖已更换')).toEqual({ kind: 'resolve', ticketNo: 12, note: '井盖已更换' });
    expect(plain('已办结 #12 井盖已更换')).toEqual({ kind: 'resolve', ticketNo: 12, note: '井盖已更换' });
    expect(plain('办结 ＃１２ 更换了２个井盖。')).toEqual({ kind: 'resolve', ticketNo: 12, note: '更换了２个井盖。' });
    expect(plain('办结 #12\n井盖已更换\n物业已确认')).toEqual({
      kind: 'resolve',
      ticketNo: 12,
      note: '井盖已更换\n物业已确认',
    });
  });

  it('quoting: no number needed', () => {
    expect(quoting('办结 井盖已更换')).toEqual({ kind: 'resolve', note: '井盖已更换' });
    expect(quoting('进度 已联系物业')).toEqual({ kind: 'progress', note: '已联系物业' });
  });

  it('malformed: missing note or number', () => {
    expect(plain('办结 #12')).toEqual({ kind: 'malformed', command: 'resolve', problem: 'missing resolution note' });
    expect(plain('办结 #12 。')).toEqual({ kind: 'malformed', command: 'resolve', problem: 'missing resolution note' });
    expect(quoting('办结')).toEqual({ kind: 'malformed', command: 'resolve', problem: 'missing resolution note' });
    expect(plain('进度 #12')).toEqual({ kind: 'malformed', command: 'progress', problem: 'missing progress note' });
    expect(plain('办结 井盖已更换')).toEqual({ kind: 'malformed', command: 'resolve', problem: 'missing ticket number' });
    expect(plain('进度 已联系物业')).toEqual({ kind: 'malformed', command: 'progress', problem: 'missing ticket number' });
  });

  it('a note over the console\'s limit (NOTE_MAX_CHARS) is refused with its length, for every staff step', () => {
    const at = '已联系物业'.repeat(NOTE_MAX_CHARS / 5);
    expect(at.length).toBe(NOTE_MAX_CHARS);
    expect(plain(`进度 #12 ${at}`)).toEqual({ kind: 'progress', ticketNo: 12, note: at });
    for (const word of ['进度', '办结', '吹哨', '驳回', '复杂', '督办']) {
      const r = plain(`${word} #12 ${at}。`);
      expect(r).toMatchObject({ kind: 'malformed', problem: 'note too long', noteLength: NOTE_MAX_CHARS + 1 });
    }
    expect(quoting(`办结 ${at}${at}`)).toMatchObject({ kind: 'malformed', command: 'resolve', noteLength: 2 * NOTE_MAX_CHARS });
  });
});

describe('reject as a duplicate', () => {
  it('reads the ticket it repeats when named', () => {
    expect(plain('驳回 #12 与#10重复')).toEqual({ kind: 'reject', ticketNo: 12, reason: 'duplicate', note: '与#10重复', duplicateOf: 10 });
    expect(plain('驳回 #12 重复 ＃１０')).toMatchObject({ reason: 'duplicate', duplicateOf: 10 });
    expect(plain('驳回 #12 重复，同10号工单')).toMatchObject({ reason: 'duplicate', duplicateOf: 10 });
    expect(plain('驳回 #12 重复')).toEqual({ kind: 'reject', ticketNo: 12, reason: 'duplicate', note: '重复' });
    expect(plain('驳回 #12 非诉求 #10')).toEqual({ kind: 'reject', ticketNo: 12, reason: 'not_appeal', note: '非诉求 #10' });
  });
});

describe('transfer', () => {
  it('target is the first word after the number, note the rest', () => {
    expect(plain('转派 #12 城管')).toEqual({ kind: 'transfer', ticketNo: 12, target: '城管', note: '' });
    expect(plain('转派 #12 城管 占道经营，需执法')).toEqual({
      kind: 'transfer',
      ticketNo: 12,
      target: '城管',
      note: '占道经营，需执法',
    });
    expect(plain('转派 #12 市场监管，商户无证经营')).toEqual({
      kind: 'transfer',
      ticketNo: 12,
      target: '市场监管',
      note: '商户无证经营',
    });
  });

  it('quoting', () => {
    expect(quoting('转派 供水')).toEqual({ kind: 'transfer', target: '供水', note: '' });
  });

  it('malformed without target', () => {
    expect(plain('转派 #12')).toEqual({ kind: 'malformed', command: 'transfer', problem: 'missing transfer target' });
    expect(plain('转派 #12 ，')).toEqual({ kind: 'malformed', command: 'transfer', problem: 'missing transfer target' });
  });
});

describe('escalate, complex, supervise, query', () => {
  it('escalate needs a reason', () => {
    expect(plain('吹哨 #12 需要城管执法')).toEqual({ kind: 'escalate', ticketNo: 12, note: '需要城管执法' });
    expect(plain('吹哨 #12')).toEqual({ kind: 'malformed', command: 'escalate', problem: 'missing escalation reason' });
  });

  it('complex and supervise take an optional note', () => {
    expect(plain('复杂 #12 需协调三个部门')).toEqual({ kind: 'complex', ticketNo: 12, note: '需协调三个部门' });
    expect(plain('复杂 #12')).toEqual({ kind: 'complex', ticketNo: 12, note: '' });
    expect(plain('督办 #12 已超时两天')).toEqual({ kind: 'supervise', ticketNo: 12, note: '已超时两天' });
    expect(plain('督办 #12')).toEqual({ kind: 'supervise', ticketNo: 12, note: '' });
  });

  it('query', () => {
    expect(plain('查询 #12')).toEqual({ kind: 'query', ticketNo: 12 });
    expect(quoting('查询')).toEqual({ kind: 'query' });
    expect(plain('查询')).toEqual({ kind: 'malformed', command: 'query', problem: 'missing ticket number' });
  });
});

describe('reject', () => {
  it.each([
    ['驳回 #12 重复', 'duplicate', '重复'],
    ['驳回 #12 重复工单，见#10', 'duplicate', '重复工单，见#10'],
    ['驳回 #12 与#10重复', 'duplicate', '与#10重复'],
    ['驳回 #12 非诉求', 'not_appeal', '非诉求'],
    ['驳回 #12 不是诉求', 'not_appeal', '不是诉求'],
    ['驳回 #12 闲聊', 'not_appeal', '闲聊'],
    ['驳回 #12 无效', 'not_appeal', '无效'],
    ['驳回 #12 属私人纠纷，请走调解', 'other', '属私人纠纷，请走调解'],
  ] as const)('%j → %s', (text, reason, note) => {
    expect(plain(text)).toMatchObject({ kind: 'reject', ticketNo: 12, reason, note });
  });

  it('needs a reason', () => {
    expect(plain('驳回 #12')).toEqual({ kind: 'malformed', command: 'reject', problem: 'missing reject reason' });
  });
});

describe('rate', () => {
  it.each([
    ['评价 #12 满意', 'SATISFIED'],
    ['评价 #12 非常满意', 'SATISFIED'],
    ['评价 #12 基本满意', 'BASIC'],
    ['评价 #12 不满意', 'UNSATISFIED'],
    ['评价#12 很不满意', 'UNSATISFIED'],
  ] as const)('%j → %s', (text, satisfaction) => {
    expect(plain(text)).toEqual({ kind: 'rate', ticketNo: 12, satisfaction, note: '' });
  });

  it('keeps the words after the rating as note', () => {
    expect(plain('评价 #12 不满意 还是漏水')).toEqual({
      kind: 'rate',
      ticketNo: 12,
      satisfaction: 'UNSATISFIED',
      note: '还是漏水',
    });
  });

  it.each([
    ['满意', 'SATISFIED', ''],
    ['满意！', 'SATISFIED', ''],
    ['满意，谢谢', 'SATISFIED', '谢谢'],
    ['非常满意，感谢网格员', 'SATISFIED', '感谢网格员'],
    ['基本满意。', 'BASIC', ''],
    ['不满意', 'UNSATISFIED', ''],
    ['不满意 还是漏水', 'UNSATISFIED', '还是漏水'],
    ['评价 基本满意', 'BASIC', ''],
  ] as const)('quoting, %j → %s', (text, satisfaction, note) => {
    expect(quoting(text)).toEqual({ kind: 'rate', satisfaction, note, ...(text.startsWith('评价') ? {} : { byQuote: true }) });
  });

  it('without a quote, 满意 is chatter', () => {
    expect(plain('满意')).toBeNull();
    expect(plain('不满意')).toBeNull();
    expect(plain('满意，谢谢')).toBeNull();
  });

  it('quoting, 满意度… is not a rating', () => {
    expect(quoting('满意度调查什么时候做')).toBeNull();
  });

  it('malformed ratings', () => {
    expect(plain('评价 #12 很好')).toEqual({ kind: 'malformed', command: 'rate', problem: 'unknown rating' });
    expect(plain('评价 #12 满意度高')).toEqual({ kind: 'malformed', command: 'rate', problem: 'unknown rating' });
    expect(plain('评价 #12')).toEqual({ kind: 'malformed', command: 'rate', problem: 'missing rating' });
    expect(plain('评价 满意')).toEqual({ kind: 'malformed', command: 'rate', problem: 'missing ticket number' });
  });
});

describe('report', () => {
  it.each([
    ['报事 3栋电梯坏了', '3栋电梯坏了'],
    ['报修 20号楼107室门口污水井盖破损', '20号楼107室门口污水井盖破损'],
    ['报修3栋电梯坏了', '3栋电梯坏了'],
    ['投诉：楼下装修太吵', '楼下装修太吵'],
    ['投诉，楼下装修太吵', '楼下装修太吵'],
    ['@邻里助手 报事 路灯不亮', '路灯不亮'],
  ])('%j → report %j', (text, body) => {
    expect(plain(text)).toEqual({ kind: 'report', text: body });
  });

  it('report ignores the quote flag', () => {
    expect(quoting('报事 路灯不亮')).toEqual({ kind: 'report', text: '路灯不亮' });
  });

  it('empty report is malformed', () => {
    expect(plain('报事')).toEqual({ kind: 'malformed', command: 'report', problem: 'missing report text' });
    expect(plain('报事 ：')).toEqual({ kind: 'malformed', command: 'report', problem: 'missing report text' });
  });

  it('投诉 inside or glued into a sentence does not trigger', () => {
    expect(plain('我要投诉物业')).toBeNull();
    expect(plain('投诉物业不作为')).toBeNull();
    expect(plain('投诉有用吗？')).toBeNull();
  });
});

describe('chatter and command attempts', () => {
  it.each([
    '早上好',
    '',
    '   ',
    '@邻里助手',
    '认领快递在哪里',
    '办结了吗',
    '进度怎么样了',
    '查询一下快递',
    '复杂得很',
    '评价一下这个物业',
    '请问 认领 #12 是谁',
    '大家好，收到',
    '好的',
  ])('%j → null', (text) => {
    expect(plain(text)).toBeNull();
  });

  it('chatter stays chatter when quoting too', () => {
    expect(quoting('认领快递在哪里')).toBeNull();
    expect(quoting('谢谢')).toBeNull();
    expect(quoting('好的')).toBeNull();
  });

  it('command word plus non-number word is a command attempt', () => {
    expect(plain('认领 abc')).toEqual({ kind: 'malformed', command: 'claim', problem: 'missing ticket number' });
    expect(plain('认领')).toEqual({ kind: 'malformed', command: 'claim', problem: 'missing ticket number' });
    expect(plain('接单？')).toEqual({ kind: 'malformed', command: 'claim', problem: 'missing ticket number' });
  });
});

describe('aliases', () => {
  it('defaults are Chinese and each word belongs to one kind', () => {
    expect(DEFAULT_COMMAND_ALIASES.claim).toEqual(['认领', '接单']);
    const all = Object.values(DEFAULT_COMMAND_ALIASES).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('a city adds 领单 for claim', () => {
    const p = createCommandParser({ claim: [...DEFAULT_COMMAND_ALIASES.claim, '领单'] });
    expect(p.parse('领单 #12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
    expect(p.parse('认领 #12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
    expect(p.parse('办结 #12 好了', { quotesBotMessage: false })).toEqual({ kind: 'resolve', ticketNo: 12, note: '好了' });
    expect(plain('领单 #12')).toBeNull();
  });

  it('a kind listed replaces its defaults (a city drops 投诉)', () => {
    const p = createCommandParser({ report: ['报事', '报修'] });
    expect(p.parse('投诉 楼下太吵', { quotesBotMessage: false })).toBeNull();
    expect(p.parse('报事 楼下太吵', { quotesBotMessage: false })).toEqual({ kind: 'report', text: '楼下太吵' });
  });

  it('Latin aliases match case-insensitively and need a boundary', () => {
    const p = createCommandParser({ claim: ['认领', '/claim'] });
    expect(p.parse('/Claim 12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
    expect(p.parse('/claimed', { quotesBotMessage: false })).toBeNull();
  });

  it('an alias given in capitals, or typed in capitals, is the same word (words are looked up by their first letter)', () => {
    const p = createCommandParser({ claim: ['认领', 'Take'] });
    expect(p.parse('TAKE 12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
    expect(p.parse('take #12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
    expect(p.parse('认领 #12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
    expect(p.parse('Σ 12', { quotesBotMessage: false })).toBeNull();
  });

  it('longer alias wins over its prefix', () => {
    const p = createCommandParser({ claim: ['领'], supervise: ['领导督办'] });
    expect(p.parse('领导督办 #12 尽快', { quotesBotMessage: false })).toEqual({
      kind: 'supervise',
      ticketNo: 12,
      note: '尽快',
    });
    expect(p.parse('领 #12', { quotesBotMessage: false })).toEqual({ kind: 'claim', ticketNo: 12 });
  });

  it('rejects a word given to two kinds, or an empty word', () => {
    const conflict = () => createCommandParser({ progress: ['办结'] });
    expect(conflict).toThrow(/办结/);
    try {
      conflict();
    } catch (e) {
      expect(isDomainError(e, 'CONFIG_INVALID')).toBe(true);
    }
    expect(() => createCommandParser({ claim: [' '] })).toThrow(/empty/);
  });
});

describe('recategorize', () => {
  it('reads the new category, Chinese name or code', () => {
    expect(plain('改类 #12 噪音扰民')).toEqual({ kind: 'recategorize', ticketNo: 12, category: '噪音扰民' });
    expect(plain('更正分类 #12 noise')).toEqual({ kind: 'recategorize', ticketNo: 12, category: 'noise' });
  });
  it('needs the category', () => {
    expect(plain('改类 #12')).toEqual({ kind: 'malformed', command: 'recategorize', problem: 'missing category' });
  });
});

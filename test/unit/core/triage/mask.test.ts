import { describe, it, expect } from 'vitest';
import { maskDeep, maskIdCard, maskMobile, maskPii } from '../../../../src/core/triage/mask.ts';

describe('maskPii — mobile numbers', () => {
  it.each([
    ['电话13812345678', '电话138****5678'],
    ['打138 1234 5678找我', '打138****5678找我'],
    ['138-1234-5678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['0086-13912345678', '0086-139****5678'],
    ['联系19912345678或15012345678', '联系199****5678或150****5678'],
    ['phone:17712345678.', 'phone:177****5678.'],
  ])('%s → %s', (input, out) => expect(maskPii(input)).toBe(out));

  it('covers every second digit 3–9', () => {
    for (const d of '3456789') expect(maskPii(`1${d}012345678`)).toBe(`1${d}0****5678`);
  });

  it.each([
    '12345678901', // starts with 12: not a mobile
    '10012345678',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '订单号2023113812345678',
    '工单#1024',
    '502室',
    '20261121',
    '金额13800元',
    '晚上10点',
  ])('leaves %s alone', (input) => expect(maskPii(input)).toBe(input));

  it('is idempotent', () => {
    const once = maskPii('13812345678 350321199001011234');
    expect(maskPii(once)).toBe(once);
  });

  it('maskMobile alone does not touch IDs', () => {
    expect(maskMobile('350321199001011234')).toBe('350321199001011234');
  });
});

describe('maskPii — ID card numbers', () => {
  it.each([
    ['身份证350321199001011234', '身份证3503**********1234'],
    ['11010120001231002X', '1101**********002X'],
    ['11010120001231002x', '1101**********002x'],
    ['ID 440305198512310017 ok', 'ID 4403**********0017 ok'],
  ])('%s → %s', (input, out) => expect(maskPii(input)).toBe(out));

  it('keeps first 4 and last 4, 18 characters long', () => {
    const masked = maskIdCard('350321199001011234');
    expect(masked).toHaveLength(18);
    expect(masked).toMatch(/^3503\*{10}1234$/);
  });

  it.each([
    '350321199013011234', // month 13
    '350321199001321234', // day 32
    '350321180001011234', // year 1800
    '3503211990010112345', // 19 digits
    '35032119900101123', // 17 digits
    '123456789012345678', // no date
  ])('leaves %s alone', (input) => expect(maskIdCard(input)).toBe(input));

  it('masks the ID before the mobile-looking run inside it', () => {
    // 350321 + 13812345678-ish digits: must be treated as one ID, not a mobile
    expect(maskPii('110101199001138123')).toBe('1101**********8123');
  });
});

describe('maskDeep', () => {
  it('masks strings in nested objects and arrays without mutating', () => {
    const input = { msg: '电话13812345678', nested: { list: ['350321199001011234', 3, null], ok: true }, n: 13812345678 };
    const snapshot = structuredClone(input);
    const out = maskDeep(input);
    expect(out).toEqual({ msg: '电话138****5678', nested: { list: ['3503**********1234', 3, null], ok: true }, n: '138****5678' });
    expect(input).toEqual(snapshot);
    expect(out).not.toBe(input);
    expect(out.nested).not.toBe(input.nested);
  });

  it('keeps plain numbers and other primitives', () => {
    expect(maskDeep({ a: 1024, b: false, c: undefined, d: 'x' })).toEqual({ a: 1024, b: false, c: undefined, d: 'x' });
    expect(maskDeep('13812345678')).toBe('138****5678');
    expect(maskDeep(42)).toBe(42);
  });

  it('bounds the depth and truncates rather than leaking', () => {
    const deep = { a: { b: { c: { d: '13812345678' } } } };
    expect(maskDeep(deep, { maxDepth: 2 })).toEqual({ a: { b: '[Truncated]' } });
  });

  it('survives cycles but not confuses shared references with cycles', () => {
    const shared = { phone: '13812345678' };
    const obj: Record<string, unknown> = { x: shared, y: shared };
    obj['self'] = obj;
    const out = maskDeep(obj) as Record<string, unknown>;
    expect(out['self']).toBe('[Circular]');
    expect(out['x']).toEqual({ phone: '138****5678' });
    expect(out['y']).toEqual({ phone: '138****5678' });
  });

  it('turns errors into masked plain objects', () => {
    const err = new Error('bad input 13812345678');
    const out = maskDeep({ err }) as { err: { name: string; message: string; stack?: string } };
    expect(out.err.name).toBe('Error');
    expect(out.err.message).toBe('bad input 138****5678');
    expect(out.err.stack ?? '').not.toContain('13812345678');
  });

  it('passes dates through', () => {
    const at = new Date('2026-11-21T12:16:00Z');
    expect(maskDeep({ at }).at).toBe(at);
  });
});

describe('maskPii — written forms (issue #12)', () => {
  // [input, expected]: every number the way residents type it, and what must stay as it is
  const masked: [string, string][] = [
    ['电话１３８１２３４５６７８', '电话１３８****５６７８'],
    ['１３８ １２３４ ５６７８找我', '１３８****５６７８找我'],
    ['138.1234.5678', '138****5678'],
    ['打138 1234 5678', '打138****5678'],
    ['138－1234－5678', '138****5678'],
    ['138·1234·5678', '138****5678'],
    ['138．1234．5678', '138****5678'],
    ['138　1234　5678', '138****5678'],
    ['1381234 5678', '138****5678'],
    ['138 - 1234 - 5678', '138****5678'],
    ['138—1234—5678', '138****5678'],
    ['+86 13812345678', '+86 138****5678'],
    ['＋８６１３８１２３４５６７８', '＋８６１３８****５６７８'],
    ['0086 138-1234-5678', '0086 138****5678'],
    ['8613812345678', '86138****5678'],
    ['(+86)13812345678', '(+86)138****5678'],
    ['手机：15912345678。', '手机：159****5678。'],
    ['a13812345678b', 'a138****5678b'],
    ['110101900101123', '1101********123'],
    ['老身份证 350321850615012 已作废', '老身份证 3503********012 已作废'],
    ['11010119900101123x', '1101**********123x'],
    ['11010119900101123X', '1101**********123X'],
    ['１１０１０１１９９００１０１１２３Ｘ', '１１０１**********１２３Ｘ'],
    ['350321 19900101 1234', '3503**********1234'],
    ['44030520000229001X', '4403**********001X'],
    ['电话13812345678，身份证350321199001011234', '电话138****5678，身份证3503**********1234'],
  ];
  it.each(masked)('%s → %s', (input, out) => expect(maskPii(input)).toBe(out));

  const kept = [
    '2026-12-05',
    '20261205',
    '2026年12月5日 13:45',
    '10:30-11:30',
    '工单 #12',
    '工单 #1024',
    '¥138.50',
    '13812元',
    '2单元1102室',
    '20号楼107室',
    '3栋2单元1102',
    '0591-12345678',
    '0591 8765 4321',
    '400-123-4567',
    '12345',
    '110/119',
    '订单号202612051234567', // 15 digits, no plausible date
    '快递单号773012345678901', // 15 digits, region 77 does not exist
    '单号123456789012345678',
    '流水号2026120513812345678', // 19 digits
    '350321199002301234', // Feb 30
    '350321901301123', // 15 digits, month 13
    '1733400000000', // a timestamp in ms
    '138****5678',
    '3503**********1234',
  ];
  it.each(kept)('leaves %s alone', (input) => expect(maskPii(input)).toBe(input));

  it('checks at least 30 written forms', () => expect(masked.length + kept.length).toBeGreaterThanOrEqual(30));

  it('is idempotent on every masked form', () => {
    for (const [input] of masked) expect(maskPii(maskPii(input))).toBe(maskPii(input));
  });
});

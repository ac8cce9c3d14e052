import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../../../../src/core/errors.ts';
import { errorReply } from '../../../../src/core/tickets/replies.ts';
import { resolveTransferTarget, transferTargets } from '../../../../src/core/tickets/transfer-targets.ts';

const holder = (id: number, name: string, key: string | null, gridNodeId: number, role: 'DEPARTMENT' | 'LEADER' = 'DEPARTMENT') =>
  ({ person: { id, name }, role, gridNodeId, key });

describe('transfer targets', () => {
  // line nearest first: street 2, district 1
  const targets = transferTargets(
    [holder(5, '住建局', 'd-zj', 1), holder(3, '拱辰街道城管中队', 'dept-cg', 2), holder(4, '李晓东', 'ld', 2, 'LEADER'), holder(6, '区城管局', null, 1), holder(3, '拱辰街道城管中队', 'dept-cg', 1)],
    [2, 1],
  );

  it('are the DEPARTMENT holders of the line, once each, nearest node first', () => {
    expect(targets.map((t) => t.name)).toEqual(['拱辰街道城管中队', '住建局', '区城管局']);
  });

  it('resolve by exact name, by key (any case), or by the one name that contains the text', () => {
    expect(resolveTransferTarget(targets, '住建局')).toEqual({ found: targets[1] });
    expect(resolveTransferTarget(targets, 'DEPT-CG')).toEqual({ found: targets[0] });
    expect(resolveTransferTarget(targets, '住建')).toEqual({ found: targets[1] });
    expect(resolveTransferTarget(targets, ' 区城管局 ')).toEqual({ found: targets[2] });
  });

  it('refuse an unknown or empty target, and a part of several names', () => {
    expect(resolveTransferTarget(targets, '火星局')).toEqual({ none: true });
    expect(resolveTransferTarget(targets, '')).toEqual({ none: true });
    expect(resolveTransferTarget(targets, '城管')).toEqual({ ambiguous: [targets[0], targets[2]] });
  });

  it('a refusal says in one line what is valid', () => {
    const e = (details: Record<string, unknown>) => errorReply(new DomainError(ErrorCode.UnknownTransferTarget, 'x', { ticketNo: 7, ...details }));
    expect(e({ target: '火星局', known: ['城管科', '住建科'] })).toBe('未找到部门「火星局」，可转派至：城管科、住建科。');
    expect(e({ target: '火星局', known: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] })).toBe('未找到部门「火星局」，可转派至：a、b、c、d、e、f等 8 个。');
    expect(e({ target: '城管', known: ['x'], ambiguous: ['拱辰街道城管中队', '区城管局'] })).toBe('「城管」对应多个部门：拱辰街道城管中队、区城管局，请写明是哪一个。');
    expect(e({ target: '城管', known: [] })).toBe('工单 #7 所在网格没有登记可转派的部门，请用“吹哨”上报。');
  });
});

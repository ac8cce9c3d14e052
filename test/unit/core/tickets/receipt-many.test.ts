// The one reply to a message naming several problems: each ticket, what and where, and by when; the 119/110 line once.
import { describe, expect, it } from 'vitest';
import { replies } from '../../../../src/core/tickets/replies.ts';
import type { Ticket } from '../../../../src/core/tickets/ticket.types.ts';

const at = (iso: string) => new Date(iso);
const ticket = (t: Partial<Ticket>): Ticket => ({
  id: 1, number: 1, status: 'REPORTED', category: 'facility_repair', summary: '', place: {}, urgency: 'NORMAL', complex: false,
  groupId: 1, gridNodeId: 1, reporterId: 1, assigneeId: null, transferredTo: null, escalationLevel: 0,
  createdAt: at('2026-11-20T02:00:00Z'), acceptDueAt: at('2026-11-23T10:00:00Z'), resolveDueAt: at('2026-11-25T10:00:00Z'),
  reporterCount: 1, duplicateOfId: null, satisfaction: null, result: null, version: 0, updatedAt: at('2026-11-20T02:00:00Z'),
  acceptedAt: null, resolvedAt: null, closedAt: null, ...t,
});

describe('replies.receiptMany', () => {
  it('lists each ticket with its category, place and deadlines, a neighbour’s ticket as followed, and the danger line once', () => {
    const text = replies.receiptMany([
      { ticket: ticket({ number: 11, place: { building: '20', text: '20号楼' } }), how: 'new' },
      { ticket: ticket({ number: 12, category: 'utilities', place: { text: '地库' }, urgency: 'EMERGENCY' }), how: 'new' },
      { ticket: ticket({ number: 7, category: 'fire_safety', place: { building: '21' }, urgency: 'URGENT', acceptDueAt: at('2026-11-20T04:00:00Z') }), how: 'joined' },
    ]);
    expect(text).toBe(
      '已收到，您反映的 3 个问题已分别登记：\n' +
        '1. 工单 #11（设施维修，20号楼）：1 个工作日内受理，11月25日18:00 前办结；\n' +
        '2. 工单 #12（水电气暖，地库，紧急）：已通知网格员立即处置；\n' +
        '3. 工单 #7（消防安全，21号楼，加急）：已有邻居反映，已为您加入关注。\n' +
        '如有危险请先拨打 119（火警）、120（急救）或 110（报警）。',
    );
  });
});

// Appeals handled at the same time share their statements: the duplicate checks of a batch are one read, the
// tickets one insert, the on-duty look-ups one count (shared out as they go), on PGlite and PostgreSQL alike. A
// ticket the store refuses is set apart and fails alone; the others are created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/core/ports/person.repository.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { extractPlace } from '../../src/core/triage/place.ts';
import { harness, type Harness } from '../support/harness.ts';
import type { StoreKind } from '../support/databases.ts';

const triage: Triage = {
  async classify(text) {
    const isAppeal = /坏|漏|堵/.test(text);
    return { isAppeal, confidence: 0.9, category: isAppeal ? 'facility_repair' : 'chatter', place: extractPlace(text), urgency: 'normal', summary: text, source: 'local' };
  },
};

describe.each<StoreKind>(['pglite', 'postgres'])('appeals at the same time (%s)', (kind) => {
  let h: Harness;
  const calls: Record<string, number> = { createManyOnce: 0, listOpenInNodes: 0, openCountByAssignee: 0 };
  const rooms = ['room-b1', 'room-b2', 'room-b3', 'room-b4'];

  beforeAll(async () => {
    h = await harness(triage, { kind });
    // count the repository calls the ticket service and router make (the store object is the one they were given)
    const tickets = h.store.tickets as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of Object.keys(calls)) {
      const real = tickets[name]!.bind(tickets);
      tickets[name] = (...a: unknown[]) => (calls[name]!++, real(...a));
    }
    const u1 = (await h.store.grid.findByCode('U1'))!;
    for (const room of rooms) await h.store.groups.mapToNode((await h.store.groups.upsertSeen('WECHAT', room, `${room}群`)).id, u1.id);
  });
  afterAll(() => h?.dispose());

  it('four groups reporting in one batch: one duplicate read, one insert, one count, and the work shared out', async () => {
    const problems = ['电梯坏了', '水管漏水', '下水道堵了', '路灯坏了'];
    const at = new Date('2026-11-20T04:30:00Z');
    const outcomes = await h.handleNow(
      rooms.map((room, i) => ({ platform: 'WECHAT', externalId: `same-time-${i}`, groupExternalId: room, sender: { externalId: `res-${i}`, name: `居民${i}` }, text: problems[i]!, sentAt: at })),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['ticket', 'ticket', 'ticket', 'ticket']);
    expect(calls).toEqual({ createManyOnce: 1, listOpenInNodes: 1, openCountByAssignee: 1 });
    const numbers = outcomes.map((o) => (o as { ticketNo: number }).ticketNo);
    expect(numbers).toEqual([numbers[0]!, numbers[0]! + 1, numbers[0]! + 2, numbers[0]! + 3]);
    const tickets = await Promise.all(numbers.map((n) => h.tickets.get(n)));
    const lin = await h.store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
    const chen = await h.store.people.ensureByIdentity('WECHAT', 'wx-chen', '陈网格员');
    const [first, second] = [lin, chen].sort((a, b) => a.id - b.id);
    // both grid workers of G1 had nothing open: they take turns, the longer-serving one first
    expect(tickets.map((t) => t.assigneeId)).toEqual([first!.id, second!.id, first!.id, second!.id]);
    for (const [i, room] of rooms.entries()) expect(h.newIn(room)[0]).toMatch(new RegExp(`^@居民${i} 已收到，工单 #${numbers[i]} 已登记`));
  });

  it('a ticket the store refuses fails alone: the appeals beside it get theirs', async () => {
    const u1 = (await h.store.grid.findByCode('U1'))!;
    const group = (await h.store.groups.findByExternal('WECHAT', rooms[0]!))!;
    const real = await h.store.people.ensureByIdentity('WECHAT', 'res-ok', '居民甲');
    const ghost: Person = { ...real, id: 987_654, name: '不存在的人' };
    const report = (reporter: Person, text: string) =>
      h.tickets.report({
        groupId: group.id,
        gridNodeId: u1.id,
        reporter,
        triage: { isAppeal: true, confidence: 0.9, category: 'facility_repair', place: {}, urgency: 'normal', summary: text, source: 'local' },
        messageId: null,
        explicit: false,
      });
    const before = calls.createManyOnce!;
    const [a, b, c] = await Promise.allSettled([report(real, '东门的门禁坏了'), report(ghost, '西门的门禁坏了'), report(real, '北门的门禁坏了')]);
    expect(a.status).toBe('fulfilled');
    expect(c.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { name: 'RefusedDataError' } });
    // tried together once, then halved until the refused one stood alone
    expect(calls.createManyOnce! - before).toBeGreaterThan(1);
    const made = [a, c].map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof report>>>).value.ticket);
    expect(made.map((t) => t.summary)).toEqual(['东门的门禁坏了', '北门的门禁坏了']);
    for (const t of made) expect(await h.tickets.get(t.number)).toMatchObject({ id: t.id, reporterId: real.id });
  });
});

// The store queries the deadline timers use, on both databases (PGlite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { NewTicketEvent } from '../../src/core/tickets/ticket.types.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const ev = (type: NewTicketEvent['type'], at: string, over: Partial<NewTicketEvent> = {}): NewTicketEvent => ({
  type, actorId: null, messageId: null, fromStatus: null, toStatus: null, note: null, data: null, at: new Date(at), ...over,
});

describe.each<StoreKind>(['pglite', 'postgres'])('SLA queries on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let ids: number[] = [];
  let lin = 0;
  let chen = 0;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    await store.grid.importSpec(SMALL_GRID);
    const node = (await store.grid.findByCode('U1'))!;
    lin = (await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员')).id;
    chen = (await store.people.ensureByIdentity('WECHAT', 'wx-chen', '陈网格员')).id;
    const base = { category: 'other', summary: 's', place: {}, urgency: 'NORMAL' as const, groupId: null, gridNodeId: node.id, reporterId: null };
    const due = { acceptDueAt: new Date('2026-09-28T10:00:00Z'), resolveDueAt: new Date('2026-09-30T10:00:00Z') };
    const t1 = await store.tickets.create({ ...base, assigneeId: lin, ...due }, ev('reported', '2026-09-25T02:00:00Z'));
    const t2 = await store.tickets.create({ ...base, assigneeId: chen, ...due }, ev('reported', '2026-09-25T03:00:00Z'));
    const t3 = await store.tickets.create({ ...base, assigneeId: lin }, ev('reported', '2026-09-25T04:00:00Z')); // no due dates
    const t4 = await store.tickets.create({ ...base, assigneeId: lin, ...due }, ev('reported', '2026-09-25T05:00:00Z'));
    await store.tickets.update(t4.id, t4.version, { status: 'RESOLVED' }, ev('resolved', '2026-09-26T00:00:00Z'));
    await store.tickets.update(t2.id, t2.version, { status: 'ESCALATED' }, ev('escalated', '2026-09-28T10:00:00Z'));
    await store.tickets.appendEvent(t2.id, ev('progress', '2026-09-29T00:00:00Z'));
    ids = [t1.id, t2.id, t3.id, t4.id];
  });
  afterAll(() => dispose());

  it('pages through open tickets with due dates by id', async () => {
    const [t1, t2] = ids;
    expect((await store.tickets.listOpenWithDeadlines(0, 1)).map((t) => t.id)).toEqual([t1]);
    expect((await store.tickets.listOpenWithDeadlines(t1!, 1)).map((t) => t.id)).toEqual([t2]);
    expect(await store.tickets.listOpenWithDeadlines(t2!, 10)).toEqual([]);
  });

  it('lists open tickets by assignee and the people who have any', async () => {
    const [t1, , t3] = ids;
    expect((await store.tickets.listOpenByAssignee(lin)).map((t) => t.id)).toEqual([t1, t3]);
    expect(await store.tickets.openAssigneeIds()).toEqual([lin, chen]);
  });

  it('finds the latest event of given types per ticket', async () => {
    const [t1, t2, , t4] = ids;
    const m = await store.tickets.lastEventAt([t1!, t2!, t4!], ['reported', 'escalated']);
    expect(m.get(t1!)).toEqual(new Date('2026-09-25T02:00:00Z'));
    expect(m.get(t2!)).toEqual(new Date('2026-09-28T10:00:00Z'));
    expect(m.get(t4!)).toEqual(new Date('2026-09-25T05:00:00Z'));
    expect((await store.tickets.lastEventAt([], ['reported'])).size).toBe(0);
  });
});

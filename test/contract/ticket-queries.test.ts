// The console's queries on the Store port, on every implementation (PGlite and PostgreSQL): the ticket list's filters
// (words, number, category, dates, overdue), paging and count, and a ticket's conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { NewTicket, Ticket } from '../../src/core/tickets/ticket.types.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const NOW = new Date('2026-11-25T04:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

for (const kind of ['pglite', 'postgres'] as StoreKind[]) {
  describe(`ticket queries (${kind})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const t: Record<string, Ticket> = {};
    let nodes: number[];

    const open = async (key: string, fields: Partial<NewTicket>) => {
      const u1 = (await store.grid.findByCode('U1'))!;
      t[key] = await store.tickets.create(
        { category: 'facility_repair', summary: key, place: {}, urgency: 'NORMAL', groupId: null, gridNodeId: u1.id, reporterId: null, ...fields },
        { type: 'reported', actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: null },
      );
    };

    beforeAll(async () => {
      ({ store, dispose } = await freshStore(kind));
      await store.grid.importSpec(SMALL_GRID);
      nodes = (await store.grid.subtree('S1')).map((n) => n.id);
      // past its resolve deadline
      await open('井盖破损', { summary: '20号楼井盖破损，快塌了', createdAt: hoursAgo(72), acceptDueAt: hoursAgo(48), resolveDueAt: hoursAgo(1) });
      // past its accept deadline and nobody has accepted it
      await open('噪音', { category: 'noise', summary: '楼上装修噪音 100%_吵', createdAt: hoursAgo(30), acceptDueAt: hoursAgo(2), resolveDueAt: new Date(NOW.getTime() + 48 * 3600_000) });
      // accepted in time: its accept deadline passing no longer counts
      await open('路灯', { summary: '东门路灯不亮', place: { text: '东门' }, createdAt: hoursAgo(5), acceptDueAt: hoursAgo(1), resolveDueAt: new Date(NOW.getTime() + 24 * 3600_000) });
      await store.tickets.update(t['路灯']!.id, 0, { status: 'ACCEPTED', acceptedAt: hoursAgo(2) }, {
        type: 'claimed', actorId: null, messageId: null, fromStatus: 'REPORTED', toStatus: 'ACCEPTED', note: null, data: null,
      });
      // overdue but closed: not overdue any more
      await open('已驳回', { summary: '重复反映井盖', createdAt: hoursAgo(80), resolveDueAt: hoursAgo(10) });
      await store.tickets.update(t['已驳回']!.id, 0, { status: 'REJECTED' }, {
        type: 'rejected', actorId: null, messageId: null, fromStatus: 'REPORTED', toStatus: 'REJECTED', note: null, data: null,
      });
    });
    afterAll(() => dispose?.());

    const keys = async (f: Parameters<Store['tickets']['list']>[0]) => {
      const found = await store.tickets.list({ gridNodeIds: nodes, ...f });
      return found.map((x) => Object.entries(t).find(([, v]) => v.id === x.id)?.[0]);
    };

    it('finds words in the summary or the place, LIKE wildcards taken literally, and a number with or without #', async () => {
      expect(await keys({ text: '井盖' })).toEqual(['已驳回', '井盖破损']);
      expect(await keys({ text: '东门' })).toEqual(['路灯']);
      expect(await keys({ text: '100%_' })).toEqual(['噪音']);
      expect(await keys({ text: '%' })).toEqual(['噪音']);
      expect(await keys({ text: '_' })).toEqual(['噪音']);
      expect(await keys({ text: `#${t['路灯']!.number}` })).toEqual(['路灯']);
      expect(await keys({ text: String(t['噪音']!.number) })).toEqual(['噪音']);
    });

    it('filters by category, creation dates and overdue at a given time', async () => {
      expect(await keys({ categories: ['noise', 'utilities'] })).toEqual(['噪音']);
      expect(await keys({ since: hoursAgo(31), until: hoursAgo(6) })).toEqual(['噪音']);
      expect(await keys({ since: hoursAgo(31), until: hoursAgo(4) })).toEqual(['路灯', '噪音']);
      expect(await keys({ overdueAt: NOW })).toEqual(['噪音', '井盖破损']);
      expect(await keys({ overdueAt: hoursAgo(3) })).toEqual(['井盖破损']);
      expect(await keys({ overdueAt: NOW, statuses: ['ACCEPTED'] })).toEqual([]);
    });

    it('pages newest first, and counts what the filter matches whatever the page', async () => {
      expect(await keys({ limit: 2 })).toEqual(['已驳回', '路灯']);
      expect(await keys({ limit: 2, offset: 2 })).toEqual(['噪音', '井盖破损']);
      expect(await store.tickets.count({ gridNodeIds: nodes, limit: 1, offset: 3 })).toBe(4);
      expect(await store.tickets.count({ gridNodeIds: nodes, text: '井盖' })).toBe(2);
      expect(await store.tickets.count({ gridNodeIds: [] })).toBe(0);
    });

    it("reads a ticket's conversation: its linked messages and those that caused its events, oldest first", async () => {
      const g = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
      const m = (id: string, text: string, min: number) => ({
        platform: 'WECHAT' as const, externalId: id, groupExternalId: 'room-20', sender: { externalId: 'wx-zhang', name: '张阿姨' }, text, sentAt: new Date(NOW.getTime() + min * 60_000),
      });
      const appeal = (await store.messages.saveIncoming(m('q-1', '东门路灯不亮', 0), g.id)).message;
      const command = (await store.messages.saveIncoming(m('q-2', '进度 #3 已报修', 2), g.id)).message;
      await store.messages.saveIncoming(m('q-3', '今天天气不错', 3), g.id);
      await store.messages.linkTicket(appeal.id, t['路灯']!.id);
      await store.tickets.appendEvent(t['路灯']!.id, { type: 'progress', actorId: null, messageId: command.id, fromStatus: 'ACCEPTED', toStatus: 'ACCEPTED', note: '已报修', data: null });
      await store.messages.saveOutgoing('WECHAT', 'out-1', g.id, '工单 #3 进展：已报修', t['路灯']!.id, 'k:1');
      const texts = (await store.messages.ofTicket(t['路灯']!.id, 50)).map((x) => `${x.direction}:${x.text}`);
      expect(texts.slice(0, 2)).toEqual(['IN:东门路灯不亮', 'IN:进度 #3 已报修']);
      expect(texts).toContain('OUT:工单 #3 进展：已报修');
      expect(texts).not.toContain('IN:今天天气不错');
      expect(await store.messages.ofTicket(t['路灯']!.id, 1)).toHaveLength(1);
    });

    it('counts a ticket escalated by the clock for a missed deadline as overdue under its new deadline, until it is resolved', async () => {
      const u1 = (await store.grid.findByCode('U1'))!;
      const late = await store.tickets.create(
        { category: 'facility_repair', summary: '电梯超时', place: {}, urgency: 'NORMAL', groupId: null, gridNodeId: u1.id, reporterId: null, createdAt: hoursAgo(40), acceptDueAt: hoursAgo(10), resolveDueAt: hoursAgo(-60) },
        { type: 'reported', actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: null },
      );
      const escalated = await store.tickets.update(late.id, 0, { status: 'ESCALATED', escalationLevel: 1, acceptDueAt: hoursAgo(-20), resolveDueAt: hoursAgo(-70) }, {
        type: 'escalated', actorId: null, messageId: null, fromStatus: 'REPORTED', toStatus: 'ESCALATED', note: '超时未受理，自动上报',
        data: { level: 'COMMUNITY', notified: [], overdue: { key: 'k', clock: 'accept', dueAt: hoursAgo(10).toISOString() } },
      });
      const lateNodes = [u1.id];
      expect((await store.tickets.list({ gridNodeIds: lateNodes, overdueAt: NOW })).map((x) => x.number)).toContain(late.number);
      expect([...(await store.tickets.missedDeadlines([late.id, t['噪音']!.id]))]).toEqual([late.id]);
      expect((await store.stats.openByNode(lateNodes, NOW))[0]).toMatchObject({ gridNodeId: u1.id, overdue: 3 });
      await store.tickets.update(late.id, escalated.version, { status: 'REJECTED' }, {
        type: 'rejected', actorId: null, messageId: null, fromStatus: 'ESCALATED', toStatus: 'REJECTED', note: null, data: null,
      });
      expect((await store.tickets.list({ gridNodeIds: lateNodes, overdueAt: NOW })).map((x) => x.number)).not.toContain(late.number);
    });
  });
}

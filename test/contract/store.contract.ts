// One contract suite for the Store port, run against every implementation (PGlite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isDomainError, RefusedDataError } from '../../src/core/errors.ts';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { Ticket } from '../../src/core/tickets/ticket.types.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { staffAuthContract } from './staff-auth.contract.ts';

const msg = (id: string, text = '20号楼门口井盖坏了'): IncomingMessage => ({
  platform: 'WECHAT',
  externalId: id,
  groupExternalId: 'room-20',
  sender: { externalId: 'wx-zhang', name: '张阿姨' },
  text,
  sentAt: new Date('2026-11-20T04:16:00Z'),
});

export function storeContract(kind: StoreKind) {
  describe(`Store contract (${kind})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dispose } = await freshStore(kind));
      await store.grid.importSpec(SMALL_GRID);
    });
    afterAll(() => dispose?.());

    staffAuthContract(() => store);

    describe('grid', () => {
      it('stores nodes with materialized paths', async () => {
        const u1 = await store.grid.findByCode('U1');
        expect(u1).toMatchObject({ level: 'UNIT', path: '/S1/C1/G1/U1/' });
        const chain = await store.grid.findByCodes(['S1', 'C1', 'G1', 'U1']);
        expect(chain.map((n) => n.code)).toEqual(['S1', 'C1', 'G1', 'U1']);
        expect(await store.grid.count()).toBe(5);
      });

      it('exports what was imported', async () => {
        const spec = await store.grid.exportSpec();
        expect(spec.nodes).toHaveLength(5);
        expect(spec.groups.find((g) => g.externalId === 'room-20')).toMatchObject({ nodeCode: 'U1', tags: ['睦邻群'] });
        expect(spec.people.find((p) => p.key === 'wu')?.identities).toHaveLength(2);
      });

      it('re-import is idempotent and a move rewrites the paths of the subtree', async () => {
        await store.grid.importSpec(SMALL_GRID);
        expect(await store.grid.count()).toBe(5);
        await store.grid.importSpec({
          nodes: [
            { code: 'C2', name: '西园社区', level: 'COMMUNITY', parentCode: 'S1' },
            { code: 'G1', name: '东园第一网格', level: 'GRID', parentCode: 'C2' },
          ],
          groups: [],
          people: [],
        });
        expect((await store.grid.findByCode('U1'))?.path).toBe('/S1/C2/G1/U1/');
        await store.grid.importSpec({ nodes: [{ code: 'G1', name: '东园第一网格', level: 'GRID', parentCode: 'C1' }], groups: [], people: [] });
        expect((await store.grid.findByCode('U1'))?.path).toBe('/S1/C1/G1/U1/');
      });

      it('rolls back the whole import when one part fails', async () => {
        const before = await store.grid.count();
        await expect(
          store.grid.importSpec({
            nodes: [{ code: 'G9', name: '新网格', level: 'GRID', parentCode: 'C1' }],
            groups: [{ platform: 'WECHAT', externalId: 'room-x', title: 'x', nodeCode: 'NOPE', tags: [] }],
            people: [],
          }),
        ).rejects.toThrow();
        expect(await store.grid.count()).toBe(before);
        expect(await store.grid.findByCode('G9')).toBeNull();
      });
    });

    describe('people and roles', () => {
      it('finds a person by any identity, on either platform', async () => {
        const a = await store.people.ensureByIdentity('WECHAT', 'wx-wu', '吴网格员');
        const b = await store.people.ensureByIdentity('TELEGRAM', '1001', 'wu_tg');
        expect(a.id).toBe(b.id);
        expect((await store.people.identities(a.id)).map((i) => i.platform).sort()).toEqual(['TELEGRAM', 'WECHAT']);
      });

      it('creates a resident once, even when two messages arrive together', async () => {
        const [a, b] = await Promise.all([
          store.people.ensureByIdentity('WECHAT', 'wx-new', '新住户'),
          store.people.ensureByIdentity('WECHAT', 'wx-new', '新住户'),
        ]);
        expect(a.id).toBe(b.id);
      });

      it('finds and creates many residents in one go, in the order asked, each once', async () => {
        const known = await store.people.ensureByIdentity('WECHAT', 'wx-many-1', '老王');
        const got = await store.people.ensureManyByIdentity('WECHAT', [
          { externalId: 'wx-many-2', name: '小李' },
          { externalId: 'wx-many-1', name: '王师傅' },
          { externalId: 'wx-many-2', name: '小李' },
          { externalId: 'wx-many-3', name: '' },
        ]);
        expect(got[1]).toEqual(known);
        expect(got[0]).toEqual(got[2]);
        expect(got[3]!.name).toBe('wx-many-3');
        expect(new Set(got.map((p) => p.id)).size).toBe(3);
        // the same again finds the same people, and the renamed account keeps its new display name
        const again = await store.people.ensureManyByIdentity('WECHAT', [{ externalId: 'wx-many-3', name: '' }, { externalId: 'wx-many-2', name: '小李' }]);
        expect(again).toEqual([got[3], got[0]]);
        expect((await store.people.identities(known.id))[0]!.displayName).toBe('王师傅');
        // two batches racing for the same new resident end with one person
        const raced = await Promise.all([1, 2, 3].map(() => store.people.ensureManyByIdentity('WECHAT', [{ externalId: 'wx-many-race', name: '新邻居' }])));
        expect(new Set(raced.map((r) => r[0]!.id)).size).toBe(1);
        expect(await store.people.findById(raced[0]![0]!.id)).toEqual({ id: raced[0]![0]!.id, name: '新邻居' });
      });

      it('answers roles over a node from the node and its ancestors only', async () => {
        const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
        const chain = await store.grid.findByCodes(['S1', 'C1', 'G1', 'U1']);
        expect(await store.people.rolesOn(lin.id, chain.map((n) => n.id))).toEqual(['GRID_WORKER']);
        const g2chain = await store.grid.findByCodes(['S1', 'C1', 'G2']);
        expect(await store.people.rolesOn(lin.id, g2chain.map((n) => n.id))).toEqual([]);
        const g1 = chain[2]!;
        const holders = await store.people.holders([g1.id], ['GRID_WORKER']);
        expect(holders.map((h) => h.person.name).sort()).toEqual(['林网格员', '陈网格员']);
      });

      it("lists a person's role assignments, each with its node (what the admin API authorises from)", async () => {
        const huang = await store.people.ensureByIdentity('WECHAT', 'wx-huang', '黄主任');
        const c1 = (await store.grid.findByCode('C1'))!;
        expect(await store.people.assignments(huang.id)).toEqual([{ role: 'COMMUNITY_STAFF', gridNodeId: c1.id }]);
        const resident = await store.people.ensureByIdentity('WECHAT', 'wx-nobody-roles', '居民');
        expect(await store.people.assignments(resident.id)).toEqual([]);
      });
    });

    describe('patrol findings', () => {
      it('lists only the findings of the given groups (an empty list finds none)', async () => {
        const g20 = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const g2 = (await store.groups.findByExternal('WECHAT', 'room-g2'))!;
        const base = { rule: 'hazard' as const, severity: 'HIGH' as const, messageId: null, ticketId: null, data: {} };
        const a = (await store.patrol.upsert({ ...base, groupId: g20.id, summary: '飞线充电', dedupKey: 'contract:by-group:1' })).finding;
        const b = (await store.patrol.upsert({ ...base, groupId: g2.id, summary: '堵塞通道', dedupKey: 'contract:by-group:2' })).finding;
        const ids = async (groupIds: number[]) => (await store.patrol.list({ groupIds })).map((f) => f.id).filter((id) => id === a.id || id === b.id);
        expect(await ids([g20.id])).toEqual([a.id]);
        expect(await ids([g20.id, g2.id])).toEqual([b.id, a.id]);
        expect(await store.patrol.list({ groupIds: [] })).toEqual([]);
      });

      it('refreshes a finding seen again: summary and the message it quotes together, its ticket kept, severity only raised', async () => {
        const g20 = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const key = 'contract:refresh:1';
        const first = await store.patrol.upsert({ rule: 'hazard', severity: 'CRITICAL', groupId: g20.id, messageId: 501, ticketId: 71, summary: '着火了（张）', data: { n: 1 }, dedupKey: key });
        expect(first.created).toBe(true);
        const again = await store.patrol.upsert({ rule: 'hazard', severity: 'HIGH', groupId: g20.id, messageId: 502, ticketId: null, summary: '着火了（李）', data: { n: 2 }, dedupKey: key });
        expect(again.created).toBe(false);
        expect(again.finding).toMatchObject({ id: first.finding.id, messageId: 502, ticketId: 71, summary: '着火了（李）', severity: 'CRITICAL', data: { n: 2 } });
        expect(await store.patrol.findById(first.finding.id)).toMatchObject({ messageId: 502, ticketId: 71 });
      });
    });

    describe('groups', () => {
      it('records an unknown group unmapped and maps it later', async () => {
        const g = await store.groups.upsertSeen('WECHAT', 'room-new', '新建群');
        expect(g.gridNodeId).toBeNull();
        expect((await store.groups.listUnmapped()).map((x) => x.externalId)).toContain('room-new');
        const g2 = (await store.grid.findByCode('G2'))!;
        await store.groups.mapToNode(g.id, g2.id);
        expect((await store.groups.listUnmapped()).map((x) => x.externalId)).not.toContain('room-new');
        const again = await store.groups.upsertSeen('WECHAT', 'room-new', '新建群（改名）');
        expect(again).toMatchObject({ gridNodeId: g2.id, title: '新建群（改名）' });
      });

      it('finds many groups by platform id in one read, leaving out unknown ones and other platforms', async () => {
        const tg = await store.groups.upsertSeen('TELEGRAM', 'room-20', '同名的电报群');
        const found = await store.groups.findManyByExternal([
          { platform: 'WECHAT', externalId: 'room-20' },
          { platform: 'WECHAT', externalId: 'room-nowhere' },
          { platform: 'TELEGRAM', externalId: 'room-20' },
          { platform: 'WECHAT', externalId: 'room-g2' },
          { platform: 'WECHAT', externalId: 'room-20' },
        ]);
        const byKey = new Map(found.map((g) => [`${g.platform}:${g.externalId}`, g]));
        expect([...byKey.keys()].sort()).toEqual(['TELEGRAM:room-20', 'WECHAT:room-20', 'WECHAT:room-g2']);
        expect(found).toHaveLength(3);
        expect(byKey.get('TELEGRAM:room-20')).toEqual(tg);
        expect(byKey.get('WECHAT:room-20')).toEqual(await store.groups.findByExternal('WECHAT', 'room-20'));
        expect(await store.groups.findManyByExternal([])).toEqual([]);
      });
    });

    describe('a group moved to a new id', () => {
      it('keeps mapping, members and history, folding in the row the new id got meanwhile', async () => {
        const u1 = (await store.grid.findByCode('U1'))!;
        const old = await store.groups.mapToNode((await store.groups.upsertSeen('TELEGRAM', '-501', '老群')).id, u1.id);
        await store.groups.memberJoined(old.id, 'tg-1', '甲', new Date());
        const fresh = await store.groups.upsertSeen('TELEGRAM', '-100501', '-100501');
        await store.groups.memberJoined(fresh.id, 'tg-1', '甲', new Date());
        await store.groups.memberJoined(fresh.id, 'tg-2', '乙', new Date());
        const said = await store.messages.saveIncoming({ ...msg('-100501:1', '新群第一句'), platform: 'TELEGRAM', groupExternalId: '-100501' }, fresh.id);
        const moved = await store.groups.moveExternal('TELEGRAM', '-501', '-100501');
        expect(moved).toMatchObject({ id: old.id, externalId: '-100501', gridNodeId: u1.id, title: '老群' });
        expect(await store.groups.findByExternal('TELEGRAM', '-501')).toBeNull();
        expect(await store.groups.findById(fresh.id)).toBeNull();
        expect((await store.messages.findManyById([said.message.id]))[0]!.groupId).toBe(old.id);
        expect(await store.groups.memberCount(old.id)).toBe(2);
        expect(await store.groups.moveExternal('TELEGRAM', '-501', '-100501')).toBeNull();
      });
    });

    describe('messages', () => {
      it('stores a redelivered message once', async () => {
        const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const first = await store.messages.saveIncoming(msg('m-1'), group.id);
        const second = await store.messages.saveIncoming(msg('m-1'), group.id);
        expect(first.duplicate).toBe(false);
        expect(second).toMatchObject({ duplicate: true, message: { id: first.message.id } });
      });

      it('stores a message once when two deliveries race', async () => {
        const results = await Promise.all([1, 2, 3].map(() => store.messages.saveIncoming(msg('m-race'), null)));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
      });

      it('stores a batch in one go: new ones, redeliveries and a repeat within the batch, in the given order', async () => {
        const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const before = await store.messages.saveIncoming(msg('b-old'), group.id);
        const quoted = { ...msg('b-2', '第二条'), quotedExternalId: 'b-old', quoted: { text: '原话', fromBot: true }, kind: 'image' as const };
        const saved = await store.messages.saveIncomingMany([
          { msg: msg('b-1', '第一条'), groupId: group.id },
          { msg: msg('b-old'), groupId: group.id },
          { msg: quoted, groupId: null },
          { msg: msg('b-1', '第一条'), groupId: group.id },
        ]);
        expect(saved.map((s) => s.duplicate)).toEqual([false, true, false, true]);
        expect(saved[1]!.message.id).toBe(before.message.id);
        expect(saved[3]!.message.id).toBe(saved[0]!.message.id);
        expect(saved[0]!.message).toMatchObject({ text: '第一条', groupId: group.id, direction: 'IN', handledAt: null, ticketId: null });
        expect(saved[2]!.message).toMatchObject({ kind: 'image', groupId: null, quotedExternalId: 'b-old', quotedText: '原话', quotedFromBot: true });
        // the instant survives the round trip whatever the process's time zone
        expect(saved[0]!.message.sentAt.toISOString()).toBe('2026-11-20T04:16:00.000Z');
        expect(await store.messages.saveIncomingMany([])).toEqual([]);
      });

      it('keeps any text as written in a batch: quotes, backslashes, braces, commas, NULL, new lines, emoji', async () => {
        const texts = ['他说"电梯坏了"', 'C:\\路径\\', '{1,2}', 'a, b', 'NULL', '', '第一行\n第二行', '🚒 着火了', "it's"];
        const saved = await store.messages.saveIncomingMany(
          texts.map((t, i) => ({ msg: { ...msg(`esc-${i}`, t), sender: { externalId: `s"${i}`, name: 'NULL' } }, groupId: null })),
        );
        expect(saved.map((s) => s.message.text)).toEqual(texts);
        expect(saved.map((s) => s.message.senderExternalId)).toEqual(texts.map((_, i) => `s"${i}`));
        expect(saved.every((s) => s.message.senderName === 'NULL' && s.message.quotedText === null)).toBe(true);
        expect((await store.messages.findManyById(saved.map((s) => s.message.id))).map((m) => m.text)).toEqual(texts);
      });

      it('drops NUL characters, which PostgreSQL refuses, instead of failing the batch they came with', async () => {
        const saved = await store.messages.saveIncomingMany([
          { msg: msg('nul-ok', '正常消息'), groupId: null },
          { msg: { ...msg('nul-1', '电梯\u0000坏了'), sender: { externalId: 'nul-sender', name: '张\u0000三' } }, groupId: null },
        ]);
        expect(saved.map((s) => s.message.text)).toEqual(['正常消息', '电梯坏了']);
        expect((await store.messages.findManyById([saved[1]!.message.id]))[0]).toMatchObject({ text: '电梯坏了', senderName: '张三' });
        const [person] = await store.people.ensureManyByIdentity('WECHAT', [{ externalId: 'nul-sender', name: '张\u0000三' }]);
        expect(person!.name).toBe('张三');
      });

      it('reads and marks many messages by id; the first handled time stays', async () => {
        const a = await store.messages.saveIncoming(msg('h-1'), null);
        const b = await store.messages.saveIncoming(msg('h-2'), null);
        expect((await store.messages.findManyById([b.message.id, a.message.id, 999_999])).map((m) => m.externalId)).toEqual(['h-1', 'h-2']);
        await store.messages.markHandledMany([a.message.id]);
        const [first] = await store.messages.findManyById([a.message.id]);
        expect(first!.handledAt).toBeInstanceOf(Date);
        expect(Math.abs(first!.handledAt!.getTime() - Date.now())).toBeLessThan(60_000);
        await store.messages.markHandledMany([a.message.id, b.message.id]);
        const both = await store.messages.findManyById([a.message.id, b.message.id]);
        expect(both[0]!.handledAt!.getTime()).toBe(first!.handledAt!.getTime());
        expect(both[1]!.handledAt).not.toBeNull();
        expect(await store.groups.findManyById([999_999])).toEqual([]);
        // where handling stands, read alone: the same instants, and the ticket a message is linked to
        const c = await store.messages.saveIncoming(msg('h-3'), null);
        const states = await store.messages.handlingOf([c.message.id, b.message.id, a.message.id, 999_999]);
        expect(states).toEqual([
          { id: a.message.id, ticketId: null, handledAt: first!.handledAt },
          { id: b.message.id, ticketId: null, handledAt: both[1]!.handledAt },
          { id: c.message.id, ticketId: null, handledAt: null },
        ]);
        expect(await store.messages.handlingOf([])).toEqual([]);
      });

      it("reads a batch's patrol context in one go: groups' and senders' recent messages, members' join times (or first lines)", async () => {
        const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const other = await store.groups.upsertSeen('WECHAT', 'room-ctx', '别的群');
        const t0 = new Date('2026-11-21T02:00:00Z');
        const at = (min: number) => new Date(t0.getTime() + min * 60_000);
        const say = (id: string, g: number, sender: string, min: number, text = '出售二手冰箱') =>
          store.messages.saveIncomingMany([{ msg: { ...msg(id, text), sender: { externalId: sender, name: sender }, sentAt: at(min) }, groupId: g }]);
        await say('c-1', group.id, 'wx-ad', 0);
        await say('c-2', other.id, 'wx-ad', 5);
        await say('c-3', group.id, 'wx-old', -120);
        await say('c-4', group.id, 'wx-zhao', 10);
        await store.groups.memberJoined(group.id, 'wx-zhao', '赵', at(-60));
        await store.groups.memberJoined(group.id, 'wx-gone', '走了', at(-60));
        await store.groups.memberLeft(group.id, 'wx-gone', at(-30));
        const ctx = await store.patrol.messageContext({
          groupIds: [group.id, group.id],
          groupSince: at(-10),
          senders: [{ platform: 'WECHAT', externalId: 'wx-ad' }],
          senderSince: at(-10),
          until: at(10),
          members: [
            { groupId: group.id, externalUserId: 'wx-zhao' }, { groupId: group.id, externalUserId: 'wx-gone' },
            { groupId: group.id, externalUserId: 'wx-old' }, { groupId: other.id, externalUserId: 'wx-ad' },
          ],
          limit: 200,
        });
        expect(ctx.groupRecent.filter((m) => m.groupId === group.id && m.text === '出售二手冰箱').map((m) => m.senderExternalId)).toEqual(['wx-ad', 'wx-zhao']);
        expect(ctx.senderRecent.map((m) => [m.platform, m.groupId, m.sentAt.toISOString()])).toEqual([
          ['WECHAT', group.id, at(0).toISOString()],
          ['WECHAT', other.id, at(5).toISOString()],
        ]);
        expect([...ctx.joined]).toEqual([[`${group.id}:wx-zhao`, at(-60)]]);
        // members of unknown join: their first line in the group (wx-zhao's join is known, wx-gone never wrote), and
        // when the bot first saw each group (the new group: the ad was its first message)
        expect(new Map(ctx.firstSpoke)).toEqual(new Map([[`${group.id}:wx-old`, at(-120)], [`${other.id}:wx-ad`, at(5)]]));
        expect(ctx.groupSeenSince.get(other.id)).toEqual(at(5));
        expect(ctx.groupSeenSince.get(group.id)!.getTime()).toBeLessThanOrEqual(at(-120).getTime());
      });

      it('finds the bot receipt a reply quotes', async () => {
        await store.messages.saveOutgoing('WECHAT', 'out-1', null, '已收到，工单 #1', null);
        expect(await store.messages.findByExternal('WECHAT', 'out-1')).toMatchObject({ direction: 'OUT', text: '已收到，工单 #1' });
        expect(await store.messages.findByExternal('WECHAT', 'nope')).toBeNull();
      });

      it('records a sent message once under its platform id, with its source key', async () => {
        const group = await store.groups.upsertSeen('WECHAT', 'room-out', '出站测试群');
        const before = Date.now();
        const first = await store.messages.saveOutgoing('WECHAT', 'out-2', group.id, '通知：停水\u0000一天', null, 'bc:9:1');
        expect(first).toMatchObject({ platform: 'WECHAT', externalId: 'out-2', direction: 'OUT', groupId: group.id, text: '通知：停水一天', ticketId: null, kind: 'text', handledAt: null });
        expect(first.sentAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(await store.messages.findByExternal('WECHAT', 'out-2')).toEqual(first);
        expect(await store.messages.outgoingSent('bc:9:1')).toBe(true);
        expect(await store.messages.outgoingSent('bc:9:2')).toBe(false);
        // the platform reports the same id again: the stored row stays as it was
        const again = await store.messages.saveOutgoing('WECHAT', 'out-2', null, '别的文字', null);
        expect(again).toEqual(first);
        // the same id on another platform is another message
        const tg = await store.messages.saveOutgoing('TELEGRAM', 'out-2', null, 'tg', null);
        expect(tg.id).not.toBe(first.id);
      });

      it('finds the bot message a pasted copy holds, whitespace aside, on its platform only', async () => {
        const sent = await store.messages.saveOutgoing('WECHAT', 'out-echo-1', null, '新工单 #77（水电气暖）：3楼 楼道有煤气味。请在 12月7日04:56 前认领。', null);
        await store.messages.saveOutgoing('WECHAT', 'out-echo-short', null, '收到', null);
        const pasted = '邻里助手：新工单#77（水电气暖）：3楼楼道有煤气味。请在12月7日04:56前认领。大家看看';
        expect(await store.messages.outgoingWithin('WECHAT', pasted, 30)).toMatchObject({ id: sent.id, direction: 'OUT' });
        expect(await store.messages.outgoingWithin('TELEGRAM', pasted, 30)).toBeNull();
        // a short bot text ("收到") inside a resident's words is no copy; nor is a part of a bot message
        expect(await store.messages.outgoingWithin('WECHAT', '收到了谢谢大家帮忙看看煤气', 30)).toBeNull();
        expect(await store.messages.outgoingWithin('WECHAT', '3楼楼道有煤气味。', 30)).toBeNull();
      });

      // the look-up is narrowed by an indexed key of each sent text (its first #number, else its first 12 characters):
      // the narrowing must find every copy the plain comparison would, and no other
      const sentDaysAgo = async (days: number, externalId: string, text: string) => {
        vi.useFakeTimers({ toFake: ['Date'] });
        try {
          vi.setSystemTime(Date.now() - days * 86_400_000);
          return await store.messages.saveOutgoing('WECHAT', externalId, null, text, null);
        } finally {
          vi.useRealTimers();
        }
      };

      it('finds a copy of what was sent 29 days ago, not of what was sent 31 days ago', async () => {
        const recent = await sentDaysAgo(29, 'out-echo-29', '已收到，工单 #3101 已登记（水电气暖），网格员将于 1 个工作日内受理，12月9日 前办结。');
        await sentDaysAgo(31, 'out-echo-31', '已收到，工单 #3102 已登记（环境卫生），网格员将于 1 个工作日内受理，12月9日 前办结。');
        const copy = (no: number, cat: string) => `邻里助手：已收到，工单#${no}已登记（${cat}），网格员将于1个工作日内受理，12月9日前办结。又漏了`;
        expect(await store.messages.outgoingWithin('WECHAT', copy(3101, '水电气暖'), 30)).toMatchObject({ id: recent.id });
        expect(await store.messages.outgoingWithin('WECHAT', copy(3102, '环境卫生'), 30)).toBeNull();
      });

      it('does not take a copy naming another ticket number for a copy', async () => {
        const sent = await store.messages.saveOutgoing('WECHAT', 'out-echo-n', null, '工单 #3201 已办结：已更换楼道灯泡。如有问题请在群里告诉我们。', null);
        const same = '工单#3201已办结：已更换楼道灯泡。如有问题请在群里告诉我们。';
        expect(await store.messages.outgoingWithin('WECHAT', same, 30)).toMatchObject({ id: sent.id });
        expect(await store.messages.outgoingWithin('WECHAT', same.replace('3201', '3207'), 30)).toBeNull();
        expect(await store.messages.outgoingWithin('WECHAT', same.replace('3201', '32011'), 30)).toBeNull();
      });

      it('finds a sent text whose number the copy runs on, one without a number, and one with emoji, by code point', async () => {
        // the sent text ends in "#32" and the copy goes on with digits: the text is still inside the copy
        const cut = await store.messages.saveOutgoing('WECHAT', 'out-echo-cut', null, '议事投票已开始，请回复 议题#32', null);
        expect(await store.messages.outgoingWithin('WECHAT', '议事投票已开始，请回复议题#325号楼', 30)).toMatchObject({ id: cut.id });
        // no number: a broadcast
        const notice = await store.messages.saveOutgoing('WECHAT', 'out-echo-bc', null, '【通知】明天 上午9点至12点 东园小区停水，请提前储水。', null);
        expect(await store.messages.outgoingWithin('WECHAT', '转发：【通知】明天上午9点至12点东园小区停水，请提前储水。', 30)).toMatchObject({ id: notice.id });
        expect(await store.messages.outgoingWithin('WECHAT', '【通知】明天上午9点至12点西园小区停水，请提前储水。', 30)).toBeNull();
        // characters outside the BMP count as one each, as PostgreSQL counts them
        const emoji = await store.messages.saveOutgoing('WECHAT', 'out-echo-emoji', null, '🔔🔔【提醒】🔥 电动车请勿进楼道充电，违者清理。', null);
        expect(await store.messages.outgoingWithin('WECHAT', '大家注意🔔🔔【提醒】🔥电动车请勿进楼道充电，违者清理。', 30)).toMatchObject({ id: emoji.id });
      });
    });

    describe('pending sends (the outbox table)', () => {
      it('keeps a reply from queued to sent, once per key, and forgets old ones', async () => {
        const reply = (key: string, text: string) => ({ key, platform: 'WECHAT' as const, to: { group: 'room-20', groupId: 1 }, text, ticketId: null, options: { mentions: [{ externalId: 'wx-zhang', name: '张阿姨' }] } });
        const before = new Date(Date.now() - 1000);
        await store.pendingSends.record([reply('p:0', '已收到，工单 #1'), reply('p:1', '第二条')]);
        await store.pendingSends.record([reply('p:0', '改过的文字')]); // recorded before: stays as it was
        const later = new Date(Date.now() + 1000);
        expect(await store.pendingSends.list(before, later, 10)).toEqual([reply('p:0', '已收到，工单 #1'), reply('p:1', '第二条')]);
        expect(await store.pendingSends.list(before, before, 10)).toEqual([]);
        await store.pendingSends.done('p:0');
        await store.pendingSends.done('nope');
        expect((await store.pendingSends.list(before, later, 10)).map((m) => m.key)).toEqual(['p:1']);
        expect(await store.pendingSends.forgetBefore(later)).toBe(1);
        expect(await store.pendingSends.list(before, later, 10)).toEqual([]);
      });
    });

    describe('tickets', () => {
      const newTicket = async () => {
        const u1 = (await store.grid.findByCode('U1'))!;
        const reporter = await store.people.ensureByIdentity('WECHAT', 'wx-zhang', '张阿姨');
        return store.tickets.create(
          {
            category: 'facility_repair',
            summary: '20号楼107室门口污水井盖破损',
            place: { building: '20', room: '107', text: '20号楼107室门口' },
            urgency: 'URGENT',
            groupId: null,
            gridNodeId: u1.id,
            reporterId: reporter.id,
          },
          { type: 'reported', actorId: reporter.id, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: { source: 'test' } },
        );
      };

      it('numbers tickets in order and keeps the place', async () => {
        const a = await newTicket();
        const b = await newTicket();
        expect(b.number).toBe(a.number + 1);
        expect(a).toMatchObject({ status: 'REPORTED', reporterCount: 1, version: 0, place: { building: '20', room: '107' } });
        expect(await store.tickets.findByNumber(a.number)).toMatchObject({ id: a.id });
        expect(await store.tickets.findByNumber(999999)).toBeNull();
      });

      it('writes the change and its event together, and refuses a stale version', async () => {
        const t = await newTicket();
        const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
        const claimed = await store.tickets.update(t.id, 0, { status: 'ACCEPTED', assigneeId: lin.id }, {
          type: 'claimed', actorId: lin.id, messageId: null, fromStatus: 'REPORTED', toStatus: 'ACCEPTED', note: null, data: null,
        });
        expect(claimed).toMatchObject({ status: 'ACCEPTED', assigneeId: lin.id, version: 1 });
        const stale = store.tickets.update(t.id, 0, { status: 'REJECTED' }, {
          type: 'rejected', actorId: lin.id, messageId: null, fromStatus: 'REPORTED', toStatus: 'REJECTED', note: null, data: null,
        });
        await expect(stale).rejects.toSatisfy((e: unknown) => isDomainError(e, 'CONCURRENT_UPDATE'));
        const events = await store.tickets.events(t.id);
        expect(events.map((e) => e.type)).toEqual(['reported', 'claimed']);
        expect((await store.tickets.findById(t.id))?.status).toBe('ACCEPTED');
      });

      it('lets exactly one of two simultaneous claims win', async () => {
        const t = await newTicket();
        const [lin, chen] = await Promise.all([
          store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员'),
          store.people.ensureByIdentity('WECHAT', 'wx-chen', '陈网格员'),
        ]);
        const tries = await Promise.allSettled(
          [lin, chen].map((p) =>
            store.tickets.update(t.id, 0, { status: 'ACCEPTED', assigneeId: p.id }, {
              type: 'claimed', actorId: p.id, messageId: null, fromStatus: 'REPORTED', toStatus: 'ACCEPTED', note: null, data: null,
            }),
          ),
        );
        expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.tickets.events(t.id)).filter((e) => e.type === 'claimed')).toHaveLength(1);
      });

      it('counts open tickets per assignee', async () => {
        const chen = await store.people.ensureByIdentity('WECHAT', 'wx-chen', '陈网格员');
        const nobody = await store.people.ensureByIdentity('WECHAT', 'wx-nobody', '某人');
        const counts = await store.tickets.openCountByAssignee([chen.id, nobody.id]);
        expect(counts.get(nobody.id)).toBe(0);
        expect(counts.get(chen.id)).toBeGreaterThanOrEqual(0);
        const t = await newTicket();
        await store.tickets.update(t.id, 0, { status: 'ACCEPTED', assigneeId: nobody.id }, {
          type: 'claimed', actorId: nobody.id, messageId: null, fromStatus: 'REPORTED', toStatus: 'ACCEPTED', note: null, data: null,
        });
        expect((await store.tickets.openCountByAssignee([nobody.id])).get(nobody.id)).toBe(1);
      });

      it('creates many tickets in one go, in order, each with its event and the link from its message', async () => {
        const [u1, g2] = [(await store.grid.findByCode('U1'))!, (await store.grid.findByCode('G2'))!];
        const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const reporter = await store.people.ensureByIdentity('WECHAT', 'wx-zhang', '张阿姨');
        const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
        const saved = await store.messages.saveIncomingMany([
          { msg: msg('batch-t1', '20号楼电梯坏了'), groupId: group.id },
          { msg: msg('batch-t2', '二网格路灯不亮'), groupId: group.id },
        ]);
        const due = new Date('2026-11-23T10:00:00Z');
        const at = new Date('2026-11-20T04:16:00Z');
        const before = await newTicket();
        const made = await store.tickets.createMany([
          {
            ticket: {
              category: 'facility_repair', summary: '20号楼电梯坏了 😀', place: { building: '20', text: '20号楼' }, urgency: 'EMERGENCY',
              groupId: group.id, gridNodeId: u1.id, reporterId: reporter.id, assigneeId: lin.id, acceptDueAt: due, resolveDueAt: due,
              createdAt: at, sourceMessageId: saved[0]!.message.id,
            },
            event: { type: 'reported', actorId: reporter.id, messageId: saved[0]!.message.id, fromStatus: null, toStatus: 'REPORTED', note: '引号"与\\反斜杠', data: { explicit: false, triage: { confidence: 0.9 } }, at },
          },
          {
            ticket: { category: 'other', summary: '二网格路灯不亮', place: {}, urgency: 'NORMAL', groupId: null, gridNodeId: g2.id, reporterId: null, sourceMessageId: saved[1]!.message.id },
            event: { type: 'reported', actorId: null, messageId: saved[1]!.message.id, fromStatus: null, toStatus: 'REPORTED', note: null, data: null },
          },
        ]);
        expect(made.map((t) => t.number)).toEqual([before.number + 1, before.number + 2]);
        expect(made[0]).toMatchObject({
          summary: '20号楼电梯坏了 😀', place: { building: '20', text: '20号楼' }, urgency: 'EMERGENCY', status: 'REPORTED', groupId: group.id,
          gridNodeId: u1.id, reporterId: reporter.id, assigneeId: lin.id, acceptDueAt: due, resolveDueAt: due, createdAt: at, version: 0,
        });
        expect(made[1]).toMatchObject({ place: {}, urgency: 'NORMAL', groupId: null, reporterId: null, assigneeId: null, acceptDueAt: null });
        expect(await store.tickets.findById(made[1]!.id)).toEqual(made[1]);
        const events = await store.tickets.events(made[0]!.id);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ type: 'reported', messageId: saved[0]!.message.id, note: '引号"与\\反斜杠', data: { explicit: false, triage: { confidence: 0.9 } }, at });
        expect((await store.tickets.events(made[1]!.id))[0]).toMatchObject({ actorId: null, data: null });
        expect((await store.messages.findManyById(saved.map((s) => s.message.id))).map((m) => m.ticketId)).toEqual(made.map((t) => t.id));
        expect(await store.tickets.createMany([])).toEqual([]);
      });

      it('creates none of a batch when one ticket is refused, and says it is the data', async () => {
        const u1 = (await store.grid.findByCode('U1'))!;
        const before = await newTicket();
        const ok = { ticket: { category: 'other', summary: '好的一张', place: {}, urgency: 'NORMAL' as const, groupId: null, gridNodeId: u1.id, reporterId: null }, event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null } };
        const orphan = { ...ok, ticket: { ...ok.ticket, gridNodeId: 999_999 } };
        await expect(store.tickets.createMany([ok, orphan])).rejects.toBeInstanceOf(RefusedDataError);
        const after = await newTicket();
        // the refused statement drew ticket ids but created nothing: the next ticket is the only new one
        expect((await store.tickets.list({ since: new Date(0), limit: 5 })).filter((t) => t.number > before.number).map((t) => t.id)).toEqual([after.id]);
      });

      it('answers the same caused write twice with the row that exists, writing one event (a message handled again)', async () => {
        const u1 = (await store.grid.findByCode('U1'))!;
        const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
        const [report, claim, note] = await store.messages.saveIncomingMany([
          { msg: msg('cause-1', '20号楼水管漏水'), groupId: group.id },
          { msg: msg('cause-2', '认领'), groupId: group.id },
          { msg: msg('cause-3', '进度 已联系物业'), groupId: group.id },
        ]);
        const item = {
          ticket: { category: 'other', summary: '20号楼水管漏水', place: {}, urgency: 'NORMAL' as const, groupId: group.id, gridNodeId: u1.id, reporterId: null, sourceMessageId: report!.message.id },
          event: { type: 'reported' as const, actorId: null, messageId: report!.message.id, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null },
        };
        const [first] = await store.tickets.createMany([item]);
        const [again] = await store.tickets.createMany([item]);
        expect(again).toEqual(first);
        expect(await store.tickets.create(item.ticket, item.event)).toEqual(first);

        const claimed = { type: 'claimed' as const, actorId: lin.id, messageId: claim!.message.id, fromStatus: 'REPORTED' as const, toStatus: 'ACCEPTED' as const, note: null, data: null };
        const moved = await store.tickets.update(first!.id, 0, { status: 'ACCEPTED', assigneeId: lin.id }, claimed);
        expect(moved).toMatchObject({ status: 'ACCEPTED', version: 1 });
        // the repeat carries the version it read before the first write: it is answered, not refused as stale
        expect(await store.tickets.update(first!.id, 0, { status: 'ACCEPTED', assigneeId: lin.id }, claimed)).toEqual(moved);

        const progress = { type: 'progress' as const, actorId: lin.id, messageId: note!.message.id, fromStatus: 'ACCEPTED' as const, toStatus: 'ACCEPTED' as const, note: '已联系物业', data: null };
        const appended = await store.tickets.appendEvent(first!.id, progress);
        expect(await store.tickets.appendEvent(first!.id, { ...progress, note: '再次' })).toEqual(appended);

        expect((await store.tickets.events(first!.id)).map((e) => e.type)).toEqual(['reported', 'claimed', 'progress']);
        expect((await store.tickets.list({ groupId: group.id, since: new Date(0) })).filter((t) => t.summary === '20号楼水管漏水')).toHaveLength(1);
        // events no message caused are never taken for repeats
        await store.tickets.appendEvent(first!.id, { ...progress, messageId: null });
        await store.tickets.appendEvent(first!.id, { ...progress, messageId: null });
        expect((await store.tickets.events(first!.id)).filter((e) => e.type === 'progress')).toHaveLength(3);
        // a change to no ticket is refused as such, whatever the event's cause
        await expect(store.tickets.update(999_999, 0, { status: 'ACCEPTED' }, { ...claimed, messageId: null }))
          .rejects.toSatisfy((e: unknown) => isDomainError(e, 'TICKET_NOT_FOUND'));
      });

      it('finds the open tickets of many duplicate checks in one read, each with its own nodes, window and limit', async () => {
        const [u1, g1, g2] = [(await store.grid.findByCode('U1'))!, (await store.grid.findByCode('G1'))!, (await store.grid.findByCode('G2'))!];
        const base = { category: 'other', summary: 's', place: {}, urgency: 'NORMAL' as const, groupId: null, reporterId: null };
        const ev = { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null };
        const old = new Date('2020-01-01T00:00:00Z');
        const [inU1, inG2, oldInG2, closedInU1, inU1Again] = await store.tickets.createMany([
          { ticket: { ...base, gridNodeId: u1.id }, event: ev },
          { ticket: { ...base, gridNodeId: g2.id }, event: ev },
          { ticket: { ...base, gridNodeId: g2.id, createdAt: old }, event: ev },
          { ticket: { ...base, gridNodeId: u1.id }, event: ev },
          { ticket: { ...base, gridNodeId: u1.id }, event: ev },
        ]);
        await store.tickets.update(closedInU1!.id, 0, { status: 'CLOSED' }, { ...ev, type: 'closed', fromStatus: 'REPORTED', toStatus: 'CLOSED' });
        const since = new Date('2026-01-01T00:00:00Z');
        const [a, b, c, d, e] = await store.tickets.listOpenInNodes([
          { gridNodeIds: [u1.id, g1.id], since, limit: 500 },
          { gridNodeIds: [g2.id], since, limit: 500 },
          { gridNodeIds: [g2.id], since: new Date('2019-01-01T00:00:00Z'), limit: 500 },
          { gridNodeIds: [u1.id], since, limit: 1 },
          { gridNodeIds: [], since, limit: 500 },
        ]);
        const ids = (ts: Ticket[] | undefined) => (ts ?? []).map((t) => t.id);
        // newest first; closed tickets and those before the window left out
        expect(ids(a).slice(0, 2)).toEqual([inU1Again!.id, inU1!.id]);
        expect(ids(a)).not.toContain(closedInU1!.id);
        expect(a!.every((t) => t.gridNodeId === u1.id || t.gridNodeId === g1.id)).toBe(true);
        expect(ids(b)).toContain(inG2!.id);
        expect(ids(b)).not.toContain(oldInG2!.id);
        expect(ids(c)).toEqual(expect.arrayContaining([inG2!.id, oldInG2!.id]));
        expect(ids(d)).toEqual([inU1Again!.id]);
        expect(e).toEqual([]);
        expect(a![0]).toEqual(await store.tickets.findById(inU1Again!.id));
        expect(await store.tickets.listOpenInNodes([])).toEqual([]);
      });
    });

    describe('appeals (tickets read by the insights)', () => {
      it('reads the tickets of a period and of some nodes, oldest first, each with the words of its opening message', async () => {
        const [u1, g2] = [(await store.grid.findByCode('U1'))!, (await store.grid.findByCode('G2'))!];
        const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
        const reporter = await store.people.ensureByIdentity('WECHAT', 'wx-appeal', '钱大爷');
        const saved = await store.messages.saveIncomingMany([{ msg: msg('appeal-1', '20号楼电梯又坏了，老人下不了楼'), groupId: group.id }]);
        const at = (iso: string) => new Date(iso);
        const ticket = (summary: string, gridNodeId: number, createdAt: Date, sourceMessageId?: number) => ({
          ticket: { category: 'facility_repair', summary, place: { building: '20', text: '20号楼' }, urgency: 'NORMAL' as const, groupId: group.id, gridNodeId, reporterId: reporter.id, createdAt, ...(sourceMessageId ? { sourceMessageId } : {}) },
          event: { type: 'reported' as const, actorId: reporter.id, messageId: sourceMessageId ?? null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at: createdAt },
        });
        const [early, withMessage, other] = await store.tickets.createMany([
          ticket('20号楼电梯停了', u1.id, at('2020-01-10T02:00:00Z')),
          ticket('电梯坏了', u1.id, at('2020-03-05T02:00:00Z'), saved[0]!.message.id),
          ticket('二网格路灯不亮', g2.id, at('2020-03-20T02:00:00Z')),
        ]);
        const march = await store.appeals.list({ since: at('2020-02-01T00:00:00Z'), until: at('2020-04-01T00:00:00Z') });
        expect(march.map((a) => a.ticketId)).toEqual([withMessage!.id, other!.id]);
        expect(march[0]).toEqual({
          id: `#${withMessage!.number}`, text: '20号楼电梯又坏了，老人下不了楼', time: at('2020-03-05T02:00:00Z'), user: `p${reporter.id}`, likes: 0,
          category: 'facility_repair', place: '20号楼', gridNodeId: u1.id, ticketId: withMessage!.id, open: true,
        });
        expect(march[1]).toMatchObject({ text: '二网格路灯不亮', gridNodeId: g2.id });
        const inU1 = await store.appeals.list({ until: at('2020-04-01T00:00:00Z'), gridNodeIds: [u1.id] });
        expect(inU1.map((a) => a.ticketId)).toEqual([early!.id, withMessage!.id]);
        expect(await store.appeals.list({ until: at('2020-04-01T00:00:00Z'), gridNodeIds: [] })).toEqual([]);
      });
    });

    describe('stats', () => {
      // a street of its own, so the other sections' tickets do not count here
      let street: number, community: number, grid: number;
      const day = '2026-12-01';
      beforeAll(async () => {
        await store.grid.importSpec({
          nodes: [
            { code: 'ST9', name: '统计街道', level: 'STREET', parentCode: null },
            { code: 'ST9-C', name: '统计社区', level: 'COMMUNITY', parentCode: 'ST9' },
            { code: 'ST9-G', name: '统计网格', level: 'GRID', parentCode: 'ST9-C' },
          ],
          groups: [
            { platform: 'WECHAT', externalId: 'room-st9-a', title: '统计甲群', nodeCode: 'ST9-G', tags: [] },
            { platform: 'WECHAT', externalId: 'room-st9-b', title: '统计乙群', nodeCode: 'ST9-G', tags: [] },
          ],
          people: [],
        });
        [street, community, grid] = await Promise.all(['ST9', 'ST9-C', 'ST9-G'].map(async (c) => (await store.grid.findByCode(c))!.id)) as [number, number, number];
      });
      const ticketOn = (gridNodeId: number, due: { acceptDueAt?: Date; resolveDueAt?: Date } = {}) =>
        store.tickets.create(
          { category: 'noise', summary: '噪音', place: {}, urgency: 'NORMAL', groupId: null, gridNodeId, reporterId: null, ...due },
          { type: 'reported', actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: null, at: new Date('2026-12-01T02:00:00Z') },
        );

      it('adds a change once per (ticket, version), to every node of the chain', async () => {
        expect((await store.stats.state()).rows).toBe(0);
        const inc = { day, category: 'noise', gridNodeIds: [street, community, grid], counts: { reported: 1 } };
        expect(await store.stats.apply({ ticketId: 900001, version: 0 }, inc)).toBe(true);
        expect(await store.stats.apply({ ticketId: 900001, version: 0 }, inc)).toBe(false);
        expect(await store.stats.apply({ ticketId: 900001, version: 1 }, { ...inc, counts: { accepted: 1, acceptedOnTime: 1 } })).toBe(true);
        expect(await store.stats.apply({ ticketId: 900002, version: 0 }, { ...inc, day: '2026-12-03', category: 'other', gridNodeIds: [street] })).toBe(true);
        const rows = await store.stats.byDayAndCategory([street], '2026-12-01', '2026-12-31');
        expect(rows.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
          { day, category: 'noise', counts: expect.objectContaining({ reported: 1, accepted: 1, acceptedOnTime: 1, resolved: 0 }) },
          { day: '2026-12-03', category: 'other', counts: expect.objectContaining({ reported: 1, accepted: 0 }) },
        ]);
        expect(await store.stats.byDayAndCategory([street], '2026-12-02', '2026-12-02')).toEqual([]);
        const byNode = await store.stats.byNode([street, community, grid], '2026-12-01', '2026-12-02');
        expect(byNode.map((r) => [r.gridNodeId, r.counts.reported, r.counts.accepted]).sort()).toEqual(
          [[street, 1, 1], [community, 1, 1], [grid, 1, 1]].sort(),
        );
        expect(await store.stats.byNode([], day, day)).toEqual([]);
        expect((await store.stats.state()).rows).toBe(1);
      });

      it('applies several changes in one call: each once, a repeat in the same call or later adds nothing', async () => {
        const d = '2025-01-05';
        const inc = { day: d, category: 'batch', gridNodeIds: [street, community, grid], counts: { reported: 1 } };
        const got = await store.stats.applyMany([
          { key: { ticketId: 910001, version: 0 }, inc },
          { key: { ticketId: 910002, version: 0 }, inc: { ...inc, gridNodeIds: [street, community] } },
          { key: { ticketId: 910001, version: 0 }, inc }, // the same change twice in one call
          { key: { ticketId: 910001, version: 1 }, inc: { ...inc, counts: { resolved: 1, resolvedOnTime: 1 } } },
          { key: { ticketId: 910003, version: 0 }, inc: { ...inc, gridNodeIds: [] } }, // on no node: nothing to add
        ]);
        expect(got).toEqual([true, true, false, true, false]);
        expect(await store.stats.applyMany([{ key: { ticketId: 910002, version: 0 }, inc }])).toEqual([false]);
        expect(await store.stats.apply({ ticketId: 910001, version: 1 }, inc)).toBe(false);
        const byNode = await store.stats.byNode([street, community, grid], d, d);
        expect(byNode.map((r) => [r.gridNodeId, r.counts.reported, r.counts.resolved, r.counts.resolvedOnTime]).sort()).toEqual(
          [[street, 2, 1, 1], [community, 2, 1, 1], [grid, 1, 1, 1]].sort(),
        );
      });

      it('counts open tickets per node and those past a deadline', async () => {
        const past = new Date(Date.now() - 3_600_000);
        const future = new Date(Date.now() + 86_400_000);
        const ev = { actorId: null, messageId: null, note: null, data: null } as const;
        await ticketOn(grid, { acceptDueAt: past, resolveDueAt: future }); // unclaimed past its accept deadline: overdue
        const claimed = await ticketOn(grid, { acceptDueAt: past, resolveDueAt: future }); // claimed: the accept deadline no longer runs
        await store.tickets.update(claimed.id, 0, { status: 'ACCEPTED' }, { ...ev, type: 'claimed', fromStatus: 'REPORTED', toStatus: 'ACCEPTED' });
        const late = await ticketOn(grid, { acceptDueAt: past, resolveDueAt: past });
        await store.tickets.update(late.id, 0, { status: 'ACCEPTED' }, { ...ev, type: 'claimed', fromStatus: 'REPORTED', toStatus: 'ACCEPTED' });
        const closed = await ticketOn(community, { acceptDueAt: past, resolveDueAt: past });
        await store.tickets.update(closed.id, 0, { status: 'REJECTED' }, { ...ev, type: 'rejected', fromStatus: 'REPORTED', toStatus: 'REJECTED' });
        await ticketOn(community);
        const open = await store.stats.openByNode([street, community, grid], new Date());
        expect(open.sort((a, b) => a.gridNodeId - b.gridNodeId)).toEqual(
          [{ gridNodeId: community, open: 1, overdue: 0 }, { gridNodeId: grid, open: 3, overdue: 2 }].sort((a, b) => a.gridNodeId - b.gridNodeId),
        );
        expect(await store.stats.openByNode([], new Date())).toEqual([]);
      });

      it('tells which groups someone wrote in lately, and the open patrol findings by severity', async () => {
        const [a, b] = await Promise.all(['room-st9-a', 'room-st9-b'].map(async (id) => (await store.groups.findByExternal('WECHAT', id))!));
        const recent = new Date(Date.now() - 3_600_000);
        await store.messages.saveIncomingMany([
          { msg: { ...msg('st9-1'), groupExternalId: 'room-st9-a', sentAt: recent }, groupId: a!.id },
          { msg: { ...msg('st9-2'), groupExternalId: 'room-st9-b', sentAt: new Date(Date.now() - 30 * 86_400_000) }, groupId: b!.id },
        ]);
        expect(await store.stats.groupsActiveSince([a!.id, b!.id], new Date(Date.now() - 7 * 86_400_000))).toEqual([a!.id]);
        expect(await store.stats.groupsActiveSince([], new Date())).toEqual([]);
        const finding = (groupId: number, severity: 'HIGH' | 'LOW', key: string) =>
          store.patrol.upsert({ rule: 'hazard', severity, groupId, messageId: null, ticketId: null, summary: '隐患', data: {}, dedupKey: key });
        await finding(a!.id, 'HIGH', 'st9:1');
        await store.patrol.setStatus((await finding(b!.id, 'HIGH', 'st9:2')).finding.id, 'ACKNOWLEDGED');
        await store.patrol.setStatus((await finding(b!.id, 'LOW', 'st9:3')).finding.id, 'CLOSED');
        expect(await store.stats.openFindingsBySeverity([a!.id, b!.id])).toEqual({ HIGH: 2 });
        expect(await store.stats.openFindingsBySeverity([])).toEqual({});
      });

      it('reads tickets with their events for a rebuild, adds rows and marks the versions read as applied', async () => {
        const t = await ticketOn(grid);
        const claimed = await store.tickets.update(t.id, 0, { status: 'ACCEPTED' }, {
          type: 'claimed', actorId: null, messageId: null, fromStatus: 'REPORTED', toStatus: 'ACCEPTED', note: null, data: { dueAt: null }, at: new Date('2026-12-02T03:00:00Z'),
        });
        const [h] = await store.stats.histories(t.id - 1, 1);
        expect(h).toMatchObject({ id: t.id, version: 1, gridNodeId: grid, category: 'noise' });
        expect(h!.events.map((e) => [e.type, e.at.toISOString(), e.data])).toEqual([
          ['reported', '2026-12-01T02:00:00.000Z', null],
          ['claimed', '2026-12-02T03:00:00.000Z', { dueAt: null }],
        ]);
        expect(claimed.version).toBe(1);
        await store.stats.clear();
        expect((await store.stats.state()).rows).toBe(0);
        const row = { day, gridNodeId: street, category: 'noise', counts: { reported: 2 } };
        await store.stats.addRows([row, { ...row, gridNodeId: grid }], [{ ticketId: t.id, upTo: 1 }]);
        await store.stats.addRows([{ ...row, counts: { reported: 1, closed: 1 } }], []);
        const [r] = await store.stats.byDayAndCategory([street], day, day);
        expect(r!.counts).toMatchObject({ reported: 3, closed: 1 });
        const inc = { day, category: 'noise', gridNodeIds: [street], counts: { reported: 1 } };
        expect(await store.stats.apply({ ticketId: t.id, version: 1 }, inc)).toBe(false);
        expect(await store.stats.apply({ ticketId: t.id, version: 2 }, inc)).toBe(true);
        expect((await store.stats.state()).tickets).toBe(1);
      });
    });

    describe('service requests', () => {
      it('reads the requests awaiting confirmation of (group, requester) pairs in one read, newest first, DONE only', async () => {
        const node = (await store.grid.findByCode('U1'))!.id;
        const room20 = (await store.groups.findByExternal('WECHAT', 'room-20'))!.id;
        const other = (await store.groups.findByExternal('WECHAT', 'room-g2'))!.id;
        const zhang = (await store.people.ensureByIdentity('WECHAT', 'wx-zhang', '张阿姨')).id;
        const li = (await store.people.ensureByIdentity('WECHAT', 'wx-li', '李先生')).id;
        const made = async (groupId: number, requesterId: number, status: 'REQUESTED' | 'DONE' | 'CONFIRMED') => {
          const r = (await store.service.create({ gridNodeId: node, groupId, requesterId, text: '代办老年证', summary: '代办老年证', kind: '帮办代办', sourceMessageId: null }))!;
          if (status !== 'REQUESTED') await store.service.transition(r.id, ['REQUESTED'], status, {});
          return r.id;
        };
        const a = await made(room20, zhang, 'DONE');
        await made(room20, zhang, 'REQUESTED');
        await made(room20, zhang, 'CONFIRMED');
        const b = await made(room20, zhang, 'DONE');
        const c = await made(other, zhang, 'DONE');
        await made(room20, li, 'CONFIRMED');
        const read = await store.service.awaitingConfirm([{ groupId: room20, requesterId: zhang }, { groupId: room20, requesterId: li }, { groupId: room20, requesterId: zhang }]);
        expect(read).toEqual([{ id: b, groupId: room20, requesterId: zhang }, { id: a, groupId: room20, requesterId: zhang }]);
        expect(await store.service.awaitingConfirm([{ groupId: other, requesterId: zhang }])).toEqual([{ id: c, groupId: other, requesterId: zhang }]);
        expect(await store.service.awaitingConfirm([])).toEqual([]);
      });
    });
  });
}

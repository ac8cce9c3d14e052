// The background patrol on a real (PGlite) store: the repository's dedupKey upsert and filters, and the service
// judging stored messages, sweeping on timers and addressing alerts along the grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridRouter } from '../../src/core/grid/routing.ts';
import type { NewPatrolFinding } from '../../src/core/patrol/patrol.types.ts';
import { PatrolService } from '../../src/core/patrol/patrol.service.ts';
import type { Group } from '../../src/core/ports/group.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { WorkCalendar } from '../../src/core/ports/work-calendar.port.ts';
import { freshStore } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const calendar: WorkCalendar = { isWorkday: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) };
/** Friday 2026-11-20, China time. */
const cn = (hm: string) => new Date(`2026-11-20T${hm}:00+08:00`);

const RESIDENT = { externalId: 'wx-zhang', name: '张阿姨' };
const SPAMMER = { externalId: 'wx-ad01', name: '小美兼职' };

describe('patrol on a real store', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let patrol: PatrolService;
  let g20: Group, g2: Group, g21: Group;
  let now = cn('10:00');
  let seq = 0;

  async function say(group: Group, from: { externalId: string; name: string }, text: string, sentAt: Date) {
    const { message } = await store.messages.saveIncoming(
      { platform: 'WECHAT', externalId: `m-${++seq}`, groupExternalId: group.externalId, sender: from, text, sentAt },
      group.id,
    );
    return patrol.onMessage(message, group);
  }

  const person = async (key: string) => (await store.grid.exportSpec()).people.find((p) => p.key === key)!;
  const idOf = async (name: string) => {
    const identity = (await person(name)).identities[0]!;
    return (await store.people.ensureByIdentity(identity.platform, identity.externalId, '')).id;
  };

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    g20 = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
    g2 = (await store.groups.findByExternal('WECHAT', 'room-g2'))!;
    const seen = await store.groups.upsertSeen('WECHAT', 'room-21', '东园21号楼睦邻群');
    g21 = await store.groups.mapToNode(seen.id, (await store.grid.findByCode('G1'))!.id);
    await store.groups.memberJoined(g20.id, RESIDENT.externalId, RESIDENT.name, new Date('2025-01-01T00:00:00Z'));
    patrol = new PatrolService({
      patrol: store.patrol,
      groups: store.groups,
      people: store.people,
      router: new GridRouter(store.grid, store.people, store.tickets),
      calendar,
      clock: { now: () => now },
    });
  });
  afterAll(() => dispose());

  describe('repository', () => {
    const finding = (over: Partial<NewPatrolFinding> = {}): NewPatrolFinding => ({
      rule: 'member_loss', severity: 'MEDIUM', groupId: 999, messageId: null, ticketId: null, summary: '群成员骤减（测试群）：…', data: { left: 10 }, dedupKey: 'repo-test-1', ...over,
    });

    it('stores a finding once per dedupKey, refreshing data, raising severity and keeping the status', async () => {
      const a = await store.patrol.upsert(finding());
      expect(a.created).toBe(true);
      expect(a.finding).toMatchObject({ status: 'OPEN', severity: 'MEDIUM', data: { left: 10 } });
      await store.patrol.setStatus(a.finding.id, 'ACKNOWLEDGED');
      const b = await store.patrol.upsert(finding({ severity: 'HIGH', data: { left: 30 } }));
      expect(b.created).toBe(false);
      expect(b.finding).toMatchObject({ id: a.finding.id, status: 'ACKNOWLEDGED', severity: 'HIGH', data: { left: 30 } });
      const c = await store.patrol.upsert(finding({ severity: 'LOW' }));
      expect(c.finding.severity).toBe('HIGH');
    });

    it('creates once when the same finding arrives twice at the same moment', async () => {
      const both = await Promise.all([store.patrol.upsert(finding({ dedupKey: 'repo-race' })), store.patrol.upsert(finding({ dedupKey: 'repo-race' }))]);
      expect(both.filter((r) => r.created)).toHaveLength(1);
      expect(both[0].finding.id).toBe(both[1].finding.id);
    });

    it('lists newest first, by open status, group, rule and limit; setStatus on a missing id is null', async () => {
      await store.patrol.upsert(finding({ dedupKey: 'repo-2', groupId: 998, rule: 'silent_group', severity: 'LOW' }));
      await store.patrol.upsert(finding({ dedupKey: 'repo-3', groupId: 998 }));
      expect((await store.patrol.list({ groupId: 998 })).map((f) => f.dedupKey)).toEqual(['repo-3', 'repo-2']);
      expect((await store.patrol.list({ groupId: 998, rule: 'silent_group' })).map((f) => f.dedupKey)).toEqual(['repo-2']);
      expect((await store.patrol.list({ groupId: 998, limit: 1 })).map((f) => f.dedupKey)).toEqual(['repo-3']);
      expect((await store.patrol.list({ groupId: 999, openOnly: true })).map((f) => f.dedupKey)).toEqual(['repo-race']);
      const closed = await store.patrol.setStatus((await store.patrol.list({ groupId: 998, limit: 1 }))[0]!.id, 'CLOSED');
      expect(closed?.status).toBe('CLOSED');
      expect(await store.patrol.setStatus(123456, 'CLOSED')).toBeNull();
    });
  });

  describe('service', () => {
    it('a hazard in a building group becomes a finding, alerted to the grid workers and community staff', async () => {
      const found = await say(g20, RESIDENT, '楼下有人从窗户拉电线给电动车充电', cn('10:01'));
      expect(found.map((f) => [f.rule, f.severity, f.summary])).toEqual([['hazard', 'HIGH', '疑似飞线充电（东园20号楼睦邻群）：楼下有人从窗户拉电线给电动车充电']]);
      // a neighbour confirming it in the same hour refreshes the finding, it does not alert again
      expect(await say(g20, { externalId: 'wx-li', name: '李先生' }, '对，又在飞线充电，太危险了', cn('10:03'))).toEqual([]);
      const alerts = await patrol.alerts(found);
      const expected = [await idOf('lin'), await idOf('chen'), await idOf('huang')].sort((a, b) => a - b);
      expect(alerts).toEqual([{ recipientPersonIds: expected, rule: 'hazard', findingIds: [found[0]!.id], text: '巡查提醒：疑似飞线充电（东园20号楼睦邻群）：楼下有人从窗户拉电线给电动车充电' }]);
    });

    it('the same ad from a stranger in three groups is flagged once, and alerted once', async () => {
      const ad = '兼职刷单，日结300，加V：ab778899';
      // the platform reported them joining 20号楼's group a few minutes before (a newcomer by a known join time)
      await store.groups.memberJoined(g20.id, SPAMMER.externalId, SPAMMER.name, cn('10:05'));
      const first = await say(g20, SPAMMER, ad, cn('10:10'));
      const second = await say(g2, SPAMMER, ad, cn('10:12'));
      const third = await say(g21, SPAMMER, ad + '！', cn('10:15'));
      expect(first.map((f) => [f.rule, f.severity])).toEqual([['spam', 'MEDIUM']]);
      expect([...second, ...third]).toEqual([]);
      const stored = await store.patrol.list({ rule: 'spam' });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ severity: 'HIGH', data: { reason: 'cross_group', groupIds: [g20.id, g2.id, g21.id] } });
      expect(stored[0]!.summary).toBe('疑似广告（东园20号楼睦邻群等 3 个群）：兼职刷单，日结300，加V：ab778899！');
    });

    it('a quarrel is flagged once per window, not once per message', async () => {
      const wang = { externalId: 'wx-wang', name: '王先生' };
      const liu = { externalId: 'wx-liu', name: '刘女士' };
      const lines: [typeof wang, string][] = [
        [wang, '楼上的能不能别半夜拖椅子了'],
        [liu, '我家根本没人拖椅子，别乱说'],
        [wang, '不是你家是谁家？天天吵得睡不着'],
        [liu, '你有病吧，自己睡不着怪别人'],
        [wang, '你才有病，没素质'],
        [liu, '你再骂一句试试'],
        [wang, '骂你怎么了，神经病'],
      ];
      const results = [];
      for (const [i, [who, text]] of lines.entries()) results.push(await say(g2, who, text, cn(`10:2${i}`)));
      expect(results.map((r) => r.map((f) => f.rule))).toEqual([[], [], [], [], [], ['conflict'], []]);
    });

    it('sweeps for unanswered questions: a reply from the building head counts, a second sweep adds nothing', async () => {
      // any staff message in the group after a question counts as its answer (the rule is deliberately coarse)
      await say(g20, { externalId: 'wx-li', name: '李先生' }, '物业电话是多少呢？', cn('13:00'));
      await say(g20, { externalId: 'wx-zheng', name: '郑楼栋长' }, '物业电话是 0594-1234567', cn('13:01'));
      await say(g20, RESIDENT, '请问小区东门的路灯什么时候能修好？', cn('13:05'));
      now = cn('13:40');
      const found = await patrol.checkUnanswered();
      expect(found.map((f) => [f.rule, f.summary])).toEqual([['unanswered', '提问无人回复（东园20号楼睦邻群）：张阿姨：请问小区东门的路灯什么时候能修好？']]);
      expect(await patrol.checkUnanswered()).toEqual([]);
    });

    it('checks group health: member loss now, silence after two weeks; silent groups are not alerted', async () => {
      for (let i = 0; i < 10; i++) await store.groups.memberJoined(g2.id, `wx-m${i}`, `居民${i}`, new Date('2026-01-01T00:00:00Z'));
      for (let i = 0; i < 3; i++) await store.groups.memberLeft(g2.id, `wx-m${i}`, cn('09:00'));
      const today = await patrol.checkGroupHealth(cn('14:00'));
      expect(today.map((f) => [f.rule, f.groupId])).toEqual([['member_loss', g2.id]]);
      const later = await patrol.checkGroupHealth(new Date(cn('14:00').getTime() + 15 * 86_400_000));
      expect(later.map((f) => f.rule).sort()).toEqual(['silent_group', 'silent_group', 'silent_group']);
      expect(await patrol.alerts(later)).toEqual([]);
    });

    it('the bot removed from a group is stored once per day', async () => {
      expect((await patrol.botRemoved(g21, cn('15:00'))).map((f) => f.severity)).toEqual(['HIGH']);
      expect(await patrol.botRemoved(g21, cn('15:30'))).toEqual([]);
    });

    it('a member whose join time is unknown is a newcomer only where the bot has been long enough to see them join', async () => {
      const g1 = (await store.grid.findByCode('G1'))!.id;
      const group = async (id: string, title: string) => store.groups.mapToNode((await store.groups.upsertSeen('WECHAT', id, title)).id, g1);
      const fresh = await group('room-fresh', '东园22号楼睦邻群'); // the bot's first day here
      const known = await group('room-known', '东园23号楼睦邻群'); // the bot has read it for three days
      const days = (n: number, hm: string) => new Date(cn(hm).getTime() - n * 86_400_000);
      const link = '物业缴费新链接，大家点一下 https://pay.example.cn/wy';
      const spam = (found: { rule: string }[]) => found.filter((f) => f.rule === 'spam');

      // first day: everyone is unknown, and nobody is flagged for a link
      await say(fresh, { externalId: 'wx-a1', name: '老住户' }, '早上好', cn('08:00'));
      expect(spam(await say(fresh, { externalId: 'wx-a2', name: '老邻居' }, link, cn('08:30')))).toEqual([]);
      // …but someone the platform saw join an hour ago is, on the first day too
      await store.groups.memberJoined(fresh.id, 'wx-ad02', '兼职小妹', cn('08:00'));
      expect(spam(await say(fresh, { externalId: 'wx-ad02', name: '兼职小妹' }, '点击领取小区专属福利 https://t.cn/abc123', cn('09:00')))).toMatchObject([
        { severity: 'MEDIUM', data: { reason: 'newcomer', newcomer: true } },
      ]);

      // three days on: one who wrote then is a neighbour; one writing for the first time now, join unknown, is new
      await say(known, { externalId: 'wx-b1', name: '王先生' }, '今天停电吗', days(3, '09:00'));
      expect(spam(await say(known, { externalId: 'wx-b1', name: '王先生' }, link, cn('09:00')))).toEqual([]);
      expect(spam(await say(known, { externalId: 'wx-ad03', name: '福利官' }, '点击领取小区专属福利 https://t.cn/xyz789', cn('09:10')))).toMatchObject([
        { severity: 'MEDIUM', data: { reason: 'newcomer', newcomer: true } },
      ]);
    });
  });
});

describe('a 网格长 named on the community node', () => {
  it('hears the alerts of the grids under it (it matched no step: only the grid worker and the community staff did)', async () => {
    const { store, dispose } = await freshStore('pglite');
    try {
      await store.grid.importSpec({
        ...SMALL_GRID,
        people: [
          ...SMALL_GRID.people,
          { key: 'wang', name: '王网格长', identities: [{ platform: 'WECHAT', externalId: 'wx-wang' }], roles: [{ role: 'GRID_HEAD', nodeCode: 'C1' }] },
        ],
      });
      const router = new GridRouter(store.grid, store.people, store.tickets);
      const patrol = new PatrolService({ patrol: store.patrol, groups: store.groups, people: store.people, router, calendar, clock: { now: () => cn('10:00') } });
      const g20 = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
      const { message } = await store.messages.saveIncoming(
        { platform: 'WECHAT', externalId: 'm-1', groupExternalId: g20.externalId, sender: RESIDENT, text: '楼下有人从窗户拉电线给电动车充电', sentAt: cn('10:01') },
        g20.id,
      );
      const found = await patrol.onMessage(message, g20);
      const id = async (externalId: string) => (await store.people.ensureByIdentity('WECHAT', externalId, '')).id;
      const [alert] = await patrol.alerts(found);
      expect(alert!.recipientPersonIds).toEqual([await id('wx-lin'), await id('wx-chen'), await id('wx-huang'), await id('wx-wang')].sort((a, b) => a - b));
      // with the grid's step, as its last: a ticket escalated from the grid still goes to the community's staff
      const chain = await router.escalationChain(g20.gridNodeId!);
      expect(chain.map((s) => [s.level, s.people.map((p) => p.name)])).toEqual([
        ['GRID', ['林网格员', '陈网格员', '王网格长']],
        ['COMMUNITY', ['黄主任']],
        ['STREET', ['许科长']],
        ['DEPARTMENT', ['城管中队']],
        ['LEADER', ['王书记']],
      ]);
    } finally {
      await dispose();
    }
  });
});

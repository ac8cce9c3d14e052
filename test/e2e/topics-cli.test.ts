// `linli topics list|show|close` as an operator runs them, on a PostgreSQL store where a topic over grid G1 has votes
// (one changed, one from outside the scope): the tally and turnout shown, an early close that freezes it and leaves
// its posts in the outbox table for the running bot, and bad input refused with exit code 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { DeliberationService, TOPIC_QUEUE, type TopicTimerJob } from '../../src/core/deliberation/deliberation.service.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { runCli } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { DELIBERATION_GRID } from '../support/deliberation-fixture.ts';

describe('linli topics', () => {
  let db: { url: string; drop(): Promise<void> };
  let store: Store;
  let topicNo = 0;
  const queues = createMemoryQueues();
  beforeAll(async () => {
    db = await createPostgresDatabase();
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(DELIBERATION_GRID);
    const svc = new DeliberationService({ store, outbox: { send: async () => undefined }, timers: queues.queue<TopicTimerJob>(TOPIC_QUEUE), clock: { now: () => new Date() } });
    const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
    const { topic } = await svc.open({ gridNodeId: (await store.grid.findByCode('G1'))!.id, title: '是否建充电棚', options: [], windowHours: 72, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.id, sourceMessageId: null }, null);
    topicNo = topic.id;
    let seq = 0;
    const reply = async (group: string, who: string, text: string) => {
      const g = (await store.groups.findByExternal('WECHAT', group))!;
      const at = new Date(Date.now() - 60_000 + ++seq * 1000); // written before the CLI closes the topic
      const { message } = await store.messages.saveIncoming({ platform: 'WECHAT', externalId: `m${seq}`, groupExternalId: group, sender: { externalId: who, name: who }, text, sentAt: at }, g.id);
      const p = await store.people.ensureByIdentity('WECHAT', who, who);
      await svc.reply(topic.id, p.id, text, { messageId: message.id, groupId: g.id, at });
    };
    await reply('room-20', 'wx-a', '同意');
    await reply('room-g1a', 'wx-b', '同意');
    await reply('room-g1b', 'wx-c', '1');
    await reply('room-g1b', 'wx-c', '反对');
    await reply('room-g2', 'wx-out', '反对');
    await reply('room-g1a', 'wx-d', '东门更好');
  }, 60_000);
  afterAll(async () => {
    await queues.close();
    await store?.close();
    await db?.drop();
  });

  it('lists and shows a topic with its live tally, turnout and discussion', { timeout: 120_000 }, async () => {
    const list = await runCli(['topics', 'list'], { env: { DATABASE_URL: db.url } });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^#${topicNo}\\t投票中\\t.+\\t是否建充电棚$`, 'm'));
    const show = await runCli(['topics', 'show', `#${topicNo}`], { env: { DATABASE_URL: db.url } });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('tally (live): 同意 2, 反对 1, 弃权 0; counted 3');
    expect(show.stdout).toContain('not counted: 1 outside the scope, 0 staff');
    expect(show.stdout).toContain('comments: 1');
  });

  it('closes a topic early: the tally is frozen and its posts wait in the outbox table', { timeout: 120_000 }, async () => {
    const r = await runCli(['topics', 'close', String(topicNo)], { env: { DATABASE_URL: db.url } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`closed 议题#${topicNo}: 同意 2, 反对 1, 弃权 0`);
    expect(r.stdout).toContain('passed');
    const t = (await store.deliberation.findById(topicNo))!;
    expect(t.status).toBe('CLOSED');
    expect(t.result!.counts).toEqual([2, 1, 0]);
    const pending = await store.pendingSends.list(new Date(0), new Date(Date.now() + 60_000), 100);
    expect(pending.filter((m) => m.key.startsWith(`topic:${topicNo}:tally:`)).map((m) => m.text)).toHaveLength(3);
    const again = await runCli(['topics', 'close', String(topicNo)], { env: { DATABASE_URL: db.url } });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is CLOSED, not open');
  });

  it('records a household, which 一户一票 then counts by', { timeout: 120_000 }, async () => {
    const r = await runCli(['topics', 'household', 'wechat:wx-a', 'U1', '20-101'], { env: { DATABASE_URL: db.url } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const u1 = (await store.grid.findByCode('U1'))!;
    const a = await store.people.ensureByIdentity('WECHAT', 'wx-a', 'wx-a');
    expect((await store.deliberation.households([u1.id])).get(a.id)).toBe('U1/20-101');
    const bad = await runCli(['topics', 'household', 'wechat:wx-a', 'NOPE', '20-101'], { env: { DATABASE_URL: db.url } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('grid node NOPE not found');
  });

  it("shows the 实事清单 with each item's due date and escalation level", { timeout: 120_000 }, async () => {
    const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
    await store.deliberation.transition(topicNo, 'CLOSED', 'DECIDED', { decision: '建', decidedById: lin.id, decidedAt: new Date() });
    const due = new Date('2026-12-16T10:00:00Z');
    const a = (await store.deliberation.addTask({ topicId: topicNo, text: '修车棚', ownerPersonId: lin.id, ownerDepartment: null, dueAt: due, createdById: lin.id, messageId: null }))!;
    await store.deliberation.addTask({ topicId: topicNo, text: '装充电桩', ownerPersonId: null, ownerDepartment: '物业公司', dueAt: due, createdById: lin.id, messageId: null });
    await store.deliberation.escalateTask(a.id, 0, new Date('2026-12-16T10:00:00Z'));
    const show = await runCli(['topics', 'show', String(topicNo)], { env: { DATABASE_URL: db.url } });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`实事#${a.id} [open] 修车棚 — due 12月16日18:00; escalated to level 1 (社区) at 12月16日18:00`);
    expect(show.stdout).toMatch(/实事#\d+ \[open\] 装充电桩 — due 12月16日18:00; not escalated/);
  });

  it('refuses bad input with exit code 2', { timeout: 120_000 }, async () => {
    const missing = await runCli(['topics', 'show', '9999'], { env: { DATABASE_URL: db.url } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('topic 9999 not found');
    const bad = await runCli(['topics', 'list', '--status', 'WAITING'], { env: { DATABASE_URL: db.url } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown status WAITING');
  });
});

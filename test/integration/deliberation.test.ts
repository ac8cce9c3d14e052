// 议事 on both databases: a topic opened over a grid is posted in its three groups; votes by reply (a changed vote,
// one from outside the scope, one from staff who do not live there, one after close) are stored with their messages;
// the tally frozen at close agrees with the one recomputed from the stored messages; a proposal opens when seconded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DeliberationService, TOPIC_QUEUE, type TopicTimerJob } from '../../src/core/deliberation/deliberation.service.ts';
import type { OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { DELIBERATION_GRID, G1_GROUPS, OUTSIDE_GROUP } from '../support/deliberation-fixture.ts';

describe.each<StoreKind>(['pglite', 'postgres'])('deliberation on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let queues: JobQueues;
  let svc: DeliberationService;
  const sent: OutgoingMessage[] = [];
  let now = new Date('2026-12-07T01:00:00Z');
  const groupId: Record<string, number> = {};
  let seq = 0;
  let g1 = 0;
  let u1 = 0;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    await store.grid.importSpec(DELIBERATION_GRID);
    for (const g of await store.groups.list()) groupId[g.externalId] = g.id;
    g1 = (await store.grid.findByCode('G1'))!.id;
    u1 = (await store.grid.findByCode('U1'))!.id;
    queues = createMemoryQueues();
    svc = new DeliberationService({
      store, timers: queues.queue<TopicTimerJob>(TOPIC_QUEUE), clock: { now: () => now },
      outbox: { send: async (m) => void sent.push(m) }, options: { secondsNeeded: 3 },
    });
  });
  afterAll(async () => {
    await queues.close();
    await dispose();
  });

  /** Stores a resident's message in a group, as the pipeline does, and returns its cause. */
  async function say(group: string, who: string, text: string, at = now) {
    const { message } = await store.messages.saveIncoming(
      { platform: 'WECHAT', externalId: `m${++seq}`, groupExternalId: group, sender: { externalId: who, name: who }, text, sentAt: at },
      groupId[group]!,
    );
    const person = await store.people.ensureByIdentity('WECHAT', who, who);
    return { person, cause: { messageId: message.id, groupId: groupId[group]!, at } };
  }

  it('opens a topic over a grid and posts it once in each of its groups, with the rule and a close timer', async () => {
    const lin = await say('room-g1a', 'wx-lin', '议题 是否建充电棚');
    const { topic, groups } = await svc.open({ gridNodeId: g1, title: '是否在3号楼旁建电动车充电棚', options: [], windowHours: 72, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.person.id, sourceMessageId: null }, lin.cause);
    expect(groups).toBe(3);
    expect(topic.status).toBe('OPEN');
    expect(topic.closesAt!.toISOString()).toBe('2026-12-10T01:00:00.000Z');
    const posts = sent.filter((m) => m.key.startsWith(`topic:${topic.id}:topic:`));
    expect(posts.map((m) => (m.to as { group: string }).group).sort()).toEqual([...G1_GROUPS].sort());
    expect(posts[0]!.text).toContain(`【议题#${topic.id}】`);
    expect(posts[0]!.text).toContain('一人一票，过半数通过');
    // the same message again makes no second topic
    const again = await svc.open({ gridNodeId: g1, title: 'x', options: [], windowHours: 72, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.person.id, sourceMessageId: null }, lin.cause);
    expect(again.topic.id).toBe(topic.id);
    expect(again.fresh).toBe(false);
    expect((await queues.queue(TOPIC_QUEUE).counts()).delayed).toBe(2);
  });

  it('refuses a resident opening a topic', async () => {
    const r = await say('room-g1a', 'wx-r9', '议题 拆围墙');
    await expect(svc.open({ gridNodeId: g1, title: '拆围墙', options: [], windowHours: 72, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: r.person.id, sourceMessageId: null }, r.cause)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });

  it('counts votes by reply: a changed vote replaces, outsiders, staff and late votes are kept but not counted; recount agrees', async () => {
    const [topic] = await store.deliberation.list({ statuses: ['OPEN'] });
    const t = topic!.id;
    const reply = async (group: string, who: string, text: string, at?: Date) => {
      const m = await say(group, who, text, at);
      return svc.reply(t, m.person.id, text, m.cause);
    };
    expect(await reply('room-20', 'wx-a', '1')).toEqual({ kind: 'counted', changed: false });
    expect(await reply('room-g1a', 'wx-b', '同意')).toEqual({ kind: 'counted', changed: false });
    expect(await reply('room-g1b', 'wx-c', '反对')).toEqual({ kind: 'counted', changed: false });
    now = new Date('2026-12-08T01:00:00Z');
    expect(await reply('room-20', 'wx-a', '2')).toEqual({ kind: 'counted', changed: true });
    expect(await reply(OUTSIDE_GROUP, 'wx-out', '1')).toEqual({ kind: 'not-counted', reason: 'outside' });
    expect(await reply('room-g1a', 'wx-lin', '1')).toEqual({ kind: 'not-counted', reason: 'staff' });
    expect(await reply('room-g1a', 'wx-d', '7')).toEqual({ kind: 'no-such-option', choice: 7 });
    expect(await reply('room-g1b', 'wx-d', '东门那边更合适，费用谁出？')).toEqual({ kind: 'comment' });
    // a vote with its reason after a comma: counted, and the reason joins the discussion
    expect(await reply('room-g1b', 'wx-e', '弃权，我不常住这边')).toEqual({ kind: 'counted', changed: false });

    const live = await svc.liveTally(t);
    expect(live.counts).toEqual([1, 2, 1]);
    expect(live.ignored).toMatchObject({ outside: 1, staff: 1 });
    expect(await svc.recountFromMessages(t)).toEqual(live);
    expect(await store.deliberation.commentCount(t)).toBe(2);
    // the discussion as the console reads it: each comment with the message it came from
    const comments = await store.deliberation.comments(t, 10);
    expect(comments).toMatchObject([{ topicId: t, groupId: groupId['room-g1b'] }, { topicId: t, groupId: groupId['room-g1b'] }]);
    const texts = (await store.messages.findManyById(comments.map((c) => c.messageId))).map((m) => m.text);
    expect(texts.sort()).toEqual(['东门那边更合适，费用谁出？', '弃权，我不常住这边'].sort());

    // the reminder (what the timer 12 hours before close runs) shows the turnout so far, once per group even if run twice
    await svc.remind(t);
    await svc.remind(t);
    const reminders = sent.filter((m) => m.key.startsWith(`topic:${t}:remind:`));
    expect(reminders).toHaveLength(6); // the outbox dedups by key; the test outbox records both
    expect(new Set(reminders.map((m) => m.key)).size).toBe(3);
    expect(reminders[0]!.text).toContain('目前已有4人投票');

    // closing (what the close timer runs): the tally is frozen and posted in the three groups once, even if the timer runs twice
    now = new Date('2026-12-10T01:00:00Z');
    await svc.close(t);
    await svc.close(t);
    const closed = (await store.deliberation.findById(t))!;
    expect(closed.status).toBe('CLOSED');
    expect(closed.result).toEqual(live);
    const tallies = sent.filter((m) => m.key.startsWith(`topic:${t}:tally:`));
    expect(new Set(tallies.map((m) => m.key)).size).toBe(3);
    expect(tallies[0]!.text).toContain('同意1，反对2，弃权1');
    expect(tallies[0]!.text).toContain('共4人投票');
    expect(tallies[0]!.text).toContain('“反对”占多数，未通过');

    // after close a vote changes nothing
    expect(await reply('room-20', 'wx-b', '反对', new Date('2026-12-10T02:00:00Z'))).toEqual({ kind: 'not-open' });
    expect(await svc.recountFromMessages(t)).toEqual(closed.result);

    const decided = await svc.decide(t, (await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员')).id, '暂不建设，另选址再议。');
    expect(decided.status).toBe('DECIDED');
    expect(sent.filter((m) => m.key.startsWith(`topic:${t}:decision:`))).toHaveLength(3);
  });

  it('a redelivered vote is stored once', async () => {
    const [t] = await store.deliberation.list({ statuses: ['DECIDED'] });
    const n = (await store.deliberation.votes(t!.id)).length;
    const v = (await store.deliberation.votes(t!.id))[0]!;
    expect(await store.deliberation.addVote({ ...v, choice: 1 })).toBe(false);
    expect((await store.deliberation.votes(t!.id)).length).toBe(n);
  });

  it('counts per household when the topic says 一户一票', async () => {
    now = new Date('2026-12-11T01:00:00Z');
    const lin = await say('room-20', 'wx-lin', '议题 一户一票 楼道装灯');
    const a = await store.people.ensureByIdentity('WECHAT', 'wx-a', 'wx-a');
    const a2 = await store.people.ensureByIdentity('WECHAT', 'wx-a2', 'wx-a2');
    const f = await store.people.ensureByIdentity('WECHAT', 'wx-f', 'wx-f');
    await store.deliberation.setResidence(a.id, u1, '20-101');
    await store.deliberation.setResidence(a2.id, u1, '20-101');
    await store.deliberation.setResidence(f.id, u1, '20-102');
    const { topic } = await svc.open({ gridNodeId: u1, title: '楼道装灯', options: [], windowHours: 24, rule: 'MAJORITY', quorumPct: null, counting: 'HOUSEHOLD', createdById: lin.person.id, sourceMessageId: null }, lin.cause);
    const vote = async (who: string, text: string) => {
      const m = await say('room-20', who, text);
      return svc.reply(topic.id, m.person.id, text, m.cause);
    };
    expect(await vote('wx-a', '同意')).toEqual({ kind: 'counted', changed: false, householdReplaced: false });
    // the same household: its vote is now this one, and the voter is told so
    expect(await vote('wx-a2', '反对')).toEqual({ kind: 'counted', changed: false, householdReplaced: true });
    expect(await vote('wx-a2', '反对，灯太亮')).toEqual({ kind: 'counted', changed: true, householdReplaced: true });
    expect(await vote('wx-f', '同意')).toEqual({ kind: 'counted', changed: false, householdReplaced: false });
    expect(await vote('wx-nohome', '同意')).toEqual({ kind: 'not-counted', reason: 'noHousehold' });
    // registered, but in another grid (G2): told the topic is for 20号楼's households, not that they are unregistered
    const elsewhere = await store.people.ensureByIdentity('WECHAT', 'wx-g2home', 'wx-g2home');
    await store.deliberation.setResidence(elsewhere.id, (await store.grid.findByCode('G2'))!.id, '5-301');
    expect(await vote('wx-g2home', '同意')).toEqual({ kind: 'not-counted', reason: 'householdOutside', scope: '20号楼' });
    const live = await svc.liveTally(topic.id);
    expect(live.counts).toEqual([1, 1, 0]);
    expect(live.electorate).toBe(2);
    expect(live.turnout).toBe(1);
    expect(await svc.recountFromMessages(topic.id)).toEqual(live);
  });

  it('under 一人一票 too, a voter registered as living outside the scope is not counted; one registered nowhere is', async () => {
    const lin = await say('room-20', 'wx-lin', '议题 楼栋 单元门换锁');
    const b20 = groupId['room-20']!;
    for (const who of ['wx-g2home', 'wx-nohome', 'wx-f']) await store.groups.memberJoined(b20, who, who, now);
    const { topic } = await svc.open({ gridNodeId: u1, title: '单元门换锁', options: [], windowHours: 24, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.person.id, sourceMessageId: null }, lin.cause);
    const vote = async (who: string, text: string) => {
      const m = await say('room-20', who, text);
      return svc.reply(topic.id, m.person.id, text, m.cause);
    };
    // wx-g2home is registered in G2 (above), wx-f in 20号楼, wx-nohome nowhere
    expect(await vote('wx-g2home', '同意')).toEqual({ kind: 'not-counted', reason: 'householdOutside', scope: '20号楼' });
    expect(await vote('wx-nohome', '同意')).toEqual({ kind: 'counted', changed: false });
    expect(await vote('wx-f', '反对')).toEqual({ kind: 'counted', changed: false });
    const live = await svc.liveTally(topic.id);
    expect(live.counts).toEqual([1, 1, 0]);
    expect(live.ignored).toMatchObject({ elsewhere: 1 });
    expect(live.electorate).toBe(2); // the group's members, the one living elsewhere left out
    expect(await svc.recountFromMessages(topic.id)).toEqual(live);
    const people = await Promise.all(['wx-nohome', 'wx-f'].map((w) => store.people.ensureByIdentity('WECHAT', w, w)));
    expect([...(await svc.voters(topic))].sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('a resident registered in another building does not second a building proposal; one registered nowhere does', async () => {
    const b20 = groupId['room-20']!;
    for (const who of ['wx-g2home', 'wx-nohome']) await store.groups.memberJoined(b20, who, who, now);
    const p = await say('room-20', 'wx-f', '提议 单元门口装雨棚');
    const proposal = await svc.propose('单元门口装雨棚', p.person.id, u1, p.cause);
    const second = async (who: string) => {
      const m = await say('room-20', who, '附议');
      return svc.second(proposal.id, m.person.id, m.cause);
    };
    // wx-g2home is registered in G2, wx-nohome nowhere
    expect(await second('wx-g2home')).toMatchObject({ added: false, count: 0, elsewhere: '20号楼' });
    expect(await second('wx-nohome')).toMatchObject({ added: true, count: 1 });
    expect((await second('wx-nohome')).elsewhere).toBeUndefined();
  });

  it('refuses options a reply could not tell apart: a number, or two alike', async () => {
    const lin = await say('room-20', 'wx-lin', '议题 方案 / 1 / 2');
    const open = (options: string[]) => svc.open({ gridNodeId: u1, title: '选方案', options, windowHours: 24, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.person.id, sourceMessageId: null }, lin.cause);
    await expect(open(['1', '2'])).rejects.toMatchObject({ code: 'MALFORMED_COMMAND', details: { reason: 'bad-options', problem: { kind: 'numeric', option: '1' } } });
    await expect(open(['东门', '东门。'])).rejects.toMatchObject({ code: 'MALFORMED_COMMAND', details: { problem: { kind: 'duplicate', option: '东门。' } } });
    expect(await store.deliberation.findBySource(lin.cause.messageId)).toBeNull();
  });

  it('runs its timers through the job queue: a window that has ended closes by itself', async () => {
    const { TopicRevisit } = await import('../../src/core/deliberation/topic-revisit.ts');
    const { topicTimerRunner } = await import('../../src/core/deliberation/topic-timers.ts');
    const revisit = new TopicRevisit({ store, deliberation: svc });
    const { TaskDeadlines } = await import('../../src/core/deliberation/task-deadlines.ts');
    const { createLayeredCalendar } = await import('../../src/adapters/calendar/layered.calendar.ts');
    const deadlines = new TaskDeadlines({ store, deliberation: svc, calendar: createLayeredCalendar(), chain: async () => [], clock: { now: () => now } });
    const run = topicTimerRunner({ deliberation: svc, revisit, deadlines });
    await queues.queue<TopicTimerJob>(TOPIC_QUEUE).process((job) => run(job.data));
    const lin = await say('room-g1a', 'wx-lin', '议题 0小时 试运行');
    const { topic } = await svc.open({ gridNodeId: g1, title: '试运行', options: [], windowHours: 0, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.person.id, sourceMessageId: null }, lin.cause);
    // the status moves first, then the tally goes out to each group: wait for both (under load the posts trail)
    const tallies = () => sent.filter((m) => m.key.startsWith(`topic:${topic.id}:tally:`));
    for (let i = 0; i < 200 && ((await store.deliberation.findById(topic.id))!.status === 'OPEN' || tallies().length < 3); i++) await new Promise((r) => setTimeout(r, 50));
    expect((await store.deliberation.findById(topic.id))!.status).toBe('CLOSED');
    expect(tallies()).toHaveLength(3);
  });

  it('turns a proposal into a topic when seconded enough within the window', async () => {
    now = new Date('2026-12-12T01:00:00Z');
    const p = await say('room-g1b', 'wx-p', '提议 小区增设快递柜');
    const proposal = await svc.propose('小区增设快递柜', p.person.id, g1, p.cause);
    expect(proposal.status).toBe('PROPOSED');
    const second = async (who: string, group = 'room-g1b') => {
      const m = await say(group, who, '附议');
      return svc.second(proposal.id, m.person.id, m.cause);
    };
    expect((await second('wx-p')).added).toBe(false); // the proposer's own
    await expect(second('wx-out', OUTSIDE_GROUP)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect((await second('wx-s1')).count).toBe(1);
    expect((await second('wx-s1')).added).toBe(false);
    expect((await second('wx-s2', 'room-20')).opened).toBe(false);
    const third = await second('wx-s3');
    expect(third.opened).toBe(true);
    expect(third.topic.status).toBe('OPEN');
    expect(sent.filter((m) => m.key.startsWith(`topic:${proposal.id}:topic:`))).toHaveLength(3);
  });
});

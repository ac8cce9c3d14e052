// 实事清单 items on the tickets' SLA machinery, on both databases: a due date in working days counted on the work
// calendar with an operator's holidays file (a made-up arrangement: three days off and a Saturday make-up day), the
// reminder a working day before it, escalation grid → community → street as each level's window passes with the
// people of each level told, a redelivered command or timer doing nothing more, done stopping it, and the timers set
// again after a lost queue. The queue is a recorder: the test runs what is due at the clock's time, as a queue would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLayeredCalendar } from '../../src/adapters/calendar/layered.calendar.ts';
import { readHolidaysFile } from '../../src/adapters/calendar/holidays-file.ts';
import { DeliberationService, type TopicTimerJob } from '../../src/core/deliberation/deliberation.service.ts';
import { TaskDeadlines } from '../../src/core/deliberation/task-deadlines.ts';
import { TopicRevisit } from '../../src/core/deliberation/topic-revisit.ts';
import { TopicTasks } from '../../src/core/deliberation/topic-tasks.ts';
import { topicTimerRunner } from '../../src/core/deliberation/topic-timers.ts';
import { GridRouter } from '../../src/core/grid/routing.ts';
import type { OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { addWorkdays } from '../../src/core/sla/deadlines.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { DELIBERATION_GRID } from '../support/deliberation-fixture.ts';

const cn = (local: string) => new Date(`${local}+08:00`);
const HOLIDAYS = `- year: 2026
  source: 测试用放假安排
  off: [2026-12-09..2026-12-11]
  work: [2026-12-12]
`;

interface Recorded { name: string; data: TopicTimerJob; jobId: string; runAt: number; ran: boolean }

describe.each<StoreKind>(['pglite', 'postgres'])('实事 items on the SLA machinery on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let now = cn('2026-12-07T09:00:00'); // a Monday
  const clock = { now: () => now };
  const sent: OutgoingMessage[] = [];
  const jobs = new Map<string, Recorded>();
  let tasks: TopicTasks;
  let deadlines: TaskDeadlines;
  let run: (job: TopicTimerJob) => Promise<void>;
  let lin = 0;
  let topicNo = 0;
  let seq = 0;
  const calendar = createLayeredCalendar(readHolidaysFile(writeHolidays()));

  function writeHolidays() {
    const file = join(mkdtempSync(join(tmpdir(), 'linli-holidays-')), 'holidays.yaml');
    writeFileSync(file, HOLIDAYS);
    return file;
  }
  /** Runs every recorded timer due by now, once each, in time order (what the queue's worker would do). */
  async function fire() {
    for (;;) {
      const next = [...jobs.values()].filter((j) => !j.ran && j.runAt <= now.getTime()).sort((a, b) => a.runAt - b.runAt)[0];
      if (!next) return;
      next.ran = true;
      await run(next.data);
    }
  }
  const to = (user: string) => sent.filter((m) => 'user' in m.to && m.to.user === user);
  const message = async (text: string) => {
    const g = (await store.groups.findByExternal('WECHAT', 'room-g1a'))!;
    const { message } = await store.messages.saveIncoming({ platform: 'WECHAT', externalId: `m${++seq}`, groupExternalId: 'room-g1a', sender: { externalId: 'wx-lin', name: '林网格员' }, text, sentAt: now }, g.id);
    return message.id;
  };

  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind));
    await store.grid.importSpec(DELIBERATION_GRID);
    const svc = new DeliberationService({
      store, clock,
      outbox: { send: async (m) => void (sent.some((s) => s.key === m.key) || sent.push(m)) },
      timers: {
        add: async (name, data, o) => {
          if (!jobs.has(o!.jobId!)) jobs.set(o!.jobId!, { name, data, jobId: o!.jobId!, runAt: now.getTime() + (o!.delayMs ?? 0), ran: false });
          return o!.jobId!;
        },
      },
    });
    const router = new GridRouter(store.grid, store.people, store.tickets);
    deadlines = new TaskDeadlines({ store, deliberation: svc, calendar, chain: (id) => router.escalationChain(id), clock });
    const revisit = new TopicRevisit({ store, deliberation: svc });
    tasks = new TopicTasks({ store, deliberation: svc, revisit, deadlines, clock });
    run = topicTimerRunner({ deliberation: svc, deadlines, revisit });
    lin = (await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员')).id;
    const { topic } = await svc.open({ gridNodeId: (await store.grid.findByCode('G1'))!.id, title: '是否修缮3号楼车棚', options: [], windowHours: 1, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin, sourceMessageId: null }, null);
    topicNo = topic.id;
    await svc.close(topicNo);
    await svc.decide(topicNo, lin, '修缮车棚，由网格员牵头。');
    jobs.clear();
  });
  afterAll(() => dispose());

  it('counts "5个工作日" on the calendar with the holidays file, and reminds a working day before', async () => {
    const msg = await message(`实事 #${topicNo} 修车棚 / 林网格员 / 5个工作日`);
    const { task } = await tasks.add(topicNo, lin, { text: '修车棚', owner: '林网格员', due: '5个工作日' }, msg);
    // Tue 8th, (9th–11th off), Sat 12th worked, Mon 14th, Tue 15th, Wed 16th
    expect(task.dueAt).toEqual(cn('2026-12-16T18:00:00'));
    expect(addWorkdays(createLayeredCalendar(), now, 5, '18:00')).toEqual(cn('2026-12-14T18:00:00')); // without the file
    expect(task).toMatchObject({ escalationLevel: 0, escalatedAt: null, ownerPersonId: lin });
    const mine = [...jobs.values()].filter((j) => j.data.taskId === task.id);
    expect(mine.map((j) => [j.data.name, new Date(j.runAt).toISOString()])).toEqual([
      ['task-remind', cn('2026-12-15T18:00:00').toISOString()],
      ['task-due', cn('2026-12-16T18:00:00').toISOString()],
    ]);

    // the same message handled again: the same item, no new timer
    const again = await tasks.add(topicNo, lin, { text: '修车棚', owner: '林网格员', due: '5个工作日' }, msg);
    expect(again.task.id).toBe(task.id);
    expect(await store.deliberation.tasks(topicNo)).toHaveLength(1);
    expect([...jobs.values()].filter((j) => j.data.taskId === task.id)).toHaveLength(2);
  });

  it('tells the owner by direct message that the item is theirs, once (a redelivered command tells nothing more); not the staff who wrote it for themselves', async () => {
    expect(to('wx-lin')).toHaveLength(0); // 修车棚 above: 林 gave it to himself
    const msg = await message(`实事 #${topicNo} 清理车棚杂物 / 陈网格员 / 12月21日`);
    const { task } = await tasks.add(topicNo, lin, { text: '清理车棚杂物', owner: '陈网格员', due: '12月21日' }, msg);
    await tasks.add(topicNo, lin, { text: '清理车棚杂物', owner: '陈网格员', due: '12月21日' }, msg);
    expect(to('wx-chen').map((m) => m.text)).toEqual([`议题#${topicNo}“是否修缮3号楼车棚”的实事#${task.id}“清理车棚杂物”由您负责，请于12月21日18:00前完成；办好后在群里发“完成 实事#${task.id}”。`]);
    await tasks.finish(task.id, lin);
  });

  it('refuses an unreadable due date and 0 working days', async () => {
    await expect(tasks.add(topicNo, lin, { text: 'x', owner: '林网格员', due: '0个工作日' }, null)).rejects.toMatchObject({ code: 'MALFORMED_COMMAND' });
    await expect(tasks.add(topicNo, lin, { text: 'x', owner: '林网格员', due: '下周' }, null)).rejects.toMatchObject({ code: 'MALFORMED_COMMAND' });
  });

  it('a date due the day after the holidays is reminded on the last working day before them', async () => {
    const { task } = await tasks.add(topicNo, lin, { text: '装路灯', owner: '物业公司', due: '12月14日' }, await message('实事 装路灯'));
    expect(task).toMatchObject({ ownerDepartment: '物业公司', dueAt: cn('2026-12-14T18:00:00') });
    const remind = [...jobs.values()].find((j) => j.data.taskId === task.id && j.data.name === 'task-remind')!;
    expect(new Date(remind.runAt)).toEqual(cn('2026-12-12T18:00:00')); // the make-up Saturday, not Sunday the 13th
    await tasks.finish(task.id, lin);
  });

  it('reminds the owner, then escalates to the community and the street as each window passes; done stops it', async () => {
    const [task] = await store.deliberation.tasks(topicNo);
    now = cn('2026-12-15T18:00:00');
    await fire();
    expect(to('wx-lin').map((m) => m.text)).toEqual([expect.stringContaining(`实事#${task!.id}“修车棚”将于12月16日18:00到期`)]);

    // overdue: up to the community (黄主任), the owner told too; the community's window is one working day
    now = cn('2026-12-16T18:00:00');
    await fire();
    let t = (await store.deliberation.findTask(task!.id))!;
    expect(t).toMatchObject({ escalationLevel: 1, escalatedAt: now });
    expect(to('wx-huang').map((m) => m.text)).toEqual([expect.stringContaining('已上报社区')]);
    expect(to('wx-huang')[0]!.text).toContain('12月17日18:00前仍未完成将继续上报');
    expect(to('wx-lin')).toHaveLength(2);
    expect(to('wx-xu')).toHaveLength(0);

    // the deadline's timer delivered again (a retry, a second worker): nothing more
    const firstDue = [...jobs.values()].find((j) => j.data.taskId === task!.id && j.data.name === 'task-due' && (j.data.level ?? 0) === 0)!;
    await run(firstDue.data);
    expect((await store.deliberation.findTask(task!.id))!.escalationLevel).toBe(1);
    expect(to('wx-huang')).toHaveLength(1);

    // the community's window passes: up to the street (许科长)
    now = cn('2026-12-17T18:00:00');
    await fire();
    t = (await store.deliberation.findTask(task!.id))!;
    expect(t.escalationLevel).toBe(2);
    expect(to('wx-xu').map((m) => m.text)).toEqual([expect.stringContaining('已上报街道')]);
    expect(to('wx-huang')).toHaveLength(1);

    // a lost queue: reconcile sets the street level's timer again (and not the earlier ones)
    const before = new Set(jobs.keys());
    jobs.clear();
    expect(await deadlines.reconcile()).toBe(1);
    expect([...jobs.values()].map((j) => [j.data.name, j.data.level, new Date(j.runAt).toISOString()])).toEqual([['task-due', 2, cn('2026-12-18T18:00:00').toISOString()]]);
    expect(before.has([...jobs.keys()][0]!)).toBe(true); // the same key as before: a no-op on a queue that kept it

    // done: the street's window passes and nothing more happens
    await tasks.finish(task!.id, lin);
    now = cn('2026-12-21T18:00:00');
    await fire();
    expect((await store.deliberation.findTask(task!.id))!.escalationLevel).toBe(2);
    expect(to('wx-cg')).toHaveLength(0);
    expect(to('wx-xu')).toHaveLength(1);
    expect(await deadlines.reconcile()).toBe(0);
  });
});

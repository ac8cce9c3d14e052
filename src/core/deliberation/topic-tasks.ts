// The 实事清单 of a decided topic: staff add items (task, owner, due date or working days; reminders and escalation are
// task-deadlines.ts); each item done is posted in the scope's groups as progress, and when all are done the topic is
// DONE and its 办理结果公示 is posted.
import { DomainError } from '../errors.ts';
import type { Role } from '../people/roles.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { DeliberationService } from './deliberation.service.ts';
import type { TopicRevisit } from './topic-revisit.ts';
import type { TaskDeadlines } from './task-deadlines.ts';
import { impossibleDue } from './topic-commands.ts';
import { topicTexts } from './topic-texts.ts';
import type { Topic, TopicTask } from './topic.types.ts';

/** An item's owner is the person of one of these roles over or inside the scope whose name it gives, else a department. */
export const TASK_OWNER_ROLES: readonly Role[] = ['GRID_WORKER', 'GRID_HEAD', 'UNIT_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF', 'DEPARTMENT', 'LEADER'];

/** The `reason` of a refused 实事 whose due date has passed. */
export const DUE_PASSED = 'DUE_PASSED';
/** The `reason` of a refused 实事 whose due date is a day no calendar has (2月30日); `details.date` names it. */
export const DUE_IMPOSSIBLE = 'DUE_IMPOSSIBLE';
/** The `reason` of a refused 实事 already on the topic's list (the same words); `details.taskNo` names it. */
export const TASK_EXISTS = 'TASK_EXISTS';

/** Task words compared: spaces and closing punctuation do not make another task. */
const sameTask = (a: string, b: string) => {
  const n = (x: string) => x.normalize('NFKC').replace(/[\s。.!！,，;；]+/gu, '');
  return n(a) === n(b);
};

export class TopicTasks {
  constructor(private readonly d: { store: Store; deliberation: DeliberationService; revisit: TopicRevisit; deadlines: TaskDeadlines; clock: Clock }) {}

  /** Adds an item; the owner is a staff member of the scope when one has that name, else a department. */
  async add(topicNo: number, staffId: number, item: { text: string; owner: string; due?: string }, messageId: number | null): Promise<{ topic: Topic; task: TopicTask; owner: string }> {
    const { deliberation, store } = this.d;
    const topic = await deliberation.get(topicNo);
    const scope = await deliberation.scopes.of(topic.gridNodeId);
    if (!(await deliberation.scopes.isStaffOver(staffId, scope))) throw new DomainError('NOT_AUTHORIZED', 'not staff over the scope');
    if (topic.status !== 'DECIDED') throw new DomainError('ILLEGAL_TRANSITION', 'not decided', { topicNo, status: topic.status, want: 'DECIDED' });
    const dueAt = item.due ? this.d.deadlines.parse(item.due) : null;
    const impossible = item.due && !dueAt ? impossibleDue(item.due, this.d.clock.now()) : null;
    if (impossible) throw new DomainError('MALFORMED_COMMAND', `due date ${item.due} is no day of the calendar`, { reason: DUE_IMPOSSIBLE, date: impossible });
    if (item.due && !dueAt) throw new DomainError('MALFORMED_COMMAND', 'bad due date', { usage: '实事 #议题号 任务 / 责任人 / 12月20日或5个工作日' });
    // a date already past would be overdue, and escalated, the moment it is set
    if (dueAt && dueAt.getTime() <= this.d.clock.now().getTime()) throw new DomainError('MALFORMED_COMMAND', `due date ${dueAt.toISOString()} has passed`, { reason: DUE_PASSED });
    // the same item twice is one item (a redelivered message is not a second one: it finds its own task below)
    const same = (await store.deliberation.tasks(topic.id)).find((t) => sameTask(t.text, item.text) && (messageId === null || t.messageId !== messageId));
    if (same) throw new DomainError('MALFORMED_COMMAND', `task ${same.id} has the same words`, { reason: TASK_EXISTS, taskNo: same.id, topicNo: topic.id });
    const holders = await store.people.holders([...new Set([...scope.coverIds, ...scope.nodeIds])], TASK_OWNER_ROLES);
    const person = holders.find((h) => h.person.name === item.owner)?.person ?? null;
    const fresh = await store.deliberation.addTask({
      topicId: topic.id, text: item.text, ownerPersonId: person?.id ?? null, ownerDepartment: person ? null : item.owner, dueAt, createdById: staffId, messageId,
    });
    const task = fresh ?? (await store.deliberation.tasks(topic.id)).find((t) => t.messageId === messageId)!;
    await this.d.deadlines.schedule(task);
    // the owner hears it is theirs now, not first from the reminder a working day before it is due (the outbox key
    // keeps a redelivered command from telling them twice); staff writing an item for themselves know it already
    if (person && person.id !== staffId) await deliberation.direct(person.id, `topic:${topic.id}:task-owner:${task.id}:${person.id}`, topicTexts.taskOwned(topic, task));
    return { topic, task, owner: person?.name ?? item.owner };
  }

  /**
   * Says an item added off the chat (the console) in the scope's groups, once per item: the chat's 实事 command says it
   * in the group it was written in, the console has no such group, and the residents would first hear of it when done.
   */
  async announce(topic: Topic, task: TopicTask, owner: string): Promise<void> {
    const scope = await this.d.deliberation.scopes.of(topic.gridNodeId);
    await this.d.deliberation.post(topic, scope.groups, `task-added-${task.id}`, topicTexts.taskAdded(topic, task, owner));
  }

  /** Marks an item done and posts the progress; the last one posts the 公示. Doing it twice posts nothing more. */
  async finish(taskNo: number, staffId: number): Promise<{ topic: Topic; task: TopicTask; allDone: boolean }> {
    const { deliberation, store } = this.d;
    const task = await store.deliberation.findTask(taskNo);
    if (!task) throw new DomainError('TOPIC_NOT_FOUND', 'task not found', { taskNo });
    const topic = await deliberation.get(task.topicId);
    const scope = await deliberation.scopes.of(topic.gridNodeId);
    if (!(await deliberation.scopes.isStaffOver(staffId, scope))) throw new DomainError('NOT_AUTHORIZED', 'not staff over the scope');
    await store.deliberation.finishTask(task.id, this.d.clock.now());
    const tasks = await store.deliberation.tasks(topic.id);
    const done = tasks.filter((t) => t.doneAt !== null).length;
    const finished = tasks.find((t) => t.id === task.id)!;
    await deliberation.post(topic, scope.groups, `task-${task.id}`, topicTexts.taskDone(topic, finished, done, tasks.length));
    const allDone = done === tasks.length;
    if (allDone) {
      const now = this.d.clock.now();
      const moved = await store.deliberation.transition(topic.id, 'DECIDED', 'DONE', { doneAt: now });
      const closed = moved ?? topic;
      await deliberation.post(closed, scope.groups, 'published', topicTexts.published(closed, tasks));
      if (moved) await this.d.revisit.scheduleAfterDone(closed, now);
    }
    return { topic, task: finished, allDone };
  }
}

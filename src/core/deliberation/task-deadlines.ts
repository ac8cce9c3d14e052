// The deadlines of 实事清单 items, on the tickets' SLA machinery: a due date in working days on the official calendar,
// a reminder a working day before it, and when an item is overdue one step up the escalation chain of the topic's
// node each time the level's own window passes (stepUp and escalationWindow, as tickets climb). Each step is a timer
// on the 'deliberation' queue keyed by item, level and time, and is taken by a compare-and-set on the item's level,
// so a redelivered or repeated timer does nothing more; `reconcile` sets them again after a lost queue.
import { ESCALATION_LEVEL_ZH, type EscalationStep } from '../grid/routing.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import { addWorkdays, DEFAULT_SLA_POLICY, workdayBefore, type SlaPolicy } from '../sla/deadlines.ts';
import { escalationWindow, stepUp } from '../sla/escalation.ts';
import { reminderTime } from '../sla/sla-timers.ts';
import type { DeliberationService } from './deliberation.service.ts';
import { parseDue } from './topic-commands.ts';
import { topicTexts } from './topic-texts.ts';
import type { Topic, TopicTask } from './topic.types.ts';

export interface TaskDeadlineDeps {
  store: Store;
  deliberation: DeliberationService;
  /** The calendar tickets use (the holidays file, then the package, then the statutory days). */
  calendar: WorkCalendar;
  /** The escalation chain above a node, nearest first (GridRouter.escalationChain). */
  chain: (gridNodeId: number) => Promise<EscalationStep[]>;
  clock: Clock;
  policy?: SlaPolicy;
}

export class TaskDeadlines {
  private readonly policy: SlaPolicy;

  constructor(private readonly d: TaskDeadlineDeps) {
    this.policy = { ...DEFAULT_SLA_POLICY, ...d.policy };
  }

  /** The due date staff wrote ("5个工作日", "12月20日", "7天"), counted from now; null when unreadable. */
  parse(text: string): Date | null {
    const now = this.d.clock.now();
    return parseDue(text, now, (n) => addWorkdays(this.d.calendar, now, n, this.policy.officeEnd));
  }

  /** The deadline an item waits on now: its due date, or the window of the level it was raised to. */
  deadlineOf(task: TopicTask): Date | null {
    if (!task.dueAt) return null;
    if (task.escalationLevel === 0 || !task.escalatedAt) return task.dueAt;
    return escalationWindow(this.d.calendar, this.policy, task.escalatedAt);
  }

  /**
   * Sets the item's timers as it stands: the reminder (while still with its owner and ahead; on reconcile, at once
   * when its time passed but the due date has not) and the deadline of its current level.
   */
  async schedule(task: TopicTask, reconciling = false): Promise<void> {
    const deadline = this.deadlineOf(task);
    if (!deadline || task.doneAt) return;
    const now = this.d.clock.now().getTime();
    const job = { topicId: task.topicId, taskId: task.id };
    if (task.escalationLevel === 0 && deadline.getTime() > now) {
      let remindAt = workdayBefore(this.d.calendar, deadline);
      // due within a working day: the tickets' rule, a share of the way from its creation
      if (remindAt <= task.createdAt) remindAt = reminderTime(task.createdAt, deadline, this.policy.reminderAt ?? 0.8);
      // keyed by its own time, so reconciling again is the same job (a past time runs at once)
      if (remindAt.getTime() > now || reconciling) await this.d.deliberation.schedule({ ...job, name: 'task-remind' }, remindAt);
    }
    await this.d.deliberation.schedule({ ...job, name: 'task-due', level: task.escalationLevel }, deadline);
  }

  /** The reminder: the owner (or, for a department, the staff who opened the topic), once. */
  async remind(taskId: number): Promise<void> {
    const task = await this.d.store.deliberation.findTask(taskId);
    if (!task || task.doneAt || task.escalationLevel > 0) return;
    const topic = await this.d.deliberation.get(task.topicId);
    const owner = task.ownerPersonId ?? topic.createdById;
    if (owner) await this.d.deliberation.direct(owner, `topic:${topic.id}:task-remind:${task.id}:${owner}`, topicTexts.taskRemind(topic, task));
  }

  /**
   * The deadline of `level` passed: an item not done goes one level up and the people there (and the owner) are told,
   * with the new level's window; at the top, the top level is told once. A timer of a level the item has left does
   * nothing, except resend what the step to the next level may have failed to send (the outbox keys keep it once).
   */
  async overdue(taskId: number, level: number): Promise<void> {
    const { store, deliberation } = this.d;
    let task = await store.deliberation.findTask(taskId);
    if (!task || task.doneAt) return;
    const topic = await deliberation.get(task.topicId);
    const chain = await this.d.chain(topic.gridNodeId);
    if (task.escalationLevel === level) {
      const move = stepUp(chain, level);
      if (!move.escalated) return this.tell(topic, task, move.step, 'top');
      task = (await store.deliberation.escalateTask(task.id, level, this.d.clock.now())) ?? (await store.deliberation.findTask(taskId));
      if (!task || task.doneAt) return;
    }
    if (task.escalationLevel !== level + 1) return;
    await this.tell(topic, task, chain[level + 1], 'raised');
    await this.schedule(task);
  }

  private async tell(topic: Topic, task: TopicTask, step: EscalationStep | undefined, kind: 'raised' | 'top'): Promise<void> {
    const owner = task.ownerPersonId ?? topic.createdById;
    const ownerName = task.ownerPersonId ? ((await this.d.store.people.findById(task.ownerPersonId))?.name ?? '') : (task.ownerDepartment ?? '');
    const levelZh = step ? ESCALATION_LEVEL_ZH[step.level] : '上级';
    const text = kind === 'top' ? topicTexts.taskAtTop(topic, task, ownerName) : topicTexts.taskEscalated(topic, task, ownerName, levelZh, this.deadlineOf(task)!);
    const key = `topic:${topic.id}:task-${kind}:${task.id}:${task.escalationLevel}`;
    const to = new Set([...(step?.people.map((p) => p.id) ?? []), ...(owner ? [owner] : [])]);
    for (const id of to) await this.d.deliberation.direct(id, `${key}:${id}`, text);
  }

  /** After a restart with a lost queue: every open item's timers again (existing keys are no-ops). */
  async reconcile(pageSize = 200): Promise<number> {
    let afterId = 0;
    let n = 0;
    for (;;) {
      const page = await this.d.store.deliberation.openTasksWithDue(afterId, pageSize);
      for (const t of page) await this.schedule(t, true);
      n += page.length;
      if (page.length < pageSize) return n;
      afterId = page.at(-1)!.id;
    }
  }
}

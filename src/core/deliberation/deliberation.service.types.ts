// The deliberation service's types and settings: its timer jobs, options, the message a step comes from, a reply's
// outcome and what the service is built from.
import type { Clock } from '../ports/clock.port.ts';
import type { JobQueue } from '../ports/job-queue.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';

export const TOPIC_QUEUE = 'deliberation';
/** The reason of a MALFORMED_COMMAND refusing a topic's options (details.problem says which and why). */
export const BAD_OPTIONS = 'bad-options';
/** remind/close: the voting window; revisit/report: the 回访 after the 公示; task-remind/task-due: a 实事 item's deadline. */
export interface TopicTimerJob {
  topicId: number;
  name: 'remind' | 'close' | 'revisit' | 'report' | 'task-remind' | 'task-due';
  taskId?: number;
  /** task-due: the escalation level whose deadline it is (absent: 0, the owner's). */
  level?: number;
}

export interface DeliberationOptions {
  /** Seconds (附议) that turn a proposal into a topic, and within how many days of proposing. */
  secondsNeeded: number;
  secondWindowDays: number;
  /** The reminder goes this many hours before the window closes (skipped when the window is shorter). */
  remindHoursBefore: number;
}
export const DEFAULT_DELIBERATION_OPTIONS: DeliberationOptions = { secondsNeeded: 5, secondWindowDays: 7, remindHoursBefore: 12 };

/** The message a step comes from: its stored id, group and time. */
export interface Cause {
  messageId: number;
  groupId: number;
  at: Date;
}

export type ReplyOutcome =
  /** `householdReplaced` (一户一票 only): another member of the voter's household had voted; the household's vote is now this one. */
  | { kind: 'counted'; changed: boolean; householdReplaced?: boolean }
  | { kind: 'not-counted'; reason: 'outside' | 'staff' | 'noHousehold' }
  /** The voter's household is registered, but not inside the topic's scope (named): under either rule, not counted. */
  | { kind: 'not-counted'; reason: 'householdOutside'; scope: string }
  | { kind: 'no-such-option'; choice: number }
  | { kind: 'not-open' }
  | { kind: 'comment' }
  | { kind: 'duplicate' };

export interface DeliberationDeps {
  store: Store;
  outbox: Outbox;
  /** Where reminders and closes are scheduled; absent (the CLI, tests without queues): none are, topics close by hand. */
  timers?: Pick<JobQueue<TopicTimerJob>, 'add'>;
  clock: Clock;
  options?: Partial<DeliberationOptions>;
  /** How long a topic's electorate is remembered between votes (default 5 s; 0: never). */
  cacheMs?: number;
}

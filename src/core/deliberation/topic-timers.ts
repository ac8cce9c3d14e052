// The timers of 议事 (one job queue, 'deliberation'): the window's reminder and close, a 实事 item's reminder and
// deadline (each level's, see task-deadlines.ts), the 回访 and its report. Each checks the topic's state when it fires, so a stale timer does nothing.
import type { DeliberationService, TopicTimerJob } from './deliberation.service.ts';
import type { TopicRevisit } from './topic-revisit.ts';
import type { TaskDeadlines } from './task-deadlines.ts';

export function topicTimerRunner(d: { deliberation: DeliberationService; deadlines: TaskDeadlines; revisit: TopicRevisit }) {
  return async (job: TopicTimerJob): Promise<void> => {
    switch (job.name) {
      case 'remind':
        return d.deliberation.remind(job.topicId);
      case 'close':
        return void (await d.deliberation.close(job.topicId));
      case 'revisit':
        return d.revisit.revisit(job.topicId);
      case 'report':
        return void (await d.revisit.report(job.topicId));
      case 'task-remind':
        return d.deadlines.remind(job.taskId ?? 0);
      case 'task-due':
        return d.deadlines.overdue(job.taskId ?? 0, job.level ?? 0);
    }
  };
}

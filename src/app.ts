// The composition root: builds Linli's core services around the adapters chosen by configuration.
import type { Config } from './config.ts';
import { Assistant } from './core/assistant/assistant.ts';
import { GridRouter } from './core/grid/routing.ts';
import type { HandleOutcome } from './core/assistant/assistant.types.ts';
import type { IncomingMessage, Platform } from './core/messages/incoming-message.ts';
import { MessageInbox } from './core/pipeline/message-inbox.ts';
import type { ChatGateway } from './core/ports/chat-gateway.port.ts';
import { systemClock, type Clock } from './core/ports/clock.port.ts';
import type { Logger } from './core/ports/logger.port.ts';
import type { Store } from './core/ports/store.port.ts';
import type { Triage } from './core/ports/triage.port.ts';
import type { WorkCalendar } from './core/ports/work-calendar.port.ts';
import { DEFAULT_SLA_POLICY, type SlaPolicies } from './core/sla/deadlines.ts';
import { createCommandParser, DEFAULT_COMMAND_ALIASES } from './core/tickets/command-parser.ts';
import type { TicketChangeListener } from './core/tickets/ticket.service.ts';
import { StaffTicketService } from './core/tickets/staff-ticket.service.ts';
import type { Outbox } from './core/ports/outbox.port.ts';
import type { JobQueues } from './core/ports/job-queue.port.ts';
import { DirectOutbox } from './core/messages/outbox.ts';
import { createSla, type Sla } from './core/sla/sla.service.ts';
import { PatrolService } from './core/patrol/patrol.service.ts';
import { createLayeredCalendar } from './adapters/calendar/layered.calendar.ts';
import { TicketEvents } from './core/events/ticket-events.ts';
import { StatsRecorder } from './core/stats/stats-recorder.ts';
import { GridScope } from './core/grid/grid-scope.ts';
import { createMonthlyProposals, type MonthlyProposals } from './core/insights/monthly-proposals.ts';
import { createPointsNotice, type PointsNotice } from './core/service/points-notice.ts';
import type { InsightsService } from './core/insights/insights.service.ts';
import { DeliberationService, TOPIC_QUEUE, type TopicTimerJob } from './core/deliberation/deliberation.service.ts';
import { TopicTasks } from './core/deliberation/topic-tasks.ts';
import { TaskDeadlines } from './core/deliberation/task-deadlines.ts';
import { TicketToTopic } from './core/deliberation/ticket-to-topic.ts';
import { TopicRevisit } from './core/deliberation/topic-revisit.ts';
import { topicTimerRunner } from './core/deliberation/topic-timers.ts';
import { ServiceDesk } from './core/service/service-desk.ts';

export interface LinliParts {
  store: Store;
  triage: Triage;
  gateways: Partial<Record<Platform, ChatGateway>>;
  logger: Logger;
  clock?: Clock;
  calendar?: WorkCalendar;
  policy?: SlaPolicies;
  config?: Pick<Config, 'commandAliases'> & Partial<Pick<Config, 'sla' | 'patrol' | 'holidays' | 'insights' | 'service' | 'botName'>>;
  notifyAssigneeDirect?: boolean;
  /** Default: replies are sent at once through the gateways. */
  outbox?: Outbox;
  onTicketChange?: TicketChangeListener;
  /** With queues, deadline timers run (reminders, escalation on breach, daily digest): call `sla.start()`. */
  queues?: JobQueues;
  /**
   * How long what every message reads and rarely changes is remembered: senders, grid chains and role
   * holders (default 5 s). A grid import in another process is seen after at most this long.
   */
  cacheMs?: number;
  /** The pipeline's inbox, where messages are stored (default: one of Linli's own, for handleNow). */
  inbox?: MessageInbox;
}

export interface Linli {
  store: Store;
  router: GridRouter;
  tickets: StaffTicketService;
  /** Every committed ticket change (the deadline timers subscribe; so may a live view). */
  ticketEvents: TicketEvents;
  assistant: Assistant;
  outbox: Outbox;
  sla?: Sla;
  /** With queues: last month's 每月一题 proposal to the street staff and leaders on the configured day (call `start()`). */
  monthly?: MonthlyProposals;
  /** With queues: last month's points ranking posted in each volunteers' group on the configured day (call `start()`). */
  pointsNotice?: PointsNotice;
  /** 议事: topics and their 实事清单; with queues, `startTopicTimers()` runs their reminders and closes. */
  deliberation: DeliberationService;
  topicTasks: TopicTasks;
  topicRevisit: TopicRevisit;
  /** 转议题: a ticket turned into a topic (the console's button and the chat command). */
  ticketToTopic: TicketToTopic;
  /** 三单式 service requests in the chat: 求助, 派单, 接单, 完成, 确认, and the volunteers' points. */
  service: ServiceDesk;
  /** Runs one 议事 timer now (what the timer worker does when it fires). */
  runTopicTimer(job: TopicTimerJob): Promise<void>;
  /** Consumes the 议事 timers (from `startAfter` on, when given) and sets the 实事 items' timers again. */
  startTopicTimers(startAfter?: Promise<unknown>): Promise<void>;
  /** Keeps the overview's daily roll-ups (subscribed to ticketEvents); `rebuild` recomputes them from the event log. */
  stats: StatsRecorder;
  inbox: MessageInbox;
  /**
   * Stores messages through the pipeline's inbox and hands them to the assistant at once, without a queue: what the
   * ingest worker does with a job. For the demo and tests, which read each message's outcome.
   */
  handleNow(msgs: readonly IncomingMessage[]): Promise<HandleOutcome[]>;
}

/** Configured aliases are added to the default words, so a city's own words never remove the standard ones. */
export function mergeAliases(extra: Config['commandAliases'] = {}) {
  const merged = { ...DEFAULT_COMMAND_ALIASES };
  for (const [kind, words] of Object.entries(extra) as [keyof typeof merged, string[]][]) {
    merged[kind] = [...new Set([...merged[kind], ...words])];
  }
  return merged;
}

export function createLinli(parts: LinliParts): Linli {
  const { store, logger } = parts;
  const cacheMs = parts.cacheMs ?? 5000;
  const router = new GridRouter(store.grid, store.people, store.tickets, { cacheMs });
  const calendar = parts.calendar ?? createLayeredCalendar(parts.config?.holidays);
  const policy: SlaPolicies = parts.policy ?? { ...DEFAULT_SLA_POLICY, ...parts.config?.sla };
  const clock = parts.clock ?? systemClock;
  const outbox = parts.outbox ?? new DirectOutbox(parts.gateways, store.messages, { groups: store.groups, logger });
  const ticketEvents = new TicketEvents(logger);
  if (parts.onTicketChange) {
    const listener = parts.onTicketChange;
    ticketEvents.subscribe(({ ticket, event }) => listener(ticket, event));
  }
  const tickets = new StaffTicketService({
    tickets: store.tickets,
    people: store.people,
    messages: store.messages,
    corrections: store.corrections,
    router,
    calendar,
    policy,
    clock,
    logger,
    events: ticketEvents,
  });
  const patrol = new PatrolService({
    patrol: store.patrol,
    groups: store.groups,
    people: store.people,
    router,
    calendar,
    clock,
    logger,
    options: parts.config?.patrol,
  });
  const sla = parts.queues ? createSla({ store, tickets, router, queues: parts.queues, outbox, calendar, policy, clock, logger }) : undefined;
  if (sla) ticketEvents.subscribe(({ ticket, event }) => sla.onTicketChange(ticket, event));
  // the insights engine (and its segmenter's dictionary) is loaded when the month's run comes, not by every process
  let insights: Promise<InsightsService> | undefined;
  const loadInsights = () =>
    (insights ??= import('./adapters/insights/create-insights.ts').then(({ createInsights }) => createInsights(store, new GridScope(router, store.groups))));
  const monthly = parts.queues
    ? createMonthlyProposals({
        store,
        insights: { hot: async (q) => (await loadInsights()).hot(q) },
        queues: parts.queues,
        outbox,
        clock,
        logger,
        schedule: { day: parts.config?.insights?.monthlyDay ?? 1, at: parts.config?.insights?.monthlyAt ?? '09:00' },
      })
    : undefined;
  const svc = parts.config?.service;
  const pointsNotice = parts.queues
    ? createPointsNotice({ store, queues: parts.queues, outbox, clock, logger, schedule: { day: svc?.pointsNoticeDay ?? 1, at: svc?.pointsNoticeAt ?? '10:00' }, top: svc?.pointsNoticeTop })
    : undefined;
  // after the deadline timers: counting may wait, the timers should not
  const stats = new StatsRecorder({ stats: store.stats, chain: (id) => router.chain(id), logger });
  ticketEvents.subscribe((change) => stats.record(change));
  // without queues (tests, the demo) there are no timers: topics are closed by hand (`linli topics close`)
  const topicTimers = parts.queues?.queue<TopicTimerJob>(TOPIC_QUEUE);
  const deliberation = new DeliberationService({ store, outbox, timers: topicTimers, clock, cacheMs });
  const topicRevisit = new TopicRevisit({ store, deliberation });
  const taskDeadlines = new TaskDeadlines({ store, deliberation, calendar, chain: (id) => router.escalationChain(id), clock, policy });
  const topicTasks = new TopicTasks({ store, deliberation, revisit: topicRevisit, deadlines: taskDeadlines, clock });
  const ticketToTopic = new TicketToTopic({ store, tickets, deliberation, outbox });
  const runTopicTimer = topicTimerRunner({ deliberation, deadlines: taskDeadlines, revisit: topicRevisit });
  const startTopicTimers = async (startAfter?: Promise<unknown>) => {
    if (!topicTimers) return;
    await topicTimers.process((job) => runTopicTimer(job.data), { concurrency: 1, startAfter });
    // the 实事 items' timers again, in case the queue lost them (existing keys are no-ops)
    await taskDeadlines.reconcile();
  };
  const service = new ServiceDesk({ store, router, outbox, clock, options: parts.config?.service });
  const assistant = new Assistant({
    store,
    tickets,
    triage: parts.triage,
    parser: createCommandParser(mergeAliases(parts.config?.commandAliases)),
    gateways: parts.gateways,
    outbox,
    patrol,
    router,
    logger,
    options: { notifyAssigneeDirect: parts.notifyAssigneeDirect ?? true, cacheMs, ...(parts.config?.botName ? { botName: parts.config.botName } : {}) },
    deliberation: { service: deliberation, tasks: topicTasks, revisit: topicRevisit, fromTicket: ticketToTopic },
    service,
  });
  const inbox = parts.inbox ?? new MessageInbox({ store, logger });
  const handleNow = async (msgs: readonly IncomingMessage[]) => assistant.handleBatch((await inbox.save(msgs)).map((s) => s.item));
  return { store, router, tickets, ticketEvents, assistant, outbox, sla, monthly, pointsNotice, deliberation, topicTasks, topicRevisit, ticketToTopic, service, runTopicTimer, startTopicTimers, stats, inbox, handleNow };
}

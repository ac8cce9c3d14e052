// Every route of the admin JSON API and the staff console's pages, served on 127.0.0.1, as `linli start` and the
// sandbox do: bearer tokens (LINLI_API_TOKENS) and console sessions (sign-in by a code the bot sends by direct
// message, a password or a link).
import { randomUUID } from 'node:crypto';
import type { ConsoleConfig } from '../../config.ts';
import { SignInService } from '../../core/auth/sign-in.service.ts';
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { Platform } from '../../core/messages/incoming-message.ts';
import type { ChatGateway } from '../../core/ports/chat-gateway.port.ts';
import type { Clock } from '../../core/ports/clock.port.ts';
import { systemClock } from '../../core/ports/clock.port.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Outbox } from '../../core/ports/outbox.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { StaffTicketActions } from '../../core/tickets/staff-actions.ts';
import type { StaffTicketService } from '../../core/tickets/staff-ticket.service.ts';
import type { TicketToTopic } from '../../core/deliberation/ticket-to-topic.ts';
import { scryptHasher } from '../auth/scrypt.hasher.ts';
import { authorityLoader, tokenAuthenticator } from './authenticate.ts';
import { broadcastRoutes } from './broadcast.routes.ts';
import { gridNodeRoutes } from './grid-nodes.routes.ts';
import type { ConsoleAuthOptions } from './console-auth.ts';
import { createHttpServer, listen, type HttpServerOptions, type RouteSpec } from './http-server.ts';
import { cachedScope, patrolRoutes } from './patrol.routes.ts';
import { overviewRoutes } from './overview.routes.ts';
import { TicketEvents } from '../../core/events/ticket-events.ts';
import { LiveFeed } from '../../core/stats/live-feed.ts';
import { OverviewService } from '../../core/stats/overview.service.ts';
import { queueRoutes } from './queue.routes.ts';
import { gridRoutes } from './grid.routes.ts';
import { groupsRoutes } from './groups.routes.ts';
import { ticketRoutes } from './ticket.routes.ts';
import { insightsRoutes } from './insights.routes.ts';
import { serviceRoutes } from './service.routes.ts';
import { createInsights } from '../insights/create-insights.ts';
import { problemsCache, problemsOfMonth } from '../insights/problems-cache.ts';
import { MonthlyTopicService } from '../../core/insights/monthly-topic.service.ts';
import { DeliberationService } from '../../core/deliberation/deliberation.service.ts';
import { TopicRevisit } from '../../core/deliberation/topic-revisit.ts';
import type { TopicTasks } from '../../core/deliberation/topic-tasks.ts';
import { deliberationRoutes } from './deliberation.routes.ts';

export interface AdminApiParts {
  store: Store;
  queues: JobQueues;
  broadcast: BroadcastService;
  /** The running bot's ticket service and outbox: the console's ticket actions go through them. */
  tickets?: { service: StaffTicketService; outbox: Outbox; logger: Logger; botName?: string; toTopic?: TicketToTopic };
  /** The running bot's 议事: the console's topic steps go through it (its timers close what the console opens). */
  deliberation?: { service: DeliberationService; tasks: TopicTasks; revisit: TopicRevisit };
  /** The bus the process's Linli publishes ticket changes on (the live view); without it the stream stays quiet. */
  ticketEvents?: TicketEvents;
  clock?: Clock;
  logger?: Logger;
  /** Heartbeat interval of GET /api/events (default 15 s). */
  liveHeartbeatMs?: number;
}

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };

export function adminRoutes(o: AdminApiParts): RouteSpec[] {
  const logger = o.logger ?? quiet;
  // one snapshot of the grid and the groups (a few seconds old at most) for every route that reads a caller's subtrees
  const scope = cachedScope(o.store);
  const clock = o.clock ?? systemClock;
  // 每月一题: one analysis per (part of the grid, month) for a few minutes, shared by the console's pages and the overview
  const problems = problemsCache(createInsights(o.store, scope));

  const live = new LiveFeed(o.ticketEvents ?? new TicketEvents(logger), scope, logger);
  const actions = o.tickets && new StaffTicketActions({ tickets: o.tickets.service, store: o.store, outbox: o.tickets.outbox, logger: o.tickets.logger });
  // a topic's tasks are tickets: opened by the ticket service, assigned as the console assigns (the assignee is told)
  const service = o.tickets?.service;
  const topics = new MonthlyTopicService({
    topics: o.store.topics,
    people: o.store.people,
    grid: o.store.grid,
    tickets: service && actions && {
      report: (input) => service.report(input),
      markComplex: (no, actor, note, messageId) => service.markComplex(no, actor, note, messageId),
      assign: async (no, actor, personId, note) => (await actions.run(no, actor, { kind: 'assign', personId, note }, `topic:${randomUUID()}`)).ticket,
    },
  });
  // without the bot's 议事 the topic pages only read: a service of the store that never posts
  const readOnly = (): DeliberationService =>
    new DeliberationService({ store: o.store, clock, outbox: { send: () => Promise.reject(new Error('the admin API has no bot to post through')) } });
  const deliberation = o.deliberation ?? ((service) => ({ service, revisit: new TopicRevisit({ store: o.store, deliberation: service }), tasks: undefined }))(readOnly());
  const overview = new OverviewService({ stats: o.store.stats, scope, clock, problemsOfMonth: problemsOfMonth(topics, problems) });
  return [
    ...broadcastRoutes(o.broadcast, { scope, groups: o.store.groups }),
    ...gridNodeRoutes(scope),
    ...queueRoutes(o.queues),
    ...patrolRoutes(o.store, scope),
    ...ticketRoutes({ store: o.store, actions, botName: o.tickets?.botName, toTopic: o.tickets?.toTopic }),
    ...overviewRoutes({ overview, scope, live, heartbeatMs: o.liveHeartbeatMs }),
    ...groupsRoutes(o.store, scope),
    ...gridRoutes(o.store, scope),
    ...insightsRoutes({ store: o.store, scope, problems, topics, canAddTasks: !!o.tickets, now: () => clock.now() }),
    ...serviceRoutes({ store: o.store, scope, now: () => clock.now() }),
    ...deliberationRoutes({ store: o.store, scope, ...deliberation, now: () => clock.now() }),
  ];
}

export interface AdminApiOptions extends AdminApiParts {
  /** Bearer token → person key of the grid. */
  tokens: Record<string, string>;
  logger?: Logger;
  /** The bot's chat gateways: sign-in codes go out as direct messages through them. */
  gateways?: Partial<Record<Platform, ChatGateway>>;
  sessions?: Partial<ConsoleConfig> & { limits?: ConsoleAuthOptions['limits'] };
  clock?: Clock;
}

/** The server's options and the sign-in service behind its sessions (the sandbox makes a sign-in link with it). */
export function adminApiOptions(o: AdminApiOptions): { options: HttpServerOptions; signIn: SignInService; invalidate(): void } {
  const c = o.sessions ?? {};
  const authority = authorityLoader(o.store, c.authorityCacheMs ?? 10_000);
  const gateways = o.gateways ?? {};
  const signIn = new SignInService({
    auth: o.store.staffAuth,
    people: o.store.people,
    hasher: scryptHasher(),
    platforms: Object.keys(gateways) as Platform[],
    // straight to the gateway, not through the outbox: the outbox stores what it sends, and a code is kept only hashed
    sendDirect: async (platform, externalId, text) => void (await gateways[platform]!.sendDirect(externalId, text)),
    clock: o.clock ?? systemClock,
    policy: { ...(c.sessionTtlMs ? { sessionTtlMs: c.sessionTtlMs } : {}), ...(c.idleMs ? { idleMs: c.idleMs } : {}) },
  });
  const options: HttpServerOptions = {
    routes: adminRoutes(o),
    authenticate: tokenAuthenticator(o.tokens, o.store, authority),
    logger: o.logger,
    audit: o.store.audit,
    proxyHops: c.proxyHops ?? 0,
    console: true,
    sessions: { signIn, authority, secureCookies: c.secureCookies ?? 'auto', origins: c.origins?.length ? c.origins : undefined, limits: c.limits },
  };
  return { options, signIn, invalidate: () => authority.invalidate() };
}

/** Serves the admin API and the console on 127.0.0.1:port. */
export async function serveAdminApi(o: AdminApiOptions & { port: number }) {
  const { options, signIn } = adminApiOptions(o);
  const server = await listen(createHttpServer(options), o.port);
  return { ...server, signIn };
}

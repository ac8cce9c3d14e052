// The `linli` command. Every subcommand has --help; exit codes: 0 done, 1 failed, 2 bad input or configuration,
// 3 (`linli start`) the WeChat account is held by another process, 4 the embedded store (PGlite, LINLI_DATA_DIR) is
// open in another process.
// What only one configuration needs (a platform's SDK, BullMQ, PGlite or pg, the OpenAI SDK, the HTTP server) is
// imported where the configuration decides, not here: a process loads only what it runs (docs/BENCHMARKS.md, memory).
// Likewise the commands of src/cli/: those of the command named on the command line alone (see COMMANDS below).
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { action, config, untilStopSignal, withStore, UsageError } from './cli/runtime.ts';
import { createLogger } from './adapters/logging/pino.logger.ts';
import { holdWechatAccount } from './bots/wechat-account.ts';
import { warnAboutCalendar } from './cli/calendar-warning.ts';
import { startEarly } from './bots/early-platform.ts';
import type { Config } from './config.ts';
import type { AccountLock } from './bots/account-lock.ts';
import type { BotHost } from './bots/bot-host.ts';
import type { BroadcastService } from './core/broadcast/broadcast.service.ts';
import type { Platform } from './core/messages/incoming-message.ts';
import type { ChatGateway } from './core/ports/chat-gateway.port.ts';
import type { JobQueues } from './core/ports/job-queue.port.ts';
import type { Logger } from './core/ports/logger.port.ts';
import type { Store } from './core/ports/store.port.ts';
import type { Triage } from './core/ports/triage.port.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
// bin/linli.js runs dist/ (compiled) when it is a build of the current sources, else the sources through tsx
const runtime = import.meta.url.endsWith('.js') ? 'compiled JavaScript in dist/' : 'TypeScript sources through tsx';

// `kill -USR2 <pid>`: one line on stderr with this process's memory (the memory benchmark reads it; harmless otherwise)
process.on('SIGUSR2', () => console.error(`linli memory ${JSON.stringify(process.memoryUsage())}`));

/** Set when `linli start` failed on a platform: exit once the error is said (see the start action). */
let exitWhenDone = false;

const program = new Command()
  .name('linli')
  .description('Linli 邻里 — turns appeals in residential chat groups into tickets and follows them to closure')
  .version(`${pkg.version} (${runtime})`)
  .showHelpAfterError()
  .exitOverride((err) => {
    // commander's own usage errors (unknown command, missing argument) are bad input
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

program
  .command('start')
  .description(
    'run the assistant: in Telegram when TELEGRAM_BOT_TOKEN is set, in WeChat when WECHATY_PUPPET is set, in both ' +
      'at once (one process) when both are set; with neither, the embedded sandbox in this terminal',
  )
  .option(
    '--standby',
    'WeChat through the puppet service: load and connect everything, then wait for the account held by a running ' +
      'linli on this host and take over when that process exits (a warm spare: a crash costs a login, not a start)',
  )
  .action(
    action(async (opts: { standby?: boolean }) => {
      const c = config();
      if (opts.standby && (c.wechat.puppet !== 'wechaty-puppet-service' || !c.wechat.service)) {
        throw new UsageError('--standby waits for a WeChat account held by another linli: it needs WECHATY_PUPPET=wechaty-puppet-service');
      }
      if (c.wechat.puppet || c.telegram.token) {
        try {
          return await runPlatforms(opts.standby ?? false);
        } catch (e) {
          // the error is said (one line) and everything of ours closed; a puppet that never finished starting can
          // leave its client's retries behind (gRPC), which would keep the process alive after the error
          exitWhenDone = true;
          throw e;
        }
      }
      await withStore(async (store, cfg) => {
        // the terminal belongs to the conversation: the sandbox writes its log to a file beside its data
        const logFile = path.join(cfg.dataDir, 'sandbox.log');
        mkdirSync(path.dirname(logFile), { recursive: true });
        const logger = createLogger(cfg.logLevel, createWriteStream(logFile, { flags: 'a' }));
        warnAboutCalendar(cfg, logger);
        if (cfg.queue.kind === 'redis') {
          const warning =
            'REDIS_URL is set, but the sandbox (no WECHATY_PUPPET, no TELEGRAM_BOT_TOKEN) keeps its queues in this process: `linli worker` and `linli queue` do not see them.';
          console.error(`warning: ${warning}`);
          logger.warn({ redisUrl: 'ignored' }, warning);
        }
        const [{ createTriage }, { runSandbox }] = await Promise.all([import('./adapters/triage/create-triage.ts'), import('./bots/sandbox.ts')]);
        // the log is a file: what the LLM start-up check finds wrong is said on the terminal too
        const triage = await createTriage(cfg, logger, { onLlmProblem: (m) => console.error(`warning: ${m}`) });
        await runSandbox({ cfg, store, triage, logger, logFile });
      });
    }),
  );

/** A promise settled from outside (unhandled rejection muted: whoever awaits it sees it). */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Runs the configured platforms (WeChat, Telegram or both, sharing one assistant) until SIGINT/SIGTERM. */
async function runPlatforms(standby: boolean) {
  // one process per WeChat account: taken before the store opens (a standby's: before the platforms are created),
  // released after the store closed
  const c = config();
  // the platforms' SDKs (WeChat's alone loads ~1,400 modules, a second on 2 cores) and the parts servePlatforms
  // uses start loading now, while the account lock is taken and the store opens; they are then found loaded. The bot
  // host (the domain) too for a standby; a start loads it once logged in (see servePlatforms)
  const preload = Promise.all([
    import('./bots/platform-registry.ts').then(({ PLATFORMS, configuredPlatforms }) => Promise.all(configuredPlatforms(c).map((p) => PLATFORMS[p].load()))),
    standby ? import('./bots/bot-host.ts') : undefined,
    import('./adapters/pipeline/create-pipeline.ts'),
    import('./adapters/broadcast/create-broadcast.ts'),
  ]);
  preload.catch(() => undefined); // a module that fails to load fails again, and is reported, where it is used
  let account: AccountLock | undefined;
  // a standby loads the modules, opens the store and connects the workers first, then waits for the account: when
  // its holder dies, what is left is the login (see servePlatforms)
  const hold = async () => void (account = await holdWechatAccount(c.dataDir, c.wechat, { standby }));
  if (!standby) await hold();
  try {
    await servePlatforms(standby ? hold : undefined);
  } finally {
    account?.release();
  }
}

/**
 * `standbyFor`: a standby's wait for the account, run before the platforms start. Everything else is ready by then
 * (the workers and timers connected, the triage model loaded), so the takeover is the login alone.
 */
async function servePlatforms(standbyFor?: () => Promise<void>) {
  await withStore(async (store, cfg, logger) => {
    warnAboutCalendar(cfg, logger);
    // The platforms are created as soon as their SDKs are loaded, and (unless this is a standby, which logs in once it
    // holds the account) log in at once, while the grid is ensured and the host is built: the login needs no domain
    // code, and a broadcast cut short by a crash sends again from the login on. What they hand meanwhile (the rooms
    // listed at login, messages) is held and handed to the host when it starts them (startEarly).
    const platforms = import('./bots/platform-registry.ts').then(async ({ configuredPlatforms, createPlatforms }) => {
      const faces = await createPlatforms(configuredPlatforms(cfg), { config: cfg, logger });
      return standbyFor ? faces : faces.map(startEarly);
    });
    platforms.catch(() => undefined); // awaited below
    const canSend = deferred(); // every platform can send (see the broadcast worker below)
    // the host's modules (the domain, ~0.3 s of CPU) load once the platforms can send (a standby's at once): a
    // resumed broadcast's first copies go before them
    const hostModule = (standbyFor ? Promise.resolve() : canSend.promise.catch(() => undefined)).then(() => import('./bots/bot-host.ts'));
    hostModule.catch(() => undefined); // awaited below
    const [{ ensureGrid }, { createTriage }, { createBroadcastService, telegramSendRate }, { createPipeline }] = await Promise.all([
      import('./bots/ensure-grid.ts'),
      import('./adapters/triage/create-triage.ts'),
      import('./adapters/broadcast/create-broadcast.ts'),
      import('./adapters/pipeline/create-pipeline.ts'),
    ]);
    // the pipeline is the only way in: its queues carry messages, replies and deadline timers (BullMQ with Redis,
    // in process without)
    const pipeline = createPipeline(cfg, { store, logger });
    const queues = pipeline.queues;
    // A broadcast cut short by a crash resumes as soon as the account is logged in again: its worker connects now,
    // while the platforms load and log in, and takes the queued copies once every gateway can send (the platforms'
    // sendable; a standby's: host.sendable), not after the host is built and the rest of the bot (pipeline workers,
    // deadlines) has started.
    const gateways: Partial<Record<Platform, ChatGateway>> = {};
    if (!standbyFor) {
      void platforms
        .then((faces) => {
          for (const p of faces) gateways[p.name] = p.gateway;
          return Promise.all(faces.map((p) => p.sendable?.()));
        })
        .then(() => canSend.resolve(), canSend.reject);
    }
    const broadcast = createBroadcastService({
      store,
      queues,
      gateways,
      rate: cfg.pipeline.notifyLimit,
      intervalMs: cfg.wechat.sendIntervalMs,
      jitterMs: cfg.wechat.sendJitterMs,
      platformRates: { TELEGRAM: telegramSendRate(cfg) },
      logger,
    });
    const broadcastWorker = broadcast.service.startWorker(undefined, canSend.promise);
    // the grid is stored while the platforms load; the triage model (not needed to send) loads once the platforms
    // have started (a standby's: before it waits), so it does not compete with a resumed broadcast's first sends; a
    // message that comes before waits
    const grid = ensureGrid(store, cfg.gridFile, logger);
    grid.catch(() => undefined); // awaited below
    const triageDue = deferred();
    const triageLoaded = triageDue.promise.then(() => createTriage(cfg, logger));
    triageLoaded.catch(() => undefined); // awaited below
    const triage: Triage = { classify: async (text, context) => (await triageLoaded).classify(text, context) };
    let running: BotHost | undefined; // started, so stopped if what follows fails (the model)
    let hostStarting = false; // from then on the host stops the platforms if it fails
    let unbridge: (() => Promise<void>) | undefined;
    try {
      await grid;
      // one host around any set of platforms: one assistant, one deadline engine, one set of workers (built, not
      // started: a standby builds them before it waits for the account, and logs in only once it holds it)
      const host = (await hostModule).createBotHost(await platforms, {
        pipeline,
        patrolEveryMs: 5 * 60_000,
        store,
        triage,
        logger,
        config: cfg,
        notifyAssigneeDirect: cfg.notifyAssigneeDirect,
        retryEveryMs: 60_000,
      });
      Object.assign(gateways, host.gateways);
      // with Redis, the console here shows live what `linli worker` processes change (and they hear this one's)
      unbridge = await (await import('./adapters/redis/create-ticket-relay.ts')).bridgeTicketEvents(cfg, host.linli.ticketEvents, logger);
      if (standbyFor) host.sendable.then(canSend.resolve, canSend.reject);
      // the overview's roll-ups of a store from before they existed are rebuilt from its tickets (once)
      await (await import('./cli/stats.command.ts')).ensureStats(host.linli.stats, logger);
      if (standbyFor) {
        await host.prepare();
        triageDue.resolve();
        await triageLoaded;
        await standbyFor();
      }
      hostStarting = true;
      const started = host.start().then(() => void (running = host));
      void started.then(triageDue.resolve, () => undefined);
      await Promise.all([started, broadcastWorker, triageLoaded]);
      // Scheduled and unfinished broadcasts whose queued work an in-process queue lost with the last process are queued
      // again now. BullMQ kept the copies, which the worker is already sending: what a crash there may have lost (a
      // broadcast half queued) is queued once the queues are idle, so as not to slow a resumed broadcast's sends.
      const quit = new AbortController();
      if (queues.kind === 'memory') await broadcast.service.recover();
      else void broadcast.service.recoverWhenIdle({ signal: quit.signal }).catch((e: unknown) => logger.error({ err: e }, 'recovering broadcasts failed'));
      await serveUntilStopped(store, cfg, logger, queues, broadcast.service, host, () => quit.abort());
      await unbridge();
    } catch (e) {
      await unbridge?.().catch(() => undefined);
      canSend.reject(e);
      await running?.stop().catch(() => undefined);
      // platforms logging in early, whose host failed before it started them (a bad grid file): logged out
      if (!hostStarting) await Promise.all((await platforms.catch(() => [])).map((p) => p.stop().catch(() => undefined)));
      await pipeline.close().catch(() => undefined); // the queues' connections would keep the process alive
      throw e;
    }
  });
}

/** The admin API and console (when LINLI_HTTP_PORT is set) and the startup line; then waits for SIGINT/SIGTERM and stops. */
async function serveUntilStopped(store: Store, cfg: Config, logger: Logger, queues: JobQueues, broadcast: BroadcastService, host: BotHost, stopping: () => void) {
  const http = cfg.httpPort
    ? await (await import('./adapters/http/admin-api.ts')).serveAdminApi({
        store,
        queues,
        broadcast,
        tokens: cfg.apiTokens,
        port: cfg.httpPort,
        logger,
        gateways: host.gateways,
        sessions: cfg.console,
        tickets: { service: host.linli.tickets, outbox: host.linli.outbox, logger, botName: cfg.botName, toTopic: host.linli.ticketToTopic },
        deliberation: { service: host.linli.deliberation, tasks: host.linli.topicTasks, revisit: host.linli.topicRevisit },
        ticketEvents: host.linli.ticketEvents,
      })
    : undefined;
  const tokenCount = Object.keys(cfg.apiTokens).length;
  if (http) {
    const tokensSaid = tokenCount ? `${tokenCount} bearer tokens from LINLI_API_TOKENS` : 'no bearer tokens (LINLI_API_TOKENS is empty)';
    console.error(`staff console ${http.url}/ (staff sign in at ${http.url}/login) and admin API on ${http.url}/api; ${tokensSaid}`);
  }
  const where = host.platforms.map((p) => p.describe());
  await untilStopSignal(() => console.error(`Linli is running in ${where.join(' and ')}; Ctrl-C to stop`), async () => {
    stopping();
    await http?.close();
    await host.stop();
  });
}

program
  .command('demo')
  .description('replay the 污水井盖 case (a real building group) end to end and print the ticket timeline')
  .action(
    action(async () => {
      const cfg = config();
      const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
      const [{ createTriage }, { runDemo }] = await Promise.all([import('./adapters/triage/create-triage.ts'), import('./bots/demo.ts')]);
      const code = await runDemo({ triage: await createTriage(cfg, logger), logger });
      if (code !== 0) throw new Error('the demo did not end with a closed ticket');
    }),
  );

program
  .command('migrate')
  .description('apply pending database migrations (also done automatically at start)')
  .action(action(async () => withStore(async (store) => console.log(`store is up to date (${store.kind})`))));

/**
 * The commands of src/cli/ (and `bench`), in the order `linli --help` lists them: each top-level name with what registers it. A run
 * that names one of them loads that one's modules alone (`linli start` none of them: it is a crash's restart, and
 * every command's modules were ~0.1 s of CPU before a resumed broadcast could send); any other run (`--help`, `help`,
 * a mistyped name, which commander answers with the nearest names) loads them all, so that help and errors are those
 * of the whole CLI.
 */
const COMMANDS: [name: string, load: () => Promise<(program: Command) => void>][] = [
  ['grid', () => import('./cli/grid.command.ts').then((m) => m.registerGridCommands)],
  ['groups', () => import('./cli/groups.command.ts').then((m) => m.registerGroupCommands)],
  ['tickets', () => import('./cli/tickets.command.ts').then((m) => m.registerTicketCommands)],
  ['topics', () => import('./cli/topics.command.ts').then((m) => m.registerTopicCommands)],
  ['service', () => import('./cli/service.command.ts').then((m) => m.registerServiceCommands)],
  ['triage', () => import('./cli/triage.command.ts').then((m) => m.registerTriageCommands)],
  ['worker', () => import('./cli/worker.command.ts').then((m) => m.registerWorkerCommand)],
  ['queue', () => import('./cli/queue.command.ts').then((m) => m.registerQueueCommands)],
  ['patrol', () => import('./cli/patrol.command.ts').then((m) => m.registerPatrolCommands)],
  ['broadcast', () => import('./cli/broadcast.command.ts').then((m) => m.registerBroadcastCommands)],
  ['sla', () => import('./cli/sla.command.ts').then((m) => m.registerSlaCommands)],
  ['stats', () => import('./cli/stats.command.ts').then((m) => m.registerStatsCommands)],
  ['users', () => import('./cli/users.command.ts').then((m) => m.registerUserCommands)],
  // `insights` is a group shared by `hot` (which creates it) and `report` (which attaches to it, or creates it if alone)
  ['insights', () => import('./cli/insights.command.ts').then((m) => m.registerInsightsCommands)],
  ['insights', () => import('./cli/insights-report.command.ts').then((m) => m.registerInsightsReportCommand)],
  // after `demo` above: adds `demo seed-history` to it
  ['demo', () => import('./cli/demo-history.command.ts').then((m) => m.registerDemoHistoryCommand)],
  ['bench', async () => registerBench],
];

function registerBench(program: Command) {
  program
    .command('bench')
    .description('run the benchmarks (see docs/BENCHMARKS.md)')
    .action(
      action(async () => {
        // the benchmarks stay TypeScript: the compiled CLI (dist/cli.js) loads them through tsx
        if (import.meta.url.endsWith('.js')) (await import('tsx/esm/api')).register();
        const benchIndex = new URL('../bench/index.ts', import.meta.url).href;
        const { runBenchmarks } = (await import(benchIndex)) as { runBenchmarks(): Promise<void> };
        await runBenchmarks();
      }),
    );
}

// the command named (commander has no option before it but --help and --version, which list every command)
const named = process.argv[2];
const wanted = COMMANDS.filter(([name]) => name === named);
const chosen = wanted.length || program.commands.some((c) => c.name() === named) ? wanted : COMMANDS;
// loaded side by side, registered in the listed order
for (const register of await Promise.all(chosen.map(([, load]) => load()))) register(program);

try {
  await program.parseAsync(process.argv);
  if (exitWhenDone) process.exit();
} catch (e) {
  if (e instanceof UsageError) process.exit(2);
  throw e;
}

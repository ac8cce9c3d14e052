// `linli broadcast`: 批量发布 — preview, send (with a live progress bar and a per-group table), status, pause, resume,
// cancel and resend-failed. Without a real chat platform the copies go to the in-memory sandbox chat, and it says so.
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { createBroadcastService, telegramSendRate } from '../adapters/broadcast/create-broadcast.ts';
import { SANDBOX_NOTICE } from '../adapters/broadcast/sandbox-notice.ts';
import { MemoryChatGateway } from '../adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../adapters/memory/memory-job-queues.ts';
import { broadcastRepositoryOf } from '../adapters/prisma/prisma-broadcast.repository.ts';
import { ensureGrid } from '../bots/ensure-grid.ts';
import type { Config } from '../config.ts';
import { BROADCAST_ROLES } from '../core/broadcast/broadcast-targets.ts';
import type { BroadcastService } from '../core/broadcast/broadcast.service.ts';
import { BROADCAST_STATUS_ZH, DELIVERY_STATUS_ZH, type BroadcastTargets, type GroupRef } from '../core/broadcast/broadcast.types.ts';
import { ancestorCodes } from '../core/grid/grid.types.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';
import { action, UsageError, withCheckedStore } from './runtime.ts';
import { chinaIso, forTerminal, parseReportTime } from './terminal-text.ts';

const PLATFORMS: readonly Platform[] = ['WECHAT', 'TELEGRAM'];
const collect = (value: string, previous: string[] = []) => [...previous, value];
const groupRef = (s: string): GroupRef => (/^\d+$/.test(s) ? Number(s) : s);

interface Session {
  store: Store;
  service: BroadcastService;
  gateway: MemoryChatGateway;
  close(): Promise<void>;
}

/**
 * The broadcast use-cases for this process. The sandbox (no platform configured) sends to the in-memory chat through
 * the in-process queue; a real WeChat account lives in `linli start`, so this process cannot send through it.
 */
const SHARED_STORE_REFUSAL =
  'this store is PostgreSQL (DATABASE_URL), which the bot (`linli start`) may share: a send from here would go to sandbox ' +
  "groups and be recorded as sent. Send through the running bot: the console's 批量发布 or POST /api/broadcasts; --dry-run previews here.";

async function session(store: Store, cfg: Config, logger: Logger): Promise<Session> {
  if (cfg.wechat.puppet || cfg.telegram.token) {
    throw new UsageError(
      'broadcasts to real WeChat or Telegram groups are sent by the bot process (`linli start`, or its admin API), which ' +
        'keeps the platform limits; run without WECHATY_PUPPET and TELEGRAM_BOT_TOKEN for the sandbox, or use --dry-run to preview',
    );
  }
  if (cfg.store.kind === 'postgres') {
    // the production bot's store, most likely: a sandbox send would mark its real groups' copies as sent
    throw new UsageError(SHARED_STORE_REFUSAL);
  }
  await ensureGrid(store, cfg.gridFile, logger);
  const queues = createMemoryQueues();
  const gateway = new MemoryChatGateway();
  const { service } = createBroadcastService({
    store,
    queues,
    gateways: { WECHAT: gateway, TELEGRAM: new MemoryChatGateway('TELEGRAM') },
    rate: cfg.pipeline.notifyLimit,
    jitterMs: 0,
    platformRates: { TELEGRAM: telegramSendRate(cfg) },
    logger,
  });
  return { store, service, gateway, close: () => queues.close() };
}

async function authorId(store: Store, key: string | undefined, nodeCode: string): Promise<number> {
  const repo = broadcastRepositoryOf(store);
  if (key) {
    const p = await repo.personByKey(key);
    if (!p) throw new UsageError(`--as: no person with key "${key}" in the grid`);
    return p.id;
  }
  // Without --as: the one person who may broadcast over this node, if there is exactly one.
  const node = await store.grid.findByCode(nodeCode);
  if (!node) throw new UsageError(`--to: grid node ${nodeCode} not found`);
  const chain = await store.grid.findByCodes([...ancestorCodes(node), node.code]);
  const holders = [...new Map((await store.people.holders(chain.map((n) => n.id), BROADCAST_ROLES)).map((h) => [h.person.id, h.person])).values()];
  if (holders.length !== 1) throw new UsageError(`name the author with --as PERSON_KEY (${BROADCAST_ROLES.join(', ')} over the target node)`);
  console.error(`author: ${holders[0]!.name} (the only ${BROADCAST_ROLES.join('/')} over ${nodeCode}; use --as to choose)`);
  return holders[0]!.id;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

function printTable(given: string[][]) {
  const rows = given.map((r) => r.map(forTerminal));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd());
}

async function printStatus(store: Store, service: BroadcastService, id: number) {
  const { broadcast: b, counts, deliveries } = await service.status(id);
  const groups = new Map((await store.groups.list()).map((g) => [g.id, g]));
  console.log(`broadcast #${b.id}  ${BROADCAST_STATUS_ZH[b.status]} (${b.status})  created ${chinaIso(b.createdAt)}` + (b.finishedAt ? `  finished ${chinaIso(b.finishedAt)}` : ''));
  console.log(`text: ${forTerminal(b.text)}`);
  console.log(`sent ${counts.SENT} · failed ${counts.FAILED} · skipped ${counts.SKIPPED} · pending ${counts.PENDING} · total ${counts.total}`);
  printTable([
    ['group', 'title', 'status', 'attempts', 'detail'],
    ...deliveries.map((d) => {
      const g = groups.get(d.groupId);
      return [g?.externalId ?? String(d.groupId), g?.title ?? '', `${DELIVERY_STATUS_ZH[d.status]} ${d.status}`, String(d.attempts), d.reason ?? (d.sentAt ? chinaIso(d.sentAt) : '')];
    }),
  ]);
}

/** Runs the queued copies in this process with a progress bar until nothing is pending or the broadcast stops. */
async function runSends(s: Session, id: number) {
  const repo = broadcastRepositoryOf(s.store);
  await s.service.startWorker(4);
  const counts = await repo.counts(id);
  const bar = new SingleBar(
    { format: '发送中 [{bar}] {percentage}% | {value}/{total} 个群 | 失败 {failed} 跳过 {skipped} | {eta_formatted}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  // Ctrl-C pauses: listened for before the bar is drawn, so an interrupt right after it shows is not Node's default
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  process.once('SIGINT', onSignal);
  bar.start(counts.total, counts.total - counts.PENDING, { failed: counts.FAILED, skipped: counts.SKIPPED });
  try {
    for (;;) {
      const c = await repo.counts(id);
      bar.update(c.total - c.PENDING, { failed: c.FAILED, skipped: c.SKIPPED });
      const b = await repo.findById(id);
      if (!b || b.status !== 'SENDING' || c.PENDING === 0 || stop) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    bar.stop();
    process.off('SIGINT', onSignal);
  }
  if (stop) {
    await s.service.pause(id);
    console.error(`interrupted: broadcast #${id} paused; \`linli broadcast resume ${id}\` sends the rest`);
  }
}

function idArg(value: string): number {
  const n = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`not a broadcast id: ${value}`);
  return n;
}

export function registerBroadcastCommands(program: Command) {
  const bc = program.command('broadcast').description('批量发布: send one notice to many groups, follow it, pause, resume, cancel');

  bc.command('send')
    .requiredOption('--to <node>', 'grid node code: every active group in its subtree')
    .requiredOption('--text <text>', 'the notice')
    .option('--tag <tag>', 'only groups with this tag (repeatable: any of them)', collect)
    .option('--platform <platform>', `only groups on ${PLATFORMS.join(' or ')}`)
    .option('--exclude <group>', 'leave out this group (id or platform id; repeatable)', collect)
    .option('--as <personKey>', `the author (key from the grid file): ${BROADCAST_ROLES.join(', ')} over the node`)
    .option('--at <time>', 'send later, at this time (e.g. 2026-11-23T09:00+08:00, or 2026-11-23 09:00 for China time)')
    .option('--dry-run', 'print the target groups and the estimated finish; send nothing')
    .description('send a notice to the groups under a grid node')
    .action(
      action(async (opts: { to: string; text: string; tag?: string[]; platform?: string; exclude?: string[]; as?: string; at?: string; dryRun?: boolean }) =>
        withCheckedStore(
          () => {
            const platform = opts.platform?.toUpperCase();
            if (platform && !PLATFORMS.includes(platform as Platform)) throw new UsageError(`--platform: one of ${PLATFORMS.join(', ')}`);
            // without an offset, China time (as the console and \`linli sla due\` read it), not UTC: 8 hours late
            return { platform, scheduledAt: opts.at ? parseReportTime(opts.at) : null };
          },
          async ({ platform, scheduledAt }, store, cfg, logger) => {
            const targets: BroadcastTargets = {
              nodeCode: opts.to,
              ...(opts.tag?.length ? { tags: opts.tag } : {}),
              ...(platform ? { platform: platform as Platform } : {}),
              ...(opts.exclude?.length ? { exclude: opts.exclude.map(groupRef) } : {}),
            };
            if (opts.dryRun && (cfg.wechat.puppet || cfg.telegram.token || cfg.store.kind === 'postgres')) {
              // a preview needs no chat account
              const s0 = createBroadcastService({
                store,
                queues: createMemoryQueues(),
                gateways: {},
                rate: cfg.pipeline.notifyLimit,
                intervalMs: cfg.wechat.sendIntervalMs,
                jitterMs: cfg.wechat.sendJitterMs,
                platformRates: { TELEGRAM: telegramSendRate(cfg) },
              });
              return printPreview(await s0.service.preview({ authorId: await authorId(store, opts.as, opts.to), text: opts.text, targets, scheduledAt }));
            }
            const s = await session(store, cfg, logger);
            try {
              const input = { authorId: await authorId(store, opts.as, opts.to), text: opts.text, targets, scheduledAt };
              if (opts.dryRun) {
                printPreview(await s.service.preview(input));
                console.log(SANDBOX_NOTICE);
                return;
              }
              console.error(SANDBOX_NOTICE);
              const { broadcast, deliveries, preview } = await s.service.create(input);
              console.error(`broadcast #${broadcast.id}: ${deliveries.length} groups; ${preview.estimate.explanation}`);
              const b = await s.service.dispatch(broadcast.id);
              if (b.status === 'SCHEDULED') {
                // the in-process queue does not outlive this command
                console.log(`broadcast #${b.id} scheduled for ${b.scheduledAt ? chinaIso(b.scheduledAt) : '?'}; run \`linli broadcast resume ${b.id}\` at that time in the sandbox`);
                return;
              }
              await runSends(s, broadcast.id);
              await printStatus(store, s.service, broadcast.id);
              console.log(SANDBOX_NOTICE);
            } finally {
              await s.close();
            }
          },
        ),
      ),
    );

  bc.command('status')
    .argument('<id>', 'broadcast id')
    .description('a broadcast and every group copy')
    .action(
      action(async (id: string) =>
        withCheckedStore(() => idArg(id), async (n, store, cfg, logger) => {
          const { service } = createBroadcastService({ store, queues: createMemoryQueues(), gateways: {}, rate: cfg.pipeline.notifyLimit, logger });
          await printStatus(store, service, n);
        }),
      ),
    );

  const control = (name: 'pause' | 'resume' | 'cancel' | 'resend-failed', description: string) =>
    bc
      .command(name)
      .argument('<id>', 'broadcast id')
      .description(description)
      .action(
        action(async (idText: string) =>
          withCheckedStore(() => idArg(idText), async (id, store, cfg, logger) => {
            const s = await session(store, cfg, logger);
            try {
              console.error(SANDBOX_NOTICE);
              if (name === 'pause') await s.service.pause(id);
              if (name === 'cancel') await s.service.cancel(id);
              if (name === 'resume' || name === 'resend-failed') {
                const b = name === 'resume' ? await s.service.resume(id) : (await s.service.resendFailed(id)).broadcast;
                if (b.status === 'SENDING') await runSends(s, id);
              }
              await printStatus(store, s.service, id);
            } finally {
              await s.close();
            }
          }),
        ),
      );
  control('pause', 'stop sending; the groups not reached yet wait for resume');
  control('resume', 'send to the groups not reached yet (also after a crashed run)');
  control('cancel', 'stop for good: the groups not reached yet are skipped');
  control('resend-failed', 'send again to the groups whose copy failed, and only to them');
}

function printPreview(p: Awaited<ReturnType<BroadcastService['preview']>>) {
  console.log(`text as sent (mobile and ID numbers masked): ${forTerminal(p.text)}`);
  if (p.masked) console.log('note: the text holds mobile or ID numbers; the groups will see them masked (give an office phone or an address instead)');
  console.log(`${p.groups.length} groups:`);
  printTable([['group', 'title', 'node', 'platform'], ...p.groups.map((g) => [g.externalId, g.title, `${g.nodeCode} ${g.nodeName}`, g.platform])]);
  for (const i of p.ignored) console.log(`not targeted: ${i.ref} — ${i.reason}`);
  console.log(`estimated finish: ${chinaIso(p.estimate.finishAt)} (${p.estimate.explanation})`);
}

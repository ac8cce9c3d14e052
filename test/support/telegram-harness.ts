// The real grammY bot (TelegramPlatform, long polling through @grammyjs/runner) run by the bot host as `linli start`
// runs it, against the fake Bot API, over a real store:
// tests push updates as people in groups would cause them and read what the bot sent from the fake.
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import type { Linli } from '../../src/app.ts';
import { createBotHost, type BotHost } from '../../src/bots/bot-host.ts';
import { TelegramPlatform } from '../../src/bots/platforms/telegram/index.ts';
import type { TelegramConfig } from '../../src/config.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { freshStore, type StoreKind } from './databases.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { weekdayCalendar } from './harness.ts';

export interface TelegramHarness {
  /** The host running Telegram alone, and its Linli. */
  host: BotHost;
  linli: Linli;
  telegram: TelegramPlatform;
  fake: FakeTelegram;
  logs: () => Record<string, unknown>[];
  /** Waits until the bot has received every pushed update and handled it, and no send waits for its turn. */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export async function telegramHarness(
  grid: GridSpec,
  opts: { kind?: StoreKind; triage?: Triage; limits?: Partial<Pick<TelegramConfig, 'globalPerSecond' | 'groupPerMinute' | 'chatIntervalMs'>> } = {},
): Promise<TelegramHarness> {
  const { store, dispose } = await freshStore(opts.kind ?? 'pglite');
  await store.grid.importSpec(grid);
  const fake = new FakeTelegram();
  for (const g of grid.groups.filter((x) => x.platform === 'TELEGRAM')) fake.group(g.externalId, g.title);
  const apiRoot = await fake.start();
  const { logger, lines } = createMemoryLogger('info');
  const triage = opts.triage ?? (await createTriage({ triageModel: undefined, llm: undefined }, logger));
  const telegram = new TelegramPlatform({
    logger,
    telegram: { token: fake.token, apiRoot, globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 0, ...opts.limits },
    pollTimeoutSeconds: 5,
  });
  const host = createBotHost([telegram], { store, triage, logger, calendar: weekdayCalendar });
  await host.start();
  const settle = async () => {
    // every update the fake was given has been fetched and confirmed, then handled
    const deadline = Date.now() + 30_000;
    while (telegram.received < fake.pushed) {
      if (Date.now() > deadline) throw new Error(`the bot received ${telegram.received} of ${fake.pushed} updates`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await host.settle();
  };
  return {
    host,
    linli: host.linli,
    telegram,
    fake,
    logs: lines,
    settle,
    async dispose() {
      await host.stop();
      await fake.close();
      await dispose();
    },
  };
}

// `linli stats rebuild`: recomputes the overview's daily roll-ups from the tickets' event logs (after a restore, or a
// change to how they count); `linli start` does it by itself when the roll-ups are empty and tickets exist.
import type { Command } from 'commander';
import { GridRouter } from '../core/grid/routing.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';
import { StatsRecorder } from '../core/stats/stats-recorder.ts';
import { action, withStore } from './runtime.ts';

function statsRecorder(store: Store, logger: Logger): StatsRecorder {
  // a long-lived snapshot: the grid does not change while the roll-ups are rebuilt
  const router = new GridRouter(store.grid, store.people, store.tickets, { cacheMs: 60_000 });
  return new StatsRecorder({ stats: store.stats, chain: (id) => router.chain(id), logger });
}

/** At start: rebuilds empty roll-ups over a store that has tickets (with the running Linli's recorder). */
export async function ensureStats(recorder: Pick<StatsRecorder, 'ensureBuilt'>, logger: Logger): Promise<void> {
  const started = Date.now();
  const r = await recorder.ensureBuilt();
  if (r.rebuilt) logger.info({ tickets: r.tickets, ms: Date.now() - started }, 'overview statistics were empty: rebuilt from the tickets');
}

export function registerStatsCommands(program: Command) {
  const stats = program.command('stats').description('the overview statistics (daily roll-ups of ticket events)');
  stats
    .command('rebuild')
    .description('recompute the daily roll-ups from every ticket\'s event log (stop the bot first)')
    .action(
      action(async () =>
        withStore(async (store, _cfg, logger) => {
          const started = Date.now();
          const r = await statsRecorder(store, logger).rebuild();
          console.log(`rebuilt the statistics from ${r.tickets} tickets (${r.events} events) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }),
      ),
    );
}

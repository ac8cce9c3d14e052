// `linli demo seed-history [--months N]`: the sandbox's demo history (generated tickets on the demo grid, so that
// 每月一题 has months to read) written into the configured store — once; a second run adds nothing.
import type { Command } from 'commander';
import { DEMO_HISTORY_MONTHS, NotDemoGridError, seedDemoHistory } from '../core/demo/demo-history.ts';
import { lastFullMonth } from '../core/insights/insights-period.ts';
import { action, UsageError, withStore } from './runtime.ts';

/** Adds `seed-history` to the `demo` command (created here if cli.ts has none). */
export function registerDemoHistoryCommand(program: Command) {
  const demo = program.commands.find((c) => c.name() === 'demo') ?? program.command('demo').description('the demo');
  demo
    .command('seed-history')
    .description(`write about a year of generated demo tickets into the store (the demo grid only; once): 每月一题 then has history to show`)
    .option('--months <N>', 'months of history ending with last month (13 or more include the same month a year before)', String(DEMO_HISTORY_MONTHS))
    .action(
      action(async (o: { months: string }) => {
        const months = Number(o.months);
        if (!Number.isInteger(months) || months < 1 || months > 36) throw new UsageError(`--months must be a whole number from 1 to 36, got ${JSON.stringify(o.months)}`);
        await withStore(async (store) => {
          if ((await store.grid.count()) === 0) throw new UsageError('the store has no grid: import the demo grid first (linli grid import data/demo-grid.yaml)');
          try {
            const r = await seedDemoHistory(store, new Date(), months);
            const where = store.kind === 'pglite' ? 'the embedded store' : 'PostgreSQL';
            if (r.tickets === 0) console.log(`the demo history is already in ${where}: nothing added`);
            else console.log(`seeded ${r.tickets} demo tickets from ${r.from} to ${r.to} into ${where}; try: linli insights report --month ${lastFullMonth(new Date())}`);
          } catch (e) {
            if (e instanceof NotDemoGridError) throw new UsageError(e.message);
            throw e;
          }
        });
      }),
    );
}

// `linli insights report --month YYYY-MM [--node CODE] [--out FILE] [--top N]`: the month's 每月一题 proposal as a
// document a street office can circulate — Markdown (stdout or FILE.md), printable HTML with charts (FILE.html), or
// PDF printed by Chromium (FILE.pdf).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { GridScope } from '../core/grid/grid-scope.ts';
import { GridRouter } from '../core/grid/routing.ts';
import { isMonth } from '../core/insights/insights-period.ts';
import { proposalFor } from '../core/insights/monthly-proposals.ts';
import { action, assertWritableFile, UsageError, withStore } from './runtime.ts';

const FORMATS = ['.md', '.html', '.pdf'] as const;

interface ReportOptions {
  month: string;
  node?: string;
  out?: string;
  top: string;
}

/**
 * Adds `report` to the `insights` command group. `insights` is shared with `linli insights hot` (registered in its own
 * file): whichever registration runs second attaches to the group the first created, so the order of the register
 * calls in cli.ts does not matter — each looks the group up before creating it.
 */
export function registerInsightsReportCommand(program: Command) {
  const insights =
    program.commands.find((c) => c.name() === 'insights') ?? program.command('insights').description('每月一题: the problems of the month found in the appeals');
  insights
    .command('report')
    .description("the month's 每月一题 proposal (top problems, evidence, 一方案三清单 skeleton) as Markdown, printable HTML or PDF")
    .requiredOption('--month <YYYY-MM>', 'the month (China time)')
    .option('--node <CODE>', 'a grid node: its subtree only (default: the whole grid)')
    .option('--out <FILE>', 'write FILE.md, FILE.html (self-contained, printable, charts) or FILE.pdf (needs Chromium) instead of Markdown on stdout')
    .option('--top <N>', 'problems given a section with their 一方案三清单', '3')
    .action(
      action(async (o: ReportOptions) => {
        if (!isMonth(o.month)) throw new UsageError(`--month must be a month as YYYY-MM (01 to 12), got ${JSON.stringify(o.month)}`);
        const chosen = Number(o.top);
        if (!Number.isInteger(chosen) || chosen < 1 || chosen > 50) throw new UsageError(`--top must be a whole number from 1 to 50, got ${JSON.stringify(o.top)}`);
        const format = o.out ? path.extname(o.out).toLowerCase() : '.md';
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--out must end in ${FORMATS.join(', ')}, got ${JSON.stringify(o.out)}`);
        if (o.out) assertWritableFile(o.out);
        await withStore(async (store) => {
          const [{ createInsights }, nodes] = await Promise.all([import('../adapters/insights/create-insights.ts'), store.grid.all()]);
          const roots = o.node ? nodes.filter((n) => n.code === o.node) : nodes.filter((n) => n.parentId === null);
          if (o.node && roots.length === 0) throw new UsageError(`no grid node with code ${JSON.stringify(o.node)} (see linli grid export)`);
          if (roots.length === 0) throw new UsageError('the store has no grid: import one first (linli grid import FILE)');
          const insights = createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups));
          const proposal = await proposalFor({ hot: (q) => insights.hot(q), nodes }, { month: o.month, roots, top: Math.max(10, chosen), chosen });
          if (format === '.md') {
            const { renderProposalMarkdown } = await import('../adapters/insights/proposal-markdown.ts');
            const md = renderProposalMarkdown(proposal);
            if (!o.out) return void process.stdout.write(md);
            writeFileSync(o.out, md);
          } else {
            const { renderProposalHtml } = await import('../adapters/insights/proposal-html.ts');
            const page = renderProposalHtml(proposal);
            if (format === '.html') writeFileSync(o.out!, page);
            else {
              const { printPdf, NoChromiumError } = await import('../adapters/insights/proposal-pdf.ts');
              try {
                await printPdf(page, o.out!);
              } catch (e) {
                if (e instanceof NoChromiumError) {
                  console.error(`error: ${e.message}`);
                  process.exitCode = 1;
                  return;
                }
                throw e;
              }
            }
          }
          console.error(`wrote ${o.out}: ${proposal.title} (${proposal.scope}), ${proposal.appealsInPeriod} appeals, ${proposal.sections.length} problems with a 一方案三清单`);
        });
      }),
    );
}

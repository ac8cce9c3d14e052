// `linli patrol`: list the background patrol's findings and acknowledge or close them.
import type { Command } from 'commander';
import { PATROL_RULES, PATROL_STATUS_ZH, RULE_ZH, SEVERITY_ZH, type PatrolFinding, type PatrolRule, type PatrolStatus } from '../core/patrol/patrol.types.ts';
import { action, UsageError, withCheckedStore } from './runtime.ts';
import { chinaIso, forTerminal, jsonForTerminal } from './terminal-text.ts';
import { maskPii } from '../core/triage/mask.ts';

function findingId(raw: string): number {
  const n = Number(raw.replace(/^#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`not a finding id: ${raw}`);
  return n;
}

const line = (f: PatrolFinding) =>
  `#${f.id}\t${SEVERITY_ZH[f.severity]}\t${PATROL_STATUS_ZH[f.status]}\t${RULE_ZH[f.rule] ?? f.rule}\t${chinaIso(f.createdAt)}\t${forTerminal(maskPii(f.summary))}`;

function setStatus(status: PatrolStatus, done: string) {
  return action(async (id: string) =>
    withCheckedStore(() => findingId(id), async (n, store) => {
      const f = await store.patrol.setStatus(n, status);
      if (!f) throw new UsageError(`finding ${id} not found`);
      console.log(`#${f.id} ${done}：${forTerminal(f.summary)}`);
    }),
  );
}

export function registerPatrolCommands(program: Command) {
  const patrol = program.command('patrol').description('background patrol (后台巡查): hazards, spam, quarrels, unanswered questions, group health');

  patrol
    .command('findings')
    .option('--open', 'only open findings')
    .option('--rule <rule>', `one of ${PATROL_RULES.join(', ')}`)
    .option('--limit <n>', 'how many, newest first', '50')
    .option('--json', 'print JSON')
    .description('list findings, newest first')
    .action(
      action(async (opts: { open?: boolean; rule?: string; limit: string; json?: boolean }) =>
        withCheckedStore(
          () => {
            if (opts.rule && !PATROL_RULES.includes(opts.rule as PatrolRule)) throw new UsageError(`unknown rule ${opts.rule}`);
            const limit = Number(opts.limit);
            if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a positive whole number`);
            return limit;
          },
          async (limit, store) => {
            const list = await store.patrol.list({ openOnly: opts.open ?? false, rule: opts.rule as PatrolRule | undefined, limit });
            if (opts.json) console.log(jsonForTerminal(list.map((f) => ({ ...f, summary: maskPii(f.summary) }))));
            else if (list.length === 0) console.error('no findings match');
            else for (const f of list) console.log(line(f));
          },
        ),
      ),
    );

  patrol.command('ack').argument('<id>', 'finding id, e.g. 12 or #12').description('acknowledge a finding (已确认)').action(setStatus('ACKNOWLEDGED', '已确认'));
  patrol.command('close').argument('<id>', 'finding id, e.g. 12 or #12').description('close a finding (已关闭)').action(setStatus('CLOSED', '已关闭'));
}

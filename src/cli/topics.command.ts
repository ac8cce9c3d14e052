// `linli topics`: list 议事 topics, show one (tally, turnout, discussion, 实事清单) and close one early. A close from
// the CLI freezes the tally at once; its post in the groups goes through the outbox table, which the running bot
// sends from (its retry of unsent replies, within a minute).
import type { Command } from 'commander';
import { DeliberationService } from '../core/deliberation/deliberation.service.ts';
import { TOPIC_STATUSES as STATUSES, TOPIC_STATUS_ZH as STATUS_ZH, type Tally, type TopicStatus } from '../core/deliberation/topic.types.ts';
import { householdKey, ROOM_RE } from '../core/grid/household.ts';
import type { Store } from '../core/ports/store.port.ts';
import { systemClock } from '../core/ports/clock.port.ts';
import { formatDue } from '../core/sla/deadlines.ts';
import { ESCALATION_LEVEL_ZH, GridRouter } from '../core/grid/routing.ts';
import { action, UsageError, withCheckedStore } from './runtime.ts';
import { forTerminal } from './terminal-text.ts';

function service(store: Store) {
  // timers are the bot's: a CLI close needs none
  return new DeliberationService({ store, clock: systemClock, outbox: { send: (m) => store.pendingSends.record([m]) } });
}

const topicId = (s: string) => {
  const n = Number(s.replace(/^(?:议题)?#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`not a topic number: ${s}`);
  return n;
};

const pct = (t: Tally) => (t.turnout === null ? 'unknown' : `${(t.turnout * 100).toFixed(1)}%`);

export function registerTopicCommands(program: Command) {
  const topics = program.command('topics').description('议事 topics: votes, decisions and 实事清单');

  topics
    .command('list')
    .option('--status <status>', `one of ${STATUSES.join(', ')}`)
    .option('--limit <n>', 'how many, newest first', '50')
    .description('list topics, newest first')
    .action(
      action(async (opts: { status?: string; limit: string }) =>
        withCheckedStore(
          () => {
            const status = opts.status?.toUpperCase() as TopicStatus | undefined;
            if (status && !STATUSES.includes(status)) throw new UsageError(`unknown status ${opts.status}`);
            const limit = Number(opts.limit);
            if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a positive integer`);
            return { status, limit };
          },
          async ({ status, limit }, store) => {
            const list = await store.deliberation.list({ statuses: status ? [status] : undefined, limit });
            if (list.length === 0) console.error('no topics match');
            for (const t of list) {
              console.log(`#${t.id}\t${STATUS_ZH[t.status]}\t${t.closesAt ? formatDue(t.closesAt) : '-'}\t${forTerminal(t.title)}`);
            }
          },
        ),
      ),
    );

  topics
    .command('show')
    .argument('<id>', 'topic number, e.g. 12 or #12')
    .description("print a topic's tally, turnout, discussion and 实事清单")
    .action(
      action(async (id: string) =>
        withCheckedStore(() => topicId(id), async (n, store) => {
          const svc = service(store);
          const t = await store.deliberation.findById(n);
          if (!t) throw new UsageError(`topic ${id} not found`);
          const node = await store.grid.findById(t.gridNodeId);
          const lines = [
            `议题#${t.id} ${forTerminal(t.title)}`,
            `status: ${t.status} (${STATUS_ZH[t.status]})  scope: ${node?.name ?? t.gridNodeId}  rule: ${t.counting === 'HOUSEHOLD' ? '一户一票' : '一人一票'}, ${t.rule === 'QUORUM' ? `quorum ${t.quorumPct}% and ` : ''}majority`,
            `window: ${t.openedAt ? formatDue(t.openedAt) : '-'} → ${t.closesAt ? formatDue(t.closesAt) : '-'}`,
          ];
          if (t.status !== 'PROPOSED') {
            const tally = t.result ?? (await svc.liveTally(t.id));
            lines.push(`tally${t.result ? ' (frozen at close)' : ' (live)'}: ${t.options.map((o, i) => `${o} ${tally.counts[i]}`).join(', ')}; counted ${tally.counted}, turnout ${pct(tally)}, ${tally.passed ? 'passed' : 'not passed'}`);
            const ig = tally.ignored;
            lines.push(`not counted: ${ig.outside} outside the scope, ${ig.staff} staff, ${ig.elsewhere ?? 0} living elsewhere, ${ig.late} late, ${ig.noHousehold} without household`);
          } else {
            lines.push(`seconds: ${(await store.deliberation.seconds(t.id)).length}`);
          }
          lines.push(`comments: ${await store.deliberation.commentCount(t.id)}`);
          if (t.decision) lines.push(`decision: ${forTerminal(t.decision)}`);
          const ratings = await store.deliberation.ratings(t.id);
          if (ratings.length) {
            const latest = new Map(ratings.map((r) => [r.personId, r.satisfaction]));
            const n = (s: string) => [...latest.values()].filter((x) => x === s).length;
            lines.push(`回访 ratings: 满意 ${n('SATISFIED')}, 基本满意 ${n('BASIC')}, 不满意 ${n('UNSATISFIED')}`);
          }
          if (t.sourceTicketId) lines.push(`from ticket: #${(await store.tickets.findById(t.sourceTicketId))?.number ?? '?'}`);
          const tasks = await store.deliberation.tasks(t.id);
          const chain = tasks.some((k) => k.escalationLevel > 0) ? await new GridRouter(store.grid, store.people, store.tickets).escalationChain(t.gridNodeId) : [];
          for (const k of tasks) {
            const step = chain[k.escalationLevel];
            const escalation = k.escalationLevel > 0 ? `escalated to level ${k.escalationLevel} (${step ? ESCALATION_LEVEL_ZH[step.level] : '?'}) at ${k.escalatedAt ? formatDue(k.escalatedAt) : '-'}` : 'not escalated';
            lines.push(`  实事#${k.id} [${k.doneAt ? 'done' : 'open'}] ${forTerminal(k.text)} — due ${k.dueAt ? formatDue(k.dueAt) : '-'}; ${escalation}`);
          }
          console.log(lines.join('\n'));
        }),
      ),
    );

  topics
    .command('household')
    .argument('<account>', 'the resident\'s chat account: wechat:<id> or telegram:<id>')
    .argument('<node>', 'the grid node code they live on (a building or grid)')
    .argument('<room>', 'their room on that node, e.g. 1102 (people of one room share one vote under 一户一票)')
    .description('record where a resident lives: households for 一户一票, and staff living in a scope may vote there')
    .action(
      action(async (account: string, nodeCode: string, room: string) =>
        withCheckedStore(
          () => {
            const m = /^(wechat|telegram):(.+)$/i.exec(account);
            if (!m) throw new UsageError(`account must be wechat:<id> or telegram:<id>, not ${account}`);
            if (!ROOM_RE.test(room)) throw new UsageError(`room must be letters, digits and dashes (at most 32), not ${room}`);
            return m;
          },
          async (m, store) => {
            const node = await store.grid.findByCode(nodeCode);
            if (!node) throw new UsageError(`grid node ${nodeCode} not found`);
            const platform = m[1]!.toUpperCase() as 'WECHAT' | 'TELEGRAM';
            const person = await store.people.ensureByIdentity(platform, m[2]!, m[2]!);
            await store.deliberation.setResidence(person.id, node.id, householdKey(node.code, room));
            console.log(`${account} lives in ${room} on ${node.name} (${node.code})`);
          },
        ),
      ),
    );

  topics
    .command('close')
    .argument('<id>', 'topic number')
    .description('close voting now: freeze the tally and post it in the groups (sent by the running bot)')
    .action(
      action(async (id: string) =>
        withCheckedStore(() => topicId(id), async (n, store) => {
          const before = await store.deliberation.findById(n);
          if (!before) throw new UsageError(`topic ${id} not found`);
          if (before.status !== 'OPEN') throw new UsageError(`topic ${id} is ${before.status}, not open`);
          const t = await service(store).close(before.id);
          const r = t.result!;
          console.log(`closed 议题#${t.id}: ${t.options.map((o, i) => `${o} ${r.counts[i]}`).join(', ')}; turnout ${pct(r)}; ${r.passed ? 'passed' : 'not passed'}`);
        }),
      ),
    );
}

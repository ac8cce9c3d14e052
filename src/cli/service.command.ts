// `linli service`: 三单式 service requests (list, show one with its steps and points) and the volunteers' points (the
// month's ranking, and the month's sheet as CSV). Read-only: requests are made, dispatched and taken in the chat.
// Stored text is printed through the terminal sanitiser, summaries masked; --json prints one JSON value.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { GridNode } from '../core/grid/grid.types.ts';
import { isMonth, monthOf, monthPeriod } from '../core/insights/insights-period.ts';
import type { Store } from '../core/ports/store.port.ts';
import { formatDue } from '../core/sla/deadlines.ts';
import { maskPii } from '../core/triage/mask.ts';
import { subtreeIds } from '../core/service/points-notice.ts';
import { ledgerCsv, pointsCsv, pointsCsvName } from '../core/service/points-export.ts';
import { monthRanking, OPEN_SERVICE, volunteerBoard, volunteersOver } from '../core/service/points-ranking.ts';
import { SERVICE_STATUS_ZH, type ServiceStatus } from '../core/service/service.types.ts';
import { action, assertWritableFile, UsageError, withStore } from './runtime.ts';
import { forTerminal, jsonForTerminal } from './terminal-text.ts';

const STATUSES = Object.keys(SERVICE_STATUS_ZH) as ServiceStatus[];

function statusesOf(s: string | undefined): ServiceStatus[] | undefined {
  if (s === undefined) return undefined;
  if (s.toLowerCase() === 'open') return [...OPEN_SERVICE];
  const out = s.split(',').map((x) => x.trim().toUpperCase());
  for (const x of out) if (!STATUSES.includes(x as ServiceStatus)) throw new UsageError(`unknown status ${forTerminal(x)} (one of ${STATUSES.join(', ')}, or open)`);
  return out as ServiceStatus[];
}

function monthArg(m: string | undefined, required = false): string {
  if (m === undefined) {
    if (required) throw new UsageError('--month YYYY-MM is required');
    return monthOf(new Date());
  }
  if (!isMonth(m)) throw new UsageError(`--month must be a month as YYYY-MM (01-12), not ${forTerminal(m)}`);
  return m;
}

const requestId = (s: string) => {
  const n = Number(s.replace(/^#/, ''));
  if (!/^#?\d{1,9}$/.test(s) || !Number.isInteger(n) || n <= 0) throw new UsageError(`not a request number: ${forTerminal(s)}`);
  return n;
};

/** The part of the grid asked for: the subtree of --node, else the whole grid. */
async function scopeOf(store: Store, code: string | undefined): Promise<{ nodes: GridNode[]; ids: number[]; name: string }> {
  const nodes = await store.grid.all();
  if (code === undefined) return { nodes, ids: nodes.map((n) => n.id), name: '全部' };
  const root = nodes.find((n) => n.code === code);
  if (!root) throw new UsageError(`grid node ${forTerminal(code)} not found`);
  return { nodes, ids: subtreeIds(nodes, root), name: root.name };
}

function personNames(store: Store) {
  const cache = new Map<number, Promise<string>>();
  return (id: number | null) => {
    if (id === null) return Promise.resolve('-');
    if (!cache.has(id)) cache.set(id, store.people.findById(id).then((p) => p?.name ?? `#${id}`));
    return cache.get(id)!;
  };
}

export function registerServiceCommands(program: Command) {
  const service = program.command('service').description('三单式 service requests and the volunteers\' points');

  service
    .command('list')
    .option('--node <code>', 'requests on this grid node and below')
    .option('--status <s>', `${STATUSES.join(', ')} (comma-separated), or open`)
    .option('--limit <n>', 'how many, newest first', '100')
    .option('--json', 'print JSON')
    .description('list service requests, newest first')
    .action(
      action(async (o: { node?: string; status?: string; limit: string; json?: boolean }) => {
        const statuses = statusesOf(o.status);
        const limit = Number(o.limit);
        if (!/^\d+$/.test(o.limit) || limit <= 0 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
        await withStore(async (store) => {
          const scope = await scopeOf(store, o.node);
          const rows = await store.service.list({ gridNodeIds: o.node === undefined ? undefined : scope.ids, statuses, limit });
          const name = personNames(store);
          const nodeName = new Map(scope.nodes.map((n) => [n.id, n.name]));
          if (o.json) {
            const out = await Promise.all(rows.map(async (r) => ({ ...r, node: nodeName.get(r.gridNodeId) ?? null, requester: await name(r.requesterId), volunteer: r.volunteerId === null ? null : await name(r.volunteerId) })));
            return console.log(jsonForTerminal(out));
          }
          if (rows.length === 0) console.error('no service requests match');
          for (const r of rows) {
            const cells = [`#${r.id}`, SERVICE_STATUS_ZH[r.status], r.kind, nodeName.get(r.gridNodeId) ?? `#${r.gridNodeId}`, await name(r.volunteerId), formatDue(r.createdAt), maskPii(r.summary)];
            console.log(cells.map(forTerminal).join('\t'));
          }
        });
      }),
    );

  service
    .command('show')
    .argument('<id>', 'request number, e.g. 12 or #12')
    .option('--json', 'print JSON')
    .description('print a service request with its steps and the points it earned')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const n = requestId(id);
        await withStore(async (store) => {
          const r = await store.service.findById(n);
          if (!r) throw new UsageError(`service request ${n} not found`);
          const name = personNames(store);
          const [events, node, credits] = await Promise.all([
            store.service.events(r.id),
            store.grid.findById(r.gridNodeId),
            r.volunteerId === null ? Promise.resolve([]) : store.service.ledger({ personId: r.volunteerId, limit: 100_000 }).then((l) => l.filter((e) => e.requestId === r.id)),
          ]);
          if (o.json) return console.log(jsonForTerminal({ request: r, node: node?.name ?? null, events, points: credits }));
          const lines = [
            `服务#${r.id} ${forTerminal(maskPii(r.summary))}`,
            `status: ${r.status} (${SERVICE_STATUS_ZH[r.status]})  kind: ${forTerminal(r.kind)}  node: ${forTerminal(node?.name ?? String(r.gridNodeId))}`,
            `requester: ${forTerminal(await name(r.requesterId))}  volunteer: ${forTerminal(await name(r.volunteerId))}${r.pooled ? ' (posted to the volunteers\' group)' : ''}`,
            `asked: ${formatDue(r.createdAt)}  text: ${forTerminal(r.text)}`,
          ];
          if (r.result) lines.push(`result: ${forTerminal(r.result)}`);
          for (const e of events) lines.push(`  ${formatDue(e.at)} ${forTerminal(e.kind)} ${forTerminal(await name(e.actorId))}${e.note ? ` — ${forTerminal(e.note)}` : ''}`);
          for (const c of credits) lines.push(`  points: ${c.points > 0 ? '+' : ''}${c.points} ${forTerminal(c.cause)} (${formatDue(c.at)})`);
          console.log(lines.join('\n'));
        });
      }),
    );

  service
    .command('points')
    .option('--month <YYYY-MM>', 'China-time month (default: this month)')
    .option('--node <code>', 'volunteers on this grid node and below (default: the whole grid)')
    .option('--json', 'print JSON')
    .description("the month's ranking of the volunteers by points (equal points share a place)")
    .action(
      action(async (o: { month?: string; node?: string; json?: boolean }) => {
        const month = monthArg(o.month);
        await withStore(async (store) => {
          const scope = await scopeOf(store, o.node);
          const { ranking, period } = await monthRanking(store, { month, gridNodeIds: scope.ids });
          if (o.json) return console.log(jsonForTerminal({ month, scope: scope.name, period, ranking }));
          if (ranking.length === 0) return console.log(`no points in ${month} (${forTerminal(scope.name)})`);
          for (const r of ranking) console.log(`${r.rank}\t${forTerminal(r.name)}\t${r.points}\t${r.services}`);
        });
      }),
    );

  service
    .command('export')
    .option('--month <YYYY-MM>', 'China-time month (required)')
    .option('--node <code>', 'volunteers on this grid node and below (default: the whole grid)')
    .option('--out <file>', 'write the CSV here (default: stdout)')
    .option('--ledger', "the month's ledger entries of these volunteers instead (time, volunteer, points, cause, request)")
    .description("the month's points per volunteer as CSV (UTF-8 with BOM, CRLF; opens in Excel)")
    .action(
      action(async (o: { month?: string; node?: string; out?: string; ledger?: boolean }) => {
        const month = monthArg(o.month, true);
        if (o.out) assertWritableFile(o.out);
        await withStore(async (store) => {
          const scope = await scopeOf(store, o.node);
          const names = new Map(scope.nodes.map((n) => [n.id, n.name]));
          let csv: string;
          if (o.ledger) {
            const volunteers = new Map((await volunteersOver(store, scope.ids)).map((v) => [v.personId, v.name]));
            const entries = (await store.service.ledger({ ...monthPeriod(month), limit: 1_000_000 })).filter((e) => volunteers.has(e.personId));
            csv = ledgerCsv(entries, (id) => volunteers.get(id) ?? `#${id}`);
          } else csv = pointsCsv(month, await volunteerBoard(store, { month, gridNodeIds: scope.ids }), (id) => names.get(id) ?? `#${id}`);
          if (o.out) {
            await writeFile(o.out, csv);
            console.error(`wrote ${o.out} (${pointsCsvName(month)})`);
          } else process.stdout.write(csv);
        });
      }),
    );
}

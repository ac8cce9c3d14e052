// A year of demo tickets for the sandbox and `linli demo seed-history`, so that 每月一题 has history to show: a
// problem rising last month, one seasonal (the same month a year before), one persistent, and everyday appeals
// around them; distinct reporters, residents joining as duplicates, closed and open tickets. Deterministic (a
// seeded PRNG, times relative to the month it is seeded in) and written once: a store holding the demo residents'
// tickets is left as it is.
import { addMonths, lastFullMonth } from '../insights/insights-period.ts';
import type { Store } from '../ports/store.port.ts';
import { atChinaTime } from '../sla/deadlines.ts';
import { GridRouter } from '../grid/routing.ts';
import type { NewTicket, NewTicketEvent, Ticket } from '../tickets/ticket.types.ts';
import { BUILDINGS, DEMO_RESIDENTS, EVERYDAY, PERSISTENT, RISING, SEASONAL, type DemoProblem } from './demo-history.data.ts';
import { mulberry32 } from '../util/mulberry32.ts';
import { maskPii } from '../triage/mask.ts';

/**
 * Months of history by default: 14, so that last month has the same month of the year before, and the month before
 * that too (a year-ago window read in another time zone than China's touches it).
 */
export const DEMO_HISTORY_MONTHS = 14;
/** Seeded tickets end this long before now: the sandbox's first appeal is never taken for a duplicate of one. */
const QUIET_MS = 4 * 86_400_000;

export interface DemoTicket {
  node: string;
  place: string;
  category: string;
  text: string;
  at: Date;
  /** Index into DEMO_RESIDENTS. */
  reporter: number;
  /** Residents who joined it as duplicates. */
  joined: number;
  /** Closed this many days after it was reported; undefined = still open. */
  closedAfterDays?: number;
}

/** The demo history's PRNG (mulberry32): the same tickets for the same seed. */
export const prng = mulberry32;

/** The demo tickets of `months` months ending with the last full month before `now`, oldest first. */
export function demoHistory(now: Date, months = DEMO_HISTORY_MONTHS, seed = 20261101): DemoTicket[] {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const last = lastFullMonth(now);
  const latest = now.getTime() - QUIET_MS;
  const at = (month: string) => {
    const t = atChinaTime(`${month}-${String(1 + int(28)).padStart(2, '0')}`, `${String(7 + int(15)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}`);
    return new Date(Math.min(t.getTime(), latest - int(86_400_000)));
  };
  const recent = (month: string) => month >= addMonths(last, -1);
  // older tickets were closed; of the last two months' some are still open
  const closing = (month: string, openShare: number) => (recent(month) && rnd() < openShare ? undefined : 1 + int(6));
  const out: DemoTicket[] = [];
  const add = (p: Pick<DemoProblem, 'node' | 'place' | 'category'>, text: string, month: string, reporter: number, joined: number, openShare: number) =>
    out.push({ node: p.node, place: p.place, category: p.category, text, at: at(month), reporter, joined, closedAfterDays: closing(month, openShare) });
  // residents take turns: the problems' reporters are distinct within a month
  let next = 0;
  const someone = () => (next = (next + 1 + int(3)) % DEMO_RESIDENTS.length);

  for (let i = months - 1; i >= 0; i--) {
    const month = addMonths(last, -i);
    // everyday appeals: 6–9 a month at random buildings
    for (let k = 6 + int(4); k > 0; k--) {
      const b = pick(BUILDINGS);
      const e = pick(EVERYDAY);
      add({ ...b, category: e.category }, `${b.place}${e.text}`, month, int(DEMO_RESIDENTS.length), rnd() < 0.15 ? 1 : 0, 0.4);
    }
    // rising: one now and then, two the month before last, nine last month from eight residents (one wrote twice)
    const rising = i === 0 ? 9 : i === 1 ? 2 : i <= 5 && i % 2 === 0 ? 1 : 0;
    let firstReporter = -1;
    for (let k = 0; k < rising; k++) {
      const reporter = i === 0 && k === rising - 1 ? firstReporter : someone();
      if (k === 0) firstReporter = reporter;
      add(RISING, RISING.texts[(k + i) % RISING.texts.length]!, month, reporter, i === 0 ? int(3) : 0, 0.6);
    }
    // persistent: two or three every month of the last six, last month's last one (at least) still open
    if (i < 6) for (let k = 2 + int(2); k > 0; k--) add(PERSISTENT, pick(PERSISTENT.texts), month, someone(), int(2), i === 0 && k === 1 ? 1 : 0.5);
    // seasonal: last month, and the same month a year before; nothing in between
    if (i === 0 || i === 12) for (let k = 0; k < 5; k++) add(SEASONAL, SEASONAL.texts[k]!, month, someone(), k % 2, 0.3);
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export interface SeedReport {
  /** Tickets written (0: the store already had the demo history). */
  tickets: number;
  months: number;
  from: string;
  to: string;
}

/** The nodes of the demo grid the history needs; missing ones mean the store holds another grid. */
export const DEMO_NODES = [...new Set([RISING, SEASONAL, PERSISTENT, ...BUILDINGS].map((b) => b.node))];

export class NotDemoGridError extends Error {
  override readonly name = 'NotDemoGridError';
}

/** Writes the demo history into the store once (through createMany, then the closings and joins). */
export async function seedDemoHistory(store: Pick<Store, 'grid' | 'people' | 'tickets' | 'groups'>, now: Date, months = DEMO_HISTORY_MONTHS): Promise<SeedReport> {
  const tickets = demoHistory(now, months);
  const span = { months, from: addMonths(lastFullMonth(now), 1 - months), to: lastFullMonth(now) };
  const nodes = new Map((await store.grid.findByCodes(DEMO_NODES)).map((n) => [n.code, n]));
  const missing = DEMO_NODES.filter((c) => !nodes.has(c));
  if (missing.length) throw new NotDemoGridError(`the demo history needs the demo grid (data/demo-grid.yaml); this store has no node ${missing.join(', ')}`);
  const people = await store.people.ensureManyByIdentity('WECHAT', DEMO_RESIDENTS);
  if ((await store.tickets.count({ reporterId: people[0]!.id })) + (await store.tickets.count({ reporterId: people[1]!.id })) > 0) return { tickets: 0, ...span };
  const groups = await store.groups.list();
  const groupOf = new Map<number, number>();
  for (const g of groups) if (g.gridNodeId !== null && !groupOf.has(g.gridNodeId)) groupOf.set(g.gridNodeId, g.id);
  // each ticket is assigned as a new one is: to its grid's worker on duty
  const router = new GridRouter(store.grid, store.people, store.tickets);
  const workerOf = new Map<number, number | null>();
  for (const node of nodes.values()) workerOf.set(node.id, (await router.onDutyWorker(node.id))?.id ?? null);
  const created = await store.tickets.createMany(
    tickets.map((t) => {
      const node = nodes.get(t.node)!;
      const ticket: NewTicket = {
        category: t.category,
        // a summary as triage writes it: numbers masked (the message keeps the raw text)
        summary: maskPii(t.text),
        place: { text: t.place },
        urgency: 'NORMAL',
        groupId: groupOf.get(node.id) ?? null,
        gridNodeId: node.id,
        reporterId: people[t.reporter]!.id,
        assigneeId: workerOf.get(node.id) ?? null,
        createdAt: t.at,
      };
      const event: NewTicketEvent = { type: 'reported', actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: { demo: true }, at: t.at };
      return { ticket, event };
    }),
  );
  for (const [i, t] of tickets.entries()) {
    let ticket: Ticket = created[i]!;
    const event = (type: NewTicketEvent['type'], to: Ticket['status'] | null, at: Date, note: string | null = null): NewTicketEvent => ({
      type, actorId: null, messageId: null, fromStatus: ticket.status, toStatus: to, note, data: { demo: true }, at,
    });
    if (t.joined > 0) {
      const at = new Date(t.at.getTime() + 3600_000);
      ticket = await store.tickets.update(ticket.id, ticket.version, { reporterCount: 1 + t.joined }, event('joined', null, at, `${t.joined} 位居民同问`));
    }
    if (t.closedAfterDays !== undefined) {
      const resolvedAt = new Date(t.at.getTime() + t.closedAfterDays * 86_400_000);
      const closedAt = new Date(resolvedAt.getTime() + 86_400_000);
      ticket = await store.tickets.update(ticket.id, ticket.version, { status: 'RESOLVED', resolvedAt, result: '已处理' }, event('resolved', 'RESOLVED', resolvedAt, '已处理'));
      await store.tickets.update(ticket.id, ticket.version, { status: 'CLOSED', closedAt }, event('closed', 'CLOSED', closedAt));
    }
  }
  return { tickets: created.length, ...span };
}

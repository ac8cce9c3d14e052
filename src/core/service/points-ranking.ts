// The volunteers' points over a part of the grid: the month's ranking (what the monthly 公示 posts, the console and
// `linli service points` show), and each volunteer's board row (points this month and all time, requests in hand).
// Months are China-time months. Only people who hold VOLUNTEER over the part of the grid are ranked; points of
// someone whose role was removed stay in the ledger but leave the ranking.
import { monthPeriod, type Period } from '../insights/insights-period.ts';
import type { Store } from '../ports/store.port.ts';
import type { PointsEntry, ServiceStatus } from './service.types.ts';

export interface VolunteerPoints {
  personId: number;
  name: string;
  points: number;
  /** Services this period: requests whose entries sum to more than nothing (a reversed credit does not count). */
  services: number;
}

export interface RankedVolunteer extends VolunteerPoints {
  /** Competition ranking: equal points share a place, the next place skips ("1, 2, 2, 4"). */
  rank: number;
}

/** Statuses of a request still in a volunteer's hands (DONE waits for the resident's confirmation). */
export const IN_HAND: readonly ServiceStatus[] = ['DISPATCHED', 'TAKEN', 'DONE'];
/** Statuses of a request not finished. */
export const OPEN_SERVICE: readonly ServiceStatus[] = ['REQUESTED', 'DISPATCHED', 'TAKEN', 'DONE'];

const byName = new Intl.Collator('zh-CN');

/**
 * Ranks those with points above nothing: more points first; equal points share a place, shown with more services
 * first, then by name (pinyin order), then by id, so the order is the same on every screen and in the 公示.
 */
export function rankPoints(rows: readonly VolunteerPoints[]): RankedVolunteer[] {
  const sorted = rows
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points || b.services - a.services || byName.compare(a.name, b.name) || a.personId - b.personId);
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1]!.points !== r.points) rank = i + 1;
    return { ...r, rank };
  });
}

/** The first `n` places, and everyone tied with the last of them (no one is left out of a place they share). */
export function topWithTies(ranked: readonly RankedVolunteer[], n: number): RankedVolunteer[] {
  if (ranked.length <= n) return [...ranked];
  const last = ranked[n - 1]!.rank;
  return ranked.filter((r, i) => i < n || r.rank === last);
}

/** Services per person: requests whose entries of the period sum above zero. */
export function servicesPerPerson(entries: readonly Pick<PointsEntry, 'personId' | 'points' | 'requestId'>[]): Map<number, number> {
  const sums = new Map<string, { personId: number; points: number }>();
  for (const e of entries) {
    if (e.requestId === null) continue;
    const key = `${e.personId}:${e.requestId}`;
    const s = sums.get(key) ?? { personId: e.personId, points: 0 };
    s.points += e.points;
    sums.set(key, s);
  }
  const out = new Map<number, number>();
  for (const s of sums.values()) if (s.points > 0) out.set(s.personId, (out.get(s.personId) ?? 0) + 1);
  return out;
}

type ServiceStore = Pick<Store, 'service'>;

/** Volunteers over these nodes, once each (a volunteer on two nodes is at the first of them). */
export async function volunteersOver(store: ServiceStore, gridNodeIds: readonly number[]) {
  if (gridNodeIds.length === 0) return [];
  const seen = new Map<number, { personId: number; name: string; skills: string[]; gridNodeId: number }>();
  for (const v of await store.service.volunteers(gridNodeIds)) if (!seen.has(v.personId)) seen.set(v.personId, v);
  return [...seen.values()];
}

/** The ledger's largest month this reads whole (far above what a district's volunteers earn in a month). */
const MONTH_LEDGER_LIMIT = 200_000;

/** Points and services of each person over a period. */
async function pointsOver(store: ServiceStore, personIds: readonly number[], p: Partial<Period>) {
  if (personIds.length === 0) return { points: new Map<number, number>(), services: new Map<number, number>() };
  const ids = new Set(personIds);
  const [totals, entries] = await Promise.all([
    store.service.totals({ from: p.from, to: p.to, personIds }),
    p.from ? store.service.ledger({ from: p.from, to: p.to, limit: MONTH_LEDGER_LIMIT }) : Promise.resolve([]),
  ]);
  return { points: new Map(totals.map((t) => [t.personId, t.points])), services: servicesPerPerson(entries.filter((e) => ids.has(e.personId))) };
}

export interface MonthRanking {
  month: string;
  period: Period;
  ranking: RankedVolunteer[];
}

/** The month's ranking of the volunteers over these nodes (a subtree's ids). */
export async function monthRanking(store: ServiceStore, q: { month: string; gridNodeIds: readonly number[] }): Promise<MonthRanking> {
  const period = monthPeriod(q.month);
  const volunteers = await volunteersOver(store, q.gridNodeIds);
  const { points, services } = await pointsOver(store, volunteers.map((v) => v.personId), period);
  const rows = volunteers.map((v) => ({ personId: v.personId, name: v.name, points: points.get(v.personId) ?? 0, services: services.get(v.personId) ?? 0 }));
  return { month: q.month, period, ranking: rankPoints(rows) };
}

export interface VolunteerRow {
  personId: number;
  name: string;
  skills: string[];
  gridNodeId: number;
  /** The month's place, null without points this month. */
  rank: number | null;
  monthPoints: number;
  monthServices: number;
  totalPoints: number;
  /** Requests dispatched to or taken by them and not yet confirmed. */
  inHand: number;
}

/** Every volunteer over these nodes with their points, in ranking order (those without points this month last, by name). */
export async function volunteerBoard(store: ServiceStore, q: { month: string; gridNodeIds: readonly number[] }): Promise<VolunteerRow[]> {
  const volunteers = await volunteersOver(store, q.gridNodeIds);
  const ids = volunteers.map((v) => v.personId);
  const [month, all, open] = await Promise.all([
    pointsOver(store, ids, monthPeriod(q.month)),
    pointsOver(store, ids, {}),
    ids.length ? store.service.list({ gridNodeIds: q.gridNodeIds, statuses: IN_HAND, limit: 10_000 }) : Promise.resolve([]),
  ]);
  const inHand = new Map<number, number>();
  for (const r of open) if (r.volunteerId !== null) inHand.set(r.volunteerId, (inHand.get(r.volunteerId) ?? 0) + 1);
  const ranked = new Map(
    rankPoints(volunteers.map((v) => ({ personId: v.personId, name: v.name, points: month.points.get(v.personId) ?? 0, services: month.services.get(v.personId) ?? 0 }))).map(
      (r, i) => [r.personId, { rank: r.rank, order: i }] as const,
    ),
  );
  return volunteers
    .map((v) => ({
      personId: v.personId,
      name: v.name,
      skills: v.skills,
      gridNodeId: v.gridNodeId,
      rank: ranked.get(v.personId)?.rank ?? null,
      monthPoints: month.points.get(v.personId) ?? 0,
      monthServices: month.services.get(v.personId) ?? 0,
      totalPoints: all.points.get(v.personId) ?? 0,
      inHand: inHand.get(v.personId) ?? 0,
    }))
    .sort((a, b) => {
      const [x, y] = [ranked.get(a.personId)?.order ?? Infinity, ranked.get(b.personId)?.order ?? Infinity];
      return x - y || byName.compare(a.name, b.name) || a.personId - b.personId;
    });
}

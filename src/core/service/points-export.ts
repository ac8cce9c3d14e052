// The month's points as a spreadsheet: one row per volunteer of the part of the grid (those without points too), in
// ranking order, with the month's points and services, the all-time total and the requests in hand — the sheet a
// community files; and, for an audit, the month's ledger entries themselves, oldest first.
import { stripControlChars } from '../util/control-chars.ts';
import { csvDocument } from '../util/csv.ts';
import type { VolunteerRow } from './points-ranking.ts';
import type { PointsEntry } from './service.types.ts';

export const POINTS_CSV_HEADER = ['月份', '名次', '志愿者', '所在网格', '技能', '本月积分', '本月服务次数', '累计积分', '在办服务'] as const;

/**
 * UTF-8 with a BOM and CRLF lines (Excel opens the Chinese as it is); a volunteer without points this month has no
 * place. Stored text loses its control characters (it may be printed to a terminal), keeping line breaks (quoted).
 */
export function pointsCsv(month: string, rows: readonly VolunteerRow[], nodeName: (id: number) => string): string {
  return csvDocument([
    POINTS_CSV_HEADER,
    ...rows.map((r) => [month, r.rank ?? '', clean(r.name), clean(nodeName(r.gridNodeId)), clean(r.skills.join('、')), r.monthPoints, r.monthServices, r.totalPoints, r.inHand]),
  ]);
}

const clean = stripControlChars;

export const pointsCsvName = (month: string) => `志愿服务积分-${month}.csv`;

export const LEDGER_CSV_HEADER = ['时间', '志愿者', '积分', '事由', '服务单号', '登记键'] as const;

/** "2026-11-30 23:59" in China time. */
const chinaMinute = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Ledger entries as a sheet, oldest first; the same file conventions as pointsCsv. */
export function ledgerCsv(entries: readonly PointsEntry[], personName: (id: number) => string): string {
  const rows = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  return csvDocument([
    LEDGER_CSV_HEADER,
    ...rows.map((e) => [chinaMinute(e.at), clean(personName(e.personId)), e.points, clean(e.cause), e.requestId ?? '', clean(e.sourceKey)]),
  ]);
}

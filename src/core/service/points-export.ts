// The month's points as a spreadsheet: one row per volunteer of the part of the grid (those without points too), in
// ranking order, with the month's points and services, the all-time total and the requests in hand. The ledger's
// single entries stay in the store (`linli service show` lists a request's); this is the sheet a community files.
import { stripControlChars } from '../util/control-chars.ts';
import { csvDocument } from '../util/csv.ts';
import type { VolunteerRow } from './points-ranking.ts';

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

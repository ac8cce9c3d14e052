// Shared constants for the patrol unit tests: groups, people and a message factory on a fixed clock.
import type { PatrolGroupRef, PatrolMessage } from '../../../../src/core/patrol/patrol.types.ts';
import type { WorkCalendar } from '../../../../src/core/ports/work-calendar.port.ts';

export const G20: PatrolGroupRef = { id: 1, title: '东园小区20号楼睦邻群' };
export const G21: PatrolGroupRef = { id: 2, title: '东园小区21号楼睦邻群' };
export const G22: PatrolGroupRef = { id: 3, title: '西园小区3号楼业主群' };

/** Friday 2026-11-20 10:00 China time. */
export const T0 = new Date('2026-11-20T02:00:00Z');
export const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let seq = 0;
export function msg(text: string, over: Partial<PatrolMessage> = {}): PatrolMessage {
  return { id: ++seq, groupId: G20.id, senderExternalId: 'wx-zhang', senderName: '张阿姨', text, sentAt: T0, ticketId: null, ...over };
}

/** Weekends off; 2026-10-01..07 is a holiday (国庆) and Sunday 2026-09-27 a make-up working day (调休). */
export const calendar: WorkCalendar = {
  isWorkday: (d) => {
    if (d >= '2026-10-01' && d <= '2026-10-07') return false;
    if (d === '2026-09-27') return true;
    return ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  },
};

// One overdue step up the escalation chain (grid → community → street → department → leader) and the window the
// level reached gets: the same for a ticket and a 实事 item, so both climb alike.
import type { EscalationStep } from '../grid/routing.ts';
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import { dueDates, type SlaPolicy } from './deadlines.ts';

export interface EscalationMove {
  /** False at the top of the chain: nothing above, the level stays. */
  escalated: boolean;
  /** The level after the move (an index into the chain). */
  level: number;
  /** Who answers at that level (the top one when nothing is above). */
  step: EscalationStep | undefined;
}

/** The move from `level` one step up `chain` (nearest first). */
export function stepUp(chain: readonly EscalationStep[], level: number): EscalationMove {
  const top = chain.length - 1;
  if (level >= top) return { escalated: false, level, step: chain[Math.max(0, top)] };
  return { escalated: true, level: level + 1, step: chain[level + 1] };
}

/** The deadline of a level escalated to at `from`: a normal ticket's time to be accepted, in working days. */
export function escalationWindow(calendar: WorkCalendar, policy: SlaPolicy, from: Date): Date {
  return dueDates(calendar, policy, from, 'NORMAL').acceptDueAt;
}

// One step up the escalation chain and the window of the level reached (shared by tickets and 实事 items), and the
// reminder a working day before a due date.
import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '../../../../src/core/grid/routing.ts';
import { DEFAULT_SLA_POLICY, workdayBefore } from '../../../../src/core/sla/deadlines.ts';
import { escalationWindow, stepUp } from '../../../../src/core/sla/escalation.ts';
import type { WorkCalendar } from '../../../../src/core/ports/work-calendar.port.ts';

const cn = (local: string) => new Date(`${local}+08:00`);
const step = (level: EscalationStep['level']) => ({ level, node: {} as EscalationStep['node'], roles: [], people: [] }) as EscalationStep;
const chain = [step('GRID'), step('COMMUNITY'), step('STREET')];
// weekends off, and a holiday on Wed 2026-12-09
const calendar: WorkCalendar = { isWorkday: (d) => d !== '2026-12-09' && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) };

describe('stepUp', () => {
  it('raises one level at a time and stops at the top', () => {
    expect(stepUp(chain, 0)).toMatchObject({ escalated: true, level: 1, step: { level: 'COMMUNITY' } });
    expect(stepUp(chain, 1)).toMatchObject({ escalated: true, level: 2, step: { level: 'STREET' } });
    expect(stepUp(chain, 2)).toMatchObject({ escalated: false, level: 2, step: { level: 'STREET' } });
    expect(stepUp([], 0)).toMatchObject({ escalated: false, level: 0, step: undefined });
  });
});

describe('escalationWindow', () => {
  it('is one working day to the end of office hours, skipping a holiday', () => {
    expect(escalationWindow(calendar, DEFAULT_SLA_POLICY, cn('2026-12-08T18:00:00'))).toEqual(cn('2026-12-10T18:00:00'));
    expect(escalationWindow(calendar, DEFAULT_SLA_POLICY, cn('2026-12-11T18:00:00'))).toEqual(cn('2026-12-14T18:00:00'));
  });
});

describe('workdayBefore', () => {
  it('is the same time on the last working day before the due day', () => {
    expect(workdayBefore(calendar, cn('2026-12-08T18:00:00'))).toEqual(cn('2026-12-07T18:00:00'));
    expect(workdayBefore(calendar, cn('2026-12-10T18:00:00'))).toEqual(cn('2026-12-08T18:00:00')); // over the holiday
    expect(workdayBefore(calendar, cn('2026-12-14T09:30:00'))).toEqual(cn('2026-12-11T09:30:00')); // over the weekend
  });
});

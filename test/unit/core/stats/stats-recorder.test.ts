// The recorder puts a claim taken back on the day the claim was counted, live and in a rebuild alike: a day's
// accepted count never goes below what was claimed that day, and an edit a day later does not make the next day negative.
import { describe, expect, it } from 'vitest';
import { StatsRecorder } from '../../../../src/core/stats/stats-recorder.ts';
import type { ChangeKey, StatIncrement, StatsRepository, TicketHistory } from '../../../../src/core/ports/stats.repository.ts';
import type { DailyStatRow } from '../../../../src/core/stats/stats.types.ts';
import type { TicketChange } from '../../../../src/core/events/ticket-events.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } } as never;

function capturing(histories: TicketHistory[] = []) {
  const applied: { key: ChangeKey; inc: StatIncrement }[] = [];
  const added: DailyStatRow[] = [];
  const stats = {
    applyMany: async (changes: readonly { key: ChangeKey; inc: StatIncrement }[]) => changes.map((c) => (applied.push(c), true)),
    clear: async () => {},
    histories: async (after: number) => histories.filter((h) => h.id > after),
    addRows: async (rows: readonly DailyStatRow[]) => void added.push(...rows),
  } as unknown as StatsRepository;
  return { stats, applied, added };
}

const claimedAt = '2026-12-08T01:00:00.000Z'; // 12-08 09:00 in China
const takenBackAt = new Date('2026-12-09T02:00:00.000Z'); // 12-09 10:00 in China
const dueAt = '2026-12-08T10:00:00.000Z';

describe('StatsRecorder and a claim taken back', () => {
  it('live: subtracts it on the day of the claim, not the day of the edit', async () => {
    const { stats, applied } = capturing();
    const recorder = new StatsRecorder({ stats, chain: async (id) => [{ id }], logger: silent });
    const change = {
      ticket: { id: 7, version: 3, gridNodeId: 5, category: 'facility_repair', acceptDueAt: new Date(dueAt), resolveDueAt: null, updatedAt: takenBackAt },
      event: { type: 'unclaimed', at: takenBackAt, data: { claimedAt, dueAt, claimEventId: 2 } },
    } as unknown as TicketChange;
    expect(await recorder.onChange(change)).toBe(true);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.inc).toMatchObject({ day: '2026-12-08', counts: { accepted: -1, acceptedOnTime: -1 } });
  });

  it('rebuild: the claim and its taking back cancel out on the claim\'s day; nothing is left on the next', async () => {
    const { stats, added } = capturing([{
      id: 7, version: 3, gridNodeId: 5, category: 'facility_repair', acceptDueAt: new Date(dueAt), resolveDueAt: null,
      events: [
        { type: 'reported', at: new Date('2026-12-08T00:30:00.000Z'), data: null },
        { type: 'claimed', at: new Date(claimedAt), data: { dueAt } },
        { type: 'unclaimed', at: takenBackAt, data: { claimedAt, dueAt, claimEventId: 2 } },
      ],
    }]);
    const recorder = new StatsRecorder({ stats, chain: async (id) => [{ id }], logger: silent });
    await recorder.rebuild();
    const days = Object.fromEntries(added.map((r) => [r.day, r.counts]));
    expect(Object.keys(days)).toEqual(['2026-12-08']);
    expect(days['2026-12-08']).toMatchObject({ reported: 1, accepted: 0, acceptedOnTime: 0 });
  });
});

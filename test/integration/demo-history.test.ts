// The demo history written into a store: the insights find its problems (the lift rising last month among the top
// three), it is written once, and only onto the demo grid.
import { describe, expect, it } from 'vitest';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { createInsights } from '../../src/adapters/insights/create-insights.ts';
import { DEMO_GRID_FILE } from '../../src/bots/ensure-grid.ts';
import { NotDemoGridError, seedDemoHistory } from '../../src/core/demo/demo-history.ts';
import { GridScope } from '../../src/core/grid/grid-scope.ts';
import { GridRouter } from '../../src/core/grid/routing.ts';
import { monthPeriod } from '../../src/core/insights/insights-period.ts';
import { freshStore } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const NOW = new Date('2026-12-06T04:00:00Z');

describe('seedDemoHistory', () => {
  it('gives last month problems — the lift of 20号楼 rising among the top three, seasonal mosquitoes, persistent bikes — and seeds once', async () => {
    const { store, dispose } = await freshStore('pglite');
    try {
      await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
      const first = await seedDemoHistory(store, NOW);
      expect(first).toMatchObject({ months: 14, from: '2025-10', to: '2026-11' });
      expect(first.tickets).toBeGreaterThan(100);
      const count = await store.tickets.count({});
      expect(count).toBe(first.tickets);
      expect(await store.tickets.count({ statuses: ['CLOSED'] })).toBeGreaterThan(count / 2);
      expect(await store.tickets.count({ statuses: ['REPORTED'] })).toBeGreaterThan(0);

      const insights = createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups));
      const street = (await store.grid.findByCode('350304001'))!;
      const report = await insights.hot({ roots: [street], ...monthPeriod('2026-11') });
      expect(report.problems.length).toBeGreaterThanOrEqual(3);
      const lift = report.problems.slice(0, 3).find((p) => p.evidence.filter((e) => e.text.includes('电梯')).length >= 5);
      expect(lift, JSON.stringify(report.problems.slice(0, 3).map((p) => p.title))).toBeDefined();
      expect(lift!.reporters).toBeGreaterThanOrEqual(7);
      expect(lift!.flags).toContain('rising');
      // the mosquitoes of 12号楼 came the same month a year before; the electric bikes of 5号楼 never went away
      const about = (word: string) => report.problems.find((p) => p.evidence.filter((e) => e.text.includes(word)).length >= 2);
      expect(about('蚊')?.flags).toContain('seasonal');
      expect(about('电动车')?.flags).toContain('persistent');
      // a residents' phone number in the seeded words is masked in the evidence
      expect(JSON.stringify(report)).not.toContain('13905941234');
      // and in the tickets' summaries, as triage writes them (the sandbox's /tickets printed it)
      expect(JSON.stringify(await store.tickets.list({ limit: 1000 }))).not.toContain('13905941234');

      expect((await seedDemoHistory(store, NOW)).tickets).toBe(0);
      expect(await store.tickets.count({})).toBe(count);
    } finally {
      await dispose();
    }
  }, 120_000);

  it('counts months in China time whatever the server\'s zone: with 13 months the year-ago month is read whole, and the mosquitoes are seasonal', async () => {
    const { store, dispose } = await freshStore('pglite');
    try {
      await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
      expect(await seedDemoHistory(store, NOW, 13)).toMatchObject({ months: 13, from: '2025-11', to: '2026-11' });
      const insights = createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups));
      const report = await insights.hot({ roots: [(await store.grid.findByCode('350304001'))!], ...monthPeriod('2026-11') });
      const mosquitoes = report.problems.find((p) => p.evidence.filter((e) => e.text.includes('蚊')).length >= 2);
      expect(mosquitoes?.flags).toContain('seasonal');
      expect(mosquitoes!.flagReasons.find((f) => f.flag === 'seasonal')!.figures).toMatchObject({ yearsBack: 1, from: '2025-11' });
    } finally {
      await dispose();
    }
  }, 120_000);

  it('writes tickets as the bot would have: assigned to the grid\'s worker, the closed ones with their result', async () => {
    const { store, dispose } = await freshStore('pglite');
    try {
      await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
      await seedDemoHistory(store, NOW, 6);
      const all = await store.tickets.list({ limit: 1000 });
      const open = all.filter((t) => t.status === 'REPORTED');
      expect(open.length).toBeGreaterThan(0);
      for (const t of open) expect(t.assigneeId, `#${t.number}`).not.toBeNull();
      // no deadlines: an old open ticket with one would be escalated the moment the sandbox starts (a flood of messages)
      for (const t of open) expect(t.acceptDueAt).toBeNull();
      const closed = all.filter((t) => t.status === 'CLOSED');
      expect(closed.length).toBeGreaterThan(0);
      for (const t of closed) expect(t.result).toBe('已处理');
    } finally {
      await dispose();
    }
  }, 120_000);

  it('refuses a store holding another grid', async () => {
    const { store, dispose } = await freshStore('pglite');
    try {
      await store.grid.importSpec(SMALL_GRID);
      await expect(seedDemoHistory(store, NOW)).rejects.toThrow(NotDemoGridError);
      expect(await store.tickets.count({})).toBe(0);
    } finally {
      await dispose();
    }
  });
});

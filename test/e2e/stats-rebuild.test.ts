// `linli stats rebuild` as an operator runs it, on a PostgreSQL store whose roll-ups were lost: the rows come back as
// the live counter wrote them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinli } from '../../src/app.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { runCli } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

describe('linli stats rebuild', () => {
  let db: { url: string; drop(): Promise<void> };
  let store: Store;
  beforeAll(async () => {
    db = await createPostgresDatabase();
    store = await openStore({ kind: 'postgres', url: db.url });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('recomputes the roll-ups from the tickets', { timeout: 120_000 }, async () => {
    await store.grid.importSpec(SMALL_GRID);
    const linli = createLinli({ store, triage: scriptedTriage([]), gateways: {}, logger: createMemoryLogger('error').logger, calendar: weekdayCalendar });
    const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
    const zhang = await store.people.ensureByIdentity('WECHAT', 'wx-zhang', '张阿姨');
    const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
    const triage = { isAppeal: true, confidence: 0.9, category: 'noise', place: {}, urgency: 'normal' as const, summary: '楼上噪音', source: 'rules' as const };
    for (let i = 0; i < 3; i++) {
      const { ticket } = await linli.tickets.report({ groupId: group.id, gridNodeId: group.gridNodeId!, reporter: zhang, triage, messageId: null, explicit: false });
      if (i > 0) await linli.tickets.claim(ticket.number, { personId: lin.id, name: lin.name }, null);
    }
    const s1 = (await store.grid.findByCode('S1'))!;
    const read = () => store.stats.byNode([s1.id], '2000-01-01', '2100-01-01');
    const live = await read();
    expect(live[0]!.counts).toMatchObject({ reported: 3, accepted: 2 });
    await store.stats.clear();
    expect(await read()).toEqual([]);

    const r = await runCli(['stats', 'rebuild'], { env: { DATABASE_URL: db.url } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rebuilt the statistics from 3 tickets \(5 events\) in \d+\.\d s$/m);
    expect(await read()).toEqual(live);
  });
});

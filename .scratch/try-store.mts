import { readGridFile } from '/work/main/src/adapters/files/grid-file.ts';
import { DEMO_GRID_FILE } from '/work/main/src/bots/sandbox.ts';
import { createInsights } from '/work/main/src/adapters/insights/create-insights.ts';
import { GridScope } from '/work/main/src/core/grid/grid-scope.ts';
import { GridRouter } from '/work/main/src/core/grid/routing.ts';
import { monthPeriod } from '/work/main/src/core/insights/insights-period.ts';
import { placeNames as pn } from '/work/main/src/core/insights/insights.service.ts';
import { freshStore } from '/work/main/test/support/databases.ts';
import { seedInsightsHistory } from '/work/main/test/support/insights-history.ts';
const { store, dispose } = await freshStore('pglite');
await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
await seedInsightsHistory(store, '2026-11');
const scope = new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups);
const ins = createInsights(store, scope);
const root = (await store.grid.findByCode(process.argv[2] ?? '350304001'))!;

const r = await ins.hot({ roots: [root], ...monthPeriod('2026-11') });
for (const p of r.problems) console.log(p.count, p.title, p.places, p.keywords, p.evidence.map(e=>e.text));
await dispose();

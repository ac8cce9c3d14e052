// Tally benchmark: 10,000 votes across 100 groups of one grid, recomputed from the stored messages (each vote's
// message read back and parsed again) and compared with the live tally from the stored votes. Target ≤ 2 s for the
// recount. Run: npx tsx bench/tally.bench.ts. Options: TALLY_VOTES (10000), TALLY_GROUPS (100), TALLY_STORE
// (pglite | postgres: a fresh database on the test server, dropped afterwards), TALLY_RUNS (3).
import { createMemoryQueues } from '../src/adapters/memory/memory-job-queues.ts';
import { DeliberationService, TOPIC_QUEUE, type TopicTimerJob } from '../src/core/deliberation/deliberation.service.ts';
import type { IncomingMessage } from '../src/core/messages/incoming-message.ts';
import type { GridSpec } from '../src/core/ports/grid.repository.ts';
import { freshStore, type StoreKind } from '../test/support/databases.ts';

const VOTES = Number(process.env.TALLY_VOTES ?? 10_000);
const GROUPS = Number(process.env.TALLY_GROUPS ?? 100);
const RUNS = Math.max(1, Number(process.env.TALLY_RUNS ?? 3));
const kind = (process.env.TALLY_STORE ?? 'pglite') as StoreKind;

const spec: GridSpec = {
  nodes: [
    { code: 'S1', name: '街道', level: 'STREET', parentCode: null },
    { code: 'C1', name: '社区', level: 'COMMUNITY', parentCode: 'S1' },
    { code: 'G1', name: '第一网格', level: 'GRID', parentCode: 'C1' },
  ],
  groups: Array.from({ length: GROUPS }, (_, i) => ({ platform: 'WECHAT' as const, externalId: `bench-${i}`, title: `业主群${i}`, nodeCode: 'G1', tags: [] })),
  people: [{ key: 'lin', name: '林网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-lin' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] }],
};

const { store, dispose } = await freshStore(kind);
const queues = createMemoryQueues();
try {
  await store.grid.importSpec(spec);
  const groupIds = new Map((await store.groups.list()).map((g) => [g.externalId, g.id]));
  const lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
  let now = new Date('2026-12-07T00:00:00Z');
  const svc = new DeliberationService({ store, outbox: { send: async () => undefined }, timers: queues.queue<TopicTimerJob>(TOPIC_QUEUE), clock: { now: () => now } });
  const { topic } = await svc.open({ gridNodeId: (await store.grid.findByCode('G1'))!.id, title: '充电棚', options: [], windowHours: 72, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin.id, sourceMessageId: null }, null);

  // voters: about 1 in 8 votes is a change of an earlier vote by the same resident
  const voters = Math.ceil(VOTES * 0.875);
  const t0 = Date.now();
  const words = ['1', '2', '3', '同意', '反对', '弃权'];
  for (let start = 0; start < VOTES; start += 1000) {
    const items = Array.from({ length: Math.min(1000, VOTES - start) }, (_, k) => {
      const i = start + k;
      const voter = i % voters;
      const group = `bench-${voter % GROUPS}`;
      const msg: IncomingMessage = { platform: 'WECHAT', externalId: `v${i}`, groupExternalId: group, sender: { externalId: `wx-v${voter}`, name: `居民${voter}` }, text: words[(i * 7) % words.length]!, sentAt: new Date(now.getTime() + i * 1000) };
      return { msg, groupId: groupIds.get(group)! };
    });
    const saved = await store.messages.saveIncomingMany(items);
    const people = await store.people.ensureManyByIdentity('WECHAT', items.map((x) => ({ externalId: x.msg.sender.externalId, name: x.msg.sender.name })));
    for (let k = 0; k < items.length; k += 50) {
      await Promise.all(items.slice(k, k + 50).map((x, j) => svc.reply(topic.id, people[k + j]!.id, x.msg.text, { messageId: saved[k + j]!.message.id, groupId: x.groupId, at: x.msg.sentAt })));
    }
    process.stderr.write(`\rstored ${Math.min(start + 1000, VOTES)}/${VOTES} votes`);
  }
  process.stderr.write(`\nsetup ${((Date.now() - t0) / 1000).toFixed(1)} s on ${kind}\n`);
  now = new Date('2026-12-09T00:00:00Z');

  const live = await svc.liveTally(topic.id);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const s = performance.now();
    const recount = await svc.recountFromMessages(topic.id);
    times.push(performance.now() - s);
    if (JSON.stringify(recount) !== JSON.stringify(live)) throw new Error(`recount disagrees: ${JSON.stringify(recount)} vs ${JSON.stringify(live)}`);
  }
  const best = Math.min(...times);
  console.log(`tally: ${VOTES} votes (${live.counted} counted: ${live.counts.join('/')}) across ${GROUPS} groups on ${kind}; recount from stored messages ${times.map((t) => `${(t / 1000).toFixed(3)} s`).join(', ')} (best ${(best / 1000).toFixed(3)} s, target ≤ 2 s) — agrees with the live tally`);
  if (best > 2000) process.exitCode = 1;
} finally {
  await queues.close();
  await dispose();
}

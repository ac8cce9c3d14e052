// The admin's JSON view of the queues over real HTTP: counts, failed jobs with reasons, retry; an ADMIN's token required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { queueRoutes } from '../../src/adapters/http/queue.routes.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { UnrecoverableJobError, type JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { BROADCAST_GRID, waitUntil } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';

describe('GET /api/queues', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let queues: JobQueues;
  let api: { url: string; close(): Promise<void> };
  let fixed = false;
  let handled = 0;
  const get = (p: string, token = 'admin-token') => fetch(api.url + p, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(BROADCAST_GRID); // its `admin` is ADMIN over the root S1
    queues = createMemoryQueues();
    await queues.queue<{ n: number }>('ingest').process(async () => {
      if (!fixed) throw new UnrecoverableJobError('triage model missing');
      handled++;
    });
    const authenticate = tokenAuthenticator({ 'admin-token': 'admin', 'street-token': 'xu' }, store);
    api = await listen(createHttpServer({ routes: queueRoutes(queues), authenticate }), 0);
  });
  afterAll(async () => {
    await api?.close();
    await queues?.close();
    await dispose?.();
  });

  it('refuses a request without a valid token, and staff who are not ADMIN', async () => {
    expect((await get('/api/queues', 'nope')).status).toBe(401);
    expect((await get('/api/queues', 'street-token')).status).toBe(403);
  });

  it('shows counts and the failed job with its reason, and retries it', async () => {
    await queues.queue('ingest').add('handle', { n: 1 }, { jobId: 'WECHAT:m-1' });
    const counts = async () => ((await (await get('/api/queues')).json()) as { queues: Record<string, { failed: number }> }).queues;
    await waitUntil(async () => (await counts()).ingest!.failed === 1, 10_000, 'the job failed');
    const failed = (await (await get('/api/queues/ingest/failed')).json()) as { id: string; failedReason: string }[];
    expect(failed).toEqual([expect.objectContaining({ id: 'WECHAT:m-1', failedReason: 'triage model missing' })]);
    fixed = true;
    const r = await fetch(api.url + '/api/queues/ingest/retry/WECHAT%3Am-1', { method: 'POST', headers: { authorization: 'Bearer admin-token' } });
    expect(r.status).toBe(200);
    await waitUntil(() => handled === 1, 10_000, 'the retried job ran');
    expect((await counts()).ingest!.failed).toBe(0);
    expect((await get('/api/queues/nope/failed')).status).toBe(404);
  });
});

// The admin's JSON view of the queues over real HTTP: counts, failed jobs with reasons, retry; tokens required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { queueRoutes } from '../../src/adapters/http/queue.routes.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { UnrecoverableJobError, type JobQueues } from '../../src/core/ports/job-queue.port.ts';

describe('GET /api/queues', () => {
  let queues: JobQueues;
  let api: { url: string; close(): Promise<void> };
  let fixed = false;
  let handled = 0;
  const get = (p: string, token = 'admin-token') => fetch(api.url + p, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    queues = createMemoryQueues();
    await queues.queue<{ n: number }>('ingest').process(async () => {
      if (!fixed) throw new UnrecoverableJobError('triage model missing');
      handled++;
    });
    api = await listen(createHttpServer({ routes: queueRoutes(queues), authenticate: async (t) => (t === 'admin-token' ? 1 : null) }), 0);
  });
  afterAll(async () => {
    await api?.close();
    await queues?.close();
  });

  it('refuses a request without a valid token', async () => {
    expect((await get('/api/queues', 'nope')).status).toBe(401);
  });

  it('shows counts and the failed job with its reason, and retries it', async () => {
    await queues.queue('ingest').add('handle', { n: 1 }, { jobId: 'WECHAT:m-1' });
    await new Promise((r) => setTimeout(r, 100));
    const counts = (await (await get('/api/queues')).json()) as { queues: Record<string, { failed: number }> };
    expect(counts.queues.ingest!.failed).toBe(1);
    const failed = (await (await get('/api/queues/ingest/failed')).json()) as { id: string; failedReason: string }[];
    expect(failed).toEqual([expect.objectContaining({ id: 'WECHAT:m-1', failedReason: 'triage model missing' })]);
    fixed = true;
    const r = await fetch(api.url + '/api/queues/ingest/retry/WECHAT%3Am-1', { method: 'POST', headers: { authorization: 'Bearer admin-token' } });
    expect(r.status).toBe(200);
    await new Promise((res) => setTimeout(res, 100));
    expect(handled).toBe(1);
    expect((await get('/api/queues/nope/failed')).status).toBe(404);
  });
});

// The admin's view of the pipeline (the Bull Board equivalent, as JSON): counts per queue, the failed jobs with their
// reasons (without their data: it holds residents' words), and retrying one.
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import { HttpError, type Route } from './http-server.ts';

export const ADMIN_QUEUES = ['ingest', 'notify', 'sla', 'broadcast'] as const;

export function queueRoutes(queues: JobQueues): Route[] {
  const known = (name: string | undefined) => {
    if (!name || !(ADMIN_QUEUES as readonly string[]).includes(name)) throw new HttpError(404, 'QUEUE_NOT_FOUND', `no queue ${name}`);
    return queues.queue(name);
  };
  return [
    {
      method: 'GET',
      path: '/api/queues',
      async handle() {
        const body: Record<string, unknown> = {};
        for (const name of ADMIN_QUEUES) body[name] = await queues.queue(name).counts();
        return { body: { kind: queues.kind, queues: body } };
      },
    },
    {
      method: 'GET',
      path: '/api/queues/:name/failed',
      async handle({ params, query }) {
        const failed = await known(params.name).failed(Number(query.get('limit') ?? 50));
        return { body: failed.map((j) => ({ id: j.id, name: j.name, attemptsMade: j.attemptsMade, failedReason: j.failedReason, failedAt: j.failedAt })) };
      },
    },
    {
      method: 'POST',
      path: '/api/queues/:name/retry/:id',
      async handle({ params }) {
        await known(params.name).retry(params.id!);
        return { body: { retried: params.id } };
      },
    },
  ];
}

// The admin's view of the pipeline (the Bull Board equivalent, as JSON): counts per queue, the failed jobs with their
// reasons (without their data: it holds residents' words), and retrying one. Queues serve the whole grid: ADMIN only.
import { z } from 'zod';
import type { RoleRequirement } from '../../core/people/authority.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { limit, pathText } from './params.ts';

export const ADMIN_QUEUES = ['ingest', 'notify', 'sla', 'broadcast'] as const;

export const QUEUES_ACCESS: RoleRequirement = { anyOf: ['ADMIN'] };

export function queueRoutes(queues: JobQueues): RouteSpec[] {
  const known = (name: string) => {
    if (!(ADMIN_QUEUES as readonly string[]).includes(name)) throw new HttpError(404, 'QUEUE_NOT_FOUND', `no queue ${name}`);
    return queues.queue(name);
  };
  return [
    defineRoute({
      method: 'GET',
      path: '/api/queues',
      access: { role: QUEUES_ACCESS, scope: 'grid' },
      async handle() {
        const body: Record<string, unknown> = {};
        for (const name of ADMIN_QUEUES) body[name] = await queues.queue(name).counts();
        return { body: { kind: queues.kind, queues: body } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/queues/:name/failed',
      params: z.object({ name: pathText }),
      query: z.object({ limit: limit(50) }),
      access: { role: QUEUES_ACCESS, scope: 'grid' },
      async handle({ params, query }) {
        const failed = await known(params.name).failed(query.limit);
        return { body: failed.map((j) => ({ id: j.id, name: j.name, attemptsMade: j.attemptsMade, failedReason: j.failedReason, failedAt: j.failedAt })) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/queues/:name/retry/:id',
      params: z.object({ name: pathText, id: pathText }),
      access: { role: QUEUES_ACCESS, scope: 'grid' },
      async handle({ params }) {
        if (!(await known(params.name).retry(params.id))) throw new HttpError(404, 'JOB_NOT_FOUND', `no failed job ${params.id} in ${params.name}`);
        return { body: { retried: params.id } };
      },
    }),
  ];
}

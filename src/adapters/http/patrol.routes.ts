// Patrol findings over the admin JSON API: the same list as `linli patrol findings`, and acknowledging or closing one.
import type { PatrolRepository } from '../../core/ports/patrol.repository.ts';
import { HttpError, type Route } from './http-server.ts';

export function patrolRoutes(patrol: PatrolRepository): Route[] {
  const setStatus = (status: 'ACKNOWLEDGED' | 'CLOSED', action: string): Route => ({
    method: 'POST',
    path: `/api/patrol/findings/:id/${action}`,
    async handle({ params }) {
      const id = Number(params.id);
      if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'BAD_REQUEST', `bad finding id ${params.id}`);
      const f = await patrol.setStatus(id, status);
      if (!f) throw new HttpError(404, 'FINDING_NOT_FOUND', `no patrol finding ${id}`);
      return { body: f };
    },
  });
  return [
    {
      method: 'GET',
      path: '/api/patrol/findings',
      async handle({ query }) {
        const open = ['1', 'true', 'yes'].includes((query.get('open') ?? '').toLowerCase());
        return { body: await patrol.list({ openOnly: open, limit: Math.min(Number(query.get('limit') ?? 100), 1000) }) };
      },
    },
    setStatus('ACKNOWLEDGED', 'ack'),
    setStatus('CLOSED', 'close'),
  ];
}

// The broadcast JSON API: POST /api/broadcasts (?dryRun=1 previews), GET /api/broadcasts/:id, and
// POST /api/broadcasts/:id/(pause|resume|cancel|resend-failed). The caller is the person of their bearer token; the
// same authority check as everywhere applies (STREET_STAFF or ADMIN over the groups, their subtree only).
import { z } from 'zod';
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { BroadcastRepository } from '../../core/ports/broadcast.repository.ts';
import { HttpError, type Route } from './http-server.ts';

const GroupRef = z.union([z.number().int().positive(), z.string().min(1)]);
const CreateBody = z
  .object({
    text: z.string().min(1).max(2000),
    targets: z
      .object({
        nodeCode: z.string().min(1).optional(),
        tags: z.array(z.string().min(1)).optional(),
        platform: z.enum(['WECHAT', 'TELEGRAM']).optional(),
        groupIds: z.array(GroupRef).optional(),
        exclude: z.array(GroupRef).optional(),
      })
      .strict(),
    scheduledAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const idOf = (params: Record<string, string>) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) throw new HttpError(400, 'BAD_ID', `not a broadcast id: ${params.id}`);
  return id;
};

const isDryRun = (q: URLSearchParams) => ['1', 'true', 'yes'].includes((q.get('dryRun') ?? '').toLowerCase());

export function broadcastRoutes(service: BroadcastService): Route[] {
  const status = async (id: number) => {
    const s = await service.status(id);
    return { broadcast: s.broadcast, counts: s.counts, deliveries: s.deliveries };
  };
  const control = (action: 'pause' | 'resume' | 'cancel' | 'resend-failed'): Route => ({
    method: 'POST',
    path: `/api/broadcasts/:id/${action}`,
    async handle({ personId, params }) {
      const id = idOf(params);
      await service.authorize(id, personId);
      if (action === 'pause') await service.pause(id);
      if (action === 'resume') await service.resume(id);
      if (action === 'cancel') await service.cancel(id);
      if (action === 'resend-failed') await service.resendFailed(id);
      return { body: await status(id) };
    },
  });

  return [
    {
      method: 'POST',
      path: '/api/broadcasts',
      async handle({ personId, query, body }) {
        const parsed = CreateBody.safeParse(body);
        if (!parsed.success) throw new HttpError(400, 'BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
        const input = { authorId: personId, text: parsed.data.text, targets: parsed.data.targets, scheduledAt: parsed.data.scheduledAt ? new Date(parsed.data.scheduledAt) : null };
        if (isDryRun(query)) return { body: { dryRun: true, ...(await service.preview(input)) } };
        const { broadcast } = await service.publish(input);
        return { status: 201, body: await status(broadcast.id) };
      },
    },
    {
      method: 'GET',
      path: '/api/broadcasts/:id',
      async handle({ personId, params }) {
        const id = idOf(params);
        await service.authorize(id, personId);
        return { body: await status(id) };
      },
    },
    control('pause'),
    control('resume'),
    control('cancel'),
    control('resend-failed'),
  ];
}

/** Bearer token → person id, from LINLI_API_TOKENS (token → person key) and the grid's people. */
export function tokenAuthenticator(tokens: Record<string, string>, broadcasts: Pick<BroadcastRepository, 'personByKey'>) {
  return async (token: string): Promise<number | null> => {
    const key = Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token] : undefined;
    if (!key) return null;
    return (await broadcasts.personByKey(key))?.id ?? null;
  };
}

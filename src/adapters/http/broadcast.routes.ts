// The broadcast JSON API: POST /api/broadcasts (?dryRun=1 previews), GET /api/broadcasts/:id, and
// POST /api/broadcasts/:id/(pause|resume|cancel|resend-failed). The route admits STREET_STAFF or ADMIN; the service
// then checks the groups themselves (the author's subtrees only), as everywhere broadcasts are made.
import { z } from 'zod';
import { BROADCAST_ROLES } from '../../core/broadcast/broadcast-targets.ts';
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import { defineRoute, type RouteSpec } from './http-server.ts';
import { dbId, flag } from './params.ts';

export const BROADCAST_ACCESS: RoleRequirement = { anyOf: BROADCAST_ROLES };

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

const IdParam = z.object({ id: dbId });

export function broadcastRoutes(service: BroadcastService): RouteSpec[] {
  const status = async (id: number) => {
    const s = await service.status(id);
    return { broadcast: s.broadcast, counts: s.counts, deliveries: s.deliveries };
  };
  const control = (action: 'pause' | 'resume' | 'cancel' | 'resend-failed') =>
    defineRoute({
      method: 'POST',
      path: `/api/broadcasts/:id/${action}`,
      params: IdParam,
      access: { role: BROADCAST_ACCESS, scope: 'subtrees' },
      async handle({ authority, params: { id } }) {
        await service.authorize(id, authority.personId);
        if (action === 'pause') await service.pause(id);
        if (action === 'resume') await service.resume(id);
        if (action === 'cancel') await service.cancel(id);
        if (action === 'resend-failed') await service.resendFailed(id);
        return { body: await status(id) };
      },
    });

  return [
    defineRoute({
      method: 'POST',
      path: '/api/broadcasts',
      query: z.object({ dryRun: flag }),
      body: CreateBody,
      access: { role: BROADCAST_ACCESS, scope: 'subtrees' },
      async handle({ authority, query, body }) {
        const input = { authorId: authority.personId, text: body.text, targets: body.targets, scheduledAt: body.scheduledAt ? new Date(body.scheduledAt) : null };
        if (query.dryRun) return { body: { dryRun: true, ...(await service.preview(input)) } };
        const { broadcast } = await service.publish(input);
        return { status: 201, body: await status(broadcast.id) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/broadcasts/:id',
      params: IdParam,
      access: { role: BROADCAST_ACCESS, scope: 'subtrees' },
      async handle({ authority, params: { id } }) {
        await service.authorize(id, authority.personId);
        return { body: await status(id) };
      },
    }),
    control('pause'),
    control('resume'),
    control('cancel'),
    control('resend-failed'),
  ];
}

// The broadcast JSON API: POST /api/broadcasts (?dryRun=1 previews), GET /api/broadcasts (the list the caller may
// see), GET /api/broadcasts/:id, and POST /api/broadcasts/:id/(pause|resume|cancel|resend-failed). The route admits
// the broadcast roles (BROADCAST_ROLES: COMMUNITY_STAFF, STREET_STAFF, ADMIN); the service then checks the groups
// themselves (the author's subtrees only: a community's staff reach their own community), as everywhere broadcasts
// are made. Each group's copy is answered with the group's title and grid node, for people to read.
import { z } from 'zod';
import { BROADCAST_ROLES } from '../../core/broadcast/broadcast-targets.ts';
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { Broadcast, Delivery } from '../../core/broadcast/broadcast.types.ts';
import { GridScope } from '../../core/grid/grid-scope.ts';
import type { GrantNode, RoleRequirement } from '../../core/people/authority.ts';
import type { GroupRepository } from '../../core/ports/group.repository.ts';
import { defineRoute, type RouteSpec } from './http-server.ts';
import { dbId, flag, limit } from './params.ts';

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

/** Where the routes read the groups' titles and grid nodes, and which broadcasts lie inside a caller's subtrees. */
export interface BroadcastView {
  scope: GridScope;
  groups: Pick<GroupRepository, 'list'>;
}

export function broadcastRoutes(service: BroadcastService, view: BroadcastView): RouteSpec[] {
  /** Each copy with its group's title, platform and grid node (null fields for a group deleted since). */
  const named = async (deliveries: Delivery[]) => {
    const groups = new Map((await view.groups.list()).map((g) => [g.id, g]));
    const nodes = new Map<number, { code: string; name: string }>();
    for (const gid of new Set(deliveries.map((d) => groups.get(d.groupId)?.gridNodeId).filter((n): n is number => typeof n === 'number'))) {
      const n = (await view.scope.chain(gid).catch(() => [])).at(-1);
      if (n) nodes.set(gid, { code: n.code, name: n.name });
    }
    return deliveries.map((d) => {
      const g = groups.get(d.groupId);
      const n = g?.gridNodeId ? nodes.get(g.gridNodeId) : undefined;
      return { ...d, group: { title: g?.title ?? null, platform: g?.platform ?? null, nodeCode: n?.code ?? null, nodeName: n?.name ?? null } };
    });
  };
  const status = async (id: number) => {
    const s = await service.status(id);
    return { broadcast: s.broadcast, counts: s.counts, deliveries: await named(s.deliveries) };
  };
  /** As authorize() decides: the author; else the target node, or (no node named) every group copied, inside the scopes. */
  const visible = async (b: Broadcast, personId: number, scopes: GrantNode[]) => {
    if (b.authorId === personId) return true;
    if (b.targets.nodeCode) {
      const node = await view.scope.node(b.targets.nodeCode);
      return node !== null && GridScope.within(node, scopes);
    }
    const inside = new Set((await view.scope.groupsWithin(scopes)).map((g) => g.id));
    return (await service.status(b.id)).deliveries.every((d) => inside.has(d.groupId));
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
      method: 'GET',
      path: '/api/broadcasts',
      query: z.object({ limit: limit(50) }),
      access: { role: BROADCAST_ACCESS, scope: 'subtrees' },
      async handle({ authority, query, scopes }) {
        const all = await service.list(query.limit);
        const shown = [];
        for (const item of all) if (await visible(item.broadcast, authority.personId, scopes)) shown.push(item);
        return { body: { broadcasts: shown } };
      },
    }),
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

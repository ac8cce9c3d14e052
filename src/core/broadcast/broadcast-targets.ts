// Who a broadcast reaches, and whether its author may reach them: a broadcast role (BROADCAST_ROLES) held on a node
// covers that node's subtree, and a broadcast may only go to groups inside the author's subtrees: a community's staff
// (居委会) send to their own community's groups, a street office to its whole street.
import { DomainError, ErrorCode } from '../errors.ts';
import { ancestorCodes, type GridNode } from '../grid/grid.types.ts';
import type { Role } from '../people/roles.ts';
import type { GridRepository } from '../ports/grid.repository.ts';
import type { Group, GroupRepository } from '../ports/group.repository.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import type { BroadcastTargets, GroupRef } from './broadcast.types.ts';

/**
 * Roles that may broadcast, each over its own node's subtree only: COMMUNITY_STAFF (a 居委会's 停水通知 to its own
 * groups), STREET_STAFF, ADMIN. The admin API's broadcast routes, the CLI and the console all read this one list.
 */
export const BROADCAST_ROLES: readonly Role[] = ['COMMUNITY_STAFF', 'STREET_STAFF', 'ADMIN'];

export interface TargetGroup {
  id: number;
  platform: Group['platform'];
  externalId: string;
  title: string;
  nodeCode: string;
  nodeName: string;
}

export interface ResolvedTargets {
  groups: TargetGroup[];
  /** Explicitly named groups that are not targeted, and why (unknown, unmapped, inactive, outside the node …). */
  ignored: { ref: GroupRef; reason: string }[];
}

const matches = (g: Group, ref: GroupRef) => (typeof ref === 'number' ? g.id === ref : g.externalId === ref || String(g.id) === ref);

export class BroadcastTargetResolver {
  constructor(
    private readonly grid: GridRepository,
    private readonly groups: GroupRepository,
    private readonly people: PersonRepository,
  ) {}

  /** The groups the targets name, after checking the author's authority over every one of them. */
  async resolve(authorId: number, targets: BroadcastTargets): Promise<ResolvedTargets> {
    const all = await this.groups.list();
    const nodes = new Map<number, GridNode>();
    let root: GridNode | null = null;
    if (targets.nodeCode) {
      root = await this.grid.findByCode(targets.nodeCode);
      if (!root) throw new DomainError(ErrorCode.GridNodeNotFound, `grid node ${targets.nodeCode} not found`, { code: targets.nodeCode });
      for (const n of await this.grid.subtree(root.code)) nodes.set(n.id, n);
    } else {
      for (const id of new Set(all.map((g) => g.gridNodeId).filter((id): id is number => id !== null))) {
        const n = await this.grid.findById(id);
        if (n) nodes.set(n.id, n);
      }
    }

    const ignored: ResolvedTargets['ignored'] = [];
    for (const ref of targets.groupIds ?? []) {
      const g = all.find((x) => matches(x, ref));
      const reason = !g
        ? '没有这个群'
        : g.gridNodeId === null
          ? '群未关联网格'
          : !g.active
            ? g.muted ? '机器人在群内不能发言' : '机器人已不在群内'
            : !nodes.has(g.gridNodeId)
              ? `不在 ${targets.nodeCode} 网格范围内`
              : null;
      if (reason) ignored.push({ ref, reason });
    }

    const tags = targets.tags?.length ? new Set(targets.tags) : null;
    const picked = all.filter(
      (g) =>
        g.active &&
        g.gridNodeId !== null &&
        nodes.has(g.gridNodeId) &&
        (!tags || g.tags.some((t) => tags.has(t))) &&
        (!targets.platform || g.platform === targets.platform) &&
        (!targets.groupIds?.length || targets.groupIds.some((r) => matches(g, r))) &&
        !(targets.exclude ?? []).some((r) => matches(g, r)),
    );

    await this.assertAuthority(authorId, root, picked.map((g) => nodes.get(g.gridNodeId!)!));
    return {
      groups: picked.map((g) => {
        const n = nodes.get(g.gridNodeId!)!;
        return { id: g.id, platform: g.platform, externalId: g.externalId, title: g.title, nodeCode: n.code, nodeName: n.name };
      }),
      ignored,
    };
  }

  /**
   * The author must hold a broadcast role on the target node or an ancestor of it, and of every group's node. A refusal
   * names the nodes outside (`nodes`, `outsideNames`); `reason` OUTSIDE_SCOPE when the author broadcasts elsewhere (a
   * community's staff to another community), ROLE_REQUIRED when they may broadcast nowhere.
   */
  private async assertAuthority(authorId: number, root: GridNode | null, groupNodes: GridNode[]): Promise<void> {
    const checked = root ? [root] : groupNodes;
    if (checked.length === 0) return;
    const codes = new Set<string>();
    for (const n of checked) for (const c of [...ancestorCodes(n), n.code]) codes.add(c);
    const chain = await this.grid.findByCodes([...codes]);
    const held = (await this.people.holders(chain.map((n) => n.id), BROADCAST_ROLES)).filter((h) => h.person.id === authorId);
    const scopes = chain.filter((n) => held.some((h) => h.gridNodeId === n.id)).map((n) => n.path);
    const outside = [...new Map(checked.filter((n) => !scopes.some((p) => n.path.startsWith(p))).map((n) => [n.id, n])).values()];
    if (outside.length > 0) {
      const broadcaster = (await this.people.assignments(authorId)).some((a) => BROADCAST_ROLES.includes(a.role));
      // named as the operator knows them (the person's name, the nodes' codes and names), not by row ids
      const who = (await this.people.findById(authorId))?.name ?? `person ${authorId}`;
      const roles = `${BROADCAST_ROLES.slice(0, -1).join(', ')} or ${BROADCAST_ROLES.at(-1)}`;
      throw new DomainError(
        ErrorCode.NotAuthorized,
        `${who} may not broadcast to ${outside.slice(0, 5).map((n) => `${n.code} ${n.name}`).join(', ')}: ${roles} over it is required`,
        { authorId, nodes: outside.map((n) => n.code), outsideNames: outside.map((n) => n.name).slice(0, 5), reason: broadcaster ? 'OUTSIDE_SCOPE' : 'ROLE_REQUIRED' },
      );
    }
  }
}

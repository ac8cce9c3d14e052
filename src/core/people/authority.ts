// What a person reaches over the grid: each role they hold covers its node's whole subtree. The admin API asks one
// question per route — does a role meeting the route's requirement cover the object's node? — and nothing else.
import { isInSubtree, type GridNode } from '../grid/grid.types.ts';
import { rankAtLeast, ROLE_RANK, seesUnmasked, type Role } from './roles.ts';

/** Either one of these roles, or any role ranked at least this one (ROLE_RANK). */
export type RoleRequirement = { anyOf: readonly Role[] } | { atLeast: Role };

export type GrantNode = Pick<GridNode, 'id' | 'code' | 'path' | 'parentId'>;

/** One role held over one node. */
export interface Grant {
  role: Role;
  node: GrantNode;
}

export function meets(role: Role, req: RoleRequirement): boolean {
  return 'anyOf' in req ? req.anyOf.includes(role) : rankAtLeast(role, req.atLeast);
}

export function describeRequirement(req: RoleRequirement): string {
  return 'anyOf' in req ? req.anyOf.join(' or ') : `${req.atLeast} or above`;
}

export class Authority {
  constructor(
    readonly personId: number,
    readonly grants: readonly Grant[],
  ) {}

  /** Whether the person holds a role meeting `req` anywhere. */
  has(req: RoleRequirement): boolean {
    return this.grants.some((g) => meets(g.role, req));
  }

  /** The nodes whose subtrees `req` reaches, none inside another. */
  scopes(req: RoleRequirement): GrantNode[] {
    const kept: GrantNode[] = [];
    const nodes = this.grants.filter((g) => meets(g.role, req)).map((g) => g.node);
    for (const n of nodes.sort((a, b) => a.path.length - b.path.length)) if (!kept.some((k) => isInSubtree(n, k))) kept.push(n);
    return kept;
  }

  /**
   * Whether `req` covers an object on `node`. An object on no node (a group not mapped to the grid) is reached only
   * from a root, as is an object of the whole grid (pass null).
   */
  covers(req: RoleRequirement, node: Pick<GridNode, 'path'> | null): boolean {
    const scopes = this.scopes(req);
    return node ? scopes.some((s) => isInSubtree(node, s)) : scopes.some((s) => s.parentId === null);
  }

  /**
   * 指派: whether this person may hand a ticket to someone holding `target` (the roles that let them take it): one of
   * those roles must rank at or below a role of the caller's and be held on a node inside that role's subtree. A 网格长
   * hands work to the grid's workers and building heads, never up to 社区, 街道, 职能部门 or 分管领导.
   */
  mayHandTo(target: readonly Grant[]): boolean {
    return target.some((t) => this.grants.some((g) => ROLE_RANK[t.role] <= ROLE_RANK[g.role] && isInSubtree(t.node, g.node)));
  }

  /** Residents' phone and ID numbers are shown as written only to COMMUNITY_STAFF and above. */
  get unmasked(): boolean {
    return seesUnmasked(this.grants.map((g) => g.role));
  }
}

// The admin API's one authorisation mechanism. Every route declares who may call it — a role requirement, and where
// the object it acts on lives in the grid — and the server checks that declaration before the handler runs; no
// handler checks a role by itself. A role over a node covers its subtree (core/people/authority.ts).
import { describeRequirement, type Authority, type Grant, type GrantNode, type RoleRequirement } from '../../core/people/authority.ts';
import type { GridNode } from '../../core/grid/grid.types.ts';
import { Reason } from './error-zh.ts';
import { HttpError } from './http-error.ts';

/** Where a route's object lives. */
export type Scope<P, Q = unknown, B = unknown> =
  /** The whole system (queues, jobs): only a role held on a root of the grid covers it. */
  | 'grid'
  /**
   * The caller's own subtrees: a list the handler filters to `scopes`, or an object a core service checks itself
   * against the same subtree rule (a broadcast's target groups).
   */
  | 'subtrees'
  /**
   * The node of the object the parameters, the query or the body name (null: on no node, only a root covers it); throw
   * a 404 when absent. `undefined`: the request names no object (an optional `?node=`), so it acts on the caller's
   * subtrees. A list: the object lives at each of these nodes (a street's 每月一题 topic is read where its problem is), and
   * a role over any of them covers it.
   */
  | ((params: P, query: Q, body: B) => Promise<Pick<GridNode, 'path'> | readonly Pick<GridNode, 'path'>[] | null | undefined>);

export interface Access<P, Q = unknown, B = unknown> {
  role: RoleRequirement;
  scope: Scope<P, Q, B>;
  /**
   * A person the request hands the object to (指派): the roles that let them take it. The caller must be allowed to
   * hand it to them (Authority.mayHandTo: a role at or below the caller's, inside the caller's subtree). Undefined: the
   * request names nobody the caller could reach (an unknown person is the handler's 422).
   */
  handsTo?: (params: P, query: Q, body: B) => Promise<Grant[] | undefined>;
}

const refuse = (authority: Authority, req: RoleRequirement, where: string, reason?: string) =>
  new HttpError(403, 'NOT_AUTHORIZED', `person ${authority.personId} may not do this${where}: ${describeRequirement(req)} is required`, undefined, reason);

/** Before the parameters are read: the caller must hold the role somewhere (residents stop here, on every route). */
export function checkRole(authority: Authority, access: Access<unknown>): void {
  if (!authority.has(access.role)) throw refuse(authority, access.role, '', Reason.RoleRequired);
}

/** After the parameters are valid: the role must cover the object. Returns the caller's scopes under the role. */
export async function checkScope<P, Q, B>(authority: Authority, access: Access<P, Q, B>, params: P, query: Q, body?: B): Promise<GrantNode[]> {
  const scopes = authority.scopes(access.role);
  if (access.scope === 'subtrees') return scopes;
  if (access.scope === 'grid') {
    if (!authority.covers(access.role, null)) throw refuse(authority, access.role, ' (it concerns the whole grid)');
    return scopes;
  }
  const at = await access.scope(params, query, body as B);
  if (at === undefined) return scopes;
  const places = Array.isArray(at) ? (at as readonly Pick<GridNode, 'path'>[]) : [at as Pick<GridNode, 'path'> | null];
  const node = places.find((p) => authority.covers(access.role, p)) ?? places[0] ?? null;
  if (!authority.covers(access.role, node)) throw refuse(authority, access.role, node ? ' outside your part of the grid' : ' (on no grid node)', node ? Reason.OutsideScope : undefined);
  const target = access.handsTo ? await access.handsTo(params, query, body as B) : undefined;
  if (target?.length && !authority.mayHandTo(target)) {
    throw new HttpError(403, 'NOT_AUTHORIZED', `person ${authority.personId} may not hand this to someone ranked above them or outside their part of the grid`, undefined, Reason.AssigneeOutOfReach);
  }
  return scopes;
}

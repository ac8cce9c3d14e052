// A topic's scope: its node's subtree, the active groups mapped there, who may open topics over it, and who may
// vote (the electorate the tally judges against). Everything comes from the store, nothing from what a message says.
import type { GridNode } from '../grid/grid.types.ts';
import type { Role } from '../people/roles.ts';
import type { Group } from '../ports/group.repository.ts';
import type { Store } from '../ports/store.port.ts';
import type { Electorate, Topic } from './topic.types.ts';

/** Roles that may open a topic, accept a proposal, record a decision and keep the 实事清单 (building heads are residents). */
export const TOPIC_STAFF: readonly Role[] = ['GRID_WORKER', 'GRID_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF', 'LEADER', 'ADMIN'];
const ALL_ROLES: readonly Role[] = [...TOPIC_STAFF, 'UNIT_HEAD', 'DEPARTMENT'];

export interface Scope {
  node: GridNode;
  nodeIds: number[];
  /** The node and its ancestors: roles held there cover the scope. */
  coverIds: number[];
  groups: Group[];
}

export class TopicScopes {
  constructor(private readonly store: Store) {}

  async of(gridNodeId: number): Promise<Scope> {
    const node = await this.store.grid.findById(gridNodeId);
    if (!node) throw new Error(`grid node ${gridNodeId} not found`);
    const subtree = await this.store.grid.subtree(node.code);
    const nodeIds = subtree.map((n) => n.id);
    const inScope = new Set(nodeIds);
    const ancestors = await this.store.grid.findByCodes(node.path.split('/').filter(Boolean));
    const groups = (await this.store.groups.list()).filter((g) => g.active && g.gridNodeId !== null && inScope.has(g.gridNodeId));
    return { node, nodeIds, coverIds: ancestors.map((a) => a.id), groups };
  }

  /** The node of `level` at or above `node` (a topic opened in a building's group may be put to its grid). */
  async widen(node: GridNode, level: GridNode['level']): Promise<GridNode | null> {
    if (node.level === level) return node;
    const chain = await this.store.grid.findByCodes(node.path.split('/').filter(Boolean));
    return chain.find((n) => n.level === level) ?? null;
  }

  async isStaffOver(personId: number, scope: Scope): Promise<boolean> {
    const roles = await this.store.people.rolesOn(personId, scope.coverIds);
    return roles.some((r) => TOPIC_STAFF.includes(r));
  }

  /**
   * Who may vote and how many could: see Electorate. `voters` (the people whose votes are being tallied): those
   * registered as living only outside the scope are named in `residentsElsewhere`.
   */
  async electorate(topic: Pick<Topic, 'counting'>, scope: Scope, voters: readonly number[] = []): Promise<Electorate & { households: Map<number, string>; residentsElsewhere: ReadonlySet<number> }> {
    const households = await this.store.deliberation.households(scope.nodeIds);
    const holders = await this.store.people.holders([...new Set([...scope.coverIds, ...scope.nodeIds])], ALL_ROLES);
    const staffNotResident = new Set(holders.map((h) => h.person.id).filter((id) => !households.has(id)));
    const groupIds = scope.groups.map((g) => g.id);
    const size = topic.counting === 'HOUSEHOLD' ? new Set(households.values()).size : await this.residentMembers(groupIds, staffNotResident, scope.nodeIds);
    const residentsElsewhere = await this.store.deliberation.registeredAmong([...new Set(voters)].filter((id) => !households.has(id)));
    return { scopeGroupIds: new Set(groupIds), staffNotResident, size, residentsElsewhere, households };
  }

  /** Members of the groups, staff who do not live there and people registered as living elsewhere left out (they do not vote). */
  private async residentMembers(groupIds: number[], staff: ReadonlySet<number>, nodeIds: readonly number[]): Promise<number> {
    const members = await this.store.deliberation.memberAccounts(groupIds);
    for (const id of await this.store.people.identitiesOfMany([...staff])) members.delete(`${id.platform}:${id.externalId}`);
    if (members.size) for (const a of await this.store.deliberation.memberAccountsLivingOutside(groupIds, nodeIds)) members.delete(a);
    return members.size;
  }
}

// Routing along the grid: who is on duty for a node, and who stands above it when a ticket is escalated.
import { DomainError, ErrorCode } from '../errors.ts';
import type { Role } from '../people/roles.ts';
import type { GridRepository } from '../ports/grid.repository.ts';
import type { IdentityRef, Person, PersonRepository, RoleHolder } from '../ports/person.repository.ts';
import type { TicketRepository } from '../ports/ticket.repository.ts';
import type { Place } from '../tickets/ticket.types.ts';
import { extractPlace } from '../triage/place.ts';
import { ancestorCodes, type GridLevel, type GridNode } from './grid.types.ts';
import { pushTo } from '../util/multimap.ts';
import { GroupCommit } from '../util/group-commit.ts';

export interface EscalationStep {
  level: 'GRID' | 'COMMUNITY' | 'STREET' | 'DEPARTMENT' | 'LEADER';
  node: GridNode;
  roles: Role[];
  people: Person[];
}

/**
 * Which roles answer for each step of the chain grid → community → street → department → leader. `heads`: holders
 * of a role on a node further up who answer with the step (a 网格长 is often named on the community node, over all its
 * grids: they hear what the grid hears — patrol alerts, a ticket's escalation — though no ticket is handed to them).
 */
const STEP_ROLES: { level: EscalationStep['level']; nodeLevel: GridLevel[]; roles: Role[]; heads?: { nodeLevel: GridLevel[]; roles: Role[] } }[] = [
  { level: 'GRID', nodeLevel: ['GRID'], roles: ['GRID_WORKER', 'GRID_HEAD'], heads: { nodeLevel: ['COMMUNITY'], roles: ['GRID_HEAD'] } },
  { level: 'COMMUNITY', nodeLevel: ['COMMUNITY'], roles: ['COMMUNITY_STAFF'] },
  { level: 'STREET', nodeLevel: ['STREET'], roles: ['STREET_STAFF'] },
  { level: 'DEPARTMENT', nodeLevel: ['STREET', 'DISTRICT'], roles: ['DEPARTMENT'] },
  { level: 'LEADER', nodeLevel: ['STREET', 'DISTRICT'], roles: ['LEADER'] },
];

export const ESCALATION_LEVEL_ZH: Record<EscalationStep['level'], string> = {
  GRID: '网格',
  COMMUNITY: '社区',
  STREET: '街道',
  DEPARTMENT: '职能部门',
  LEADER: '分管领导',
};

export interface GridRouterOptions {
  /**
   * How long a snapshot of the grid (nodes, role holders, their accounts) serves reads (default 0: every read goes
   * to the store). The bot sets a few seconds: every ticket and patrol check reads the grid, which changes by import,
   * seldom; a node or person the snapshot does not know yet is read from the store.
   */
  cacheMs?: number;
}

interface GridSnapshot {
  byId: Map<number, GridNode>;
  byCode: Map<string, GridNode>;
  /** Every role assignment, by node id. */
  holdersByNode: Map<number, RoleHolder[]>;
  identities: Map<number, IdentityRef[]>;
  /** Each node's children. */
  children: Map<number, GridNode[]>;
  /** Subtrees asked for so far, by root code (filled on demand). */
  subtrees: Map<string, GridNode[]>;
}

export class GridRouter {
  private snap: Promise<GridSnapshot> | undefined;
  private snapAt = 0;
  /** The on-duty choices of calls made together, answered with one count (see onDutyWorker). */
  private readonly leastLoaded = new GroupCommit<RoleHolder[], Person>((sets) => this.pickLeastLoaded(sets));

  constructor(
    private readonly grid: GridRepository,
    private readonly people: PersonRepository,
    private readonly tickets: TicketRepository,
    private readonly options: GridRouterOptions = {},
  ) {}

  /** The current snapshot, loaded again when older than cacheMs; null when caching is off. */
  private snapshot(): Promise<GridSnapshot> | null {
    const ttl = this.options.cacheMs ?? 0;
    if (ttl <= 0) return null;
    const now = Date.now();
    if (!this.snap || now - this.snapAt >= ttl) {
      this.snapAt = now;
      const loading = this.load();
      this.snap = loading;
      loading.catch(() => {
        if (this.snap === loading) this.snap = undefined;
      });
    }
    return this.snap;
  }

  private async load(): Promise<GridSnapshot> {
    const [nodes, holders] = await Promise.all([this.grid.all(), this.people.allHolders()]);
    const identities = new Map<number, IdentityRef[]>();
    for (const i of await this.people.identitiesOfMany([...new Set(holders.map((h) => h.person.id))])) {
      pushTo(identities, i.personId, i);
    }
    const holdersByNode = new Map<number, RoleHolder[]>();
    for (const h of holders) pushTo(holdersByNode, h.gridNodeId, h);
    const children = new Map<number, GridNode[]>();
    for (const n of nodes) if (n.parentId !== null) pushTo(children, n.parentId, n);
    return {
      byId: new Map(nodes.map((n) => [n.id, n])),
      byCode: new Map(nodes.map((n) => [n.code, n])),
      holdersByNode,
      identities,
      children,
      subtrees: new Map(),
    };
  }

  /** Forget the snapshot (after this process imported a grid). */
  invalidate(): void {
    this.snap = undefined;
  }

  /** The node and its ancestors, root first. */
  async chain(gridNodeId: number): Promise<GridNode[]> {
    const snap = await this.snapshot();
    const known = snap?.byId.get(gridNodeId);
    if (snap && known) {
      const chain = [...ancestorCodes(known), known.code].map((c) => snap.byCode.get(c));
      if (chain.every((n) => n !== undefined)) return chain as GridNode[];
    }
    const node = await this.grid.findById(gridNodeId);
    if (!node) throw new DomainError(ErrorCode.GridNodeNotFound, `grid node ${gridNodeId} not found`, { gridNodeId });
    return this.grid.findByCodes([...ancestorCodes(node), node.code]);
  }

  /** The node and all nodes below it. */
  async subtree(code: string): Promise<GridNode[]> {
    const snap = await this.snapshot();
    const root = snap?.byCode.get(code);
    if (snap && root) {
      let below = snap.subtrees.get(code);
      if (!below) {
        // walked down from the root (not a scan of every node), in id order as the store gives them
        below = [];
        for (const stack = [root]; stack.length > 0; ) {
          const n = stack.pop()!;
          below.push(n);
          stack.push(...(snap.children.get(n.id) ?? []));
        }
        below.sort((a, b) => a.id - b.id);
        snap.subtrees.set(code, below);
      }
      return [...below];
    }
    return this.grid.subtree(code);
  }

  /** Holders of the roles on exactly these nodes, by person id. */
  async holders(gridNodeIds: readonly number[], roles: readonly Role[]): Promise<RoleHolder[]> {
    const snap = await this.snapshot();
    if (snap && gridNodeIds.every((id) => snap.byId.has(id))) {
      // by person id, as the store gives them
      const found = [...new Set(gridNodeIds)].flatMap((id) => (snap.holdersByNode.get(id) ?? []).filter((h) => roles.includes(h.role)));
      return found.sort((a, b) => a.person.id - b.person.id);
    }
    return this.people.holders([...gridNodeIds], roles);
  }

  /** A person's platform accounts: staff from the snapshot, anyone else from the store. */
  async identities(personId: number): Promise<IdentityRef[]> {
    const known = (await this.snapshot())?.identities.get(personId);
    return known ?? this.people.identities(personId);
  }

  /** Roles a person holds over a node: those held on the node or any ancestor (a role covers its subtree). */
  async rolesOver(personId: number, gridNodeId: number): Promise<Role[]> {
    const chain = await this.chain(gridNodeId);
    return this.people.rolesOn(personId, chain.map((n) => n.id));
  }

  /**
   * The on-duty grid worker for a node: GRID_WORKER on the nearest GRID at or above it. With several, the one with
   * the fewest open tickets; ties go to the longest-serving assignment (lowest person id), so the choice is stable.
   * Calls made together (the appeals of one batch) are answered together with one count of open tickets, in the
   * order made, each as if the tickets of the calls before it were already assigned: two appeals at once in a grid
   * with two workers go one to each.
   */
  async onDutyWorker(gridNodeId: number): Promise<Person | null> {
    const chain = await this.chain(gridNodeId);
    const grid = [...chain].reverse().find((n) => n.level === 'GRID');
    if (!grid) return null;
    const holders = await this.holders([grid.id], ['GRID_WORKER']);
    return holders.length === 0 ? null : this.leastLoaded.submit(holders);
  }

  /** For each set of candidates, in order, the one with the fewest open tickets, counting those chosen before it. */
  private async pickLeastLoaded(sets: readonly RoleHolder[][]): Promise<Person[]> {
    const load = await this.tickets.openCountByAssignee([...new Set(sets.flatMap((hs) => hs.map((h) => h.person.id)))]);
    return sets.map((holders) => {
      const chosen = holders.reduce((best, h) => {
        const d = (load.get(h.person.id) ?? 0) - (load.get(best.person.id) ?? 0);
        return d < 0 || (d === 0 && h.person.id < best.person.id) ? h : best;
      });
      load.set(chosen.person.id, (load.get(chosen.person.id) ?? 0) + 1);
      return chosen.person;
    });
  }

  /**
   * The node a place names within the community of `gridNodeId`: the one node named for that building ("21号楼",
   * "21栋"), and that unit when the place gives one and a node is named for it. Null when the place names no building,
   * or no node or several match: the appeal stays with the node it came from.
   */
  async nodeForPlace(gridNodeId: number, place: Place): Promise<GridNode | null> {
    if (!place.building) return null;
    const community = [...(await this.chain(gridNodeId))].reverse().find((n) => n.level === 'COMMUNITY');
    if (!community) return null;
    const named = (await this.subtree(community.code))
      .map((node) => ({ node, named: extractPlace(node.name) }))
      .filter((c) => c.named.building === place.building && !c.named.room);
    const unit = named.filter((c) => place.unit !== undefined && c.named.unit === place.unit);
    const pick = unit.length > 0 ? unit : named.filter((c) => c.named.unit === undefined);
    return pick.length === 1 ? pick[0]!.node : null;
  }

  /** The escalation chain above a node, nearest first; steps with nobody assigned are kept so gaps are visible. */
  async escalationChain(gridNodeId: number): Promise<EscalationStep[]> {
    const nearestFirst = [...(await this.chain(gridNodeId))].reverse();
    const steps: EscalationStep[] = [];
    for (const step of STEP_ROLES) {
      const nodes = nearestFirst.filter((n) => step.nodeLevel.includes(n.level));
      if (nodes.length === 0) continue;
      const holders = await this.holders(nodes.map((n) => n.id), step.roles);
      const above = step.heads ? nearestFirst.filter((n) => step.heads!.nodeLevel.includes(n.level)) : [];
      // the step's own holders first (the one a ticket goes to is people[0]), then the heads above
      const heads = above.length ? await this.holders(above.map((n) => n.id), step.heads!.roles) : [];
      const unique = new Map([...holders, ...heads].map((h) => [h.person.id, h.person]));
      steps.push({ level: step.level, node: nodes[0]!, roles: step.roles, people: [...unique.values()] });
    }
    return steps;
  }
}

// Routing along the grid: who is on duty for a node, and who stands above it when a ticket is escalated.
import { DomainError, ErrorCode } from '../errors.ts';
import type { Role } from '../people/roles.ts';
import type { GridRepository } from '../ports/grid.repository.ts';
import type { Person, PersonRepository } from '../ports/person.repository.ts';
import type { TicketRepository } from '../ports/ticket.repository.ts';
import { ancestorCodes, type GridLevel, type GridNode } from './grid.types.ts';

export interface EscalationStep {
  level: 'GRID' | 'COMMUNITY' | 'STREET' | 'DEPARTMENT' | 'LEADER';
  node: GridNode;
  roles: Role[];
  people: Person[];
}

/** Which roles answer for each step of the chain grid → community → street → department → leader. */
const STEP_ROLES: { level: EscalationStep['level']; nodeLevel: GridLevel[]; roles: Role[] }[] = [
  { level: 'GRID', nodeLevel: ['GRID'], roles: ['GRID_WORKER', 'GRID_HEAD'] },
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

export class GridRouter {
  constructor(
    private readonly grid: GridRepository,
    private readonly people: PersonRepository,
    private readonly tickets: TicketRepository,
  ) {}

  /** The node and its ancestors, root first. */
  async chain(gridNodeId: number): Promise<GridNode[]> {
    const node = await this.grid.findById(gridNodeId);
    if (!node) throw new DomainError(ErrorCode.GridNodeNotFound, `grid node ${gridNodeId} not found`, { gridNodeId });
    return this.grid.findByCodes([...ancestorCodes(node), node.code]);
  }

  subtree(code: string): Promise<GridNode[]> {
    return this.grid.subtree(code);
  }

  /** Roles a person holds over a node: those held on the node or any ancestor (a role covers its subtree). */
  async rolesOver(personId: number, gridNodeId: number): Promise<Role[]> {
    const chain = await this.chain(gridNodeId);
    return this.people.rolesOn(personId, chain.map((n) => n.id));
  }

  /**
   * The on-duty grid worker for a node: GRID_WORKER on the nearest GRID at or above it. With several, the one with
   * the fewest open tickets; ties go to the longest-serving assignment (lowest person id), so the choice is stable.
   */
  async onDutyWorker(gridNodeId: number): Promise<Person | null> {
    const chain = await this.chain(gridNodeId);
    const grid = [...chain].reverse().find((n) => n.level === 'GRID');
    if (!grid) return null;
    const holders = await this.people.holders([grid.id], ['GRID_WORKER']);
    if (holders.length === 0) return null;
    const load = await this.tickets.openCountByAssignee(holders.map((h) => h.person.id));
    const sorted = [...holders].sort(
      (a, b) => (load.get(a.person.id) ?? 0) - (load.get(b.person.id) ?? 0) || a.person.id - b.person.id,
    );
    return sorted[0]!.person;
  }

  /** The escalation chain above a node, nearest first; steps with nobody assigned are kept so gaps are visible. */
  async escalationChain(gridNodeId: number): Promise<EscalationStep[]> {
    const nearestFirst = [...(await this.chain(gridNodeId))].reverse();
    const steps: EscalationStep[] = [];
    for (const step of STEP_ROLES) {
      const nodes = nearestFirst.filter((n) => step.nodeLevel.includes(n.level));
      if (nodes.length === 0) continue;
      const holders = await this.people.holders(nodes.map((n) => n.id), step.roles);
      const unique = new Map(holders.map((h) => [h.person.id, h.person]));
      steps.push({ level: step.level, node: nodes[0]!, roles: step.roles, people: [...unique.values()] });
    }
    return steps;
  }
}

// Roles held over grid nodes and what each may do. A role applies to the node's whole subtree; roles come from
// the store, never from what a message says.
import type { PersonRepository } from '../ports/person.repository.ts';

export const ROLES = [
  'GRID_WORKER',
  'GRID_HEAD',
  'UNIT_HEAD',
  'COMMUNITY_STAFF',
  'STREET_STAFF',
  'DEPARTMENT',
  'LEADER',
  'ADMIN',
  'VOLUNTEER',
] as const;
export type Role = (typeof ROLES)[number];

/** Every role but VOLUNTEER: volunteers are residents who help; they answer for no group and read nothing of others'. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'VOLUNTEER');

export const ROLE_ZH: Record<Role, string> = {
  GRID_WORKER: '网格员',
  GRID_HEAD: '网格长',
  UNIT_HEAD: '楼栋长',
  COMMUNITY_STAFF: '社区工作人员',
  STREET_STAFF: '街道工作人员',
  DEPARTMENT: '职能部门',
  LEADER: '分管领导',
  ADMIN: '管理员',
  VOLUNTEER: '志愿者',
};

export type Action = 'claim' | 'progress' | 'resolve' | 'transfer' | 'escalate' | 'reject' | 'supervise' | 'complex' | 'recategorize';

const HANDLERS: readonly Role[] = ['GRID_WORKER', 'GRID_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF', 'DEPARTMENT', 'LEADER', 'ADMIN'];

/**
 * Who may do what over a ticket's node. Building heads (楼栋长) are resident volunteers: they may take and finish
 * a ticket in their building (the 三单式 loop), but dispatch, rejection and escalation stay with staff.
 */
export const CAPABILITIES: Record<Action, readonly Role[]> = {
  claim: [...HANDLERS, 'UNIT_HEAD'],
  progress: [...HANDLERS, 'UNIT_HEAD'],
  resolve: [...HANDLERS, 'UNIT_HEAD'],
  transfer: HANDLERS,
  escalate: HANDLERS,
  reject: HANDLERS,
  complex: HANDLERS,
  recategorize: HANDLERS,
  supervise: ['GRID_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF', 'LEADER', 'ADMIN'],
};

export function mayDo(action: Action, roles: readonly Role[]): boolean {
  return roles.some((r) => CAPABILITIES[action].includes(r));
}

/** What each action is called when a refusal names it. */
export const ACTION_ZH: Record<Action, string> = {
  claim: '认领',
  progress: '更新进度',
  resolve: '办结',
  transfer: '转派',
  escalate: '吹哨上报',
  reject: '驳回',
  supervise: '督办',
  complex: '标记复杂事项',
  recategorize: '改类',
};

/**
 * The line of responsibility, lowest first, as "及以上" reads it. DEPARTMENT handles what is passed to it and runs no
 * subtree, so it is beside the line; VOLUNTEER is not staff.
 */
const LINE: readonly Role[] = ['UNIT_HEAD', 'GRID_WORKER', 'GRID_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF', 'LEADER', 'ADMIN'];

/** Who may do `action`, in words, from CAPABILITIES: "网格长及以上人员", or the roles named one by one. */
export function whoMay(action: Action): string {
  const allowed = CAPABILITIES[action];
  const lowest = LINE.findIndex((r) => allowed.includes(r));
  if (lowest >= 0 && LINE.slice(lowest).every((r) => allowed.includes(r))) return `${ROLE_ZH[LINE[lowest]!]}及以上人员`;
  return allowed.map((r) => ROLE_ZH[r]).join('、');
}

/**
 * Why a person may not do `action` on a ticket, from the roles they hold anywhere: `grid` when the ticket's own grid
 * staff may (they hold a role that would do, on another node; or they are a resident and the grid worker may), `role`
 * when it needs a role they do not have (a grid worker's 督办, a building head's 驳回): the refusal then says which.
 */
export function refusalOf(action: Action, heldAnywhere: readonly Role[]): { need: 'grid' } | { need: 'role'; who: string } {
  if (mayDo(action, heldAnywhere)) return { need: 'grid' };
  if (!isStaff(heldAnywhere) && CAPABILITIES[action].includes('GRID_WORKER')) return { need: 'grid' };
  return { need: 'role', who: whoMay(action) };
}

/** Any role at all that makes a person staff (for rating on behalf of a resident, queries, replies). */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => r !== 'VOLUNTEER');
}

/** isStaff over the roles the person holds anywhere (one read of their assignments). */
export async function personIsStaff(people: Pick<PersonRepository, 'assignments'>, personId: number): Promise<boolean> {
  return isStaff((await people.assignments(personId)).map((a) => a.role));
}

/**
 * How far each role reaches, for the admin API's "at least" checks. Building heads are resident volunteers, then grid
 * staff; from COMMUNITY_STAFF up a person is office staff and reads residents' numbers unmasked. DEPARTMENT sits with
 * the community office: it handles cases passed to it, it does not run a subtree.
 */
export const ROLE_RANK: Record<Role, number> = {
  VOLUNTEER: 0,
  UNIT_HEAD: 1,
  GRID_WORKER: 2,
  GRID_HEAD: 3,
  COMMUNITY_STAFF: 4,
  DEPARTMENT: 4,
  STREET_STAFF: 5,
  LEADER: 6,
  ADMIN: 7,
};

export function rankAtLeast(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/** Below COMMUNITY_STAFF (grid workers, grid heads, building heads) personal numbers are shown masked. */
export const UNMASKED_FROM: Role = 'COMMUNITY_STAFF';

/** Whether someone holding these roles reads residents' phone and ID numbers as they were written. */
export function seesUnmasked(roles: readonly Role[]): boolean {
  return roles.some((r) => rankAtLeast(r, UNMASKED_FROM));
}

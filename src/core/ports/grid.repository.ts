// Grid nodes, group mapping, people and roles, imported and exported as one consistent tree.
import type { GridLevel, GridNode } from '../grid/grid.types.ts';
import type { Platform } from '../messages/incoming-message.ts';
import type { Role } from '../people/roles.ts';

export interface GridNodeSpec {
  code: string;
  name: string;
  level: GridLevel;
  parentCode: string | null;
}
export interface GroupSpec {
  platform: Platform;
  externalId: string;
  title: string;
  nodeCode: string;
  tags: string[];
}
export interface PersonSpec {
  /** Stable key within the file, e.g. a staff number or name; used to match on re-import. */
  key: string;
  name: string;
  identities: { platform: Platform; externalId: string }[];
  roles: { role: Role; nodeCode: string }[];
  /** A volunteer's skills (代办, 陪诊 …); absent when none. An import replaces them for the people it lists. */
  skills?: string[];
  /** Where the person lives (households for 一户一票); absent when none. An import replaces them for the people it lists. */
  homes?: HomeSpec[];
}
/** A home: a room on a grid node (one per node); stored as a residence with key `<nodeCode>/<room>`. */
export interface HomeSpec {
  nodeCode: string;
  room: string;
}
export interface GridSpec {
  nodes: GridNodeSpec[];
  groups: GroupSpec[];
  people: PersonSpec[];
}

export interface GridRepository {
  /** Applies a validated spec in one transaction: upserts nodes (by code), groups, people, identities, roles. */
  importSpec(spec: GridSpec): Promise<{ nodes: number; groups: number; people: number }>;
  exportSpec(): Promise<GridSpec>;
  /** The skills and homes of these people, by person id (people with neither are left out). */
  skillsAndHomes(personIds: readonly number[]): Promise<Map<number, { skills: string[]; homes: HomeSpec[] }>>;
  findByCode(code: string): Promise<GridNode | null>;
  findById(id: number): Promise<GridNode | null>;
  /** Nodes whose code is on the given path, root first. */
  findByCodes(codes: string[]): Promise<GridNode[]>;
  /** The node and all nodes below it. */
  subtree(code: string): Promise<GridNode[]>;
  /** Every node, by id. */
  all(): Promise<GridNode[]>;
  count(): Promise<number>;
}

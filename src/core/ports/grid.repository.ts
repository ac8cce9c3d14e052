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

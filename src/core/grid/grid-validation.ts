// Validation of a grid file (nodes, groups, people) before import: pure, collects every error with its source line,
// so that a street office fixes the whole file in one pass instead of one error per run. A file is checked merged
// with what the store already holds (the file's entries win for the codes they name), so that an import never
// leaves a grid its own export could not re-import. The rules live in grid-node-rules, grid-group-rules and
// grid-people-rules; this module runs them in order.
import { DomainError, ErrorCode } from '../errors.ts';
import type { GridNodeSpec, GridSpec } from '../ports/grid.repository.ts';
import type { GridLevel } from './grid.types.ts';
import { show } from './grid-vocabulary.ts';
import { readGroups } from './grid-group-rules.ts';
import { checkCycles, checkParents, checkStoredChildren, mergeTree, readNodes, type StoredNode } from './grid-node-rules.ts';
import { readPeople, type StoredPerson } from './grid-people-rules.ts';
import { sortByLine, type GridLineError, type GridRecords } from './grid-records.ts';

export type { GridLineError, GridRecords, GroupRecord, HomeRecord, IdentityRecord, NodeRecord, PersonRecord, RoleRecord } from './grid-records.ts';
export { sortByLine } from './grid-records.ts';
export { GRID_CODE_RE, parseGridLevel, parsePlatform, parseRole, PLATFORMS } from './grid-vocabulary.ts';

export type GridValidationResult = { ok: true; spec: GridSpec } | { ok: false; errors: GridLineError[] };

/** What the store holds: the nodes with their place, and the keyed people with their identities. */
export interface StoredGrid {
  nodes: readonly StoredNode[];
  people?: readonly StoredPerson[];
}

export interface GridValidationOptions {
  /** The store's grid: the file is validated merged with it (the file's entries win for the codes they name). */
  stored?: StoredGrid;
  /** Only the codes already in the store, with their level (no places): a file may hang nodes, groups and roles under them. */
  existingCodes?: ReadonlyMap<string, GridLevel>;
}

// ---- ordering ---------------------------------------------------------------------------------------------------

/**
 * Nodes depth-first by tree: roots (and nodes whose parent is not in the list) in their given order, each followed
 * by its subtree, siblings in their given order. Idempotent, so exports and re-imports keep one stable order.
 * Nodes caught in a cycle (never reached from a root) go last, in their given order.
 */
export function orderNodesDepthFirst<T extends Pick<GridNodeSpec, 'code' | 'parentCode'>>(nodes: readonly T[]): T[] {
  const codes = new Set(nodes.map((n) => n.code));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const n of nodes) {
    if (n.parentCode !== null && codes.has(n.parentCode) && n.parentCode !== n.code) {
      const list = children.get(n.parentCode) ?? [];
      list.push(n);
      children.set(n.parentCode, list);
    } else {
      roots.push(n);
    }
  }
  const out: T[] = [];
  const seen = new Set<T>();
  const visit = (n: T): void => {
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n);
    for (const c of children.get(n.code) ?? []) visit(c);
  };
  roots.forEach(visit);
  for (const n of nodes) if (!seen.has(n)) out.push(n);
  return out;
}

// ---- validation -------------------------------------------------------------------------------------------------

/**
 * Checks grid records, merged with the stored grid when one is given, and builds the spec to import. Every problem
 * is reported, each with the file line it comes from (a stored node made invalid by the file is reported on the
 * line of the change); the spec is returned only when there is none. Nodes come out parents first.
 */
export function validateGridRecords(records: GridRecords, options: GridValidationOptions = {}): GridValidationResult {
  const errors: GridLineError[] = [];
  const err = (line: number, message: string, missing?: string): void => void errors.push({ line, message, ...(missing !== undefined ? { missing } : {}) });

  const stored: StoredNode[] = [
    ...(options.stored?.nodes ?? []),
    ...[...(options.existingCodes ?? [])].map(([code, level]) => ({ code, level })),
  ];
  const nodes = readNodes(records.nodes, err);
  const tree = mergeTree(stored, nodes);
  checkParents(nodes, tree, err);
  checkStoredChildren(nodes, stored, tree, err);
  checkCycles(nodes, tree, err);
  const known = (code: string): boolean => tree.has(code);
  const groups = readGroups(records.groups ?? [], known, err);
  const people = readPeople(records.people ?? [], options.stored?.people ?? [], known, err);

  if (errors.length > 0) {
    return { ok: false, errors: sortByLine(errors) };
  }
  const specNodes: GridNodeSpec[] = nodes.map((n) => ({ code: n.code, name: n.name!, level: n.level!, parentCode: n.parentCode }));
  return { ok: true, spec: { nodes: orderNodesDepthFirst(specNodes), groups, people } };
}

// ---- the error thrown on a bad file -------------------------------------------------------------------------------

export class GridFileError extends DomainError {
  constructor(
    readonly errors: readonly GridLineError[],
    readonly file: string = 'grid file',
  ) {
    super(ErrorCode.GridInvalid, `${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${formatLines(file, errors)}`, {
      file,
      errors,
    });
  }

  /** One line per error, `grid.yaml:12: unknown parent code "C9" for node G7`, then the missing codes named often. */
  format(): string {
    return formatLines(this.file, this.errors);
  }
}

function formatLines(file: string, errors: readonly GridLineError[]): string {
  return [...errors.map((e) => `${file}:${e.line}: ${e.message}`), ...missingCodes(file, errors)].join('\n');
}

/**
 * One node left out of a file makes an error of every line that names it (its children, its groups, the roles on
 * it): the cause, said once per code named on two lines or more.
 */
function missingCodes(file: string, errors: readonly GridLineError[]): string[] {
  const lines = new Map<string, number[]>();
  for (const e of errors) if (e.missing !== undefined) lines.set(e.missing, [...(lines.get(e.missing) ?? []), e.line]);
  return [...lines]
    .filter(([, at]) => at.length >= 2)
    .map(([code, at]) => `${file}: node code ${show(code)} is named on ${at.length} lines (${[...new Set(at)].join(', ')}) but is in neither this file nor the store: add the node, or correct the code`);
}

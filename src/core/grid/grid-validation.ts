// Validation of a grid file (nodes, groups, people) before import: pure, collects every error with its source line,
// so that a street office fixes the whole file in one pass instead of one error per run.
import { DomainError, ErrorCode } from '../errors.ts';
import type { Platform } from '../messages/incoming-message.ts';
import { ROLE_ZH, ROLES, type Role } from '../people/roles.ts';
import type { GridNodeSpec, GridSpec, GroupSpec, PersonSpec } from '../ports/grid.repository.ts';
import { GRID_LEVEL_ZH, GRID_LEVELS, PARENT_LEVEL, ROOT_LEVELS, type GridLevel } from './grid.types.ts';

// ---- raw records, as read from a file (values not yet checked) ---------------------------------------------------

/** One node as written in the file; `line` is the 1-based line where the record starts. */
export interface NodeRecord {
  line: number;
  code?: unknown;
  name?: unknown;
  level?: unknown;
  parent?: unknown;
}
export interface GroupRecord {
  line: number;
  platform?: unknown;
  id?: unknown;
  title?: unknown;
  node?: unknown;
  tags?: unknown;
}
export interface IdentityRecord {
  line: number;
  platform: unknown;
  id: unknown;
}
export interface RoleRecord {
  line: number;
  role?: unknown;
  node?: unknown;
}
export interface PersonRecord {
  line: number;
  key?: unknown;
  name?: unknown;
  identities?: IdentityRecord[];
  roles?: RoleRecord[];
}
export interface GridRecords {
  nodes: NodeRecord[];
  groups?: GroupRecord[];
  people?: PersonRecord[];
}

export interface GridLineError {
  line: number;
  message: string;
}
export type GridValidationResult = { ok: true; spec: GridSpec } | { ok: false; errors: GridLineError[] };

export interface GridValidationOptions {
  /** Codes already in the store, with their level: a file may hang new nodes, groups and roles under them. */
  existingCodes?: ReadonlyMap<string, GridLevel>;
}

// ---- vocabulary -------------------------------------------------------------------------------------------------

export const GRID_CODE_RE = /^[A-Za-z0-9_.-]{1,64}$/;
export const PLATFORMS: readonly Platform[] = ['WECHAT', 'TELEGRAM'];

const LEVEL_ALIASES: Record<string, GridLevel> = {
  ...Object.fromEntries(GRID_LEVELS.map((l) => [l, l])),
  ...Object.fromEntries(GRID_LEVELS.map((l) => [GRID_LEVEL_ZH[l], l])),
  镇: 'STREET',
  镇街: 'STREET',
  乡镇: 'STREET',
  村: 'COMMUNITY',
  村居: 'COMMUNITY',
  楼栋: 'UNIT',
};

const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  ...Object.fromEntries(ROLES.map((r) => [ROLE_ZH[r], r])),
};

/** Level code for a level name: the code itself in any case, or 区/街道/社区/网格/单元 (also 镇街, 村居, 楼栋). */
export function parseGridLevel(value: string): GridLevel | null {
  const v = value.trim();
  return LEVEL_ALIASES[v.toUpperCase()] ?? LEVEL_ALIASES[v] ?? null;
}

/** Role code for a role name: the code itself in any case, or its Chinese name (网格员, 楼栋长 …). */
export function parseRole(value: string): Role | null {
  const v = value.trim();
  return ROLE_ALIASES[v.toUpperCase()] ?? ROLE_ALIASES[v] ?? null;
}

export function parsePlatform(value: string): Platform | null {
  const v = value.trim().toUpperCase();
  return (PLATFORMS as readonly string[]).includes(v) ? (v as Platform) : null;
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

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

/**
 * Checks grid records and builds the spec to import. Every problem is reported, each with the line it comes from;
 * the spec is returned only when there is none. Nodes come out parents first (depth-first by tree).
 */
export function validateGridRecords(records: GridRecords, options: GridValidationOptions = {}): GridValidationResult {
  const existing = options.existingCodes ?? new Map<string, GridLevel>();
  const errors: GridLineError[] = [];
  const err = (line: number, message: string): void => {
    errors.push({ line, message });
  };

  // Nodes: fields, then the tree.
  interface CheckedNode {
    line: number;
    code: string;
    name: string | null;
    level: GridLevel | null;
    parentCode: string | null;
  }
  const byCode = new Map<string, CheckedNode>();
  const nodes: CheckedNode[] = [];
  for (const r of records.nodes) {
    const code = text(r.code);
    const label = code !== null && GRID_CODE_RE.test(code) ? `node ${code}` : 'node';
    let codeOk = true;
    if (code === null) {
      codeOk = false;
      err(r.line, isBlank(r.code) ? 'node is missing code' : `invalid code ${show(r.code)} for node`);
    } else if (!GRID_CODE_RE.test(code)) {
      codeOk = false;
      err(r.line, `invalid code ${show(code)} (use letters, digits, - _ . and 1–64 characters)`);
    }
    const name = text(r.name);
    if (name === null) err(r.line, isBlank(r.name) ? `${label} is missing name` : `invalid name ${show(r.name)} for ${label}`);
    let level: GridLevel | null = null;
    if (isBlank(r.level)) err(r.line, `${label} is missing level`);
    else {
      level = typeof r.level === 'string' ? parseGridLevel(r.level) : null;
      if (level === null)
        err(r.line, `unknown level ${show(r.level)} for ${label} (use ${GRID_LEVELS.join(', ')} or 区, 街道, 社区, 网格, 单元)`);
    }
    let parentCode: string | null = null;
    if (!isBlank(r.parent)) {
      parentCode = text(r.parent);
      if (parentCode === null) err(r.line, `invalid parent ${show(r.parent)} for ${label}`);
    }
    if (!codeOk || code === null) continue;
    const first = byCode.get(code);
    if (first) {
      err(r.line, `duplicate code ${code} (first defined on line ${first.line})`);
      continue;
    }
    const node: CheckedNode = { line: r.line, code, name, level, parentCode };
    byCode.set(code, node);
    nodes.push(node);
  }

  const levelOf = (code: string): GridLevel | null | undefined =>
    byCode.has(code) ? byCode.get(code)!.level : existing.get(code);
  const known = (code: string): boolean => byCode.has(code) || existing.has(code);

  for (const n of nodes) {
    if (n.parentCode === null) {
      if (n.level !== null && !ROOT_LEVELS.includes(n.level)) {
        const want = PARENT_LEVEL[n.level];
        err(n.line, `node ${n.code} is a ${n.level} and needs a ${want} parent (only ${ROOT_LEVELS.join(', ')} may be roots)`);
      }
      continue;
    }
    if (!known(n.parentCode)) {
      err(n.line, `unknown parent code ${show(n.parentCode)} for node ${n.code}`);
      continue;
    }
    const parentLevel = levelOf(n.parentCode);
    if (n.level === null || parentLevel === null || parentLevel === undefined || n.parentCode === n.code) continue;
    const want = PARENT_LEVEL[n.level];
    if (want === null) err(n.line, `node ${n.code} is a ${n.level} and cannot have a parent (${n.parentCode} given)`);
    else if (parentLevel !== want)
      err(n.line, `node ${n.code} is a ${n.level}, its parent must be a ${want} but ${n.parentCode} is a ${parentLevel}`);
  }

  // Cycles among the file's nodes: each node on a cycle is reported once, on its own line.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of nodes) {
    const chain: CheckedNode[] = [];
    let cur: CheckedNode | undefined = start;
    while (cur && !state.has(cur.code)) {
      state.set(cur.code, 'visiting');
      chain.push(cur);
      cur = cur.parentCode !== null ? byCode.get(cur.parentCode) : undefined;
    }
    if (cur && state.get(cur.code) === 'visiting') {
      const cycle = chain.slice(chain.indexOf(cur));
      for (let i = 0; i < cycle.length; i++) {
        const rotated = [...cycle.slice(i), ...cycle.slice(0, i)];
        const path = [...rotated, rotated[0]!].map((c) => c.code).join(' → ');
        err(cycle[i]!.line, `node ${cycle[i]!.code} is in a parent cycle: ${path}`);
      }
    }
    for (const c of chain) state.set(c.code, 'done');
  }

  // Groups.
  const groups: GroupSpec[] = [];
  const groupLines = new Map<string, number>();
  for (const r of records.groups ?? []) {
    const id = text(r.id);
    const label = id !== null ? `group ${id}` : 'group';
    if (id === null) err(r.line, isBlank(r.id) ? 'group is missing id' : `invalid id ${show(r.id)} for group`);
    let platform: Platform | null = null;
    if (isBlank(r.platform)) err(r.line, `${label} is missing platform`);
    else {
      platform = typeof r.platform === 'string' ? parsePlatform(r.platform) : null;
      if (platform === null) err(r.line, `unknown platform ${show(r.platform)} for ${label} (use WECHAT or TELEGRAM)`);
    }
    const title = text(r.title);
    if (title === null) err(r.line, isBlank(r.title) ? `${label} is missing title` : `invalid title ${show(r.title)} for ${label}`);
    const nodeCode = text(r.node);
    if (nodeCode === null) err(r.line, isBlank(r.node) ? `${label} is missing node` : `invalid node ${show(r.node)} for ${label}`);
    else if (!known(nodeCode)) err(r.line, `unknown node code ${show(nodeCode)} for ${label}`);
    const tags: string[] = [];
    if (!isBlank(r.tags)) {
      const raw = Array.isArray(r.tags) ? r.tags : [r.tags];
      for (const t of raw) {
        const tag = text(t);
        if (tag === null) err(r.line, `invalid tag ${show(t)} for ${label}`);
        else if (!tags.includes(tag)) tags.push(tag);
      }
    }
    if (id !== null && platform !== null) {
      const key = `${platform}\u0000${id}`;
      const first = groupLines.get(key);
      if (first !== undefined) err(r.line, `duplicate group ${platform} ${id} (first defined on line ${first})`);
      else groupLines.set(key, r.line);
    }
    if (id !== null && platform !== null && title !== null && nodeCode !== null)
      groups.push({ platform, externalId: id, title, nodeCode, tags });
  }

  // People.
  const people: PersonSpec[] = [];
  const keyLines = new Map<string, number>();
  const identityOwner = new Map<string, { key: string; line: number }>();
  for (const r of records.people ?? []) {
    const key = text(r.key);
    const label = key !== null ? `person ${key}` : 'person';
    if (key === null) err(r.line, isBlank(r.key) ? 'person is missing key' : `invalid key ${show(r.key)} for person`);
    else {
      const first = keyLines.get(key);
      if (first !== undefined) err(r.line, `duplicate person key ${key} (first defined on line ${first})`);
      else keyLines.set(key, r.line);
    }
    const name = text(r.name);
    if (name === null) err(r.line, isBlank(r.name) ? `${label} is missing name` : `invalid name ${show(r.name)} for ${label}`);

    // Identities come out grouped by platform (WECHAT first), so that an export re-imports to the same spec.
    const checked: { line: number; platform: Platform; id: string }[] = [];
    for (const i of r.identities ?? []) {
      const platform = typeof i.platform === 'string' ? parsePlatform(i.platform) : null;
      if (platform === null) {
        err(i.line, `unknown platform ${show(i.platform)} for ${label} (use WECHAT or TELEGRAM)`);
        continue;
      }
      const id = text(i.id);
      if (id === null) err(i.line, isBlank(i.id) ? `${label} has an empty ${platform} id` : `invalid ${platform} id ${show(i.id)} for ${label}`);
      else checked.push({ line: i.line, platform, id });
    }
    const identities: PersonSpec['identities'] = [];
    for (const platform of PLATFORMS) {
      for (const i of checked) {
        if (i.platform !== platform || identities.some((x) => x.platform === platform && x.externalId === i.id)) continue;
        const idKey = `${platform}\u0000${i.id}`;
        const owner = identityOwner.get(idKey);
        if (owner) err(i.line, `duplicate identity ${platform} ${i.id} (already used by person ${owner.key} on line ${owner.line})`);
        else identityOwner.set(idKey, { key: key ?? '?', line: i.line });
        identities.push({ platform, externalId: i.id });
      }
    }

    const roles: PersonSpec['roles'] = [];
    for (const rr of r.roles ?? []) {
      let role: Role | null = null;
      if (isBlank(rr.role)) err(rr.line, `role of ${label} is missing role`);
      else {
        role = typeof rr.role === 'string' ? parseRole(rr.role) : null;
        if (role === null) err(rr.line, `unknown role ${show(rr.role)} for ${label} (use ${ROLES.join(', ')})`);
      }
      const nodeCode = text(rr.node);
      const roleLabel = role ?? 'role';
      if (nodeCode === null)
        err(rr.line, isBlank(rr.node) ? `${roleLabel} of ${label} is missing node` : `invalid node ${show(rr.node)} in ${roleLabel} of ${label}`);
      else if (!known(nodeCode)) err(rr.line, `unknown node code ${show(nodeCode)} in ${roleLabel} of ${label}`);
      if (role !== null && nodeCode !== null && !roles.some((x) => x.role === role && x.nodeCode === nodeCode))
        roles.push({ role, nodeCode });
    }
    if (key !== null && name !== null) people.push({ key, name, identities, roles });
  }

  if (errors.length > 0) {
    return { ok: false, errors: errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || a.i - b.i).map((x) => x.e) };
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

  /** One line per error, `grid.yaml:12: unknown parent code "C9" for node G7`. */
  format(): string {
    return formatLines(this.file, this.errors);
  }
}

function formatLines(file: string, errors: readonly GridLineError[]): string {
  return errors.map((e) => `${file}:${e.line}: ${e.message}`).join('\n');
}

// The rules for a file's nodes, checked against the merged grid (the store's nodes with the file's over them): each
// node's own fields, its parent's level, the stored children a level change would strand, and parent cycles.
import { GRID_LEVELS, PARENT_LEVEL, ROOT_LEVELS, type GridLevel } from './grid.types.ts';
import type { NodeRecord, ReportError } from './grid-records.ts';
import { GRID_CODE_RE, isBlank, parseGridLevel, show, text } from './grid-vocabulary.ts';

/** A node of the file whose code is usable; name and level are null when they are wrong (already reported). */
export interface FileNode {
  line: number;
  code: string;
  name: string | null;
  level: GridLevel | null;
  parentCode: string | null;
}

/** A node already in the store; `parentCode` undefined when only its level is known. */
export interface StoredNode {
  code: string;
  level: GridLevel;
  parentCode?: string | null;
}

/** A node of the merged grid; `line` is null for a stored node the file does not name. */
export interface TreeNode {
  code: string;
  level: GridLevel | null;
  parentCode: string | null | undefined;
  line: number | null;
}

/** The grid as it will be after the import: stored nodes, the file's entries winning for the codes they name. */
export function mergeTree(stored: readonly StoredNode[], file: readonly FileNode[]): Map<string, TreeNode> {
  const tree = new Map<string, TreeNode>();
  for (const n of stored) tree.set(n.code, { code: n.code, level: n.level, parentCode: n.parentCode, line: null });
  for (const n of file) tree.set(n.code, { code: n.code, level: n.level, parentCode: n.parentCode, line: n.line });
  return tree;
}

/** Each record's fields (code, name, level, parent) and duplicate codes; returns the nodes with a usable code. */
export function readNodes(records: readonly NodeRecord[], err: ReportError): FileNode[] {
  const byCode = new Map<string, FileNode>();
  for (const r of records) {
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
    const level = readLevel(r, label, err);
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
    byCode.set(code, { line: r.line, code, name, level, parentCode });
  }
  return [...byCode.values()];
}

function readLevel(r: NodeRecord, label: string, err: ReportError): GridLevel | null {
  if (isBlank(r.level)) {
    err(r.line, `${label} is missing level`);
    return null;
  }
  const level = typeof r.level === 'string' ? parseGridLevel(r.level) : null;
  if (level === null) err(r.line, `unknown level ${show(r.level)} for ${label} (use ${GRID_LEVELS.join(', ')} or 区, 街道, 社区, 网格, 单元)`);
  return level;
}

/** Each file node's parent exists in the merged grid and is of the level just above (roots: DISTRICT, STREET only). */
export function checkParents(file: readonly FileNode[], tree: ReadonlyMap<string, TreeNode>, err: ReportError): void {
  for (const n of file) {
    if (n.parentCode === null) {
      if (n.level !== null && !ROOT_LEVELS.includes(n.level)) {
        err(n.line, `node ${n.code} is a ${n.level} and needs a ${PARENT_LEVEL[n.level]} parent (only ${ROOT_LEVELS.join(', ')} may be roots)`);
      }
      continue;
    }
    const parent = tree.get(n.parentCode);
    if (!parent) {
      err(n.line, `unknown parent code ${show(n.parentCode)} for node ${n.code}`, n.parentCode);
      continue;
    }
    if (n.level === null || parent.level === null || n.parentCode === n.code) continue;
    const want = PARENT_LEVEL[n.level];
    if (want === null) err(n.line, `node ${n.code} is a ${n.level} and cannot have a parent (${n.parentCode} given)`);
    else if (parent.level !== want)
      err(n.line, `node ${n.code} is a ${n.level}, its parent must be a ${want} but ${n.parentCode} is a ${parent.level}`);
  }
}

/**
 * A stored node the file changes to another level must still fit the stored children the file leaves under it.
 * Reported on the line of the change, naming those children.
 */
export function checkStoredChildren(
  file: readonly FileNode[],
  stored: readonly StoredNode[],
  tree: ReadonlyMap<string, TreeNode>,
  err: ReportError,
): void {
  const storedLevel = new Map(stored.map((n) => [n.code, n.level]));
  const children = new Map<string, TreeNode[]>();
  for (const n of tree.values()) {
    if (n.line !== null || !n.parentCode) continue; // the file's own nodes are checked by checkParents
    const list = children.get(n.parentCode) ?? [];
    list.push(n);
    children.set(n.parentCode, list);
  }
  for (const n of file) {
    const before = storedLevel.get(n.code);
    if (n.level === null || before === undefined || before === n.level) continue;
    const stranded = (children.get(n.code) ?? []).filter((c) => c.level !== null && PARENT_LEVEL[c.level] !== n.level);
    if (stranded.length === 0) continue;
    const names = stranded.map((c) => `${c.code} (${c.level})`).join(', ');
    err(n.line, `node ${n.code} is now a ${n.level} and can no longer hold its stored children ${names}: keep it a ${before} or move them first`);
  }
}

/** Parent cycles in the merged grid: each file node on a cycle is reported once, on its own line, with the cycle. */
export function checkCycles(file: readonly FileNode[], tree: ReadonlyMap<string, TreeNode>, err: ReportError): void {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of file) {
    const chain: TreeNode[] = [];
    let cur: TreeNode | undefined = tree.get(start.code);
    while (cur && !state.has(cur.code)) {
      state.set(cur.code, 'visiting');
      chain.push(cur);
      cur = cur.parentCode ? tree.get(cur.parentCode) : undefined;
    }
    if (cur && state.get(cur.code) === 'visiting') {
      const cycle = chain.slice(chain.indexOf(cur));
      for (let i = 0; i < cycle.length; i++) {
        const line = cycle[i]!.line;
        if (line === null) continue;
        const rotated = [...cycle.slice(i), ...cycle.slice(0, i)];
        const path = [...rotated, rotated[0]!].map((c) => c.code).join(' → ');
        err(line, `node ${cycle[i]!.code} is in a parent cycle: ${path}`);
      }
    }
    for (const c of chain) state.set(c.code, 'done');
  }
}

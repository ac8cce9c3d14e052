// The five-level grid (区 — 镇街 — 村居 — 网格 — 单元) and the rule for which level may sit under which.

export const GRID_LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'UNIT'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

/** The level a node's parent must have; a DISTRICT is a root. */
export const PARENT_LEVEL: Record<GridLevel, GridLevel | null> = {
  DISTRICT: null,
  STREET: 'DISTRICT',
  COMMUNITY: 'STREET',
  GRID: 'COMMUNITY',
  UNIT: 'GRID',
};

/** Levels that may be roots of an imported tree (a street office may run its own tree without the district). */
export const ROOT_LEVELS: readonly GridLevel[] = ['DISTRICT', 'STREET'];

export const GRID_LEVEL_ZH: Record<GridLevel, string> = {
  DISTRICT: '区',
  STREET: '街道',
  COMMUNITY: '社区',
  GRID: '网格',
  UNIT: '单元',
};

export interface GridNode {
  id: number;
  code: string;
  name: string;
  level: GridLevel;
  parentId: number | null;
  /** Materialized path of codes from the root: "/D1/S1/C1/G1/". */
  path: string;
}

/** Codes of a node's ancestors, nearest last, the node itself excluded. */
export function ancestorCodes(node: Pick<GridNode, 'path'>): string[] {
  return node.path.split('/').filter(Boolean).slice(0, -1);
}

export function isInSubtree(node: Pick<GridNode, 'path'>, root: Pick<GridNode, 'path'>): boolean {
  return node.path.startsWith(root.path);
}

/**
 * A set of nodes as an outline: parents before children (by path), each with its parent's code — null for a node
 * whose parent is not in the set (the caller's roots). What a tree or a picker of the grid draws.
 */
export function outline<N extends Pick<GridNode, 'id' | 'parentId' | 'path' | 'code'>>(nodes: readonly N[]): { node: N; parentCode: string | null }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return [...nodes]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((node) => ({ node, parentCode: node.parentId === null ? null : (byId.get(node.parentId)?.code ?? null) }));
}

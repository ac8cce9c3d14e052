// A grid node as a person names it in a filter: by its code, else by its whole name, else by a part of the name of
// exactly one node they see. Used by the tickets page's 网格 filter (the other routes take codes only).
import type { GridRepository } from '../ports/grid.repository.ts';
import type { GridNode } from './grid.types.ts';

export type NodeLookup = { found: GridNode } | { none: true } | { ambiguous: GridNode[] };

/**
 * `text` as a code; else as the exact name of a node under `scopes` (the caller's subtrees) or, failing that, of any
 * node (access then refuses it, as for a code); else as a part of the name of the nodes under `scopes`.
 */
export async function lookUpNode(grid: Pick<GridRepository, 'findByCode' | 'subtree' | 'all'>, text: string, scopes: readonly { code: string }[]): Promise<NodeLookup> {
  const byCode = await grid.findByCode(text);
  if (byCode) return { found: byCode };
  const visible: GridNode[] = [];
  const seen = new Set<number>();
  for (const s of scopes) for (const n of await grid.subtree(s.code)) if (!seen.has(n.id) && seen.add(n.id)) visible.push(n);
  const exact = visible.filter((n) => n.name === text);
  const outOfSight = exact.length ? [] : (await grid.all()).filter((n) => n.name === text);
  const candidates = exact.length ? exact : outOfSight.length ? outOfSight : visible.filter((n) => n.name.includes(text));
  if (candidates.length === 1) return { found: candidates[0]! };
  return candidates.length === 0 ? { none: true } : { ambiguous: candidates };
}

// Where 转派 (transfer) may send a ticket: the departments of the grid file, that is the people holding the
// DEPARTMENT role on the ticket's node or on a node above it (a street's 城管中队, a district's 住建局). A target is
// named by the department's name, its key in the grid file, or a part of its name that only one of them has
// (城管 → 拱辰街道城管中队); anything else is refused with the list of valid ones, so a ticket is never sent nowhere.
import type { RoleHolder } from '../ports/person.repository.ts';

export interface TransferTarget {
  /** The department's person id: who the ticket is assigned to. */
  personId: number;
  name: string;
  /** Its key in the grid file (the code a target may be named by), if any. */
  key: string | null;
  /** The grid node it holds the role on. */
  gridNodeId: number;
}

/** The DEPARTMENT holders of a node's line as targets, once each, nearest node first (`lineNearestFirst`: node ids). */
export function transferTargets(holders: readonly RoleHolder[], lineNearestFirst: readonly number[]): TransferTarget[] {
  const rank = (id: number) => lineNearestFirst.indexOf(id);
  const seen = new Set<number>();
  return holders
    .filter((h) => h.role === 'DEPARTMENT')
    .sort((a, b) => rank(a.gridNodeId) - rank(b.gridNodeId) || a.person.id - b.person.id)
    .filter((h) => !seen.has(h.person.id) && seen.add(h.person.id))
    .map((h) => ({ personId: h.person.id, name: h.person.name, key: h.key ?? null, gridNodeId: h.gridNodeId }));
}

/**
 * The target a text names: its exact name, else its key (case aside), else the one target whose name contains the
 * text. `ambiguous` when the text is a part of several names; `none` when it names none.
 */
export function resolveTransferTarget(
  targets: readonly TransferTarget[],
  text: string,
): { found: TransferTarget } | { ambiguous: TransferTarget[] } | { none: true } {
  const want = text.trim();
  if (!want) return { none: true };
  const exact = targets.find((t) => t.name === want) ?? targets.find((t) => t.key !== null && t.key.toLowerCase() === want.toLowerCase());
  if (exact) return { found: exact };
  const partial = targets.filter((t) => t.name.includes(want));
  if (partial.length === 1) return { found: partial[0]! };
  if (partial.length > 1) return { ambiguous: partial };
  return { none: true };
}

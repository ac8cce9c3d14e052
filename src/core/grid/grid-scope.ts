// What lies inside a set of subtrees — nodes and groups — read from the grid router's snapshot and a short-lived copy
// of the group list, so that list routes, the overview and the live feed do not read the whole grid per request.
import type { Group, GroupRepository } from '../ports/group.repository.ts';
import { isInSubtree, type GridNode } from './grid.types.ts';
import type { GridRouter } from './routing.ts';

export interface GridScopeOptions {
  /** How long the group list serves reads (default 5 s, as the router's snapshot): a mapping changes by import. */
  cacheMs?: number;
  now?: () => number;
}

export class GridScope {
  private groups: { at: number; list: Promise<Group[]> } | undefined;

  constructor(
    private readonly router: GridRouter,
    private readonly groupRepo: Pick<GroupRepository, 'list'>,
    private readonly options: GridScopeOptions = {},
  ) {}

  /** The node of a code, or null. */
  async node(code: string): Promise<GridNode | null> {
    return (await this.router.subtree(code)).find((n) => n.code === code) ?? null;
  }

  /** A node by id with its chain (root first); throws GRID_NODE_NOT_FOUND for an unknown id. */
  chain(gridNodeId: number): Promise<GridNode[]> {
    return this.router.chain(gridNodeId);
  }

  /** Every node inside the subtrees (each once). */
  async nodesWithin(roots: readonly Pick<GridNode, 'code'>[]): Promise<GridNode[]> {
    const seen = new Map<number, GridNode>();
    for (const r of roots) for (const n of await this.router.subtree(r.code)) seen.set(n.id, n);
    return [...seen.values()];
  }

  /** The node's children. */
  async children(node: Pick<GridNode, 'id' | 'code'>): Promise<GridNode[]> {
    return (await this.router.subtree(node.code)).filter((n) => n.parentId === node.id);
  }

  /** Groups mapped to a node inside the subtrees. */
  async groupsWithin(roots: readonly Pick<GridNode, 'code'>[]): Promise<Group[]> {
    const ids = new Set((await this.nodesWithin(roots)).map((n) => n.id));
    return (await this.allGroups()).filter((g) => g.gridNodeId !== null && ids.has(g.gridNodeId));
  }

  /** Whether a node lies inside one of the subtrees. */
  static within(node: Pick<GridNode, 'path'>, roots: readonly Pick<GridNode, 'path'>[]): boolean {
    return roots.some((r) => isInSubtree(node, r));
  }

  private allGroups(): Promise<Group[]> {
    const now = (this.options.now ?? Date.now)();
    const ttl = this.options.cacheMs ?? 5000;
    if (!this.groups || now - this.groups.at >= ttl) {
      const list = this.groupRepo.list();
      const entry = { at: now, list };
      this.groups = ttl > 0 ? entry : undefined;
      list.catch(() => {
        if (this.groups === entry) this.groups = undefined;
      });
      return list;
    }
    return this.groups.list;
  }
}

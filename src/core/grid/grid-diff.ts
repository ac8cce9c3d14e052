// What a grid import would change: the file's entries compared with the stored grid, for the console's dry-run
// preview. An import upserts (nodes by code, groups by platform and id, people by key) and deletes nothing, so an
// entry is new, changed (with the fields that differ) or unchanged.
import type { GridSpec } from '../ports/grid.repository.ts';

export type GridChangeKind = 'added' | 'changed';

export interface GridChange {
  section: 'nodes' | 'groups' | 'people';
  /** node code, `PLATFORM:id` of a group, person key */
  key: string;
  name: string;
  kind: GridChangeKind;
  /** The fields that differ (changed entries only). */
  fields: string[];
}

export interface GridDiff {
  changes: GridChange[];
  unchanged: { nodes: number; groups: number; people: number };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare<T>(
  section: GridChange['section'],
  stored: readonly T[],
  incoming: readonly T[],
  keyOf: (t: T) => string,
  nameOf: (t: T) => string,
  fieldsOf: (t: T) => Record<string, unknown>,
  out: GridDiff,
  /** Fields compared otherwise than by equality (old value, new value → differs). */
  differs: Record<string, (a: unknown, b: unknown) => boolean> = {},
) {
  const before = new Map(stored.map((t) => [keyOf(t), t]));
  for (const t of incoming) {
    const old = before.get(keyOf(t));
    if (!old) {
      out.changes.push({ section, key: keyOf(t), name: nameOf(t), kind: 'added', fields: [] });
      continue;
    }
    const a = fieldsOf(old);
    const b = fieldsOf(t);
    const fields = Object.keys(b).filter((f) => (differs[f] ? differs[f](a[f], b[f]) : !same(a[f], b[f])));
    if (fields.length) out.changes.push({ section, key: keyOf(t), name: nameOf(t), kind: 'changed', fields });
    else out.unchanged[section]++;
  }
}

const sorted = <T>(xs: readonly T[], key: (x: T) => string) => [...xs].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));

/** The changes importing `incoming` (validated, merged) would make to `stored`. */
export function diffGrid(stored: GridSpec, incoming: GridSpec): GridDiff {
  const out: GridDiff = { changes: [], unchanged: { nodes: 0, groups: 0, people: 0 } };
  compare('nodes', stored.nodes, incoming.nodes, (n) => n.code, (n) => n.name, (n) => ({ name: n.name, level: n.level, parent: n.parentCode }), out);
  compare(
    'groups',
    stored.groups,
    incoming.groups,
    (g) => `${g.platform}:${g.externalId}`,
    (g) => g.title,
    (g) => ({ title: g.title, node: g.nodeCode, tags: [...g.tags].sort() }),
    out,
  );
  compare(
    'people',
    stored.people,
    incoming.people,
    (p) => p.key,
    (p) => p.name,
    (p) => ({
      name: p.name,
      identities: sorted(p.identities.map((i) => `${i.platform}:${i.externalId}`), (s) => s),
      roles: sorted(p.roles.map((r) => `${r.role}@${r.nodeCode}`), (s) => s),
      skills: p.skills ?? [],
      homes: sorted((p.homes ?? []).map((h) => `${h.nodeCode}/${h.room}`), (s) => s),
    }),
    out,
    // an import replaces a person's roles, skills and homes but only adds accounts: accounts change when the file names a new one
    { identities: (a, b) => (b as string[]).some((i) => !(a as string[]).includes(i)) },
  );
  return out;
}

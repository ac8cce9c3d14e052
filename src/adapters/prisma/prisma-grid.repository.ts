// Grid import/export in one transaction: nodes are upserted by code and every materialized path recomputed.
import type { GridNode } from '../../core/grid/grid.types.ts';
import { householdKey, roomOf } from '../../core/grid/household.ts';
import type { GridRepository, GridSpec, HomeSpec } from '../../core/ports/grid.repository.ts';
import type { Db } from './prisma-store.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const toNode = (r: { id: number; code: string; name: string; level: GridNode['level']; parentId: number | null; path: string }): GridNode => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  parentId: r.parentId,
  path: r.path,
});

export class PrismaGridRepository implements GridRepository {
  constructor(private readonly db: Db) {}

  importSpec(spec: GridSpec) {
    return this.db.$transaction(async (tx) => {
      await this.importNodes(tx, spec);
      const nodeIds = new Map((await tx.gridNode.findMany({ select: { id: true, code: true } })).map((n) => [n.code, n.id]));
      const nodeId = (code: string) => {
        const id = nodeIds.get(code);
        if (id === undefined) throw new Error(`unknown grid node ${code}`);
        return id;
      };
      for (const g of spec.groups) {
        const data = { title: g.title, gridNodeId: nodeId(g.nodeCode), tags: g.tags, active: true, muted: false };
        await tx.group.upsert({
          where: { platform_externalId: { platform: g.platform, externalId: g.externalId } },
          create: { platform: g.platform, externalId: g.externalId, ...data },
          update: data,
        });
      }
      for (const p of spec.people) {
        // a person may already be known from the chat (by identity) before the grid file names them
        let person = await tx.person.findUnique({ where: { key: p.key } });
        if (!person) {
          for (const i of p.identities) {
            const found = await tx.identity.findUnique({
              where: { platform_externalUserId: { platform: i.platform, externalUserId: i.externalId } },
            });
            if (found) {
              person = await tx.person.update({ where: { id: found.personId }, data: { key: p.key } });
              break;
            }
          }
        }
        person = person
          ? await tx.person.update({ where: { id: person.id }, data: { name: p.name, skills: p.skills ?? [] } })
          : await tx.person.create({ data: { key: p.key, name: p.name, skills: p.skills ?? [] } });
        for (const i of p.identities) {
          await tx.identity.upsert({
            where: { platform_externalUserId: { platform: i.platform, externalUserId: i.externalId } },
            create: { personId: person.id, platform: i.platform, externalUserId: i.externalId, displayName: p.name },
            update: { personId: person.id },
          });
        }
        // the file is the source of truth for the roles of the people it lists
        await tx.roleAssignment.deleteMany({ where: { personId: person.id } });
        if (p.roles.length) {
          await tx.roleAssignment.createMany({
            data: p.roles.map((r) => ({ personId: person.id, role: r.role, gridNodeId: nodeId(r.nodeCode) })),
          });
        }
        // and for their homes, like their roles: a person listed without homes keeps none
        await tx.residence.deleteMany({ where: { personId: person.id } });
        if (p.homes?.length) {
          await tx.residence.createMany({
            data: p.homes.map((h) => ({ personId: person.id, gridNodeId: nodeId(h.nodeCode), householdKey: householdKey(h.nodeCode, h.room) })),
          });
        }
      }
      return { nodes: spec.nodes.length, groups: spec.groups.length, people: spec.people.length };
    }, { timeout: 120_000, maxWait: 30_000 });
  }

  private async importNodes(tx: Tx, spec: GridSpec) {
    const existing = await tx.gridNode.findMany();
    const parentOf = new Map<string, string | null>();
    const byCode = new Map(existing.map((n) => [n.code, n]));
    const codeById = new Map(existing.map((n) => [n.id, n.code]));
    for (const n of existing) parentOf.set(n.code, n.parentId === null ? null : codeById.get(n.parentId) ?? null);
    for (const n of spec.nodes) parentOf.set(n.code, n.parentCode);

    const paths = new Map<string, string>();
    const pathOf = (code: string, depth = 0): string => {
      const known = paths.get(code);
      if (known) return known;
      if (depth > 64) throw new Error(`grid cycle through ${code}`);
      const parent = parentOf.get(code);
      const p = (parent ? pathOf(parent, depth + 1) : '/') + code + '/';
      paths.set(code, p);
      return p;
    };
    // parents first, so that each node's parentId exists when it is written
    const order = spec.nodes.map((n) => n.code).sort((a, b) => pathOf(a).split('/').length - pathOf(b).split('/').length);
    const specByCode = new Map(spec.nodes.map((n) => [n.code, n]));
    const ids = new Map(existing.map((n) => [n.code, n.id]));
    for (const code of order) {
      const n = specByCode.get(code)!;
      const parentId = n.parentCode ? ids.get(n.parentCode) ?? null : null;
      const data = { name: n.name, level: n.level, parentId, path: pathOf(code) };
      const row = byCode.has(code)
        ? await tx.gridNode.update({ where: { code }, data })
        : await tx.gridNode.create({ data: { code, ...data } });
      ids.set(code, row.id);
    }
    // nodes not in the file keep their place, but their path follows a moved ancestor
    for (const n of existing) {
      if (specByCode.has(n.code)) continue;
      const p = pathOf(n.code);
      if (p !== n.path) await tx.gridNode.update({ where: { id: n.id }, data: { path: p } });
    }
  }

  async exportSpec(): Promise<GridSpec> {
    const nodes = await this.db.gridNode.findMany({ orderBy: { path: 'asc' } });
    const codeById = new Map(nodes.map((n) => [n.id, n.code]));
    const groups = await this.db.group.findMany({ where: { gridNodeId: { not: null } }, orderBy: { id: 'asc' } });
    const people = await this.db.person.findMany({
      where: { key: { not: null } },
      include: { identities: { orderBy: { id: 'asc' } }, roles: { orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    });
    const homes = await this.homesOf(people.map((p) => p.id), codeById);
    return {
      nodes: nodes.map((n) => ({
        code: n.code,
        name: n.name,
        level: n.level,
        parentCode: n.parentId === null ? null : codeById.get(n.parentId) ?? null,
      })),
      groups: groups.map((g) => ({
        platform: g.platform,
        externalId: g.externalId,
        title: g.title,
        nodeCode: codeById.get(g.gridNodeId!)!,
        tags: g.tags,
      })),
      people: people.map((p) => ({
        key: p.key!,
        name: p.name,
        identities: p.identities.map((i) => ({ platform: i.platform, externalId: i.externalUserId })),
        roles: p.roles.map((r) => ({ role: r.role, nodeCode: codeById.get(r.gridNodeId)! })),
        ...(p.skills.length ? { skills: p.skills } : {}),
        ...(homes.has(p.id) ? { homes: homes.get(p.id)! } : {}),
      })),
    };
  }

  async skillsAndHomes(personIds: readonly number[]) {
    const out = new Map<number, { skills: string[]; homes: HomeSpec[] }>();
    if (personIds.length === 0) return out;
    const people = await this.db.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, skills: true } });
    const homes = await this.homesOf(personIds);
    for (const p of people) if (p.skills.length || homes.has(p.id)) out.set(p.id, { skills: p.skills, homes: homes.get(p.id) ?? [] });
    return out;
  }

  /** Homes by person id, in the order they were written; the room is read back from the household key. */
  private async homesOf(personIds: readonly number[], codes?: ReadonlyMap<number, string>): Promise<Map<number, HomeSpec[]>> {
    const out = new Map<number, HomeSpec[]>();
    if (personIds.length === 0) return out;
    const rows = await this.db.residence.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { id: 'asc' } });
    const codeById = codes ?? new Map((await this.db.gridNode.findMany({ where: { id: { in: rows.map((r) => r.gridNodeId) } }, select: { id: true, code: true } })).map((n) => [n.id, n.code]));
    for (const r of rows) {
      const nodeCode = codeById.get(r.gridNodeId);
      if (nodeCode === undefined) continue; // a residence on a node that is gone
      out.set(r.personId, [...(out.get(r.personId) ?? []), { nodeCode, room: roomOf(r.householdKey, nodeCode) }]);
    }
    return out;
  }

  async findByCode(code: string) {
    const r = await this.db.gridNode.findUnique({ where: { code } });
    return r && toNode(r);
  }

  async findById(id: number) {
    const r = await this.db.gridNode.findUnique({ where: { id } });
    return r && toNode(r);
  }

  async findByCodes(codes: string[]) {
    const rows = await this.db.gridNode.findMany({ where: { code: { in: codes } } });
    return rows.map(toNode).sort((a, b) => a.path.length - b.path.length);
  }

  async subtree(code: string) {
    const root = await this.db.gridNode.findUnique({ where: { code } });
    if (!root) return [];
    return (await this.db.gridNode.findMany({ where: { path: { startsWith: root.path } } })).map(toNode);
  }

  count() {
    return this.db.gridNode.count();
  }

  async all() {
    return (await this.db.gridNode.findMany({ orderBy: { id: 'asc' } })).map(toNode);
  }
}

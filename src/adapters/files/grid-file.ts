// The grid file (`linli grid import FILE` / `linli grid export`): YAML with nodes, groups and people, or CSV with
// nodes only. Reading keeps each record's source line so that the core validator can point at the line to fix.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import {
  GridFileError,
  orderNodesDepthFirst,
  sortByLine,
  validateGridRecords,
  type GridLineError,
  type GridRecords,
  type GridValidationOptions,
  type GroupRecord,
  type HomeRecord,
  type IdentityRecord,
  type NodeRecord,
  type PersonRecord,
  type RoleRecord,
} from '../../core/grid/grid-validation.ts';
import { importGrid, type GridImportOptions, type GridImportResult } from '../../core/grid/grid-import.ts';
import type { GridRepository, GridSpec } from '../../core/ports/grid.repository.ts';

export type GridFileFormat = 'yaml' | 'csv';

export interface GridFileOptions extends GridValidationOptions {
  /** Name used in error lines (`grid.yaml:12: …`); defaults to the path for readGridFile. */
  fileName?: string;
}

/** `.csv` is CSV, anything else (`.yaml`, `.yml`) is YAML. */
export function gridFormatOf(path: string): GridFileFormat {
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'yaml';
}

/** Reads, parses and validates a grid file; throws GridFileError listing every problem with its line. */
export async function readGridFile(path: string, options: GridFileOptions = {}): Promise<GridSpec> {
  const text = await readFile(path, 'utf8');
  return parseGridText(text, gridFormatOf(path), { ...options, fileName: options.fileName ?? path });
}

/**
 * `linli grid import FILE [--dry-run]`: reads the file and imports it, validated merged with the stored grid.
 * Throws GridFileError listing every problem with its line (nothing changed).
 */
export async function importGridFile(grid: GridRepository, path: string, options: GridImportOptions = {}): Promise<GridImportResult> {
  return importGridRecords(grid, await readGridImport(path, options), path, options);
}

/**
 * The first half of an import, which needs no store: reads the file and its records. Throws the read's error (a
 * missing file) or GridFileError listing the errors of form (YAML or CSV syntax, unknown fields, an empty file) with
 * their lines: a file the store could not make valid is refused before the store opens.
 */
export async function readGridImport(path: string, options: Pick<GridImportOptions, 'fileName'> = {}): Promise<{ records: GridRecords; errors: GridLineError[] }> {
  const read = readGridRecords(await readFile(path, 'utf8'), gridFormatOf(path));
  if (read.errors.length > 0) throw new GridFileError(sortByLine(read.errors), options.fileName ?? path);
  return read;
}

/** The second half: the records read by readGridImport, validated merged with the stored grid and applied (see importGrid). */
export function importGridRecords(grid: GridRepository, read: { records: GridRecords; errors: GridLineError[] }, path: string, options: GridImportOptions = {}): Promise<GridImportResult> {
  return importGrid(grid, read, { ...options, fileName: options.fileName ?? path });
}

/** Parses and validates grid text; throws GridFileError listing every problem with its line. */
export function parseGridText(text: string, format: GridFileFormat, options: GridFileOptions = {}): GridSpec {
  const file = options.fileName ?? (format === 'csv' ? 'grid.csv' : 'grid.yaml');
  const { records, errors } = readGridRecords(text, format);
  const result = validateGridRecords(records, options);
  const all = [...errors, ...(result.ok ? [] : result.errors)];
  if (all.length > 0) throw new GridFileError(sortByLine(all), file);
  if (!result.ok) throw new GridFileError([], file); // unreachable: a failed result has errors
  return result.spec;
}

/** The raw records of a file, each with its 1-based line, plus the errors of form (syntax, unknown fields). */
export function readGridRecords(text: string, format: GridFileFormat): { records: GridRecords; errors: GridLineError[] } {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const read = format === 'csv' ? readCsv(clean) : readYaml(clean);
  const { records } = read;
  if (read.errors.length === 0 && records.nodes.length === 0 && !records.groups?.length && !records.people?.length)
    read.errors.push({ line: 1, message: 'the file defines no nodes, groups or people' });
  return read;
}

// ---- YAML -------------------------------------------------------------------------------------------------------

const NODE_FIELDS = ['code', 'name', 'level', 'parent'] as const;
const GROUP_FIELDS = ['platform', 'id', 'title', 'node', 'tags'] as const;
const PERSON_FIELDS = ['key', 'name', 'wechat', 'telegram', 'roles', 'skills', 'homes'] as const;
const ROLE_FIELDS = ['role', 'node'] as const;
const HOME_FIELDS = ['node', 'room'] as const;
const SECTIONS = ['nodes', 'groups', 'people'] as const;

function readYaml(text: string): { records: GridRecords; errors: GridLineError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const records: Required<GridRecords> = { nodes: [], groups: [], people: [] };
  const errors: GridLineError[] = [];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0].line ?? lc.linePos(e.pos[0]).line;
      errors.push({ line: Math.max(1, line), message: `YAML syntax: ${e.message.split('\n')[0]}` });
    }
    return { records, errors };
  }
  const lineOf = (node: unknown): number => {
    const range = (node as YamlNode | null)?.range;
    return range ? Math.max(1, lc.linePos(range[0]).line) : 1;
  };
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc as Document) : node);

  const root = resolve(doc.contents);
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return { records, errors };
  if (!isMap(root)) {
    errors.push({ line: lineOf(root), message: 'the file must be a mapping with nodes, groups and people' });
    return { records, errors };
  }

  /** Pairs of a mapping item with plain values; unknown or non-scalar keys become errors. */
  const fieldsOf = (item: unknown, what: string, allowed: readonly string[]): Map<string, unknown> | null => {
    const node = resolve(item);
    if (!isMap(node)) {
      errors.push({ line: lineOf(node), message: `each ${what} must be a mapping like { ${allowed.slice(0, 2).map((f) => `${f}: …`).join(', ')} }` });
      return null;
    }
    const out = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = resolve(pair.key);
      const name = isScalar(key) ? plain(key) : null;
      if (typeof name !== 'string' || !allowed.includes(name)) {
        errors.push({
          line: lineOf(key ?? node),
          message: `unknown field ${JSON.stringify(name ?? '?')} in ${what} (expected ${allowed.join(', ')})`,
        });
        continue;
      }
      out.set(name, resolve(pair.value));
    }
    return out;
  };
  const value = (node: unknown): unknown => toPlain(node, resolve);

  for (const pair of root.items) {
    const keyNode = resolve(pair.key);
    const key = isScalar(keyNode) ? plain(keyNode) : null;
    if (typeof key !== 'string' || !(SECTIONS as readonly string[]).includes(key)) {
      errors.push({ line: lineOf(keyNode), message: `unknown section ${JSON.stringify(key ?? '?')} (expected ${SECTIONS.join(', ')})` });
      continue;
    }
    const list = resolve(pair.value);
    if (list === null || list === undefined || (isScalar(list) && list.value === null)) continue;
    if (!isSeq(list)) {
      errors.push({ line: lineOf(list), message: `${key} must be a list (items starting with "- ")` });
      continue;
    }
    for (const item of list.items) {
      const line = lineOf(resolve(item));
      if (key === 'nodes') {
        const f = fieldsOf(item, 'node', NODE_FIELDS);
        if (!f) continue;
        const r: NodeRecord = { line };
        for (const k of NODE_FIELDS) if (f.has(k)) r[k] = value(f.get(k));
        records.nodes.push(r);
      } else if (key === 'groups') {
        const f = fieldsOf(item, 'group', GROUP_FIELDS);
        if (!f) continue;
        const r: GroupRecord = { line };
        for (const k of GROUP_FIELDS) if (f.has(k)) r[k] = value(f.get(k));
        records.groups.push(r);
      } else {
        const f = fieldsOf(item, 'person', PERSON_FIELDS);
        if (!f) continue;
        const identities: IdentityRecord[] = [];
        for (const platform of ['wechat', 'telegram'] as const) {
          if (!f.has(platform)) continue;
          const v = f.get(platform);
          const ids = isSeq(v) ? v.items.map(resolve) : [v];
          for (const id of ids) identities.push({ line: id ? lineOf(id) : line, platform: platform.toUpperCase(), id: value(id) });
        }
        const roles: RoleRecord[] = [];
        const rv = f.get('roles');
        if (rv !== undefined && !(isScalar(rv) && rv.value === null)) {
          if (!isSeq(rv)) errors.push({ line: lineOf(rv), message: 'roles must be a list like [{ role: GRID_WORKER, node: "G01" }]' });
          else
            for (const ri of rv.items) {
              const rf = fieldsOf(ri, 'role', ROLE_FIELDS);
              if (!rf) continue;
              const rr: RoleRecord = { line: lineOf(resolve(ri)) };
              for (const k of ROLE_FIELDS) if (rf.has(k)) rr[k] = value(rf.get(k));
              roles.push(rr);
            }
        }
        const homes: HomeRecord[] = [];
        const hv = f.get('homes');
        if (hv !== undefined && !(isScalar(hv) && hv.value === null)) {
          if (!isSeq(hv)) errors.push({ line: lineOf(hv), message: 'homes must be a list like [{ node: "DY-G01-B20", room: "1102" }]' });
          else
            for (const hi of hv.items) {
              const hf = fieldsOf(hi, 'home', HOME_FIELDS);
              if (!hf) continue;
              const hr: HomeRecord = { line: lineOf(resolve(hi)) };
              for (const k of HOME_FIELDS) if (hf.has(k)) hr[k] = value(hf.get(k));
              homes.push(hr);
            }
        }
        const r: PersonRecord = { line, identities, roles, homes };
        if (f.has('skills')) {
          const sv = f.get('skills');
          r.skills = { line: lineOf(sv), value: value(sv), ...(isSeq(sv) ? { lines: sv.items.map((i) => lineOf(resolve(i))) } : {}) };
        }
        if (f.has('key')) r.key = value(f.get('key'));
        if (f.has('name')) r.name = value(f.get('name'));
        records.people.push(r);
      }
    }
  }
  return { records, errors };
}

/** A scalar as written: numbers and booleans keep their source text (so code 012 stays "012"); null stays null. */
function plain(node: { value: unknown; source?: string }): string | null {
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return node.source ?? String(v);
}

function toPlain(node: unknown, resolve: (n: unknown) => unknown): unknown {
  const n = resolve(node);
  if (n === null || n === undefined) return null;
  if (isScalar(n)) return plain(n);
  if (isSeq(n)) return n.items.map((i) => toPlain(i, resolve));
  if (isMap(n)) return Object.fromEntries(n.items.map((p) => [String(toPlain(p.key, resolve)), toPlain(p.value, resolve)]));
  return null;
}

// ---- CSV (nodes only) -------------------------------------------------------------------------------------------

const CSV_HEADER_ALIASES: Record<string, (typeof NODE_FIELDS)[number]> = {
  code: 'code',
  name: 'name',
  level: 'level',
  parent: 'parent',
  编码: 'code',
  代码: 'code',
  名称: 'name',
  层级: 'level',
  级别: 'level',
  上级: 'parent',
  上级编码: 'parent',
};

function readCsv(text: string): { records: GridRecords; errors: GridLineError[] } {
  const records: GridRecords = { nodes: [], groups: [], people: [] };
  const errors: GridLineError[] = [];
  const rows = csvRows(text, errors).filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === '') && !r.fields[0]?.startsWith('#'));
  const header = rows.shift();
  if (!header) return { records, errors };
  const columns: ((typeof NODE_FIELDS)[number] | null)[] = [];
  for (const h of header.fields) {
    const name = h.trim();
    const field = CSV_HEADER_ALIASES[name.toLowerCase()] ?? null;
    if (field === null) errors.push({ line: header.line, message: `unknown column ${JSON.stringify(name)} (expected code, name, level, parent)` });
    else if (columns.includes(field)) errors.push({ line: header.line, message: `duplicate column ${JSON.stringify(name)}` });
    columns.push(field !== null && !columns.includes(field) ? field : null);
  }
  for (const required of ['code', 'name', 'level'] as const)
    if (!columns.includes(required)) errors.push({ line: header.line, message: `missing column ${required} (header must be code,name,level,parent)` });
  if (errors.length > 0) return { records, errors };
  for (const row of rows) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    if (row.fields.length > columns.length) {
      errors.push({ line: row.line, message: `${row.fields.length} fields but the header has ${columns.length}` });
      continue;
    }
    const r: NodeRecord = { line: row.line };
    row.fields.forEach((v, i) => {
      const field = columns[i];
      if (field && v.trim() !== '') r[field] = v.trim();
    });
    records.nodes.push(r);
  }
  return { records, errors };
}

/** RFC 4180 rows ("" escapes a quote, quoted fields may span lines), each with the line it starts on. */
function csvRows(text: string, errors: GridLineError[]): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      atFieldStart = true;
      line++;
      rowLine = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted) errors.push({ line: rowLine, message: 'unterminated quoted field' });
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

// ---- export -----------------------------------------------------------------------------------------------------

const q = (s: string): string => JSON.stringify(s);

/**
 * The spec as a grid file: nodes depth-first by tree, then groups, then people, one flow mapping per line.
 * Importing the result gives back the same spec.
 */
export function writeGridYaml(spec: GridSpec): string {
  const out: string[] = ['# Linli grid file — import with `linli grid import FILE`', ''];
  const section = (name: string, items: string[]): void => {
    if (items.length === 0) out.push(`${name}: []`);
    else out.push(`${name}:`, ...items.map((i) => `  - ${i}`));
  };
  section(
    'nodes',
    orderNodesDepthFirst(spec.nodes).map((n) => {
      const parts = [`code: ${q(n.code)}`, `name: ${q(n.name)}`, `level: ${n.level}`];
      if (n.parentCode !== null) parts.push(`parent: ${q(n.parentCode)}`);
      return `{ ${parts.join(', ')} }`;
    }),
  );
  out.push('');
  section(
    'groups',
    spec.groups.map((g) => {
      const parts = [`platform: ${g.platform}`, `id: ${q(g.externalId)}`, `title: ${q(g.title)}`, `node: ${q(g.nodeCode)}`];
      if (g.tags.length > 0) parts.push(`tags: [${g.tags.map(q).join(', ')}]`);
      return `{ ${parts.join(', ')} }`;
    }),
  );
  out.push('');
  section(
    'people',
    spec.people.map((p) => {
      const parts = [`key: ${q(p.key)}`, `name: ${q(p.name)}`];
      for (const platform of ['WECHAT', 'TELEGRAM'] as const) {
        const ids = p.identities.filter((i) => i.platform === platform).map((i) => q(i.externalId));
        if (ids.length === 1) parts.push(`${platform.toLowerCase()}: ${ids[0]}`);
        else if (ids.length > 1) parts.push(`${platform.toLowerCase()}: [${ids.join(', ')}]`);
      }
      if (p.roles.length > 0) parts.push(`roles: [${p.roles.map((r) => `{ role: ${r.role}, node: ${q(r.nodeCode)} }`).join(', ')}]`);
      if (p.skills?.length) parts.push(`skills: [${p.skills.map(q).join(', ')}]`);
      if (p.homes?.length) parts.push(`homes: [${p.homes.map((h) => `{ node: ${q(h.nodeCode)}, room: ${q(h.room)} }`).join(', ')}]`);
      return `{ ${parts.join(', ')} }`;
    }),
  );
  return out.join('\n') + '\n';
}

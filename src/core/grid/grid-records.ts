// The raw records of a grid file, as read (values not yet checked), each with the line it starts on, and the
// line-numbered errors the rules report about them.

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
  /** The `skills` value as read (a list of strings when well formed), the line it is on, and each item's line. */
  skills?: { line: number; value: unknown; lines?: number[] };
  homes?: HomeRecord[];
}
export interface HomeRecord {
  line: number;
  node?: unknown;
  room?: unknown;
}
export interface GridRecords {
  nodes: NodeRecord[];
  groups?: GroupRecord[];
  people?: PersonRecord[];
}

export interface GridLineError {
  line: number;
  message: string;
  /** The node code the line names that is neither in the file nor in the store, when that is the error. */
  missing?: string;
}

/** Where the rules put what they find (`missing`: the unknown node code the line names, when that is the error). */
export type ReportError = (line: number, message: string, missing?: string) => void;

/** Errors by line; those on one line keep the order they were found in. */
export function sortByLine(errors: readonly GridLineError[]): GridLineError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || a.i - b.i)
    .map((x) => x.e);
}

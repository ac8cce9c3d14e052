// Path and query parameters as the admin API accepts them: text from a URL, checked before anything reads a store.
import { z } from 'zod';
import type { GridNode } from '../../core/grid/grid.types.ts';
import { zhUnknownGridCode } from './error-zh.ts';
import { HttpError } from './http-error.ts';

/** The largest id an int4 column holds: a larger number is a bad parameter, not a database error. */
export const INT4_MAX = 2_147_483_647;

/** A database id in a path: 1..2147483647, digits only (no sign, exponent, hex or leading zero). */
export const dbId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive whole number')
  .transform(Number)
  .refine((n) => n <= INT4_MAX, `must be at most ${INT4_MAX}`);

/** A row limit: 1..1000, `def` when absent. */
export const limit = (def: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, 'must be a whole number from 1 to 1000')
    .optional()
    .transform((n) => n ?? def);

const TRUE = ['1', 'true', 'yes'];
const FLAG = [...TRUE, '0', 'false', 'no', ''];

/** A yes/no switch: 1/true/yes or 0/false/no (any case); absent = no. */
export const flag = z
  .string()
  .refine((v) => FLAG.includes(v.toLowerCase()), 'must be 1, true, yes, 0, false or no')
  .optional()
  .transform((v) => TRUE.includes((v ?? '').toLowerCase()));

/** A name or key in a path (a queue, a job id): non-empty, bounded. */
export const pathText = z.string().min(1).max(256);

/** The grid node a parameter names by code; 404 when there is none (whether the caller may reach it is access's call). */
export async function namedNode(nodes: { node(code: string): Promise<GridNode | null> }, code: string): Promise<GridNode> {
  const node = await nodes.node(code);
  if (!node) throw new HttpError(404, 'GRID_NODE_NOT_FOUND', `no grid node ${code}`, zhUnknownGridCode(code));
  return node;
}

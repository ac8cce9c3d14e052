// The words a grid file may use (levels, roles, platforms in English or Chinese) and how raw values are read.
import type { Platform } from '../messages/incoming-message.ts';
import { ROLE_ZH, ROLES, type Role } from '../people/roles.ts';
import { GRID_LEVEL_ZH, GRID_LEVELS, type GridLevel } from './grid.types.ts';

export const GRID_CODE_RE = /^[A-Za-z0-9_.-]{1,64}$/;
export const PLATFORMS: readonly Platform[] = ['WECHAT', 'TELEGRAM'];

const LEVEL_ALIASES: Record<string, GridLevel> = {
  ...Object.fromEntries(GRID_LEVELS.map((l) => [l, l])),
  ...Object.fromEntries(GRID_LEVELS.map((l) => [GRID_LEVEL_ZH[l], l])),
  镇: 'STREET',
  镇街: 'STREET',
  乡镇: 'STREET',
  村: 'COMMUNITY',
  村居: 'COMMUNITY',
  楼栋: 'UNIT',
};

const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  ...Object.fromEntries(ROLES.map((r) => [ROLE_ZH[r], r])),
};

/** Level code for a level name: the code itself in any case, or 区/街道/社区/网格/单元 (also 镇街, 村居, 楼栋). */
export function parseGridLevel(value: string): GridLevel | null {
  const v = value.trim();
  return LEVEL_ALIASES[v.toUpperCase()] ?? LEVEL_ALIASES[v] ?? null;
}

/** Role code for a role name: the code itself in any case, or its Chinese name (网格员, 楼栋长 …). */
export function parseRole(value: string): Role | null {
  const v = value.trim();
  return ROLE_ALIASES[v.toUpperCase()] ?? ROLE_ALIASES[v] ?? null;
}

export function parsePlatform(value: string): Platform | null {
  const v = value.trim().toUpperCase();
  return (PLATFORMS as readonly string[]).includes(v) ? (v as Platform) : null;
}

/** A raw value as trimmed text; numbers count (a code written 1001), anything else is null. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A raw value as it appears in an error message. */
export function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

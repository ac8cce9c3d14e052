// The admin API's one question: does a role meeting the requirement cover the object's node (the subtree rule)?
import { describe, expect, it } from 'vitest';
import { Authority } from '../../../../src/core/people/authority.ts';
import { ROLES, rankAtLeast, seesUnmasked } from '../../../../src/core/people/roles.ts';

const node = (id: number, path: string) => ({ id, code: path.split('/').filter(Boolean).at(-1)!, path, parentId: path.split('/').length > 3 ? id - 1 : null });
const D = node(1, '/D/');
const S = node(2, '/D/S/');
const C1 = node(3, '/D/S/C1/');
const G1 = node(4, '/D/S/C1/G1/');
const G2 = node(5, '/D/S/C1/G2/');
const C2 = node(6, '/D/S/C2/');

describe('Authority', () => {
  it('a role covers its node and everything below, nothing beside or above', () => {
    const a = new Authority(1, [{ role: 'GRID_WORKER', node: G1 }]);
    expect(a.covers({ atLeast: 'UNIT_HEAD' }, G1)).toBe(true);
    expect(a.covers({ atLeast: 'UNIT_HEAD' }, node(9, '/D/S/C1/G1/U1/'))).toBe(true);
    expect(a.covers({ atLeast: 'UNIT_HEAD' }, G2)).toBe(false);
    expect(a.covers({ atLeast: 'UNIT_HEAD' }, C1)).toBe(false);
    // a sibling whose code starts with the same letters is not inside
    expect(a.covers({ atLeast: 'UNIT_HEAD' }, node(10, '/D/S/C1/G10/'))).toBe(false);
    expect(a.covers({ atLeast: 'COMMUNITY_STAFF' }, G1)).toBe(false);
    expect(a.covers({ anyOf: ['ADMIN'] }, null)).toBe(false);
  });

  it('a resident (no role) has nothing; whole-grid objects need a root grant', () => {
    const r = new Authority(2, []);
    expect(r.has({ atLeast: 'UNIT_HEAD' })).toBe(false);
    expect(r.covers({ atLeast: 'UNIT_HEAD' }, G1)).toBe(false);
    expect(new Authority(3, [{ role: 'ADMIN', node: D }]).covers({ anyOf: ['ADMIN'] }, null)).toBe(true);
    expect(new Authority(3, [{ role: 'ADMIN', node: S }]).covers({ anyOf: ['ADMIN'] }, null)).toBe(false);
  });

  it('scopes drop nodes inside another scope', () => {
    const a = new Authority(4, [
      { role: 'GRID_WORKER', node: G1 },
      { role: 'COMMUNITY_STAFF', node: C1 },
      { role: 'COMMUNITY_STAFF', node: C2 },
    ]);
    expect(a.scopes({ atLeast: 'UNIT_HEAD' }).map((n) => n.code).sort()).toEqual(['C1', 'C2']);
    expect(a.scopes({ anyOf: ['GRID_WORKER'] }).map((n) => n.code)).toEqual(['G1']);
  });

  it('ranks: below COMMUNITY_STAFF reads masked text', () => {
    expect(seesUnmasked(['GRID_WORKER', 'GRID_HEAD', 'UNIT_HEAD'])).toBe(false);
    expect(seesUnmasked(['GRID_WORKER', 'COMMUNITY_STAFF'])).toBe(true);
    for (const r of ['STREET_STAFF', 'LEADER', 'ADMIN', 'DEPARTMENT'] as const) expect(seesUnmasked([r])).toBe(true);
    for (const r of ROLES) expect(rankAtLeast('ADMIN', r)).toBe(true);
    expect(new Authority(5, [{ role: 'GRID_HEAD', node: C1 }]).unmasked).toBe(false);
  });
});

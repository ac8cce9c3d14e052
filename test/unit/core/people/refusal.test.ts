// What a refused command says comes from the declared capabilities (CAPABILITIES): the role it needs, or the grid.
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, refusalOf, whoMay, type Action } from '../../../../src/core/people/roles.ts';

describe('refusals from the declared capabilities', () => {
  it('names the lowest role of the line when every role above it may too', () => {
    expect(whoMay('supervise')).toBe('网格长及以上人员');
    expect(whoMay('reject')).toBe('网格员及以上人员');
    expect(whoMay('claim')).toBe('楼栋长及以上人员');
  });

  it('every action has its words, and a holder of an allowed role (on another node) is told the grid is not theirs', () => {
    for (const action of Object.keys(CAPABILITIES) as Action[]) {
      const who = whoMay(action);
      expect(who.length).toBeGreaterThan(0);
      expect(refusalOf(action, CAPABILITIES[action])).toEqual({ need: 'grid' });
    }
  });

  it('a role needed (a grid worker\'s 督办, a building head\'s 驳回) vs the grid not theirs', () => {
    expect(refusalOf('supervise', ['GRID_WORKER'])).toEqual({ need: 'role', who: '网格长及以上人员' });
    expect(refusalOf('reject', ['UNIT_HEAD'])).toEqual({ need: 'role', who: '网格员及以上人员' });
    // a grid worker of another grid: the ticket's grid staff may
    expect(refusalOf('resolve', ['GRID_WORKER'])).toEqual({ need: 'grid' });
    // a resident: the grid worker may resolve; only a grid head and above may supervise
    expect(refusalOf('resolve', [])).toEqual({ need: 'grid' });
    expect(refusalOf('supervise', [])).toEqual({ need: 'role', who: '网格长及以上人员' });
    expect(refusalOf('supervise', ['VOLUNTEER'])).toEqual({ need: 'role', who: '网格长及以上人员' });
  });
});

import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/core/util/ttl-cache.ts';

describe('TtlCache', () => {
  it('forgets an entry when its time is up', () => {
    let now = 1000;
    const c = new TtlCache<string, number>(50, 10, () => now);
    c.set('a', 1);
    now = 1049;
    expect(c.get('a')).toBe(1);
    now = 1050;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops the oldest entries beyond its size, counting a refreshed entry as new', () => {
    const c = new TtlCache<string, number>(1000, 2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('a', 3);
    c.set('c', 4);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([3, undefined, 4]);
  });

  it('keeps nothing with a zero time to live, and forgets on delete', () => {
    const off = new TtlCache<string, number>(0, 10);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
    const c = new TtlCache<string, number>(1000, 10);
    c.set('a', 1);
    c.delete('a');
    expect(c.get('a')).toBeUndefined();
  });
});

// The caller's authority is read from the store once per person per window, not at every request; an import in this
// process invalidates it, and a role given by another process applies when the window ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityLoader, tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

describe('authority cache', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let reads = 0;
  let counted: Store;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    // the same store, counting the reads the authenticator makes
    const count = <T extends object>(o: T): T =>
      new Proxy(o, { get: (t, k, r) => (typeof Reflect.get(t, k, r) === 'function' ? (...a: unknown[]) => (reads++, (Reflect.get(t, k, r) as (...x: unknown[]) => unknown).apply(t, a)) : Reflect.get(t, k, r)) });
    counted = { ...store, people: count(store.people), grid: count(store.grid), broadcasts: count(store.broadcasts) };
  });
  afterAll(() => dispose?.());

  it('reads a token holder once per window; uncached, it reads at every request', async () => {
    const cached = tokenAuthenticator({ t: 'wu' }, counted, authorityLoader(counted, 60_000));
    reads = 0;
    for (let i = 0; i < 20; i++) expect((await cached('t'))?.grants.map((g) => `${g.role}@${g.node.code}`)).toEqual(['GRID_WORKER@G2']);
    expect(reads).toBe(3); // the person once, their roles, the one node
    const uncached = tokenAuthenticator({ t: 'wu' }, counted);
    reads = 0;
    for (let i = 0; i < 20; i++) await uncached('t');
    expect(reads).toBe(1 + 20 * 2);
  });

  it('sees a new role after invalidate(), or when the window ends', async () => {
    const loader = authorityLoader(counted, 300);
    const wu = (await store.staffAuth.personByKey('wu'))!;
    expect((await loader(wu.id)).grants).toHaveLength(1);
    await store.people.assignRole(wu.id, 'GRID_HEAD', (await store.grid.findByCode('C1'))!.id);
    expect((await loader(wu.id)).grants).toHaveLength(1); // still the cached one
    loader.invalidate();
    expect((await loader(wu.id)).grants).toHaveLength(2);
    await store.people.assignRole(wu.id, 'GRID_WORKER', (await store.grid.findByCode('G1'))!.id);
    await waitUntil(async () => (await loader(wu.id)).grants.length === 3, 5_000, 'the window to end');
  });
});

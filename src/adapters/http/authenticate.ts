// Who a caller is, for the admin API. Bearer tokens: LINLI_API_TOKENS maps a token to a person key of the grid file.
// Console sessions (cookie) name the person directly. Either way the person's roles over grid nodes are read from the
// store and kept for `cacheMs` per person (a few store reads per person per window, not per request); an import run
// in this process calls invalidate(), one run by another process (`linli grid import`) applies within cacheMs.
import { LRUCache } from 'lru-cache';
import { Authority, type Grant } from '../../core/people/authority.ts';
import type { Store } from '../../core/ports/store.port.ts';

type AuthorityStore = Pick<Store, 'people' | 'grid'>;

export interface AuthorityLoader {
  (personId: number): Promise<Authority>;
  invalidate(): void;
}

/** The authority of a person; cacheMs 0 reads the store at every call. */
export function authorityLoader(store: AuthorityStore, cacheMs = 0): AuthorityLoader {
  const load = async (personId: number) => {
    const assignments = await store.people.assignments(personId);
    const nodes = await Promise.all(assignments.map((a) => store.grid.findById(a.gridNodeId)));
    const grants: Grant[] = [];
    assignments.forEach((a, i) => nodes[i] && grants.push({ role: a.role, node: nodes[i] }));
    return new Authority(personId, grants);
  };
  const cache = cacheMs > 0 ? new LRUCache<number, Authority>({ max: 10_000, ttl: cacheMs, fetchMethod: (id) => load(id) }) : null;
  const get = (async (personId: number) => (cache ? (await cache.fetch(personId))! : load(personId))) as AuthorityLoader;
  get.invalidate = () => cache?.clear();
  return get;
}

export function tokenAuthenticator(
  tokens: Record<string, string>,
  store: Pick<Store, 'broadcasts' | 'people' | 'grid'>,
  authority: AuthorityLoader = authorityLoader(store),
) {
  const people = new Map<string, number | null>();
  return async (token: string): Promise<Authority | null> => {
    const key = Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token] : undefined;
    if (!key) return null;
    // a token's person never changes (the key is the grid file's); an unknown one is looked up again next time
    let id = people.get(key);
    if (!id) {
      id = (await store.broadcasts.personByKey(key))?.id ?? null;
      if (id) people.set(key, id);
    }
    return id ? authority(id) : null;
  };
}

// Bearer token → the caller's authority: LINLI_API_TOKENS maps a token to a person key of the grid file; the person's
// roles over grid nodes come from the store at each request, so an import that changes roles applies at once.
import { Authority, type Grant } from '../../core/people/authority.ts';
import type { Store } from '../../core/ports/store.port.ts';

export function tokenAuthenticator(tokens: Record<string, string>, store: Pick<Store, 'broadcasts' | 'people' | 'grid'>) {
  return async (token: string): Promise<Authority | null> => {
    const key = Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token] : undefined;
    if (!key) return null;
    const person = await store.broadcasts.personByKey(key);
    if (!person) return null;
    const grants: Grant[] = [];
    for (const a of await store.people.assignments(person.id)) {
      const node = await store.grid.findById(a.gridNodeId);
      if (node) grants.push({ role: a.role, node });
    }
    return new Authority(person.id, grants);
  };
}

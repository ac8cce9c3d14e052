// A console session is only another way to be a person: on every admin route, each demo person gets the same status
// with a session (and the CSRF token) as with a bearer token — 403 across the grid boundary, 400 naming the
// parameter, 404 — and without either, 401. Routes are read from adminRoutes(), so routes added later are covered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { DEMO_TOKENS, type Who } from '../support/admin-api.ts';
import { Browser, startConsoleApi, type ConsoleApi } from '../support/console-api.ts';

describe('sessions and bearer tokens answer alike', () => {
  let f: ConsoleApi;
  const sessions = new Map<Who, Browser>();
  beforeAll(async () => {
    f = await startConsoleApi({ perIp: 10_000 });
    for (const [who, key] of Object.entries(DEMO_TOKENS) as [Who, string][]) {
      if (who === 'resident') continue; // residents cannot sign in (console-auth-http.test.ts)
      const person = (await f.store.staffAuth.personByKey(key))!;
      const b = new Browser(f.url);
      const r = await b.req('POST', '/api/auth/link', { body: { token: await f.signIn.createLink(person.id, 60_000) } });
      expect(r.status).toBe(200);
      sessions.set(who, b);
    }
  });
  afterAll(() => f?.close());

  it('on every route, for every staff member: the same status; none: 401', async () => {
    const routes = adminRoutes({ store: f.store, queues: undefined as never, broadcast: undefined as never });
    // each route with an object inside DY-G01, one in DY-G02, and a bad id
    const paths = routes.flatMap((r) => {
      const fill = (id: string) => r.path.replace(':id', id).replace(':name', 'ingest');
      return r.path.includes(':id') ? [fill(String(f.findings.dyG01)), fill(String(f.findings.dyG02)), fill('0x1')].map((p) => [r.method, p] as const) : [[r.method, fill('')] as const];
    });
    expect(paths.length).toBeGreaterThanOrEqual(20);
    const mismatches: string[] = [];
    const seen = new Set<number>();
    for (const [method, path] of paths) {
      expect([method, path, (await new Browser(f.url).req(method, path)).status]).toEqual([method, path, 401]);
      for (const [who, b] of sessions) {
        const byToken = await fetch(f.url + path, { method, headers: { authorization: `Bearer tok-${who}` } });
        await byToken.body?.cancel(); // only the status counts (and an event stream would never end)
        const bySession = await b.req(method, path, { csrf: true });
        seen.add(bySession.status);
        if (byToken.status !== bySession.status) mismatches.push(`${who} ${method} ${path}: token ${byToken.status}, session ${bySession.status}`);
      }
    }
    expect(mismatches).toEqual([]);
    // the table exercised allowed, refused, bad and missing answers
    for (const status of [200, 400, 403, 404]) expect(seen).toContain(status);
  });
});

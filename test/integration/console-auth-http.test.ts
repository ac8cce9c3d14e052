// Console sign-in over real HTTP on a real PostgreSQL store (demo grid): a code sent as a Telegram direct message
// (the real gateway against a fake Bot API) or a WeChat one, passwords, one-time links, cookie flags, CSRF, rate
// limits, expiry, logout, grid-scoped access with a session, and the audit rows all of it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { Browser, startConsoleApi, type ConsoleApi } from '../support/console-api.ts';

const LIN = 'gw-linxiuzhen'; // GRID_WORKER of DY-G01, WeChat wxid_linxiuzhen + Telegram 5120010001
const LIN_TG = '5120010001';
const LIN_WX = 'wxid_linxiuzhen';

describe('console sign-in and sessions', () => {
  let f: ConsoleApi;
  beforeAll(async () => {
    f = await startConsoleApi({ perIp: 1000, perPerson: 4, codesPerPerson: 50 });
  });
  afterAll(() => f?.close());

  /** The codes sent to a Telegram chat id or a WeChat id (a person's first account gets the code when asked by key). */
  const codesTo = (to: string) =>
    [...f.telegram.sent.filter((m) => m.chatId === to).map((m) => m.text), ...f.wechat.sent.filter((m) => 'user' in m.to && m.to.user === to).map((m) => m.text)].map(
      (text) => /(\d{6})/.exec(text)![1]!,
    );
  const lastCode = (to: string) => codesTo(to).at(-1)!;
  /** Asks for a code and waits for it to arrive (the answer goes out before the send: see console-auth.ts). */
  async function askCode(b: Browser, body: Record<string, string>, to: string): Promise<string> {
    const before = codesTo(to).length;
    expect((await b.req('POST', '/api/auth/code', { body })).status).toBe(202);
    await waitUntil(() => codesTo(to).length > before, 10_000, `a code sent to ${to}`);
    return lastCode(to);
  }

  async function signedIn(key = LIN): Promise<Browser> {
    const b = new Browser(f.url);
    const code = await askCode(b, { key }, LIN_WX);
    const r = await b.req('POST', '/api/auth/verify', { body: { key, code } });
    expect(r.status).toBe(200);
    return b;
  }

  it('sends a 6-digit code by Telegram direct message and signs in with it: HttpOnly SameSite=Strict cookie, roles and CSRF token', async () => {
    const b = new Browser(f.url);
    const asked = await b.req('POST', '/api/auth/code', { body: { platform: 'TELEGRAM', externalId: LIN_TG } });
    expect(asked).toMatchObject({ status: 202, body: { accepted: true, expiresInSeconds: 300 } });
    await waitUntil(() => codesTo(LIN_TG).length > 0, 10_000, 'the code in Telegram');
    const dm = f.telegram.sent.filter((m) => m.chatId === LIN_TG).at(-1)!;
    expect(dm.text).toMatch(/^邻里管理后台登录验证码：\d{6}，5 分钟内有效/);

    const r = await b.req('POST', '/api/auth/verify', { body: { key: LIN, code: lastCode(LIN_TG) } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ person: { key: LIN, name: '林秀珍' }, roles: [{ role: 'GRID_WORKER', nodeCode: 'DY-G01' }], unmasked: false, via: 'session', csrfToken: expect.any(String) });
    const session = b.lastSetCookie.find((c) => c.startsWith('linli_session='))!;
    const csrf = b.lastSetCookie.find((c) => c.startsWith('linli_csrf='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; Max-Age=43200/);
    expect(session).not.toMatch(/Secure/); // plain http on 127.0.0.1
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(b.jar.get('linli_csrf')).toBe(r.body.csrfToken);
    // the token is stored only as a hash
    const token = b.jar.get('linli_session')!;
    expect(await f.store.staffAuth.sessionByHash(token)).toBeNull();

    const me = await b.req('GET', '/api/auth/me');
    expect(me).toMatchObject({ status: 200, body: { person: { key: LIN }, via: 'session', csrfToken: r.body.csrfToken } });
    // the routes her roles open (a grid worker's), as the route declarations say: the console offers only these
    const routes = (me.body as { routes: string[] }).routes;
    expect(routes).toEqual(expect.arrayContaining(['GET /api/tickets', 'GET /api/overview', 'GET /api/groups']));
    for (const closed of ['GET /api/queues', 'GET /api/groups/pending', 'GET /api/broadcasts', 'POST /api/grid/import']) expect(routes).not.toContain(closed);
  });

  it('asked by key, sends the code to the first account of the person (WeChat here) and signs in by that account', async () => {
    const b = new Browser(f.url);
    const code = await askCode(b, { key: 'gw-chenzhiqiang' }, 'wxid_chenzhiqiang');
    const r = await b.req('POST', '/api/auth/verify', { body: { platform: 'WECHAT', externalId: 'wxid_chenzhiqiang', code } });
    expect(r).toMatchObject({ status: 200, body: { person: { key: 'gw-chenzhiqiang' } } });
  });

  it('a session reaches only its own grids: findings listed and settled inside DY-G01, 403 across the boundary', async () => {
    const b = await signedIn();
    const list = await b.req('GET', '/api/patrol/findings');
    expect(list.status).toBe(200);
    expect(list.body.map((x: { id: number }) => x.id)).toEqual([f.findings.dyG01]);
    expect((await b.req('POST', `/api/patrol/findings/${f.findings.dyG02}/ack`, { csrf: true })).status).toBe(403);
    expect((await b.req('POST', `/api/patrol/findings/${f.findings.dyG01}/ack`, { csrf: true })).status).toBe(200);
    expect((await b.req('GET', '/api/queues')).status).toBe(403);
    // 400 names the bad parameter, as with a token
    const bad = await b.req('POST', '/api/patrol/findings/abc/ack', { csrf: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/param id/);
  });

  it('refuses a state change with a session but without the CSRF token, with a wrong one, or from another origin', async () => {
    const b = await signedIn();
    const path = `/api/patrol/findings/${f.findings.dyG01}/close`;
    const none = await b.req('POST', path);
    expect(none).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REFUSED' } } });
    expect((await b.req('POST', path, { headers: { 'x-csrf-token': 'not-it' } })).status).toBe(403);
    expect((await b.req('POST', path, { csrf: true, headers: { origin: 'https://evil.example' } })).body.error.code).toBe('CSRF_REFUSED');
    expect((await b.req('POST', path, { csrf: true, headers: { 'sec-fetch-site': 'cross-site', origin: 'null' } })).status).toBe(403);
    // a token of another session is not this session's
    const other = await signedIn();
    expect((await b.req('POST', path, { headers: { origin: f.url, 'x-csrf-token': other.jar.get('linli_csrf')! } })).status).toBe(403);
    expect((await b.req('POST', path, { csrf: true })).status).toBe(200);
    // the sign-in routes refuse another origin too (login CSRF)
    expect((await new Browser(f.url).req('POST', '/api/auth/code', { body: { key: LIN }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    // bearer callers (CLI, scripts) are not browsers: no CSRF token needed
    const bearer = await fetch(f.url + `/api/patrol/findings/${f.findings.dyG02}/ack`, { method: 'POST', headers: { authorization: 'Bearer tok-admin' } });
    expect(bearer.status).toBe(200);
  });

  it('answers a code request the same for staff, residents and unknown people, and sends nothing to the latter two', async () => {
    const before = f.telegram.sent.length + f.wechat.sent.length;
    const anon = new Browser(f.url);
    const unknown = await anon.req('POST', '/api/auth/code', { body: { key: 'no-such-person' } });
    const resident = await anon.req('POST', '/api/auth/code', { body: { platform: 'TELEGRAM', externalId: '5120010015' } }); // 孙浩, a resident
    expect(f.telegram.sent.length + f.wechat.sent.length).toBe(before);
    const staff = await anon.req('POST', '/api/auth/code', { body: { key: 'gw-huanglihua' } });
    // each request's outcome is in the audit log once its work is done
    const refs = ['key:no-such-person', 'TELEGRAM:5120010015', 'key:gw-huanglihua'];
    await waitUntil(async () => {
      const rows = await f.store.audit.list({ limit: 20 });
      return refs.every((ref) => rows.some((x) => x.action === 'auth.code' && x.object?.ref === ref));
    }, 10_000, 'three auth.code rows');
    expect(f.telegram.sent.length + f.wechat.sent.length).toBe(before + 1);
    expect(unknown).toEqual({ ...staff, headers: unknown.headers });
    expect(resident).toEqual({ ...staff, headers: resident.headers });
    // a resident cannot sign in, whatever the code
    const r = await anon.req('POST', '/api/auth/verify', { body: { platform: 'TELEGRAM', externalId: '5120010015', code: '123456' } });
    expect(r).toMatchObject({ status: 401, body: { error: { code: 'SIGN_IN_FAILED' } } });
    const rows = await f.store.audit.list({ limit: 10 });
    expect(rows.find((x) => x.action === 'auth.code' && x.object?.ref === 'TELEGRAM:5120010015')).toMatchObject({ outcome: 'denied', object: { reason: 'not-staff' } });
    expect(rows.find((x) => x.action === 'auth.code' && x.object?.ref === 'key:no-such-person')).toMatchObject({ outcome: 'denied', personId: null, object: { reason: 'unknown-person' } });
  });

  it('a code works once, not after a wrong-try limit, not after 5 minutes, and a newer code replaces it', async () => {
    const key = 'gw-huanglihua';
    const tg = 'wxid_huanglihua';
    const b = new Browser(f.url);
    const verify = (code: string) => b.req('POST', '/api/auth/verify', { body: { key, code } });
    // reused
    const code = await askCode(b, { key }, tg);
    expect((await verify(code)).status).toBe(200);
    expect((await verify(code)).status).toBe(401);
    // wrong: each try counted; after 5 wrong tries the right code is dead
    const good = await askCode(b, { key }, tg);
    const wrong = good === '000000' ? '000001' : '000000';
    for (let i = 0; i < 2; i++) expect((await verify(wrong)).status).toBe(401);
    const counted = await f.store.staffAuth.latestSecret((await f.store.staffAuth.personByKey(key))!.id, 'CODE', new Date());
    expect(counted?.attempts).toBe(2);
    expect((await verify(good)).status).toBe(200); // a success clears the person's failure count
    const dead = await askCode(b, { key }, tg);
    const secret = (await f.store.staffAuth.latestSecret((await f.store.staffAuth.personByKey(key))!.id, 'CODE', new Date()))!;
    for (let i = 0; i < 5; i++) await f.store.staffAuth.countAttempt(secret.id);
    expect((await verify(dead)).status).toBe(401);
    // expired
    const late = await askCode(b, { key }, tg);
    f.advance(5 * 60_000 + 1000);
    expect((await verify(late)).status).toBe(401);
    // an older code stops working when a newer one is asked for
    const first = await askCode(b, { key }, tg);
    const second = await askCode(b, { key }, tg);
    if (first !== second) expect((await verify(first)).status).toBe(401);
    expect((await verify(second)).status).toBe(200);
  });

  it('rate-limits failed sign-ins per person (429), even with the right code afterwards', async () => {
    const key = 'cs-caiwenbin';
    const b = new Browser(f.url);
    const good = await askCode(b, { key }, 'wxid_caiwenbin');
    const wrong = good === '111111' ? '222222' : '111111';
    for (let i = 0; i < 4; i++) expect((await b.req('POST', '/api/auth/verify', { body: { key, code: wrong } })).status).toBe(401);
    const limited = await b.req('POST', '/api/auth/verify', { body: { key, code: good } });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect((await b.req('POST', '/api/auth/password', { body: { key: 'ld-lixiaodong', password: 'whatever-it-is' } })).status).toBe(401);
  });

  it('rate-limits sign-in requests per client address and code requests per person', async () => {
    const small = await f.another({ perIp: 3, codesPerPerson: 2 });
    const b = new Browser(small.url);
    expect((await b.req('POST', '/api/auth/code', { body: { key: 'ld-lixiaodong' } })).status).toBe(202);
    expect((await b.req('POST', '/api/auth/code', { body: { key: 'ld-lixiaodong' } })).status).toBe(202);
    expect((await b.req('POST', '/api/auth/code', { body: { key: 'ld-lixiaodong' } })).status).toBe(429); // third code for one person
    expect((await b.req('POST', '/api/auth/password', { body: { key: 'x', password: 'y' } })).status).toBe(429); // fourth request from 127.0.0.1
  });

  it('behind a reverse proxy (LINLI_PROXY_HOPS=1) counts and records each client by X-Forwarded-For', async () => {
    const proxied = await f.another({ perIp: 2 }, 1);
    const from = (ip: string) => ({ 'x-forwarded-for': `203.0.113.9, ${ip}` }); // the left entry is the client's to forge
    const b = new Browser(proxied.url);
    const attempt = (ip: string) => b.req('POST', '/api/auth/password', { body: { key: 'proxy-test', password: 'x' }, headers: from(ip) });
    expect((await attempt('198.51.100.1')).status).toBe(401);
    expect((await attempt('198.51.100.1')).status).toBe(401);
    expect((await attempt('198.51.100.1')).status).toBe(429);
    expect((await attempt('198.51.100.2')).status).toBe(401); // another client, its own budget
    const row = (await f.store.audit.list({ limit: 1 }))[0]!;
    expect(row).toMatchObject({ action: 'auth.password', object: { ref: 'key:proxy-test', reason: 'unknown-person' }, ip: '198.51.100.2' });
  });

  it('signs in with a password set for the person; a wrong one, an unknown key and a resident get the same 401', async () => {
    const person = (await f.store.staffAuth.personByKey('ss-fangzhiming'))!;
    await f.signIn.setPassword(person.id, 'correct horse battery');
    const b = new Browser(f.url);
    const ok = await b.req('POST', '/api/auth/password', { body: { key: 'ss-fangzhiming', password: 'correct horse battery' } });
    expect(ok).toMatchObject({ status: 200, body: { person: { key: 'ss-fangzhiming' }, roles: [{ role: 'STREET_STAFF' }], unmasked: true } });
    const refusals = await Promise.all([
      new Browser(f.url).req('POST', '/api/auth/password', { body: { key: 'ss-fangzhiming', password: 'wrong horse battery' } }),
      new Browser(f.url).req('POST', '/api/auth/password', { body: { key: 'nobody-here', password: 'correct horse battery' } }),
      new Browser(f.url).req('POST', '/api/auth/password', { body: { key: 'r-zhangguohua', password: 'correct horse battery' } }),
    ]);
    for (const r of refusals) expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusals[0]!.body });
    // the street sees both community grids' findings
    expect((await b.req('GET', '/api/patrol/findings')).body).toHaveLength(2);
  });

  it('names the bad field in a 400', async () => {
    const b = new Browser(f.url);
    const badCode = await b.req('POST', '/api/auth/verify', { body: { key: LIN, code: '12ab' } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.message).toMatch(/body code: must be the 6 digits/);
    expect((await b.req('POST', '/api/auth/code', { body: {} })).body.error.message).toMatch(/body key/);
    expect((await b.req('POST', '/api/auth/code', { body: { platform: 'WECHAT' } })).body.error.message).toMatch(/body externalId/);
    expect((await b.req('POST', '/api/auth/code', { body: { platform: 'QQ', externalId: '1' } })).body.error.message).toMatch(/body platform/);
    expect((await b.req('POST', '/api/auth/password', { body: { key: LIN } })).body.error.message).toMatch(/body password/);
    expect((await b.req('POST', '/api/auth/link', { body: { token: 'x' } })).body.error.message).toMatch(/body token/);
    expect((await b.req('POST', '/api/auth/code', { body: 'key=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
  });

  it('logs out: the session ends, its cookies are cleared, and the old cookie is refused', async () => {
    const b = await signedIn();
    const token = b.jar.get('linli_session')!;
    expect((await b.req('POST', '/api/auth/logout')).status).toBe(403); // CSRF applies to logout too
    const out = await b.req('POST', '/api/auth/logout', { csrf: true });
    expect(out).toMatchObject({ status: 200, body: { signedOut: true } });
    expect(b.lastSetCookie.find((c) => c.startsWith('linli_session='))).toMatch(/Max-Age=0/);
    const stale = new Browser(f.url);
    stale.jar.set('linli_session', token);
    expect((await stale.req('GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends a session after 30 idle minutes, and all sessions of a person when revoked', async () => {
    const idle = await signedIn();
    f.advance(31 * 60_000);
    expect((await idle.req('GET', '/api/auth/me')).status).toBe(401);
    const a = await signedIn();
    const c = await signedIn();
    // the earlier tests' sessions of this person end too
    expect(await f.signIn.revokeAll((await f.store.staffAuth.personByKey(LIN))!.id)).toBeGreaterThanOrEqual(2);
    expect((await a.req('GET', '/api/auth/me')).status).toBe(401);
    expect((await c.req('GET', '/api/patrol/findings')).status).toBe(401);
  });

  it('a one-time sign-in link signs in once; the page at /login serves it without leaking it', async () => {
    const person = (await f.store.staffAuth.personByKey('ss-fangzhiming'))!;
    const token = await f.signIn.createLink(person.id, 60_000);
    const b = new Browser(f.url);
    const page = await b.req('GET', `/login?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(page.body).toContain('<script type="module" src="/login.js">');
    const script = await b.req('GET', '/login.js');
    expect(script.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(script.body).toContain('/api/auth/link');
    expect((await b.req('POST', '/api/auth/link', { body: { token } })).body.person.key).toBe('ss-fangzhiming');
    expect((await new Browser(f.url).req('POST', '/api/auth/link', { body: { token } })).status).toBe(401);
  });

  it('sends a browser without a session from a console page to /login; API paths stay 401', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const page = await new Browser(f.url).req('GET', '/', { headers: html });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login');
    // the wall's address comes back after sign-in
    const wall = await new Browser(f.url).req('GET', '/?mode=wall', { headers: html });
    expect([wall.status, wall.headers.get('location')]).toEqual([303, '/login?next=%2F%3Fmode%3Dwall']);
    expect((await new Browser(f.url).req('GET', '/api/patrol/findings', { headers: html })).status).toBe(401);
    // the files that hold no data are served to anyone
    expect((await new Browser(f.url).req('GET', '/console/app.js')).status).toBe(200);
    const b = await signedIn();
    const console = await b.req('GET', '/', { headers: html });
    expect(console.status).toBe(200);
    expect(console.body).toContain('社情民情工作台');
    // one policy for the console page, the sign-in page and the API
    for (const r of [console, await b.req('GET', '/login'), await b.req('GET', '/api/auth/me')]) {
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('sets Secure on the cookies behind https (x-forwarded-proto)', async () => {
    const b = new Browser(f.url);
    const code = await askCode(b, { key: LIN }, LIN_WX);
    await b.req('POST', '/api/auth/verify', { body: { key: LIN, code }, headers: { 'x-forwarded-proto': 'https' } });
    expect(b.lastSetCookie).toHaveLength(2);
    for (const c of b.lastSetCookie) expect(c).toMatch(/; Secure/);
  });

  it('answers 401 without a session on every route, and with a forged or missing cookie', async () => {
    const paths = adminRoutes({ store: f.store, queues: undefined as never, broadcast: undefined as never })
      .map((r) => [r.method, r.path.replace(/:id/g, '1').replace(/:name/g, 'ingest')] as const)
      .concat([['GET', '/api/auth/me'], ['POST', '/api/auth/logout'], ['GET', '/api/nothing'], ['GET', '/']]);
    expect(paths.length).toBeGreaterThan(12);
    const forged = new Browser(f.url);
    forged.jar.set('linli_session', 'forged-token-value');
    for (const [method, path] of paths) {
      expect([method, path, (await new Browser(f.url).req(method, path)).status]).toEqual([method, path, 401]);
      expect([method, path, (await forged.req(method, path, { csrf: true })).status]).toEqual([method, path, 401]);
    }
  });

  it('ends an event stream opened with a session once the session is revoked (checked at each heartbeat)', async () => {
    const b = await signedIn();
    const res = await fetch(f.url + '/api/events', { headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    // a heartbeat: the session was checked and is live
    while (!text.includes('event: heartbeat')) text += new TextDecoder().decode((await reader.read()).value);
    await f.signIn.revokeAll((await f.store.staffAuth.personByKey(LIN))!.id);
    // the server ends the stream (a read until done: a stream left open would hang the test)
    while (!(await reader.read()).done);
    expect((await b.req('GET', '/api/events')).status).toBe(401);
  });

  it('writes an audit row for every state change and sign-in: who, roles, action, route, object, outcome', async () => {
    const b = await signedIn();
    await b.req('POST', `/api/patrol/findings/${f.findings.dyG02}/close`, { csrf: true });
    await b.req('POST', `/api/patrol/findings/${f.findings.dyG01}/close`, { csrf: true });
    const lin = (await f.store.staffAuth.personByKey(LIN))!;
    const rows = await f.store.audit.list({ personId: lin.id, limit: 3 });
    expect(rows.map((r) => [r.action, r.route, r.outcome, r.status])).toEqual([
      ['POST /api/patrol/findings/:id/close', `/api/patrol/findings/${f.findings.dyG01}/close`, 'ok', 200],
      ['POST /api/patrol/findings/:id/close', `/api/patrol/findings/${f.findings.dyG02}/close`, 'denied', 403],
      ['auth.verify', '/api/auth/verify', 'ok', 200],
    ]);
    expect(rows[0]).toMatchObject({ roles: ['GRID_WORKER@DY-G01'], object: { id: String(f.findings.dyG01) }, ip: expect.stringMatching(/127\.0\.0\.1/) });
    // reads are not audited
    await b.req('GET', '/api/patrol/findings');
    expect((await f.store.audit.list({ personId: lin.id, limit: 1 }))[0]!.id).toBe(rows[0]!.id);
    // a state change refused for CSRF is
    await b.req('POST', `/api/patrol/findings/${f.findings.dyG01}/ack`);
    expect((await f.store.audit.list({ personId: lin.id, limit: 1 }))[0]).toMatchObject({ action: 'csrf.refused', outcome: 'denied', status: 403, roles: ['GRID_WORKER@DY-G01'], object: { method: 'POST' } });
    // a failed sign-in is recorded with its reason
    await new Browser(f.url).req('POST', '/api/auth/verify', { body: { key: 'gw-wumeiling', code: '000000' } });
    const wu = (await f.store.staffAuth.personByKey('gw-wumeiling'))!;
    expect((await f.store.audit.list({ personId: wu.id, limit: 1 }))[0]).toMatchObject({ action: 'auth.verify', outcome: 'denied', status: 401, object: { reason: 'no-code' } });
  });
});

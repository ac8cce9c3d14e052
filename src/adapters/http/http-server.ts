// The admin JSON API on Hono. Every request is authenticated first — an unknown route too, so nothing is
// discoverable without a token or a session; each route is a declaration (access, input schemas, handler) mounted the
// same way: audit (state changes) → role → input (zod, 400 naming the parameter) → object's place in the grid →
// handler → masking for junior staff. A caller is known by a bearer token or by a console session cookie (with CSRF
// checks on state changes, console-auth.ts); only the sign-in routes under /api/auth and /login are open.
// Errors become { error: { code, message } } in one onError (statuses from domain-status.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Authority, GrantNode } from '../../core/people/authority.ts';
import type { AuditRepository } from '../../core/ports/audit.repository.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import { maskDeep } from '../../core/triage/mask.ts';
import { consoleSecurityHeaders, mountConsoleAssets, mountConsolePage } from './console-assets.ts';
import { errorResponse } from './domain-status.ts';
import { ConsoleAuth, recordAudit, resolveClientIp, type ConsoleAuthOptions, type SessionContext } from './console-auth.ts';
import { zhForIssues } from './error-zh.ts';
import { HttpError } from './http-error.ts';
import { mountLoginPage } from './login-page.ts';
import { checkRole, checkScope, type Access } from './route-access.ts';

export { HttpError } from './http-error.ts';

export interface RouteRequest<P, Q, B> {
  authority: Authority;
  params: P;
  query: Q;
  body: B;
  /** The roots of the caller's subtrees under the route's role requirement (for list routes). */
  scopes: GrantNode[];
}

export interface RouteSpec<PS extends z.ZodType = z.ZodType, QS extends z.ZodType = z.ZodType, BS extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH';
  /** e.g. /api/broadcasts/:id/pause */
  path: string;
  params?: PS;
  query?: QS;
  /** JSON body (POST). */
  body?: BS;
  access: Access<z.output<PS>, z.output<QS>, z.output<BS>>;
  /** A JSON answer (or a file made from it), or a stream of server-sent events (GET /api/events). */
  handle(req: RouteRequest<z.output<PS>, z.output<QS>, z.output<BS>>): Promise<RouteAnswer | { stream: EventSource }>;
}

export interface RouteAnswer {
  status?: 200 | 201;
  body: unknown;
  /** A file instead of JSON, made from the body after masking (an export). */
  render?: (body: never) => Promise<{ data: string | Uint8Array; type: string; filename: string }>;
}

/**
 * Events sent to the caller as they happen (text/event-stream), each as JSON and masked like any answer. `open` starts
 * the events and returns the function that stops them, called when the client goes away or the server closes.
 */
export interface EventSource {
  open(send: (event: string, data: unknown) => void): () => void;
  /** A `heartbeat` event this often (default 15 s), so proxies keep the connection and the client sees it alive. */
  heartbeatMs?: number;
}

/** A route declaration, typed from its schemas. */
export function defineRoute<PS extends z.ZodType = z.ZodType, QS extends z.ZodType = z.ZodType, BS extends z.ZodType = z.ZodType>(
  r: RouteSpec<PS, QS, BS>,
): RouteSpec {
  return r as unknown as RouteSpec;
}

export interface HttpServerOptions {
  routes: RouteSpec[];
  /** The caller's authority for a bearer token, or null when the token is unknown. */
  authenticate(token: string): Promise<Authority | null>;
  logger?: Logger;
  /** Largest request body accepted (default 64 KiB). */
  maxBodyBytes?: number;
  /** Serve the staff console (web/console/): its scripts to anyone, its page at / to a signed-in caller. */
  console?: boolean;
  /** Console sign-in and cookie sessions; without it only bearer tokens are accepted. */
  sessions?: ConsoleAuthOptions;
  /** Where every state-changing request and every sign-in is recorded. */
  audit?: AuditRepository;
  /** Reverse proxies in front of the server: the client's address is read from X-Forwarded-For (LINLI_PROXY_HOPS). */
  proxyHops?: number;
}

type Env = { Variables: { authority: Authority; session?: SessionContext; clientIp: string | null } };
type Target = 'param' | 'query' | 'json';

const invalid = (target: Target, error: z.ZodError, schema: z.ZodType, data: unknown) =>
  new HttpError(400, 'BAD_REQUEST', error.issues.map((i) => `${target === 'json' ? 'body' : target} ${i.path.join('.') || '(whole)'}: ${i.message}`).join('; '), zhForIssues(schema, data, error.issues));

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

const validate = (target: Target, schema: z.ZodType): MiddlewareHandler<Env> =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return;
    // Hono reads a body as JSON only when it says so; without the header the body is not read at all
    if (target === 'json' && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new HttpError(400, 'BAD_REQUEST', 'the body must be JSON sent with content-type: application/json', '请求内容须为 JSON');
    }
    throw invalid(target, result.error as z.ZodError, schema, (result as { data?: unknown }).data);
  }) as unknown as MiddlewareHandler<Env>;

function mount(app: Hono<Env>, route: RouteSpec, o: HttpServerOptions) {
  const valid = (c: Context<Env>, target: Target) => (c.req.valid as (t: Target) => unknown)(target);
  const chain: MiddlewareHandler<Env>[] = [];
  if (route.method !== 'GET') {
    // every state change is recorded here, whatever its outcome (the refusals below come back as the response)
    chain.push(async (c, next) => {
      await next();
      const authority = c.get('authority');
      const object = Object.keys(c.req.param()).length ? c.req.param() : null;
      await recordAudit(o.audit, o.logger, c, { personId: authority.personId, authority, action: `${route.method} ${route.path}`, object, status: c.res.status });
    });
  }
  chain.push(async (c, next) => {
    checkRole(c.get('authority'), route.access as Access<unknown>);
    await next();
  });
  if (route.params) chain.push(validate('param', route.params));
  if (route.query) chain.push(validate('query', route.query));
  if (route.body) chain.push(validate('json', route.body));
  const on = app.on.bind(app) as unknown as (method: string, path: string, ...handlers: MiddlewareHandler<Env>[]) => void;
  on(route.method, route.path, ...chain, async (c) => {
    const authority = c.get('authority');
    const params = route.params ? valid(c, 'param') : {};
    const query = route.query ? valid(c, 'query') : {};
    const body = route.body ? valid(c, 'json') : undefined;
    const scopes = await checkScope(authority, route.access as Access<unknown, unknown, unknown>, params, query, body);
    const out = await route.handle({ authority, params, query, body, scopes });
    // below COMMUNITY_STAFF residents' phone and ID numbers are masked in everything the API returns
    const masked = (v: unknown) => (authority.unmasked ? v : maskDeep(v, { maxDepth: 32 }));
    if ('stream' in out) {
      // a stream opened with a session ends when the session does (signed out elsewhere, revoked, expired)
      const session = c.get('session');
      const alive = session && o.sessions ? () => o.sessions!.signIn.alive(session.token) : undefined;
      return sse(c, out.stream, masked, alive);
    }
    const answer = masked(out.body);
    if (out.render) {
      const f = await out.render(answer as never);
      const name = encodeURIComponent(f.filename);
      return c.body(f.data as never, 200, { 'content-type': f.type, 'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${name}` });
    }
    return c.json(answer as object, (out.status ?? 200) as ContentfulStatusCode);
  });
}

/**
 * Sends a source's events until the client disconnects (or the server closes the connection), or — checked at each
 * heartbeat — until `alive` says the caller's session has ended (the client's reconnect then gets a 401).
 */
function sse(c: Context<Env>, source: EventSource, masked: (v: unknown) => unknown, alive?: () => Promise<boolean>) {
  return streamSSE(c, async (stream) => {
    let stop = () => {};
    let end = () => {};
    const gone = new Promise<void>((resolve) => {
      end = resolve;
      stream.onAbort(resolve);
    });
    // writes are queued in order by the stream; one that fails (the client left) ends nothing else
    const send = (event: string, data: unknown) => void stream.writeSSE({ event, data: JSON.stringify(masked(data)) }).catch(() => undefined);
    const beat = setInterval(() => {
      if (!alive) return send('heartbeat', { at: new Date().toISOString() });
      alive().then((ok) => (ok ? send('heartbeat', { at: new Date().toISOString() }) : end()), () => undefined);
    }, source.heartbeatMs ?? 15_000);
    try {
      stop = source.open(send);
      await gone;
    } finally {
      clearInterval(beat);
      stop();
    }
  });
}

/**
 * The routes (\`GET /api/queues\`) whose role requirement the caller meets — for a route of the whole grid, on a root —
 * so that the console asks for and offers nothing the route declarations would refuse. Where the object lies is
 * still checked per request.
 */
export function routesOpenTo(authority: Authority, routes: readonly RouteSpec[]): string[] {
  const open = (r: RouteSpec) => authority.has(r.access.role) && (r.access.scope !== 'grid' || authority.covers(r.access.role, null));
  return routes.filter(open).map((r) => `${r.method} ${r.path}`);
}

/** The Hono app of the routes (for app.request in tests, or another server). */
export function createHttpApp(o: HttpServerOptions): Hono<Env> {
  // not strict: a trailing slash names the same route, as before the move to Hono
  const app = new Hono<Env>({ strict: false });
  app.use('*', consoleSecurityHeaders());
  if (o.console) mountConsoleAssets(app);
  const max = o.maxBodyBytes ?? 65_536;
  const limitBody = bodyLimit({ maxSize: max, onError: () => Promise.reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${max} bytes`)) });
  const consoleAuth = o.sessions ? new ConsoleAuth(o.sessions, o.audit, o.logger) : undefined;
  app.use('*', async (c, next) => {
    c.set('clientIp', resolveClientIp(c, o.proxyHops ?? 0));
    await next();
  });
  if (consoleAuth) {
    // open to everyone: the sign-in page and the sign-in routes (origin-checked and rate-limited themselves)
    app.use('/api/auth/*', bodyLimit({ maxSize: 4096, onError: () => Promise.reject(new HttpError(413, 'BODY_TOO_LARGE', 'request body over 4096 bytes')) }));
    mountLoginPage(app);
    consoleAuth.registerPublic(app);
  }
  app.use('*', async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token) {
      const authority = await o.authenticate(token);
      if (!authority) throw new HttpError(401, 'UNAUTHENTICATED', 'a valid bearer token is required');
      c.set('authority', authority);
      return next();
    }
    // a session cookie; a state change with one must also pass the CSRF checks (403 CSRF_REFUSED)
    const session = consoleAuth ? await consoleAuth.session(c) : null;
    // a browser opening a console page without a session goes to the sign-in page; API clients get the 401
    if (!session && consoleAuth && c.req.method === 'GET' && !c.req.path.startsWith('/api/') && /\btext\/html\b/.test(c.req.header('accept') ?? '')) {
      // back to the page asked for (the wall's ?mode=wall) once signed in
      const url = new URL(c.req.url);
      const back = url.pathname + url.search;
      return c.redirect(back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`, 303);
    }
    if (!session) throw new HttpError(401, 'UNAUTHENTICATED', consoleAuth ? 'sign in (POST /api/auth/verify or /api/auth/password), or send a valid bearer token' : 'a valid bearer token is required');
    c.set('session', session);
    c.set('authority', await o.sessions!.authority(session.session.personId));
    await next();
  });
  app.use('*', limitBody);
  consoleAuth?.registerSession(app, (c) => ({ authority: c.get('authority'), session: c.get('session') }), (a) => routesOpenTo(a, o.routes));
  if (o.console) mountConsolePage(app);
  for (const r of o.routes) mount(app, r, o);
  app.notFound((c) => {
    throw new HttpError(404, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`);
  });
  app.onError((e, c) => {
    const { status, body } = errorResponse(e);
    if (status >= 500) o.logger?.error({ err: e, method: c.req.method, url: c.req.url }, 'HTTP handler failed');
    // a refused request is the caller's mistake: one line without a stack, not an error
    else o.logger?.info({ status, code: body.error.code, method: c.req.method, path: c.req.path }, 'HTTP request refused');
    if (status === 401) c.header('www-authenticate', 'Bearer');
    return c.json(body, status as ContentfulStatusCode);
  });
  return app;
}

/** A node:http server answering with the routes. */
export function createHttpServer(o: HttpServerOptions): Server {
  return createAdaptorServer({ fetch: createHttpApp(o).fetch }) as Server;
}

/** Listens on host:port (port 0 = any free one) and returns the base URL and a close function. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  return {
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

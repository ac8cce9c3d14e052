// The admin JSON API on Hono. Every request is authenticated first — an unknown route too, so nothing is
// discoverable without a token; each route is a declaration (access, input schemas, handler) mounted the same way:
// role → input (zod, 400 naming the parameter) → object's place in the grid → handler → masking for junior staff.
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
import type { Logger } from '../../core/ports/logger.port.ts';
import { maskDeep } from '../../core/triage/mask.ts';
import { consoleSecurityHeaders, mountConsoleAssets } from './console-assets.ts';
import { errorResponse } from './domain-status.ts';
import { HttpError } from './http-error.ts';
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
  method: 'GET' | 'POST';
  /** e.g. /api/broadcasts/:id/pause */
  path: string;
  params?: PS;
  query?: QS;
  /** JSON body (POST). */
  body?: BS;
  access: Access<z.output<PS>, z.output<QS>>;
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
  /** Serve the staff console's pages at / (web/console/), before authentication: they hold no data. */
  console?: boolean;
}

type Env = { Variables: { authority: Authority } };
type Target = 'param' | 'query' | 'json';

const invalid = (target: Target, error: z.ZodError) =>
  new HttpError(400, 'BAD_REQUEST', error.issues.map((i) => `${target === 'json' ? 'body' : target} ${i.path.join('.') || '(whole)'}: ${i.message}`).join('; '));

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

const validate = (target: Target, schema: z.ZodType): MiddlewareHandler<Env> =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return;
    // Hono reads a body as JSON only when it says so; without the header the body is not read at all
    if (target === 'json' && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new HttpError(400, 'BAD_REQUEST', 'the body must be JSON sent with content-type: application/json');
    }
    throw invalid(target, result.error as z.ZodError);
  }) as unknown as MiddlewareHandler<Env>;

function mount(app: Hono<Env>, route: RouteSpec) {
  const valid = (c: Context<Env>, target: Target) => (c.req.valid as (t: Target) => unknown)(target);
  const chain: MiddlewareHandler<Env>[] = [
    async (c, next) => {
      checkRole(c.get('authority'), route.access as Access<unknown>);
      await next();
    },
  ];
  if (route.params) chain.push(validate('param', route.params));
  if (route.query) chain.push(validate('query', route.query));
  if (route.body) chain.push(validate('json', route.body));
  const on = app.on.bind(app) as unknown as (method: string, path: string, ...handlers: MiddlewareHandler<Env>[]) => void;
  on(route.method, route.path, ...chain, async (c) => {
    const authority = c.get('authority');
    const params = route.params ? valid(c, 'param') : {};
    const query = route.query ? valid(c, 'query') : {};
    const scopes = await checkScope(authority, route.access as Access<unknown, unknown>, params, query);
    const out = await route.handle({ authority, params, query, body: route.body ? valid(c, 'json') : undefined, scopes });
    // below COMMUNITY_STAFF residents' phone and ID numbers are masked in everything the API returns
    const masked = (v: unknown) => (authority.unmasked ? v : maskDeep(v, { maxDepth: 32 }));
    if ('stream' in out) return sse(c, out.stream, masked);
    const body = masked(out.body);
    if (out.render) {
      const f = await out.render(body as never);
      const name = encodeURIComponent(f.filename);
      return c.body(f.data as never, 200, { 'content-type': f.type, 'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${name}` });
    }
    return c.json(body as object, (out.status ?? 200) as ContentfulStatusCode);
  });
}

/** Sends a source's events until the client disconnects (or the server closes the connection). */
function sse(c: Context<Env>, source: EventSource, masked: (v: unknown) => unknown) {
  return streamSSE(c, async (stream) => {
    let stop = () => {};
    const gone = new Promise<void>((resolve) => stream.onAbort(resolve));
    // writes are queued in order by the stream; one that fails (the client left) ends nothing else
    const send = (event: string, data: unknown) => void stream.writeSSE({ event, data: JSON.stringify(masked(data)) }).catch(() => undefined);
    const beat = setInterval(() => send('heartbeat', { at: new Date().toISOString() }), source.heartbeatMs ?? 15_000);
    try {
      stop = source.open(send);
      await gone;
    } finally {
      clearInterval(beat);
      stop();
    }
  });
}

/** The Hono app of the routes (for app.request in tests, or another server). */
export function createHttpApp(o: HttpServerOptions): Hono<Env> {
  // not strict: a trailing slash names the same route, as before the move to Hono
  const app = new Hono<Env>({ strict: false });
  app.use('*', consoleSecurityHeaders());
  if (o.console) mountConsoleAssets(app);
  app.use('*', async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const authority = token ? await o.authenticate(token) : null;
    if (!authority) throw new HttpError(401, 'UNAUTHENTICATED', 'a valid bearer token is required');
    c.set('authority', authority);
    await next();
  });
  const max = o.maxBodyBytes ?? 65_536;
  app.use('*', bodyLimit({ maxSize: max, onError: () => Promise.reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${max} bytes`)) }));
  for (const r of o.routes) mount(app, r);
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

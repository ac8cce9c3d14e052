// A tiny JSON API server on node:http: bearer-token authentication, routes by method and path pattern, JSON in and
// out, domain errors mapped to statuses in one place (domain-status.ts). No framework: the API is a handful of routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/ports/logger.port.ts';
import { errorResponse } from './domain-status.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestContext {
  /** The person the bearer token stands for. */
  personId: number;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST';
  /** e.g. /api/broadcasts/:id/pause */
  path: string;
  handle(ctx: RequestContext): Promise<{ status?: number; body: unknown }>;
}

export interface HttpServerOptions {
  routes: Route[];
  /** The person id for a bearer token, or null when the token is unknown. */
  authenticate(token: string): Promise<number | null>;
  logger?: Logger;
  /** Largest request body accepted (default 64 KiB). */
  maxBodyBytes?: number;
}

const compile = (path: string) => {
  const names: string[] = [];
  const re = new RegExp(`^${path.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`);
  return { re, names };
};

async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, 'BODY_TOO_LARGE', `request body over ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'the request body is not valid JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function createHttpServer(o: HttpServerOptions): Server {
  const routes = o.routes.map((r) => ({ ...r, ...compile(r.path) }));
  return createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const matching = routes.filter((r) => r.re.test(url.pathname));
        if (matching.length === 0) throw new HttpError(404, 'NOT_FOUND', `no route ${url.pathname}`);
        const route = matching.find((r) => r.method === req.method);
        if (!route) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} not allowed on ${url.pathname}`);
        const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const personId = token ? await o.authenticate(token) : null;
        if (personId === null) {
          res.setHeader('www-authenticate', 'Bearer');
          throw new HttpError(401, 'UNAUTHENTICATED', 'a valid bearer token is required');
        }
        const m = route.re.exec(url.pathname)!;
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
        const body = req.method === 'POST' ? await readJson(req, o.maxBodyBytes ?? 65_536) : undefined;
        const out = await route.handle({ personId, params, query: url.searchParams, body });
        send(res, out.status ?? 200, out.body);
      } catch (e) {
        if (e instanceof HttpError) return send(res, e.status, { error: { code: e.code, message: e.message } });
        const { status, body } = errorResponse(e);
        if (status >= 500) o.logger?.error({ err: e, url: req.url }, 'HTTP handler failed');
        send(res, status, body);
      }
    })();
  });
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

// The staff console's files, served by the app itself (no CDN: intranets reach nothing outside): the pages under
// web/console/ (plain ES modules and CSS, no build step) and ECharts from its npm package. The files carry no data;
// everything they show comes from the API with the caller's credentials, so they are served before authentication.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** web/console/ from src/adapters/http/ and from dist/adapters/http/ alike. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../web/console/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Only this origin: no inline script, no outside font, script or connection; the page may not be framed. */
export const consoleSecurityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });

async function file(path: string, type: string, cache: string) {
  try {
    return new Response(new Uint8Array(await readFile(path)), { headers: { 'content-type': type, 'cache-control': cache } });
  } catch {
    return null;
  }
}

/** Registers the console's public routes: /, /console/*, /vendor/echarts.min.js (before authentication). */
export function mountConsoleAssets(app: Hono<any>, dir = CONSOLE_DIR): void {
  const echarts = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  const index = () => file(join(dir, 'index.html'), TYPES['.html']!, 'no-cache');
  app.get('/', async (c) => (await index()) ?? c.text('console files missing', 500));
  app.get('/console', (c) => c.redirect('/'));
  app.get('/vendor/echarts.min.js', async (c) => (await file(echarts, TYPES['.js']!, 'public, max-age=86400')) ?? c.text('echarts missing', 500));
  app.get('/console/*', async (c, next) => {
    const rel = normalize(decodeURIComponent(c.req.path.slice('/console/'.length)));
    const type = TYPES[extname(rel)];
    // no way out of the folder, and only the kinds of file a page is made of
    if (!type || rel.startsWith('..') || rel.includes(`${sep}..`) || rel.startsWith(sep)) return next();
    return (await file(join(dir, rel), type, 'no-cache')) ?? next();
  });
}

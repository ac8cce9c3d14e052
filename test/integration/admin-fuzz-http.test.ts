// Bad input never makes the admin API fail: random bytes, percent-encoded at random (invalid encodings included), in
// every path and query parameter of every route, with an ADMIN's token and with none, never answer 5xx, and never
// put an error-level line (with its stack) in the log. The issue's own probes answer 400 naming the parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/triage/prng.ts';
import { call, startAdminApi, type AdminApiFixture } from '../support/admin-api.ts';

/** A route with `{p}` for each path parameter and `{q}` for each query value. */
const ROUTES: [method: string, template: string][] = [
  ['GET', '/api/patrol/findings?open={q}&limit={q}&{q}={q}'],
  ['POST', '/api/patrol/findings/{p}/ack'],
  ['POST', '/api/patrol/findings/{p}/close'],
  ['GET', '/api/queues?{q}={q}'],
  ['GET', '/api/queues/{p}/failed?limit={q}'],
  ['POST', '/api/queues/{p}/retry/{p}'],
  ['POST', '/api/broadcasts?dryRun={q}'],
  ['GET', '/api/broadcasts/{p}'],
  ['POST', '/api/broadcasts/{p}/pause'],
  ['POST', '/api/broadcasts/{p}/resume'],
  ['POST', '/api/broadcasts/{p}/cancel'],
  ['POST', '/api/broadcasts/{p}/resend-failed'],
];

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const hex = (b: number) => '%' + b.toString(16).toUpperCase().padStart(2, '0');
const SPECIAL = ['%', '%E0%A4%A', '9007199254740993', '99999999999999999999', '-1', '0', '1e3', '0x10', '2147483648', 'NaN', '%00', '%C0%AF', '%FF%FE', '%25', 'ingest'];

/** Random bytes, each either raw (when it is safe in a URL) or percent-encoded, sometimes with a broken escape. */
function randomPart(rng: Prng): string {
  if (rng.int(5) === 0) return SPECIAL[rng.int(SPECIAL.length)]!;
  let s = '';
  for (let n = rng.int(12); n >= 0; n--) {
    const b = rng.int(256);
    const c = String.fromCharCode(b);
    s += b < 128 && UNRESERVED.test(c) && rng.int(2) === 0 ? c : hex(b);
  }
  const broken = ['%', '%G', '%E0%A4', '%F0%9F%98', '%%', '%1'];
  if (rng.int(4) === 0) s = rng.int(2) === 0 ? s + broken[rng.int(broken.length)]! : broken[rng.int(broken.length)]! + s;
  return s;
}

describe('admin API under random input', () => {
  let f: AdminApiFixture;
  beforeAll(async () => {
    f = await startAdminApi();
  });
  afterAll(() => f?.close());

  it("answers the issue's probes with 400 naming the parameter", async () => {
    for (const id of ['%', '%E0%A4%A', '9007199254740993', '99999999999999999999', '0', '-5', 'abc']) {
      const r = await call(f.url, 'POST', `/api/patrol/findings/${id}/ack`, 'admin');
      expect(r.status, id).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
      expect(r.body.error.message).toContain('id');
      expect((await call(f.url, 'GET', `/api/broadcasts/${id}`, 'admin')).status, id).toBe(400);
    }
    for (const path of ['/api/patrol/findings?limit=abc', '/api/queues/ingest/failed?limit=abc', '/api/patrol/findings?limit=1001', '/api/patrol/findings?limit=0']) {
      const r = await call(f.url, 'GET', path, 'admin');
      expect(r.status, path).toBe(400);
      expect(r.body.error.message, path).toContain('limit');
    }
    // the largest id the database holds is still a valid id: it is simply not there
    expect((await call(f.url, 'POST', '/api/patrol/findings/2147483647/ack', 'admin')).status).toBe(404);
    expect((await call(f.url, 'POST', '/api/patrol/findings/2147483648/ack', 'admin')).status).toBe(400);
  });

  it('never answers 5xx to random bytes in any path or query position, with a token or without', { timeout: 60_000 }, async () => {
    const rng = new Prng(12);
    const bad: string[] = [];
    let calls = 0;
    for (const [method, template] of ROUTES) {
      for (let i = 0; i < 20; i++) {
        const path = template.replace(/\{[pq]\}/g, () => randomPart(rng));
        for (const who of ['admin', null] as const) {
          const r = await call(f.url, method, path, who);
          calls++;
          if (r.status >= 500) bad.push(`${method} ${path} (${who ?? 'no token'}) → ${r.status} ${JSON.stringify(r.body)}`);
          if (who === null) expect(r.status, path).toBe(401);
        }
      }
    }
    expect(calls).toBe(ROUTES.length * 40);
    expect(bad).toEqual([]);
    const errors = f.logLines().filter((l) => (l.level as number) >= 50);
    expect(errors).toEqual([]);
  });
});

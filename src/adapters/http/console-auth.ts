// Console sessions over the admin API: the cookies, the CSRF rules, the sign-in routes under /api/auth and the audit
// rows they write. http-server.ts asks this module, in its one authentication step, whether a request carries a live
// session; everything else about sessions lives here.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { PersonRef, SignInResult, SignInService } from '../../core/auth/sign-in.service.ts';
import { csrfTokenOf, sameSecret } from '../../core/auth/secrets.ts';
import type { Authority } from '../../core/people/authority.ts';
import type { AuditOutcome, AuditRepository } from '../../core/ports/audit.repository.ts';
import type { StaffSession } from '../../core/ports/staff-auth.repository.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import { HttpError } from './http-error.ts';
import { RateLimiter } from './rate-limit.ts';

export const SESSION_COOKIE = 'linli_session';
export const CSRF_COOKIE = 'linli_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface ConsoleAuthOptions {
  signIn: SignInService;
  /** The caller's roles over the grid (cached per person; see authenticate.ts). */
  authority(personId: number): Promise<Authority>;
  /** Secure cookies: always, never, or when the request came over https (directly or per x-forwarded-proto). */
  secureCookies?: boolean | 'auto';
  /** Origins allowed to make state changes; default: the origin the request was sent to. */
  origins?: readonly string[];
  limits?: { perIp?: number; perPerson?: number; codesPerPerson?: number; windowMs?: number };
}

export interface SessionContext {
  token: string;
  session: StaffSession;
}

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

/** The socket's peer address (null in app.request tests: no socket). */
function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The client's address: the socket's peer, or behind `proxyHops` reverse proxies the entry that many from the right
 * of X-Forwarded-For (each proxy appends the address it saw; entries further left are the client's to forge).
 */
export function resolveClientIp(c: Context, proxyHops: number): string | null {
  const peer = peerAddress(c);
  if (proxyHops <= 0) return peer;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return chain[chain.length - proxyHops] ?? chain[0] ?? peer;
}

/** The client's address as the server resolved it for this request (see resolveClientIp). */
export function clientIp(c: Context): string | null {
  const resolved = (c.get as (k: string) => string | null | undefined)('clientIp');
  return resolved !== undefined ? resolved : peerAddress(c);
}

/** "ROLE@NODE" for each role the caller holds, as the audit log keeps them. */
export const rolesOf = (a: Authority | undefined): string[] => (a ? a.grants.map((g) => `${g.role}@${g.node.code}`) : []);

export function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'ok';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'denied';
  if (status === 429) return 'limited';
  if (status === 400 || status === 413 || status === 422) return 'invalid';
  return 'failed';
}

const CodeBody = z.object({ key: z.string().trim().min(1).max(128).optional(), platform: z.enum(['WECHAT', 'TELEGRAM']).optional(), externalId: z.string().trim().min(1).max(128).optional() }).strict();
const VerifyBody = CodeBody.extend({ code: z.string().regex(/^\d{6}$/, 'must be the 6 digits of the code') });
const PasswordBody = z.object({ key: z.string().trim().min(1).max(128), password: z.string().min(1).max(1024) }).strict();
const LinkBody = z.object({ token: z.string().min(16).max(256) }).strict();

/** The body as JSON through a schema; 400 naming the field otherwise. */
async function input<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    throw new HttpError(400, 'BAD_REQUEST', 'the body must be JSON sent with content-type: application/json');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'the body is not valid JSON');
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new HttpError(400, 'BAD_REQUEST', r.error.issues.map((i) => `body ${i.path.join('.') || '(whole)'}: ${i.message}`).join('; '));
  return r.data;
}

/** A key, or a platform account (both fields): 400 naming what is missing. */
function personRef(b: z.output<typeof CodeBody>): PersonRef {
  const bad = (field: string, why: string) => new HttpError(400, 'BAD_REQUEST', `body ${field}: ${why}`);
  if (b.key !== undefined) {
    if (b.platform !== undefined || b.externalId !== undefined) throw bad('key', 'give either key, or platform and externalId, not both');
    return { key: b.key };
  }
  if (b.platform === undefined && b.externalId === undefined) throw bad('key', 'required (or platform and externalId)');
  if (b.platform === undefined) throw bad('platform', 'required with externalId (WECHAT or TELEGRAM)');
  if (b.externalId === undefined) throw bad('externalId', 'required with platform');
  return { platform: b.platform, externalId: b.externalId };
}

const refKey = (ref: PersonRef) => ('key' in ref ? `key:${ref.key}` : `${ref.platform}:${ref.externalId}`);

export interface AuditFields {
  personId: number | null;
  authority?: Authority;
  action: string;
  object: Record<string, unknown> | null;
  status: number;
  outcome?: AuditOutcome;
  /** Taken from the request when absent (pass them for a row written after the answer went out). */
  route?: string;
  ip?: string | null;
}

/** Writes one audit row; a failure to write is logged, never turned into a failed request. */
export async function recordAudit(audit: AuditRepository | undefined, logger: Logger | undefined, c: Context, e: AuditFields) {
  if (!audit) return;
  try {
    await audit.record({ personId: e.personId, roles: rolesOf(e.authority), action: e.action, route: e.route ?? c.req.path, object: e.object, outcome: e.outcome ?? outcomeOf(e.status), status: e.status, ip: e.ip !== undefined ? e.ip : clientIp(c) });
  } catch (err) {
    logger?.error({ err, action: e.action }, 'audit row not written');
  }
}

export class ConsoleAuth {
  private readonly perIp: RateLimiter;
  private readonly perPerson: RateLimiter;
  private readonly codes: RateLimiter;

  constructor(
    readonly o: ConsoleAuthOptions,
    private readonly audit?: AuditRepository,
    private readonly logger?: Logger,
  ) {
    const windowMs = o.limits?.windowMs ?? 15 * 60_000;
    this.perIp = new RateLimiter(o.limits?.perIp ?? 30, windowMs);
    this.perPerson = new RateLimiter(o.limits?.perPerson ?? 5, windowMs);
    this.codes = new RateLimiter(o.limits?.codesPerPerson ?? 3, windowMs);
  }

  /** Whether a state change from this request's origin is allowed (Origin, else Sec-Fetch-Site; neither: a non-browser). */
  private originAllowed(c: Context): boolean {
    const origin = c.req.header('origin');
    if (origin !== undefined) return (this.o.origins ?? [new URL(c.req.url).origin]).includes(origin);
    const site = c.req.header('sec-fetch-site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  /** The live session of the request's cookie, checked against CSRF for a state change; null without one. */
  async session(c: Context): Promise<SessionContext | null> {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) return null;
    const session = await this.o.signIn.session(token);
    if (!session) return null;
    if (!SAFE_METHOD.test(c.req.method)) {
      const refuse = async (why: string) => {
        await this.record(c, { personId: session.personId, authority: await this.o.authority(session.personId), action: 'csrf.refused', object: { method: c.req.method, why }, status: 403 });
        return new HttpError(403, 'CSRF_REFUSED', why);
      };
      if (!this.originAllowed(c)) throw await refuse('this request comes from another site');
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameSecret(sent, csrfTokenOf(token))) throw await refuse(`a state change with a session needs the ${CSRF_HEADER} header (the ${CSRF_COOKIE} cookie's value)`);
    }
    return { token, session };
  }

  private secure(c: Context): boolean {
    const s = this.o.secureCookies ?? 'auto';
    if (s !== 'auto') return s;
    return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  }

  private setCookies(c: Context, token: string, csrf: string) {
    const common = { path: '/', sameSite: 'Strict' as const, secure: this.secure(c), maxAge: Math.floor(this.o.signIn.policy.sessionTtlMs / 1000) };
    setCookie(c, SESSION_COOKIE, token, { ...common, httpOnly: true });
    // readable by the page's script, which echoes it in the x-csrf-token header (double submit)
    setCookie(c, CSRF_COOKIE, csrf, common);
  }

  private clearCookies(c: Context) {
    const common = { path: '/', sameSite: 'Strict' as const, secure: this.secure(c) };
    deleteCookie(c, SESSION_COOKIE, { ...common, httpOnly: true });
    deleteCookie(c, CSRF_COOKIE, common);
  }

  record(c: Context, e: AuditFields) {
    return recordAudit(this.audit, this.logger, c, e);
  }

  /** Before any sign-in work: the client's origin and its address's budget. */
  private admit(c: Context) {
    if (!this.originAllowed(c)) throw new HttpError(403, 'CSRF_REFUSED', 'this request comes from another site');
    if (!this.perIp.take(clientIp(c) ?? 'local')) throw new HttpError(429, 'RATE_LIMITED', 'too many sign-in attempts from this address; try again later');
  }

  private async answer(c: Context, action: string, r: SignInResult, object: Record<string, unknown>, limitKey: string) {
    if (!r.ok) {
      this.perPerson.take(limitKey);
      await this.record(c, { personId: r.person?.id ?? null, action, object: { ...object, reason: r.reason }, status: 401, outcome: 'denied' });
      // one answer for every refusal: nothing tells an unknown person from a wrong code
      throw new HttpError(401, 'SIGN_IN_FAILED', 'sign-in failed: the code, link or password is wrong, expired or used, or this person has no console access');
    }
    this.perPerson.reset(limitKey);
    this.setCookies(c, r.token, r.csrfToken);
    const authority = await this.o.authority(r.person.id);
    await this.record(c, { personId: r.person.id, authority, action, object, status: 200 });
    return c.json({ ...me(r.person, authority, 'session'), csrfToken: r.csrfToken, expiresAt: r.session.expiresAt.toISOString() });
  }

  private limited(key: string) {
    if (this.perPerson.blocked(key)) throw new HttpError(429, 'RATE_LIMITED', 'too many failed sign-ins for this person; try again later');
  }

  /** The routes reachable without a session: asking for a code and the three ways to sign in. */
  registerPublic(app: Hono<any>) {
    app.post('/api/auth/code', async (c) => {
      this.admit(c);
      const ref = personRef(await input(c, CodeBody));
      const object = { ref: refKey(ref) };
      if (!this.codes.take(refKey(ref))) {
        await this.record(c, { personId: null, action: 'auth.code', object, status: 429 });
        throw new HttpError(429, 'RATE_LIMITED', 'too many codes asked for this person; try again later');
      }
      // answered before the work is done: a send waits its turn on the account (WeChat paces sends by seconds), and
      // an answer that took longer for staff than for anyone else would tell who is staff
      const where = { route: c.req.path, ip: clientIp(c) };
      void this.o.signIn
        .requestCode(ref)
        .then((r) => this.record(c, { ...where, personId: r.person?.id ?? null, action: 'auth.code', object: r.sent ? { ...object, platform: r.platform } : { ...object, reason: r.reason }, status: 202, outcome: r.sent ? 'ok' : 'denied' }))
        .catch((err: unknown) => this.logger?.error({ err, ref: object.ref }, 'sign-in code not sent'));
      // the same answer whether or not the person exists or could be reached
      return c.json({ accepted: true, message: '如该账号为工作人员且已绑定微信或 Telegram，验证码已通过私信发送。', expiresInSeconds: Math.round(this.o.signIn.policy.codeTtlMs / 1000) }, 202);
    });
    app.post('/api/auth/verify', async (c) => {
      this.admit(c);
      const body = await input(c, VerifyBody);
      const ref = personRef({ key: body.key, platform: body.platform, externalId: body.externalId });
      this.limited(refKey(ref));
      return this.answer(c, 'auth.verify', await this.o.signIn.verifyCode(ref, body.code), { ref: refKey(ref) }, refKey(ref));
    });
    app.post('/api/auth/password', async (c) => {
      this.admit(c);
      const body = await input(c, PasswordBody);
      const key = `key:${body.key}`;
      this.limited(key);
      return this.answer(c, 'auth.password', await this.o.signIn.signInWithPassword(body.key, body.password), { ref: key }, key);
    });
    app.post('/api/auth/link', async (c) => {
      this.admit(c);
      const body = await input(c, LinkBody);
      return this.answer(c, 'auth.link', await this.o.signIn.signInWithLink(body.token), {}, `ip:${clientIp(c) ?? 'local'}`);
    });
  }

  /** The routes of a signed-in caller (after authentication): who am I (and which routes are open to me), and signing out. */
  registerSession(app: Hono<any>, current: (c: Context) => { authority: Authority; session?: SessionContext }, routesOpenTo: (a: Authority) => string[] = () => []) {
    app.get('/api/auth/me', async (c) => {
      const { authority, session } = current(c);
      const person = await this.o.signIn.person(authority.personId);
      // \`routes\`: what the caller's roles let them call ("GET /api/queues"), for the console to offer only that
      return c.json({ ...me(person, authority, session ? 'session' : 'token'), routes: routesOpenTo(authority), csrfToken: session ? csrfTokenOf(session.token) : null, expiresAt: session?.session.expiresAt.toISOString() ?? null });
    });
    app.post('/api/auth/logout', async (c) => {
      const { authority, session } = current(c);
      if (session) await this.o.signIn.signOut(session.token);
      this.clearCookies(c);
      await this.record(c, { personId: authority.personId, authority, action: 'auth.logout', object: null, status: 200 });
      return c.json({ signedOut: Boolean(session) });
    });
  }
}

/** What GET /api/auth/me and a sign-in answer: the person, their roles and the subtrees they reach. */
function me(person: { id: number; key: string | null; name: string } | null, authority: Authority, via: 'session' | 'token') {
  return {
    person: person ? { id: person.id, key: person.key, name: person.name } : { id: authority.personId, key: null, name: '' },
    roles: authority.grants.map((g) => ({ role: g.role, nodeCode: g.node.code, nodePath: g.node.path })),
    unmasked: authority.unmasked,
    via,
  };
}

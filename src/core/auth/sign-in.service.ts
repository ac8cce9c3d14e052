// Console sign-in for staff: a one-time code sent by the bot as a direct message on WeChat or Telegram, a password
// (`linli users set-password`), or a one-time link (the sandbox prints one). Only people who hold a role in the grid
// may sign in; residents have no console. Every outcome is a value the HTTP layer turns into one answer that never
// says whether a person exists.
import type { Platform } from '../messages/incoming-message.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { PasswordHasher } from '../ports/password-hasher.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import { personIsStaff } from '../people/roles.ts';
import type { StaffAuthRepository, StaffPerson, StaffSession } from '../ports/staff-auth.repository.ts';
import { csrfTokenOf, hashCode, hashSecret, newCode, newToken, sameSecret } from './secrets.ts';

/** Who is signing in: a person key of the grid file, or one of their platform accounts. */
export type PersonRef = { key: string } | { platform: Platform; externalId: string };

export interface SignInPolicy {
  codeTtlMs: number;
  /** Wrong tries a code survives; then it is dead and a new one must be asked for. */
  codeMaxAttempts: number;
  /** Absolute life of a session. */
  sessionTtlMs: number;
  /** A session unused this long is over. */
  idleMs: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { codeTtlMs: 5 * 60_000, codeMaxAttempts: 5, sessionTtlMs: 12 * 3_600_000, idleMs: 30 * 60_000 };

/** Sends a direct message to a platform account (the bot's chat gateways). */
export type DirectSender = (platform: Platform, externalId: string, text: string) => Promise<void>;

export type SignInMethod = 'CODE' | 'PASSWORD' | 'LINK';

export type Refusal = 'unknown-person' | 'not-staff' | 'no-account' | 'no-code' | 'wrong-secret' | 'too-many-attempts' | 'used' | 'send-failed';

export type CodeResult = { sent: true; person: StaffPerson; platform: Platform } | { sent: false; reason: Refusal; person: StaffPerson | null };

export type SignInResult =
  | { ok: true; person: StaffPerson; token: string; csrfToken: string; session: StaffSession }
  | { ok: false; reason: Refusal; person: StaffPerson | null };

/** Touching a session's last use at most this often keeps reads from writing on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Spent codes, links and sessions are kept this long after they ended (to read in the store), then deleted. */
const KEEP_ENDED_MS = 7 * 24 * 3_600_000;

/** The message the code arrives in (short, polite, what to do with it). */
export const codeMessage = (code: string, minutes: number) => `邻里管理后台登录验证码：${code}，${minutes} 分钟内有效，仅可使用一次。如非本人操作，请忽略本消息。`;

export interface SignInDeps {
  auth: StaffAuthRepository;
  people: Pick<PersonRepository, 'assignments' | 'identities'>;
  hasher: PasswordHasher;
  sendDirect: DirectSender;
  /** Platforms the bot can send on now (a code is sent on the first of the person's accounts among them). */
  platforms: readonly Platform[];
  clock: Clock;
  policy?: Partial<SignInPolicy>;
}

export class SignInService {
  readonly policy: SignInPolicy;
  /** A hash to verify against when there is no person, so an unknown key takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly d: SignInDeps) {
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...d.policy };
  }

  /** The person behind a reference, when they hold a role (else the refusal, for the audit log only). */
  private async staff(ref: PersonRef): Promise<{ person: StaffPerson } | { person: StaffPerson | null; reason: Refusal }> {
    const person = 'key' in ref ? await this.d.auth.personByKey(ref.key) : await this.d.auth.personByIdentity(ref.platform, ref.externalId);
    if (!person) return { person: null, reason: 'unknown-person' };
    if (!(await personIsStaff(this.d.people, person.id))) return { person, reason: 'not-staff' };
    return { person };
  }

  async requestCode(ref: PersonRef): Promise<CodeResult> {
    const found = await this.staff(ref);
    if ('reason' in found) return { sent: false, reason: found.reason, person: found.person };
    const { person } = found;
    const accounts = (await this.d.people.identities(person.id)).filter((i) => this.d.platforms.includes(i.platform));
    // the account named in the request, else the first the bot can reach
    const to = 'key' in ref ? accounts[0] : accounts.find((a) => a.platform === ref.platform && a.externalId === ref.externalId);
    if (!to) return { sent: false, reason: 'no-account', person };
    const code = newCode();
    const now = this.d.clock.now();
    const secret = await this.d.auth.createSecret({ personId: person.id, kind: 'CODE', secretHash: hashCode(person.id, code), expiresAt: new Date(now.getTime() + this.policy.codeTtlMs) });
    try {
      await this.d.sendDirect(to.platform, to.externalId, codeMessage(code, Math.round(this.policy.codeTtlMs / 60_000)));
    } catch {
      // a code that never arrived must not stay usable
      await this.d.auth.useSecret(secret.id, now);
      return { sent: false, reason: 'send-failed', person };
    }
    return { sent: true, person, platform: to.platform };
  }

  async verifyCode(ref: PersonRef, code: string): Promise<SignInResult> {
    const found = await this.staff(ref);
    if ('reason' in found) return { ok: false, reason: found.reason, person: found.person };
    const { person } = found;
    const now = this.d.clock.now();
    const secret = await this.d.auth.latestSecret(person.id, 'CODE', now);
    if (!secret) return { ok: false, reason: 'no-code', person };
    if (secret.attempts >= this.policy.codeMaxAttempts) return { ok: false, reason: 'too-many-attempts', person };
    if (!sameSecret(secret.secretHash, hashCode(person.id, code))) {
      const attempts = await this.d.auth.countAttempt(secret.id);
      return { ok: false, reason: attempts >= this.policy.codeMaxAttempts ? 'too-many-attempts' : 'wrong-secret', person };
    }
    if (!(await this.d.auth.useSecret(secret.id, now))) return { ok: false, reason: 'used', person };
    return this.openSession(person, 'CODE');
  }

  async signInWithPassword(key: string, password: string): Promise<SignInResult> {
    const found = await this.staff({ key });
    const hash = 'reason' in found ? null : await this.d.auth.passwordHash(found.person.id);
    // verify even without a hash: the answer takes as long for an unknown key as for a wrong password
    const good = await this.d.hasher.verify(password, hash ?? (await (this.dummyHash ??= this.d.hasher.hash(newToken()))));
    if ('reason' in found) return { ok: false, reason: found.reason, person: found.person };
    if (!hash || !good) return { ok: false, reason: 'wrong-secret', person: found.person };
    return this.openSession(found.person, 'PASSWORD');
  }

  person(id: number): Promise<StaffPerson | null> {
    return this.d.auth.personById(id);
  }

  async setPassword(personId: number, password: string): Promise<void> {
    await this.d.auth.setPasswordHash(personId, await this.d.hasher.hash(password));
  }

  /** A one-time sign-in link's token for a staff member (the sandbox prints one at start). */
  async createLink(personId: number, ttlMs: number): Promise<string> {
    const token = newToken();
    await this.d.auth.createSecret({ personId, kind: 'LINK', secretHash: hashSecret(token), expiresAt: new Date(this.d.clock.now().getTime() + ttlMs) });
    return token;
  }

  async signInWithLink(token: string): Promise<SignInResult> {
    const now = this.d.clock.now();
    const secret = await this.d.auth.secretByHash('LINK', hashSecret(token), now);
    if (!secret) return { ok: false, reason: 'no-code', person: null };
    const person = await this.d.auth.personById(secret.personId);
    if (!person || !(await personIsStaff(this.d.people, person.id))) return { ok: false, reason: 'not-staff', person };
    if (!(await this.d.auth.useSecret(secret.id, now))) return { ok: false, reason: 'used', person };
    return this.openSession(person, 'LINK');
  }

  private async openSession(person: StaffPerson, method: SignInMethod): Promise<SignInResult> {
    const token = newToken();
    const now = this.d.clock.now();
    // housekeeping where rows are made: the tables hold a week of sign-ins, not years (the audit log keeps the history)
    await this.d.auth.purgeExpired(new Date(now.getTime() - KEEP_ENDED_MS));
    const session = await this.d.auth.createSession({ personId: person.id, tokenHash: hashSecret(token), method, expiresAt: new Date(now.getTime() + this.policy.sessionTtlMs), now });
    return { ok: true, person, token, csrfToken: csrfTokenOf(token), session };
  }

  /** The live session of a cookie's token: not revoked, not expired, not idle too long. */
  async session(token: string): Promise<StaffSession | null> {
    const s = await this.d.auth.sessionByHash(hashSecret(token));
    const now = this.d.clock.now().getTime();
    if (!s || s.revokedAt || s.expiresAt.getTime() <= now || s.lastSeenAt.getTime() + this.policy.idleMs <= now) return null;
    if (now - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await this.d.auth.touchSession(s.id, new Date(now));
    return s;
  }

  /**
   * Whether a session is still live, without counting this as use (an open event stream asks at each heartbeat: a page
   * left open must not keep its session from going idle, and one revoked or expired must stop hearing).
   */
  async alive(token: string): Promise<boolean> {
    const s = await this.d.auth.sessionByHash(hashSecret(token));
    const now = this.d.clock.now().getTime();
    return Boolean(s && !s.revokedAt && s.expiresAt.getTime() > now && s.lastSeenAt.getTime() + this.policy.idleMs > now);
  }

  async signOut(token: string): Promise<void> {
    const s = await this.d.auth.sessionByHash(hashSecret(token));
    if (s) await this.d.auth.revokeSession(s.id, this.d.clock.now());
  }

  revokeAll(personId: number): Promise<number> {
    return this.d.auth.revokeSessionsOf(personId, this.d.clock.now());
  }
}

// What console sign-in needs from the store: staff passwords, one-time sign-in secrets and sessions. Every secret is
// stored as a hash (the code or token itself is only ever in the message, the link or the cookie).
import type { Platform } from '../messages/incoming-message.ts';
import type { Role } from '../people/roles.ts';

export type SignInKind = 'CODE' | 'LINK';

export interface SignInSecret {
  id: number;
  personId: number;
  kind: SignInKind;
  secretHash: string;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
  createdAt: Date;
}

export interface StaffSession {
  id: number;
  personId: number;
  /** How the person signed in: CODE, PASSWORD or LINK. */
  method: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

/** A person of the grid file, as sign-in finds them (by key or by a platform account). */
export interface StaffPerson {
  id: number;
  key: string | null;
  name: string;
}

/** One row of `linli users list`: a person holding a role, with their sign-in state. */
export interface StaffAccount extends StaffPerson {
  roles: { role: Role; nodeCode: string }[];
  identities: { platform: Platform; externalId: string }[];
  hasPassword: boolean;
  activeSessions: number;
}

export interface StaffAuthRepository {
  personById(id: number): Promise<StaffPerson | null>;
  personByKey(key: string): Promise<StaffPerson | null>;
  personByIdentity(platform: Platform, externalId: string): Promise<StaffPerson | null>;
  /** Everyone who holds a role, by key. */
  staffAccounts(now: Date): Promise<StaffAccount[]>;

  passwordHash(personId: number): Promise<string | null>;
  setPasswordHash(personId: number, hash: string): Promise<void>;

  createSecret(s: { personId: number; kind: SignInKind; secretHash: string; expiresAt: Date }): Promise<SignInSecret>;
  /** The newest unused, unexpired secret of this kind for the person (a new code makes older ones useless). */
  latestSecret(personId: number, kind: SignInKind, now: Date): Promise<SignInSecret | null>;
  /** An unused, unexpired secret found by its hash (sign-in links). */
  secretByHash(kind: SignInKind, secretHash: string, now: Date): Promise<SignInSecret | null>;
  /** Counts a wrong try; returns the attempts so far. */
  countAttempt(id: number): Promise<number>;
  /** Marks the secret used, once: false when it had already been used (two tries racing). */
  useSecret(id: number, now: Date): Promise<boolean>;

  createSession(s: { personId: number; tokenHash: string; method: string; expiresAt: Date; now: Date }): Promise<StaffSession>;
  /** A session by the hash of its token, revoked or expired ones included (the caller decides). */
  sessionByHash(tokenHash: string): Promise<StaffSession | null>;
  touchSession(id: number, now: Date): Promise<void>;
  revokeSession(id: number, now: Date): Promise<void>;
  /** Revokes every live session of the person; returns how many. */
  revokeSessionsOf(personId: number, now: Date): Promise<number>;
  /** Deletes secrets and sessions that expired (or were revoked) before this time; returns how many rows went. */
  purgeExpired(before: Date): Promise<number>;
}

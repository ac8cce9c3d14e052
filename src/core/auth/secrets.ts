// Random secrets and their at-rest hashes. A session token or link token has 256 random bits, so a fast hash (SHA-256)
// at rest is enough: a stolen table gives nothing to guess from. A 6-digit code is protected by its 5 minutes, its
// single use and its attempt limit, not by its hash.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The code's hash is bound to its person, so one code row cannot stand for another person's code. */
export const hashCode = (personId: number, code: string): string => hashSecret(`code:${personId}:${code}`);

/** The CSRF token of a session: derived from the session token, which only the cookie holds (double submit). */
export const csrfTokenOf = (sessionToken: string): string => createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

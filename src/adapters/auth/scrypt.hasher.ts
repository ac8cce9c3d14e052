// Staff passwords hashed with scrypt from node:crypto (no native package to build or download): a random 16-byte
// salt, N=2^15, r=8, p=1 (32 MiB, about 0.1 s a hash on one core), kept as "scrypt$N$r$p$salt$hash" so the
// parameters can be raised later without breaking stored hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../core/ports/password-hasher.port.ts';

const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...o, maxmem: 128 * o.N! * o.r! * 2 }, (e, k) => (e ? reject(e) : resolve(k))));

export function scryptHasher(params: { N: number; r: number; p: number } = { N: 32_768, r: 8, p: 1 }): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, params);
      return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const [tag, n, r, p, salt, key] = stored.split('$');
      if (tag !== 'scrypt' || !salt || !key) return false;
      const want = Buffer.from(key, 'base64url');
      const got = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}

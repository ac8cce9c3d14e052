// Staff password hashes: scrypt with a random salt, parameters kept in the hash, wrong passwords and damaged hashes refused.
import { describe, expect, it } from 'vitest';
import { scryptHasher } from '../../../../src/adapters/auth/scrypt.hasher.ts';

describe('scryptHasher', () => {
  const hasher = scryptHasher({ N: 1024, r: 8, p: 1 }); // small N: the test is about the format, not the cost

  it('verifies the password it hashed and refuses any other', async () => {
    const h = await hasher.hash('correct horse battery');
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hasher.verify('correct horse battery', h)).toBe(true);
    expect(await hasher.verify('correct horse batterY', h)).toBe(false);
    expect(await hasher.verify('', h)).toBe(false);
  });

  it('salts every hash, and a hash made with other parameters still verifies', async () => {
    const a = await hasher.hash('同一个密码123');
    const b = await hasher.hash('同一个密码123');
    expect(a).not.toBe(b);
    const stronger = await scryptHasher({ N: 4096, r: 8, p: 2 }).hash('同一个密码123');
    expect(await hasher.verify('同一个密码123', stronger)).toBe(true);
  });

  it('treats full-width and half-width forms of a password alike (NFKC), as phones type either', async () => {
    const h = await hasher.hash('ABC12345678');
    expect(await hasher.verify('ＡＢＣ１２３４５６７８', h)).toBe(true);
  });

  it('refuses a damaged or foreign hash instead of throwing', async () => {
    expect(await hasher.verify('x', 'bcrypt$2b$10$abc')).toBe(false);
    expect(await hasher.verify('x', 'scrypt$1024$8$1$')).toBe(false);
    expect(await hasher.verify('x', '')).toBe(false);
  });
});

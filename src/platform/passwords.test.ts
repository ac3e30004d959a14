import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, generatePassword, scryptPasswordHasher, withSharedHash } from './passwords.js';

describe('scrypt password hasher', () => {
  const hasher = scryptPasswordHasher();

  it('hashes in the documented format with the default cost and a 16-byte salt', async () => {
    const hash = await hasher.hash('correct horse battery');
    const [scheme, N, r, p, salt, key] = hash.split('$');
    expect(scheme).toBe('scrypt');
    expect([Number(N), Number(r), Number(p)]).toEqual([DEFAULT_SCRYPT.N, DEFAULT_SCRYPT.r, DEFAULT_SCRYPT.p]);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', hash)).toBe(true);
    expect(await hasher.verify('correct horse batterY', hash)).toBe(false);
    expect(await hasher.verify('', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hasher.hash('same password!')).not.toBe(await hasher.hash('same password!'));
  });

  it('verifies hashes made with other parameters (cost can change later)', async () => {
    const cheap = scryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
    const hash = await cheap.hash('an older hash here');
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await hasher.verify('an older hash here', hash)).toBe(true);
  });

  it('treats malformed or hostile stored hashes as a mismatch, never a throw', async () => {
    const good = await hasher.hash('whatever-password');
    const parts = good.split('$');
    const variants = [
      '', 'plain', 'bcrypt$2b$10$abc', 'scrypt$1$8$1$c2FsdA==$a2V5',
      ['scrypt', 2 ** 30, 8, 1, parts[4], parts[5]].join('$'), // would allocate 1 TiB
      ['scrypt', 1000, 8, 1, parts[4], parts[5]].join('$'), // N not a power of two
      ['scrypt', parts[1], 8, 1, '', parts[5]].join('$'),
      ['scrypt', parts[1], 8, 1, parts[4], 'AAAA'].join('$'),
    ];
    for (const stored of variants) expect(await hasher.verify('whatever-password', stored)).toBe(false);
  });

  it('normalises Unicode so the same visible password always matches', async () => {
    const hash = await hasher.hash('Caf\u00e9-password-1');
    expect(await hasher.verify('Cafe\u0301-password-1', hash)).toBe(true);
  });
});

describe('withSharedHash', () => {
  it('reuses one hash for the shared password and still verifies it', async () => {
    const base = scryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
    const shared = await withSharedHash(base, 'demo-password-x');
    const a = await shared.hash('demo-password-x');
    expect(await shared.hash('demo-password-x')).toBe(a);
    expect(await shared.verify('demo-password-x', a)).toBe(true);
    expect(await shared.hash('another-password')).not.toBe(a);
  });
});

describe('generatePassword', () => {
  it('makes long, varied passwords', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(seen.size).toBe(50);
    for (const pw of seen) expect(pw).toMatch(/^[A-Za-z2-9]{24}$/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateKey } from './keys.js';
import { aesGcmSecretBox } from './secret-box.js';

describe('aesGcmSecretBox', () => {
  const box = aesGcmSecretBox(randomBytes(32));

  it('round-trips and never shows the plain text', () => {
    const sealed = box.seal('s3cr3t-bearer-token', 't1/app1');
    expect(sealed).not.toContain('s3cr3t');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed, 't1/app1')).toBe('s3cr3t-bearer-token');
  });

  it('uses a fresh nonce every time', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it.each([
    ['another context', (s: string) => s, 't1/app2'],
    ['a flipped ciphertext byte', (s: string) => { const p = s.split('.'); const b = Buffer.from(p[2] as string, 'base64url'); b[0] = (b[0] as number) ^ 1; p[2] = b.toString('base64url'); return p.join('.'); }, 't1/app1'],
    ['a truncated value', (s: string) => s.split('.').slice(0, 3).join('.'), 't1/app1'],
  ])('refuses %s', (_name, tamper, context) => {
    expect(() => box.open(tamper(box.seal('token', 't1/app1')), context)).toThrow();
  });

  it('refuses another key', () => {
    const other = aesGcmSecretBox(randomBytes(32));
    expect(() => other.open(box.seal('token', 'c'), 'c')).toThrow();
  });

  it('a key generated once in DATA_DIR opens what it sealed after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-secrets-'));
    try {
      const sealed = aesGcmSecretBox(loadOrCreateKey(dir, 'secrets', undefined)).seal('token', 'c');
      expect(aesGcmSecretBox(loadOrCreateKey(dir, 'secrets', undefined)).open(sealed, 'c')).toBe('token');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

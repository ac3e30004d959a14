// The core's SecretBox port: AES-256-GCM with a random 96-bit nonce per seal, the owner (tenant/app) as
// additional authenticated data so a ciphertext moved to another app does not open. Format:
// `v1.<nonce>.<ciphertext>.<tag>` in base64url. The key comes from ROSTER_SECRETS_KEY or DATA_DIR/keys.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../core/ports.js';

export function aesGcmSecretBox(key: Buffer): SecretBox {
  if (key.length < 32) throw new Error('The secrets key must be at least 32 bytes.');
  const aesKey = key.subarray(0, 32);
  return {
    seal(plain, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', nonce, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed, context) {
      const [version, nonce, body, tag] = sealed.split('.');
      if (version !== 'v1' || nonce === undefined || body === undefined || tag === undefined) throw new Error('Not a sealed secret.');
      const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

// The OpenID Connect flow's state between the redirect and the callback, kept in the browser's
// HttpOnly cookie: AES-256-GCM under a server key, so it can be neither read (the PKCE verifier) nor
// changed, and with its own expiry inside.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(data: unknown, ttlMs: number, now: number): string;
  /** The data, or null when changed, foreign, malformed or expired. */
  open(token: string, now: number): unknown;
}

export function cookieSealer(key: Buffer, purpose: string): Sealer {
  const k = createHash('sha256').update(key).update(`\n${purpose}`).digest();
  return {
    seal(data, ttlMs, now) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify({ d: data, e: now + ttlMs }), 'utf8'), cipher.final()]);
      return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },
    open(token, now) {
      if (token.length > 4096) return null;
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
      if (iv.length !== 12 || tag.length !== 16) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, iv);
        decipher.setAuthTag(tag);
        const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
        const parsed = JSON.parse(text) as { d: unknown; e: number };
        return typeof parsed.e === 'number' && parsed.e > now ? parsed.d : null;
      } catch {
        return null;
      }
    },
  };
}

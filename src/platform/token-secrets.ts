// The core's TokenSecrets port: 32 random bytes per secret, SHA-256 at rest (the secrets are
// high-entropy, so a slow hash adds nothing), constant-time comparison.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenSecrets } from '../core/ports.js';

export const nodeTokenSecrets: TokenSecrets = {
  newSecret: () => randomBytes(32).toString('base64url'),
  digest: (secret) => createHash('sha256').update(secret, 'utf8').digest('hex'),
  sameDigest: (a, b) => {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

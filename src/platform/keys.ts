// Server-side secret keys (e.g. the `$skiptoken` HMAC key): from the environment, or 32 random bytes
// generated once into ${DATA_DIR}/keys/<name>.key (mode 0600) and reused on every start.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadOrCreateKey(dataDir: string, name: string, fromEnv: string | undefined): Buffer {
  if (fromEnv !== undefined) return Buffer.from(fromEnv, 'base64url');
  const dir = join(dataDir, 'keys');
  const path = join(dir, `${name}.key`);
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
    if (key.length >= 32) return key;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64url')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

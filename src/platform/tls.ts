// TLS material for the server: the operator's certificate files, or a self-signed certificate made
// once into ${DATA_DIR}/tls/ and reused, so a local start is HTTPS out of the box (the Graph SDK sends
// its token only over HTTPS).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** Where the certificate is (for `NODE_EXTRA_CA_CERTS`). */
  certPath: string;
  /** True when Roster made it (self-signed), false when the operator supplied it. */
  selfSigned: boolean;
  /** True when it was generated during this call. */
  generated: boolean;
}

export interface TlsConfig {
  certFile: string | undefined;
  keyFile: string | undefined;
  dataDir: string;
}

export async function loadTls(config: TlsConfig): Promise<TlsMaterial> {
  if (config.certFile && config.keyFile) {
    return { key: readFileSync(config.keyFile, 'utf8'), cert: readFileSync(config.certFile, 'utf8'), certPath: resolve(config.certFile), selfSigned: false, generated: false };
  }
  const dir = join(config.dataDir, 'tls');
  const certPath = resolve(dir, 'roster-selfsigned.crt');
  const keyPath = resolve(dir, 'roster-selfsigned.key');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath, selfSigned: true, generated: false };
  }
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 2);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, pems.cert, { mode: 0o644 });
  return { key: pems.private, cert: pems.cert, certPath, selfSigned: true, generated: true };
}

/** What to print once so clients trust the self-signed certificate. */
export function trustHint(tls: TlsMaterial): string {
  return [
    `Roster made a self-signed TLS certificate for localhost: ${tls.certPath}`,
    'To trust it from Node.js (the Graph SDK, scripts):',
    `  export NODE_EXTRA_CA_CERTS=${tls.certPath}`,
    `With curl: curl --cacert ${tls.certPath} https://localhost:<port>/healthz`,
    'Set TLS_CERT_FILE and TLS_KEY_FILE to use your own certificate instead.',
  ].join('\n');
}

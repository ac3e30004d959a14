// Black-box helpers: run the real `roster` executable as a child process against a temp data folder.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch } from 'undici';
import { openStorage, type Storage } from '../src/storage/open-storage.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'roster.js');

/** Variables a developer's shell may have set that would change what the tests see. */
const SCRUBBED = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'LOG_LEVEL', 'ROSTER_TENANT_NAME', 'ROSTER_ADMIN_UPN', 'ROSTER_ADMIN_PASSWORD', 'DEMO_PASSWORD', 'SWEEP_INTERVAL_SECONDS',
  'TLS_CERT_FILE', 'TLS_KEY_FILE', 'ROSTER_INSECURE_HTTP', 'ROSTER_RATE_LIMIT_PER_MINUTE', 'ROSTER_TOKEN_RATE_LIMIT_PER_MINUTE', 'ROSTER_SKIPTOKEN_KEY',
  'ROSTER_PUBLIC_URL', 'ROSTER_PORTAL_KEY', 'ROSTER_OIDC_ISSUER', 'ROSTER_OIDC_CLIENT_ID', 'ROSTER_OIDC_CLIENT_SECRET', 'ROSTER_OIDC_MATCH', 'ROSTER_OIDC_CREATE_USERS'];

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED) delete env[name];
  return { ...env, DATA_DIR: dataDir, PORT: '0', ...extra };
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `roster …args` to completion. */
export function roster(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`roster ${args.join(' ')} timed out\n${stdout}\n${stderr}`)); }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

export interface Server {
  child: ChildProcessWithoutNullStreams;
  address: string;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `roster serve …args` and waits for the JSON log line that carries the bound address. */
export function startServer(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT, env }) as ChildProcessWithoutNullStreams;
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in time:\n${out}`)); }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        if (!line.startsWith('{') || !line.includes('"address"')) continue;
        const address = (JSON.parse(line) as { address?: string }).address;
        if (!address) continue;
        clearTimeout(timer);
        resolve({ child, address, output: () => out, exited });
        return;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited with ${code} before listening:\n${out}`)); });
  });
}

/** Sends a signal and waits for the exit code, failing after `ms`. */
export async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM', ms = 5000): Promise<number | null> {
  server.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms); });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
}

/** Opens the SQLite database a run left behind (e2e tests may look inside). */
export async function openData(dataDir: string): Promise<Storage> {
  return openStorage({ sqlitePath: join(dataDir, 'roster.db') });
}

export async function counts(dataDir: string): Promise<{ tenants: number; users: number; admins: number }> {
  const storage = await openData(dataDir);
  try {
    const tenants = await storage.uow.tenants.list();
    let users = 0;
    let admins = 0;
    for (const t of tenants) {
      const all = await storage.uow.transaction(t.id, (s) => s.users.list({ limit: 1000 }));
      users += all.length;
      admins += all.filter((u) => u.roles.includes('globalAdmin')).length;
    }
    return { tenants: tenants.length, users, admins };
  } finally {
    await storage.close();
  }
}

/** fetch that trusts the self-signed certificate `roster serve` made in the data folder. */
export function trustingFetch(dataDir: string): (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<Response> {
  const ca = readFileSync(join(dataDir, 'tls', 'roster-selfsigned.crt'), 'utf8');
  const dispatcher = new Agent({ connect: { ca } });
  return async (url, init) => (await undiciFetch(url, { ...init, dispatcher })) as unknown as Response;
}

// Configuration from the environment, read and validated once at start. Every error names the variable.
import { join } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_DEMO_PASSWORD = 'demo-only-Roster-2026';

export interface Config {
  port: number;
  host: string;
  /** Set: PostgreSQL. Unset: SQLite at `sqlitePath`. */
  databaseUrl: string | undefined;
  dataDir: string;
  sqlitePath: string;
  logLevel: LogLevel;
  tenantName: string;
  adminUpn: string;
  /** Unset: a strong one is generated and printed once when the first tenant is bootstrapped. */
  adminPassword: string | undefined;
  demoPassword: string;
  sweepIntervalSeconds: number;
  /** Both set: serve these; both unset: a self-signed certificate in DATA_DIR/tls. */
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** Plain HTTP, only when explicitly asked (ROSTER_INSECURE_HTTP=1 or `serve --insecure-http`). */
  insecureHttp: boolean;
  /** Requests per minute per token (or per IP without one) on the API. */
  rateLimitPerMinute: number;
  /** Requests per minute per IP on the token endpoint. */
  tokenRateLimitPerMinute: number;
  /** HMAC key (base64url, ≥ 32 bytes) for `$skiptoken`s; unset: generated once into DATA_DIR/keys. */
  skipTokenKey: string | undefined;
  /** Key (base64url, ≥ 32 bytes) of the portal's CSRF tokens and OIDC flow cookie; unset: generated once into DATA_DIR/keys. */
  portalKey: string | undefined;
  /** AES-256 key (base64url, 32 bytes) sealing provisioning tokens at rest; unset: generated once into DATA_DIR/keys. */
  secretsKey: string | undefined;
  /** Reconciliation pass / worker poll pacing of outbound provisioning (docs/adr/0020). */
  provisioningPollMs: number;
  /** The portal's public origin (https://roster.example.com): OIDC redirect URI and the CSRF Origin check. */
  publicUrl: string | undefined;
  /** OpenID Connect sign-in for the default tenant; undefined when ROSTER_OIDC_ISSUER is unset. */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** subject: only linked identities sign in; email: a first sign-in may match a user by verified email (then linked). */
  match: 'subject' | 'email';
  createUsers: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Every variable, its default and meaning: shown by `roster --help` and documented in the README. */
export const ENVIRONMENT: ReadonlyArray<readonly [name: string, fallback: string, meaning: string]> = [
  ['PORT', '8080', 'TCP port to listen on (0 = any free port)'],
  ['HOST', '127.0.0.1', 'address to bind (0.0.0.0 for every interface)'],
  ['DATABASE_URL', '(unset)', 'postgres://… to use PostgreSQL; unset = SQLite file in DATA_DIR'],
  ['DATA_DIR', './data', 'folder of the SQLite database (roster.db)'],
  ['LOG_LEVEL', 'info', LOG_LEVELS.join(' | ')],
  ['ROSTER_TENANT_NAME', 'Contoso', 'name of the tenant created at first start'],
  ['ROSTER_ADMIN_UPN', 'admin@contoso.example', 'sign-in name of the first administrator'],
  ['ROSTER_ADMIN_PASSWORD', '(generated)', 'first administrator password (12+ chars); printed once if generated'],
  ['DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD, 'shared password of the demo users (demo only)'],
  ['SWEEP_INTERVAL_SECONDS', '60', 'how often expired requests and memberships are swept'],
  ['TLS_CERT_FILE', '(unset)', 'PEM certificate to serve; unset = self-signed one made in DATA_DIR/tls'],
  ['TLS_KEY_FILE', '(unset)', 'PEM private key for TLS_CERT_FILE'],
  ['ROSTER_INSECURE_HTTP', '0', '1 = serve plain HTTP (behind a TLS-terminating proxy only)'],
  ['ROSTER_RATE_LIMIT_PER_MINUTE', '6000', 'API requests per minute per token (or IP)'],
  ['ROSTER_TOKEN_RATE_LIMIT_PER_MINUTE', '60', 'token endpoint and portal sign-in requests, and failed authentications, per minute per IP'],
  ['ROSTER_SKIPTOKEN_KEY', '(generated)', 'HMAC key for paging tokens (base64url, 32+ bytes); unset = made once in DATA_DIR/keys'],
  ['ROSTER_SECRETS_KEY', '(generated)', 'AES-256 key sealing SCIM provisioning tokens at rest (base64url, 32 bytes); unset = made once in DATA_DIR/keys'],
  ['ROSTER_PROVISIONING_POLL_MS', '1000', 'how often the provisioning dispatcher and worker look for work (ms)'],
  ['ROSTER_PORTAL_KEY', '(generated)', 'key of the portal\'s CSRF tokens and sign-in flow cookie (base64url, 32+ bytes); unset = made once in DATA_DIR/keys'],
  ['ROSTER_PUBLIC_URL', '(unset)', 'the portal\'s public origin, e.g. https://roster.example.com (needed behind a proxy and for OIDC)'],
  ['ROSTER_OIDC_ISSUER', '(unset)', 'OpenID Connect issuer URL for portal sign-in; unset = local accounts only'],
  ['ROSTER_OIDC_CLIENT_ID', '(unset)', 'client id registered at the issuer (redirect URI: ROSTER_PUBLIC_URL/auth/oidc/callback)'],
  ['ROSTER_OIDC_CLIENT_SECRET', '(unset)', 'client secret registered at the issuer'],
  ['ROSTER_OIDC_MATCH', 'subject', 'subject | email: may a first OIDC sign-in match a user by verified email (then linked)'],
  ['ROSTER_OIDC_CREATE_USERS', '0', '1 = an OIDC sign-in with no matching user creates one (UPN = verified email)'],
];

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw.slice(0, 40)}").`);
  }
  return Number(raw);
}

function password(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (value.length < 12 || value.length > 256) throw new ConfigError(name, 'must be 12–256 characters.');
  return value;
}

function flag(env: Env, name: string): boolean {
  const raw = (read(env, name) ?? '0').toLowerCase();
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be 1 or 0 (got "${raw.slice(0, 20)}").`);
}

function tlsFiles(env: Env): Pick<Config, 'tlsCertFile' | 'tlsKeyFile'> {
  const tlsCertFile = read(env, 'TLS_CERT_FILE');
  const tlsKeyFile = read(env, 'TLS_KEY_FILE');
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    throw new ConfigError(tlsCertFile === undefined ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE', 'TLS_CERT_FILE and TLS_KEY_FILE must be set together.');
  }
  return { tlsCertFile, tlsKeyFile };
}

function secretKey(env: Env, name: string): string | undefined {
  const key = read(env, name);
  if (key !== undefined && !/^[A-Za-z0-9_-]{43,}={0,2}$/.test(key)) throw new ConfigError(name, 'must be base64url of at least 32 bytes.');
  return key;
}

function publicUrl(env: Env): string | undefined {
  const raw = read(env, 'ROSTER_PUBLIC_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('ROSTER_PUBLIC_URL', `must be an absolute URL such as https://roster.example.com (got "${raw.slice(0, 60)}").`);
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new ConfigError('ROSTER_PUBLIC_URL', `must be an origin only, such as https://roster.example.com (got "${raw.slice(0, 60)}").`);
  }
  return url.origin;
}

function oidc(env: Env, origin: string | undefined): OidcConfig | undefined {
  const issuer = read(env, 'ROSTER_OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  if (!/^https?:\/\/\S+$/i.test(issuer)) throw new ConfigError('ROSTER_OIDC_ISSUER', `must be the issuer's URL (got "${issuer.slice(0, 60)}").`);
  const clientId = read(env, 'ROSTER_OIDC_CLIENT_ID');
  if (clientId === undefined) throw new ConfigError('ROSTER_OIDC_CLIENT_ID', 'is required with ROSTER_OIDC_ISSUER.');
  const clientSecret = env['ROSTER_OIDC_CLIENT_SECRET'];
  if (clientSecret === undefined || clientSecret === '') throw new ConfigError('ROSTER_OIDC_CLIENT_SECRET', 'is required with ROSTER_OIDC_ISSUER.');
  if (origin === undefined) throw new ConfigError('ROSTER_PUBLIC_URL', 'is required with ROSTER_OIDC_ISSUER (it makes the redirect URI).');
  const match = (read(env, 'ROSTER_OIDC_MATCH') ?? 'subject').toLowerCase();
  if (match !== 'subject' && match !== 'email') throw new ConfigError('ROSTER_OIDC_MATCH', `must be subject or email (got "${match.slice(0, 20)}").`);
  return { issuer, clientId, clientSecret, match, createUsers: flag(env, 'ROSTER_OIDC_CREATE_USERS') };
}

const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = read(env, 'DATABASE_URL');
  // Name only the scheme in the error: the URL may carry a password.
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(databaseUrl)?.[1] ?? '(none)';
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql:// (got scheme "${scheme}"); unset it to use SQLite.`);
  }
  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel.slice(0, 40)}").`);
  }
  const tenantName = read(env, 'ROSTER_TENANT_NAME') ?? 'Contoso';
  if (tenantName.length > 256) throw new ConfigError('ROSTER_TENANT_NAME', 'must be at most 256 characters.');
  const adminUpn = read(env, 'ROSTER_ADMIN_UPN') ?? 'admin@contoso.example';
  if (!UPN.test(adminUpn) || adminUpn.length > 113) throw new ConfigError('ROSTER_ADMIN_UPN', `must look like alias@domain (got "${adminUpn.slice(0, 120)}").`);
  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (/\s|\//.test(host)) throw new ConfigError('HOST', `must be a host name or IP address (got "${host.slice(0, 60)}").`);
  const dataDir = read(env, 'DATA_DIR') ?? './data';
  const origin = publicUrl(env);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    databaseUrl,
    dataDir,
    sqlitePath: join(dataDir, 'roster.db'),
    logLevel: logLevel as LogLevel,
    tenantName,
    adminUpn,
    adminPassword: password(env, 'ROSTER_ADMIN_PASSWORD'),
    demoPassword: password(env, 'DEMO_PASSWORD') ?? DEFAULT_DEMO_PASSWORD,
    sweepIntervalSeconds: integer(env, 'SWEEP_INTERVAL_SECONDS', 60, 1, 86_400),
    ...tlsFiles(env),
    insecureHttp: flag(env, 'ROSTER_INSECURE_HTTP'),
    rateLimitPerMinute: integer(env, 'ROSTER_RATE_LIMIT_PER_MINUTE', 6000, 1, 10_000_000),
    tokenRateLimitPerMinute: integer(env, 'ROSTER_TOKEN_RATE_LIMIT_PER_MINUTE', 60, 1, 10_000_000),
    skipTokenKey: secretKey(env, 'ROSTER_SKIPTOKEN_KEY'),
    portalKey: secretKey(env, 'ROSTER_PORTAL_KEY'),
    secretsKey: secretKey(env, 'ROSTER_SECRETS_KEY'),
    provisioningPollMs: integer(env, 'ROSTER_PROVISIONING_POLL_MS', 1000, 50, 60_000),
    publicUrl: origin,
    oidc: oidc(env, origin),
  };
}

/** Where the data lives, for log lines and messages: never the PostgreSQL URL's credentials. */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'sqlitePath'>): string {
  if (config.databaseUrl === undefined) return `sqlite:${config.sqlitePath}`;
  try {
    const url = new URL(config.databaseUrl);
    return `postgres://${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

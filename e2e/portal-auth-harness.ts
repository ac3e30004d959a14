// Roster with the portal's sign-in, started in-process for the portal-auth suites: real storage, the
// real core on a clock the test moves, the Graph plugin accepting the session cookie, and /auth.
// Requests go through inject (cookies are plain headers there); the public origin is fixed.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { User } from '../src/core/domain/model.js';
import { createCore, type Caller, type Core } from '../src/core/index.js';
import { SettableClock, testPasswordHasher } from '../src/core/testing/deps.js';
import { graphApi } from '../src/http/graph/index.js';
import { portalAuth, type OidcSettings } from '../src/http/portal-auth/index.js';
import { buildServer } from '../src/http/server.js';
import { uuidGenerator } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { nodeTokenSecrets } from '../src/platform/token-secrets.js';
import type { Storage } from '../src/storage/open-storage.js';

export const ORIGIN = 'https://roster.test';
export const PASSWORD = 'correct horse battery';
export const SESSION = '__Host-roster_session';

export interface PortalOptions {
  loginPerMinute?: number;
  oidc?: Omit<OidcSettings, 'redirectUri'> | undefined;
}

export interface Portal {
  app: FastifyInstance;
  core: Core;
  clock: SettableClock;
  tenantId: string;
  admin: User;
  adminCaller: Caller;
  /** A user with a local password (PASSWORD). */
  newUser(name: string, opts?: { roles?: User['roles'] }): Promise<User>;
  bearer(user: User): Promise<string>;
  login(upn: string, password?: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Signs in and returns the cookie value and CSRF token. */
  signIn(user: User): Promise<{ cookie: string; csrf: string }>;
  /** A /v1.0 (or /auth) call with the session cookie; csrf and browser headers as given. */
  call(method: string, url: string, s: { cookie?: string; csrf?: string }, opts?: { headers?: Record<string, string>; payload?: unknown }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** The value of one cookie in a response's Set-Cookie headers (undefined when not set). */
export function setCookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
  const line = all.find((c) => c.startsWith(`${name}=`));
  return line === undefined ? undefined : decodeURIComponent(line.slice(name.length + 1).split(';')[0] ?? '');
}

export function setCookieLine(res: LightMyRequestResponse, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
  return all.find((c) => c.startsWith(`${name}=`));
}

export async function startPortal(storage: Storage, opts: PortalOptions = {}): Promise<Portal> {
  const clock = new SettableClock(new Date().toISOString());
  const core = createCore({ uow: storage.uow, clock, ids: uuidGenerator, passwords: testPasswordHasher, secrets: nodeTokenSecrets });
  const n = ++counter;
  const { tenant, admin } = await core.bootstrapTenant({
    tenantName: `Portal ${n}`, admin: { userPrincipalName: `admin@portal${n}.example`, displayName: 'Ada Admin', password: PASSWORD },
  });
  const csrfKey = Buffer.alloc(32, 3);
  const defaultTenant = async () => tenant.id;
  const app = buildServer({
    logger: createLogger((process.env['PORTAL_TEST_LOG'] ?? 'silent') as 'silent'), isReady: async () => {},
    register: async (root) => {
      await root.register(graphApi({
        core, version: 'test', skipTokenKey: Buffer.alloc(32, 7), rateLimitPerMinute: 100_000, tokenRateLimitPerMinute: 100_000,
        defaultTenant, sessions: { csrfKey, publicOrigin: ORIGIN },
      }));
      await root.register(portalAuth({
        core, csrfKey, flowKey: Buffer.alloc(32, 9), defaultTenant, publicOrigin: ORIGIN,
        loginRateLimit: { max: opts.loginPerMinute ?? 100_000, windowMs: 60_000 },
        oidc: opts.oidc ? { ...opts.oidc, redirectUri: `${ORIGIN}/auth/oidc/callback` } : undefined,
        now: () => Date.parse(clock.now()),
      }));
    },
  });
  await app.ready();
  const adminCaller: Caller = { tenantId: tenant.id, principal: { type: 'user', userId: admin.id }, channel: 'adminCenter' };
  let users = 0;
  const portal: Portal = {
    app, core, clock, tenantId: tenant.id, admin, adminCaller,
    newUser: (name, o = {}) => core.createUser(adminCaller, {
      userPrincipalName: `${name.toLowerCase().replace(/\W+/g, '.')}.${++users}@portal${n}.example`, displayName: name, roles: o.roles, password: PASSWORD,
    }),
    bearer: async (user) => (await core.createUserToken({ tenantId: tenant.id, principal: { type: 'system' }, channel: 'api' }, { userId: user.id })).accessToken,
    login: (upn, password = PASSWORD, headers = {}) => app.inject({ method: 'POST', url: '/auth/login', headers, payload: { userPrincipalName: upn, password } }),
    async signIn(user) {
      const res = await portal.login(user.userPrincipalName);
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      return { cookie: setCookieOf(res, SESSION) ?? '', csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
    call: (method, url, s, o = {}) => app.inject({
      method: method as 'GET', url,
      headers: { ...(s.cookie ? { cookie: `${SESSION}=${s.cookie}` } : {}), ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}), ...o.headers },
      ...(o.payload !== undefined ? { payload: o.payload as object } : {}),
    }),
    close: () => app.close(),
  };
  return portal;
}

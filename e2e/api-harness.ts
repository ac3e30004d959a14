// Roster's API started in-process for tests: real storage (either engine), the real core, the real
// Fastify server with the Graph plugin, over HTTPS with a self-signed certificate on port 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppPermission } from '../src/core/domain/actor.js';
import type { User } from '../src/core/domain/model.js';
import { createCore, type Caller, type Core, type CoreDeps } from '../src/core/index.js';
import { testPasswordHasher } from '../src/core/testing/deps.js';
import { graphApi } from '../src/http/graph/index.js';
import { buildServer } from '../src/http/server.js';
import { systemClock } from '../src/platform/clock.js';
import { uuidGenerator } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { loadTls } from '../src/platform/tls.js';
import { nodeTokenSecrets } from '../src/platform/token-secrets.js';
import type { Storage } from '../src/storage/open-storage.js';

export interface ApiOptions {
  https?: boolean;
  rateLimitPerMinute?: number;
  tokenRateLimitPerMinute?: number;
  rateLimitWindowMs?: number;
  /** Extra core dependencies (e.g. the provisioning secret box and runner). */
  deps?: Partial<Pick<CoreDeps, 'secretBox' | 'provisioning'>>;
}

export interface Api {
  app: FastifyInstance;
  core: Core;
  tenantId: string;
  admin: User;
  /** https://127.0.0.1:<port> (or http:// without TLS). */
  origin: string;
  /** The self-signed certificate (PEM) to trust. */
  ca: string;
  adminCaller: Caller;
  newUser(name: string, roles?: User['roles']): Promise<User>;
  userToken(user: User): Promise<string>;
  /** Registers a client with these permissions; returns its id and secret. */
  newClient(permissions: AppPermission[]): Promise<{ clientId: string; clientSecret: string }>;
  appToken(permissions: AppPermission[]): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function startApi(storage: Storage, opts: ApiOptions = {}): Promise<Api> {
  const core = createCore({ uow: storage.uow, clock: systemClock, ids: uuidGenerator, passwords: testPasswordHasher, secrets: nodeTokenSecrets, ...opts.deps });
  const n = ++counter;
  const { tenant, admin } = await core.bootstrapTenant({
    tenantName: `Contoso ${n}`, admin: { userPrincipalName: `admin@api${n}.example`, displayName: 'Ada Admin', password: 'correct horse battery' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'roster-api-'));
  const tls = opts.https === false ? undefined : await loadTls({ certFile: undefined, keyFile: undefined, dataDir: dir });
  const app = buildServer({
    logger: createLogger('silent'), isReady: async () => {},
    https: tls ? { key: tls.key, cert: tls.cert } : undefined,
    register: graphApi({
      core, version: 'test', skipTokenKey: Buffer.alloc(32, 7),
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000, tokenRateLimitPerMinute: opts.tokenRateLimitPerMinute ?? 100_000,
      rateLimitWindowMs: opts.rateLimitWindowMs, defaultTenant: async () => tenant.id,
    }),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const adminCaller: Caller = { tenantId: tenant.id, principal: { type: 'user', userId: admin.id }, channel: 'adminCenter' };
  const system: Caller = { tenantId: tenant.id, principal: { type: 'system' }, channel: 'api' };
  let users = 0;
  const api: Api = {
    app, core, tenantId: tenant.id, admin, origin: address, ca: tls?.cert ?? '', adminCaller,
    newUser: (name, roles = []) => core.createUser(adminCaller, { userPrincipalName: `${name.toLowerCase().replace(/\W+/g, '.')}.${++users}@api${n}.example`, displayName: name, roles }),
    userToken: async (user) => (await core.createUserToken(system, { userId: user.id })).accessToken,
    newClient: async (permissions) => {
      const { client, clientSecret } = await core.registerApiClient(adminCaller, { displayName: `client ${permissions.join(' ')}`, permissions });
      return { clientId: client.id, clientSecret };
    },
    appToken: async (permissions) => {
      const { clientId, clientSecret } = await api.newClient(permissions);
      return (await core.issueClientCredentialsToken({ tenantId: tenant.id, clientId, clientSecret })).accessToken;
    },
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return api;
}

// A real Roster server for the HTTP load benchmark, composed as src/main.ts composes `roster serve`:
// the real core (scrypt hasher, system clock), buildServer + the Graph plugin, listening on port 0.
// Plain HTTP: TLS would measure the load client's handshakes and crypto, not Roster (production runs
// HTTPS or behind a TLS-terminating proxy; `--insecure-http` is the same plain-HTTP mode).
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createCore } from '../src/core/index.js';
import { graphApi } from '../src/http/graph/index.js';
import { buildServer } from '../src/http/server.js';
import { systemClock } from '../src/platform/clock.js';
import { uuidGenerator } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { scryptPasswordHasher } from '../src/platform/passwords.js';
import { nodeTokenSecrets } from '../src/platform/token-secrets.js';
import type { Storage } from '../src/storage/open-storage.js';
import { seedLoadData, type Fixture, type SeedScale } from './http-seed.js';

export interface BenchServerOptions {
  scale: SeedScale;
  /** ROSTER_RATE_LIMIT_PER_MINUTE: API requests per minute per token (production default 6000). */
  rateLimitPerMinute: number;
  /** ROSTER_TOKEN_RATE_LIMIT_PER_MINUTE: token endpoint and failed authentications per IP (default 60). */
  tokenRateLimitPerMinute: number;
}

export interface BenchServer {
  app: FastifyInstance;
  origin: string;
  fixture: Fixture;
  close(): Promise<void>;
}

/** Seeds a migrated, empty storage and serves it; close() stops the server (the storage stays the caller's). */
export async function startBenchServer(storage: Storage, opts: BenchServerOptions): Promise<BenchServer> {
  const core = createCore({ uow: storage.uow, clock: systemClock, ids: uuidGenerator, passwords: scryptPasswordHasher(), secrets: nodeTokenSecrets });
  const { tenant, admin } = await core.bootstrapTenant({
    tenantName: 'Load bench', admin: { userPrincipalName: 'admin@bench.test', displayName: 'Admin', password: randomUUID() },
  });
  const fixture = await seedLoadData(storage, core, tenant.id, admin.id, opts.scale);
  const app = buildServer({
    logger: createLogger('silent'), isReady: () => storage.ping(),
    register: graphApi({
      core, version: 'bench', skipTokenKey: randomBytes(32),
      rateLimitPerMinute: opts.rateLimitPerMinute, tokenRateLimitPerMinute: opts.tokenRateLimitPerMinute,
      defaultTenant: async () => tenant.id,
    }),
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, origin, fixture, close: () => app.close() };
}

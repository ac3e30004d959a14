// The Graph-compatible API as one Fastify plugin: rate limits, the OAuth token endpoint, bearer
// authentication, the /v1.0 resources and the OpenAPI document generated from the route schemas.
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Core } from '../../core/index.js';
import { requireBearer, tokenKey, type SessionAuth } from '../auth.js';
import { HttpGraphError } from './errors.js';
import { createPager } from './paging.js';
import { appAccessRoutes } from './routes/app-access.js';
import { appAssignmentRoutes } from './routes/app-assignments.js';
import { auditRoutes } from './routes/audit.js';
import { batchRoutes } from './routes/batch.js';
import { graphSettingsRoutes } from './routes/graph-settings.js';
import { groupRoutes } from './routes/groups.js';
import { joinRequestRoutes } from './routes/join-requests.js';
import { meTokenRoutes } from './routes/me-tokens.js';
import { memberRoutes } from './routes/members.js';
import { membershipRoutes } from './routes/memberships.js';
import { ownedObjectRoutes } from './routes/owned-objects.js';
import { servicePrincipalRoutes } from './routes/service-principals.js';
import { provisioningRoutes } from './routes/provisioning.js';
import { settingsRoutes } from './routes/settings.js';
import { userRoutes } from './routes/users.js';
import { directoryRoleRoutes } from './routes/directory-roles.js';
import { registerTokenEndpoint } from './token-endpoint.js';
import { deltaRoutes } from './routes/delta.js';
import { createStateSealer } from './sealed-state.js';

export interface GraphApiOptions {
  core: Core;
  /** HMAC key for `$skiptoken`s (32+ bytes). */
  skipTokenKey: Buffer;
  /** API requests per minute per token (or per IP without one). */
  rateLimitPerMinute: number;
  /** Token endpoint requests, and failed authentications, per minute per IP. */
  tokenRateLimitPerMinute: number;
  /** The rate-limit window (default one minute; tests shorten it). */
  rateLimitWindowMs?: number | undefined;
  defaultTenant: () => Promise<string | null>;
  version: string;
  /** The portal's session cookie is accepted on /v1.0 too (docs/adr/0017); omitted: bearer tokens only. */
  sessions?: SessionAuth | undefined;
}

export function graphApi(opts: GraphApiOptions): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: { title: 'Roster API', version: opts.version, description: 'Graph-compatible groups and users, and Roster\'s own resources.' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
    });
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimitPerMinute,
      timeWindow: opts.rateLimitWindowMs ?? 60_000,
      keyGenerator: (request: FastifyRequest) => tokenKey(request) ?? request.ip,
      errorResponseBuilder: (_request, ctx) =>
        new HttpGraphError(429, 'TooManyRequests', `Too many requests. Retry after ${Math.ceil(ctx.ttl / 1000)} seconds.`),
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await registerTokenEndpoint(app, { core: opts.core, defaultTenant: opts.defaultTenant, rateLimitPerMinute: opts.tokenRateLimitPerMinute });
    const ctx = { core: opts.core, pager: createPager(opts.skipTokenKey), sealer: createStateSealer(opts.skipTokenKey) };
    await app.register(async (v1) => {
      requireBearer(v1, opts.core, { max: opts.tokenRateLimitPerMinute, windowMs: opts.rateLimitWindowMs ?? 60_000 }, opts.sessions);
      await groupRoutes(v1, ctx);
      await deltaRoutes(v1, ctx);
      await memberRoutes(v1, ctx);
      await membershipRoutes(v1, ctx);
      await ownedObjectRoutes(v1, ctx);
      await userRoutes(v1, ctx);
      await directoryRoleRoutes(v1, ctx);
      await joinRequestRoutes(v1, ctx);
      await settingsRoutes(v1, ctx);
      await graphSettingsRoutes(v1, ctx);
      await meTokenRoutes(v1, ctx);
      await servicePrincipalRoutes(v1, ctx);
      await appAssignmentRoutes(v1, ctx);
      await appAccessRoutes(v1, ctx);
      await auditRoutes(v1, ctx);
      await provisioningRoutes(v1, ctx);
      await batchRoutes(v1);
    }, { prefix: '/v1.0' });
  };
}

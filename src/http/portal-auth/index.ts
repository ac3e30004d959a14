// Portal sign-in as one Fastify plugin (docs/adr/0017): /auth/login, /auth/session, /auth/logout and,
// when configured, /auth/oidc/login and /auth/oidc/callback — with their own error envelope.
import { hkdfSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../core/index.js';
import type { PortalAuthContext } from './context.js';
import { sendAuthError } from './errors.js';
import type { OidcSettings } from './oidc-client.js';
import { oidcRoutes } from './oidc-routes.js';
import { sessionRoutes } from './session-routes.js';

export interface PortalAuthOptions {
  core: Core;
  csrfKey: Buffer;
  flowKey: Buffer;
  defaultTenant: () => Promise<string | null>;
  publicOrigin?: string | undefined;
  /** Sign-in requests per client IP per window (429 beyond). */
  loginRateLimit: { max: number; windowMs: number };
  oidc?: OidcSettings | undefined;
  now?: (() => number) | undefined;
}

export type { OidcSettings } from './oidc-client.js';
export { csrfTokenFor } from './csrf.js';

/** The CSRF and flow-cookie keys, derived (HKDF-SHA256) from one portal key so a deployment sets one value. */
export function portalKeys(portalKey: Buffer): { csrfKey: Buffer; flowKey: Buffer } {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', portalKey, Buffer.alloc(0), `roster-portal-${label}`, 32));
  return { csrfKey: derive('csrf'), flowKey: derive('oidc-flow') };
}

export function portalAuth(opts: PortalAuthOptions): (app: FastifyInstance) => Promise<void> {
  const ctx: PortalAuthContext = {
    core: opts.core, csrfKey: opts.csrfKey, flowKey: opts.flowKey, defaultTenant: opts.defaultTenant, publicOrigin: opts.publicOrigin,
    loginRateLimit: opts.loginRateLimit, oidc: opts.oidc, now: opts.now ?? Date.now,
  };
  return async (app) => {
    app.setErrorHandler(sendAuthError);
    await sessionRoutes(app, ctx);
    await oidcRoutes(app, ctx);
  };
}

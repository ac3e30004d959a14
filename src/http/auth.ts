// Authentication for the API: `Authorization: Bearer <token>` → `request.caller` (channel api, with the
// request id); or, for the portal, the session cookie (docs/adr/0017) with the channel from
// X-Roster-Channel and the CSRF checks on every state-changing method. Everything else — no credential,
// both at once, Basic, malformed, expired, revoked, another tenant's token, a token in the query
// string — is a 401 Graph envelope with `WWW-Authenticate: Bearer`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller, Core } from '../core/index.js';
import { isDomainError } from '../core/index.js';
import type { Channel } from '../core/domain/model.js';
import { badRequest, HttpGraphError, unauthenticated } from './graph/errors.js';
import { readCookie, SESSION_COOKIE } from './portal-auth/cookies.js';
import { passesCsrf, SAFE_METHODS } from './portal-auth/csrf.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every API route; null only before it ran. */
    caller: Caller | null;
  }
}

const QUERY_CREDENTIALS = ['access_token', 'token', 'bearer', 'code'];

/** The token id of a well-formed bearer header, for rate-limit keys (no secret, no lookup). */
export function tokenKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer rst1\.[0-9a-f-]{36}\.([0-9a-f-]{36})\./.exec(header) : null;
  return m?.[1];
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated();
  return request.caller;
}

export interface FailureLimit {
  /** Failed authentications allowed per client IP per window; beyond it, 429 until the window ends. */
  max: number;
  windowMs: number;
}

/**
 * The rate limit keys on the token id, so a flood of made-up tokens would each get a fresh bucket:
 * failed authentications are therefore also counted per client IP (SECURITY #14, #15).
 */
function failureCounter(limit: FailureLimit) {
  const seen = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Counts a failure; returns seconds to wait when this IP is past the limit, else 0. */
    fail(ip: string, now: number): number {
      if (seen.size > 100_000) for (const [k, v] of seen) if (v.resetAt <= now) seen.delete(k);
      let entry = seen.get(ip);
      if (!entry || entry.resetAt <= now) {
        entry = { count: 0, resetAt: now + limit.windowMs };
        seen.set(ip, entry);
      }
      entry.count++;
      return entry.count > limit.max ? Math.ceil((entry.resetAt - now) / 1000) : 0;
    },
  };
}

/** Cookie authentication for the portal: the CSRF key and, behind a proxy, the public origin. */
export interface SessionAuth {
  csrfKey: Buffer;
  publicOrigin?: string | undefined;
}

const PORTAL_CHANNELS: Record<string, Channel> = { myGroups: 'myGroups', adminCenter: 'adminCenter' };

/** The portal's channel: X-Roster-Channel, myGroups when absent; any other value is a 400. */
function channelOf(request: FastifyRequest): Channel {
  const header = request.headers['x-roster-channel'];
  if (header === undefined) return 'myGroups';
  const channel = typeof header === 'string' ? PORTAL_CHANNELS[header] : undefined;
  if (!channel) throw badRequest('X-Roster-Channel must be myGroups or adminCenter.');
  return channel;
}

/** Adds the hook to every route registered in `app` (an encapsulated plugin scope). */
export function requireBearer(
  app: FastifyInstance, core: Pick<Core, 'authenticate' | 'authenticateSession'>, failures: FailureLimit, sessions?: SessionAuth,
): void {
  const counter = failureCounter(failures);
  app.decorateRequest('caller', null);
  // preValidation: after the rate limit (onRequest), before a body is validated, so strangers learn nothing of the schemas.
  app.addHook('preValidation', async (request) => {
    try {
      await authenticateRequest(request);
    } catch (error) {
      if (!(error instanceof HttpGraphError && error.status === 401)) throw error;
      // Only failures are throttled: a valid token always passes, so one client with a bad token
      // behind a shared address (NAT, proxy) cannot lock out everyone else there.
      const retryAfter = counter.fail(request.ip, Date.now());
      if (retryAfter > 0) {
        throw new HttpGraphError(429, 'TooManyRequests', `Too many failed authentications. Retry after ${retryAfter} seconds.`, { 'retry-after': String(retryAfter) });
      }
      throw error;
    }
  });

  async function authenticateRequest(request: FastifyRequest): Promise<void> {
    const query = request.query as Record<string, unknown> | undefined;
    if (query && QUERY_CREDENTIALS.some((k) => k in query)) throw unauthenticated('Tokens are accepted only in the Authorization header, never in the URL.');
    const header = request.headers.authorization;
    const cookie = sessions ? readCookie(request, SESSION_COOKIE) : undefined;
    if (cookie !== undefined && header !== undefined) throw unauthenticated('Send a bearer token or the session cookie, not both.');
    if (cookie !== undefined && sessions) return authenticateCookie(request, cookie, sessions);
    if (typeof header !== 'string' || header.length === 0) throw unauthenticated('Access token is empty.');
    const m = /^Bearer +(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthenticated('Access token is missing, invalid, expired or revoked.');
    try {
      const who = await core.authenticate({ token: m[1] });
      request.caller = { tenantId: who.tenantId, principal: who.principal, channel: 'api', requestId: request.id, tokenId: who.tokenId };
    } catch (error) {
      if (isDomainError(error)) throw unauthenticated();
      throw error;
    }
  }

  async function authenticateCookie(request: FastifyRequest, cookie: string, auth: SessionAuth): Promise<void> {
    const channel = channelOf(request);
    let session;
    try {
      session = await core.authenticateSession({ cookie, channel, requestId: request.id });
    } catch (error) {
      if (isDomainError(error)) throw unauthenticated('The session is missing, invalid or has ended. Sign in again.');
      throw error;
    }
    if (!SAFE_METHODS.has(request.method) && !passesCsrf(request, auth.csrfKey, session.sessionId, auth.publicOrigin)) {
      throw new HttpGraphError(403, 'Authorization_RequestDenied', 'The request failed the cross-site request forgery check.');
    }
    request.caller = session.caller;
  }
}

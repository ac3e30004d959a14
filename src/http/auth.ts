// Bearer authentication for the API: `Authorization: Bearer <token>` → `request.caller` (channel api,
// with the request id). Everything else — no header, Basic, malformed, expired, revoked, another
// tenant's token, a token in the query string — is a 401 Graph envelope with `WWW-Authenticate: Bearer`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller, Core } from '../core/index.js';
import { isDomainError } from '../core/index.js';
import { unauthenticated } from './graph/errors.js';

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

/** Adds the hook to every route registered in `app` (an encapsulated plugin scope). */
export function requireBearer(app: FastifyInstance, core: Pick<Core, 'authenticate'>): void {
  app.decorateRequest('caller', null);
  // preValidation: after the rate limit (onRequest), before a body is validated, so strangers learn nothing of the schemas.
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (query && QUERY_CREDENTIALS.some((k) => k in query)) throw unauthenticated('Tokens are accepted only in the Authorization header, never in the URL.');
    const header = request.headers.authorization;
    if (typeof header !== 'string' || header.length === 0) throw unauthenticated('Access token is empty.');
    const m = /^Bearer +(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthenticated('Access token is missing, invalid, expired or revoked.');
    try {
      const who = await core.authenticate({ token: m[1] });
      request.caller = { tenantId: who.tenantId, principal: who.principal, channel: 'api', requestId: request.id };
    } catch (error) {
      if (isDomainError(error)) throw unauthenticated();
      throw error;
    }
  });
}

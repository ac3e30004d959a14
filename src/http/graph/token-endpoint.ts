// OAuth 2.0 client credentials (RFC 6749 §4.4) at Entra's paths: POST /oauth2/v2.0/token and
// POST /{tenant}/oauth2/v2.0/token. Answers and errors are in OAuth's format, not Graph's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../core/index.js';
import { isDomainError } from '../../core/index.js';

export interface TokenEndpointOptions {
  core: Pick<Core, 'issueClientCredentialsToken'>;
  /** The tenant for a path without one (or `common`/`organizations`): the only tenant, else null. */
  defaultTenant: () => Promise<string | null>;
  /** Requests per minute per client IP. */
  rateLimitPerMinute: number;
}

const TOKEN_BODY = {
  type: 'object',
  // RFC 6749 §3.2: unrecognised request parameters are ignored (MSAL sends client_info and the like).
  additionalProperties: true,
  required: ['grant_type'],
  properties: {
    grant_type: { type: 'string', maxLength: 100 },
    client_id: { type: 'string', maxLength: 100 },
    client_secret: { type: 'string', maxLength: 200 },
    scope: { type: 'string', maxLength: 1000 },
  },
} as const;

interface TokenBody { grant_type: string; client_id?: string; client_secret?: string; scope?: string }

function oauthError(reply: FastifyReply, status: number, error: string, description: string, requestId: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="oauth2"');
  return reply.code(status).send({ error, error_description: description, timestamp: new Date().toISOString(), trace_id: requestId });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = typeof header === 'string' ? /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

export async function registerTokenEndpoint(app: FastifyInstance, opts: TokenEndpointOptions): Promise<void> {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as TokenBody;
    const tenantSegment = (request.params as { tenant?: string }).tenant;
    if (body.grant_type !== 'client_credentials') {
      return oauthError(reply, 400, 'unsupported_grant_type', `The grant type '${body.grant_type.slice(0, 40)}' is not supported; use client_credentials.`, request.id);
    }
    if (!body.scope || !body.scope.endsWith('/.default')) {
      return oauthError(reply, 400, 'invalid_scope', "The scope must end with '/.default' (e.g. https://graph.microsoft.com/.default).", request.id);
    }
    const basic = basicCredentials(request.headers.authorization);
    const clientId = body.client_id ?? basic?.id;
    const clientSecret = body.client_secret ?? basic?.secret;
    if (!clientId || !clientSecret) return oauthError(reply, 400, 'invalid_request', 'client_id and client_secret are required.', request.id);
    const named = tenantSegment && !['common', 'organizations'].includes(tenantSegment.toLowerCase());
    const tenantId = named ? tenantSegment.toLowerCase() : await opts.defaultTenant();
    if (!tenantId) return oauthError(reply, 400, 'invalid_request', 'Name the tenant in the path: /{tenantId}/oauth2/v2.0/token.', request.id);
    try {
      const { accessToken, expiresIn } = await opts.core.issueClientCredentialsToken({ tenantId, clientId, clientSecret, requestId: request.id });
      return reply.header('cache-control', 'no-store').send({ token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: accessToken });
    } catch (error) {
      if (isDomainError(error) && error.reason === 'invalidClient') return oauthError(reply, 401, 'invalid_client', 'The client id or client secret is not valid.', request.id);
      throw error;
    }
  };
  const route = {
    schema: { body: TOKEN_BODY, params: { type: 'object', properties: { tenant: { type: 'string', maxLength: 64 } } }, hide: true },
    config: { rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000, keyGenerator: (r: FastifyRequest) => `token:${r.ip}` } },
  };
  app.post('/oauth2/v2.0/token', route, handler);
  app.post('/:tenant/oauth2/v2.0/token', route, handler);
}

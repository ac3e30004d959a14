// Roster's own resource for user tokens (docs/adr/0013-self-service-tokens.md): a signed-in user lists,
// creates (secret shown once) and revokes their own tokens under /me/tokens; user and global
// administrators list and revoke anyone's within their reach under /users/{id}/tokens. Thin: the core
// decides who may, how long a token may live, and answers 404 for a token that is not the caller's to see.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessTokenView, UserTokenView } from '../../../core/index.js';
import { USER_TOKEN_MAX_DAYS } from '../../../core/domain/credentials.js';
import { callerOf } from '../../auth.js';
import { context } from '../shapes.js';
import { collection, ID_PARAMS, meOf, type GraphContext } from './support.js';

const TAGS = ['tokens'];
const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;
const CREATE_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    description: { type: ['string', 'null'], maxLength: 256 },
    days: { type: 'integer', minimum: 1, maximum: USER_TOKEN_MAX_DAYS, description: 'Lifetime in days (default 30), never past the expiry of the token used to call' },
  },
} as const;
const TOKEN_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
const USER_TOKEN_PARAMS = {
  type: 'object', required: ['id', 'tokenId'], properties: { id: { type: 'string', maxLength: 64 }, tokenId: { type: 'string', maxLength: 64 } },
} as const;

const STAMP = { type: 'string', format: 'date-time' } as const;
const TOKEN_PROPERTIES = {
  id: { type: 'string' },
  userId: { type: 'string' },
  description: { type: ['string', 'null'] },
  createdDateTime: STAMP,
  expiresDateTime: STAMP,
  revokedDateTime: { type: ['string', 'null'], format: 'date-time' },
  status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
} as const;
/** Response schemas document the shape and, serialized by them, nothing else (no hash) can leave. */
const TOKEN = { type: 'object', properties: { '@odata.context': { type: 'string' }, ...TOKEN_PROPERTIES } } as const;
const CREATED = {
  type: 'object',
  properties: { ...TOKEN.properties, secretText: { type: 'string', description: 'The bearer token; shown only in this answer' } },
} as const;
const LIST = { type: 'object', properties: { '@odata.context': { type: 'string' }, value: { type: 'array', items: { type: 'object', properties: TOKEN_PROPERTIES } } } } as const;

function tokenJson(t: AccessTokenView, status: UserTokenView['status']): Record<string, unknown> {
  return {
    id: t.id,
    userId: t.principal.type === 'user' ? t.principal.userId : null,
    description: t.description,
    createdDateTime: t.createdDateTime,
    expiresDateTime: t.expiresDateTime,
    revokedDateTime: t.revokedDateTime,
    status,
  };
}

const param = (request: FastifyRequest, name: 'id' | 'tokenId') => (request.params as Record<string, string>)[name]?.toLowerCase() ?? '';

/** POST without a body is an empty body (all defaults). */
async function noBodyIsEmpty(request: FastifyRequest) {
  if (request.body === undefined || request.body === null) request.body = {};
}

export async function meTokenRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core } = ctx;

  async function list(request: FastifyRequest, userId: string) {
    const tokens = await core.listUserTokens(callerOf(request), { userId });
    return collection(context(request, 'tokens'), tokens.map((t) => tokenJson(t, t.status)));
  }

  app.get('/me/tokens', { schema: { tags: TAGS, summary: 'My user tokens (never their secrets), newest first', querystring: NO_QUERY, response: { 200: LIST } } }, async (request) =>
    list(request, meOf(request)));

  app.post('/me/tokens', {
    preValidation: noBodyIsEmpty,
    schema: { tags: TAGS, summary: 'Create a user token acting as me; the secret is shown once', body: CREATE_BODY, response: { 201: CREATED } },
  }, async (request, reply) => {
    meOf(request);
    const body = request.body as { description?: string | null; days?: number };
    const { token, accessToken } = await core.createUserToken(callerOf(request), { days: body.days, description: body.description ?? undefined });
    return reply.code(201).send({ '@odata.context': context(request, 'tokens/$entity'), ...tokenJson(token, 'active'), secretText: accessToken });
  });

  app.delete('/me/tokens/:id', { schema: { tags: TAGS, summary: 'Revoke one of my tokens at once (204 again if already revoked)', params: TOKEN_PARAMS } }, async (request, reply) => {
    await core.revokeToken(callerOf(request), { tokenId: param(request, 'id'), userId: meOf(request) });
    return reply.code(204).send();
  });

  app.get('/users/:id/tokens', { schema: { tags: TAGS, summary: 'A user\'s tokens (the user, user and global administrators)', params: ID_PARAMS, querystring: NO_QUERY, response: { 200: LIST } } }, async (request) =>
    list(request, param(request, 'id')));

  app.delete('/users/:id/tokens/:tokenId', { schema: { tags: TAGS, summary: 'Revoke a user\'s token (the user, user and global administrators)', params: USER_TOKEN_PARAMS } }, async (request, reply) => {
    await core.revokeToken(callerOf(request), { tokenId: param(request, 'tokenId'), userId: param(request, 'id') });
    return reply.code(204).send();
  });
}

// POST /auth/login, GET /auth/session, POST /auth/logout (docs/adr/0017).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo, SignedIn } from '../../core/index.js';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from './cookies.js';
import { csrfTokenFor, fromOwnOrigin, passesCsrf } from './csrf.js';
import { AuthHttpError, csrfRefused, INVALID_CREDENTIALS } from './errors.js';
import type { PortalAuthContext } from './context.js';
import { ipLimiter } from './rate-limit.js';

const SESSION_COOKIE_SECONDS = 12 * 60 * 60;

const loginBody = {
  type: 'object',
  required: ['userPrincipalName', 'password'],
  additionalProperties: false,
  properties: {
    userPrincipalName: { type: 'string', minLength: 1, maxLength: 256 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    tenantId: { type: 'string', maxLength: 64 },
  },
} as const;

interface LoginBody { userPrincipalName: string; password: string; tenantId?: string }

/** The portal's view of a session: who, where, the CSRF token for this session, and when it ends. */
export function sessionBody(ctx: PortalAuthContext, s: SignedIn | SessionInfo) {
  return { user: s.user, tenant: s.tenant, csrfToken: csrfTokenFor(ctx.csrfKey, s.sessionId), expiresDateTime: s.expiresDateTime };
}

/** Sets the new session's cookie; the session the browser had before (if any) is revoked: one live session per sign-in. */
export async function startSession(ctx: PortalAuthContext, request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn): Promise<void> {
  const previous = readCookie(request, SESSION_COOKIE);
  if (previous !== undefined) await ctx.core.signOut({ cookie: previous, requestId: request.id });
  setCookie(reply, SESSION_COOKIE, signedIn.cookie, SESSION_COOKIE_SECONDS);
}

export async function sessionRoutes(app: FastifyInstance, ctx: PortalAuthContext): Promise<void> {
  const limiter = ipLimiter(ctx.loginRateLimit.max, ctx.loginRateLimit.windowMs);
  const unauthenticated = () => new AuthHttpError(401, 'Unauthenticated', 'You are not signed in, or your session has ended.', {}, { signIn: { oidc: ctx.oidc !== undefined } });

  app.post<{ Body: LoginBody }>('/auth/login', {
    schema: { body: loginBody },
    // Before the body is validated, so a flood is refused whatever it sends.
    preValidation: async (request) => {
      const retryAfter = limiter.hit(request.ip, ctx.now());
      if (retryAfter > 0) throw new AuthHttpError(429, 'TooManyRequests', `Too many sign-in attempts. Retry after ${retryAfter} seconds.`, { 'retry-after': String(retryAfter) });
    },
  }, async (request, reply) => {
    // Login CSRF: another site must not sign the browser in to an account of its choosing.
    if (!fromOwnOrigin(request, ctx.publicOrigin)) throw csrfRefused();
    const tenantId = request.body.tenantId ?? await ctx.defaultTenant();
    if (tenantId === null) throw new AuthHttpError(401, 'InvalidCredentials', INVALID_CREDENTIALS);
    const signedIn = await ctx.core.signInWithPassword({
      tenantId, userPrincipalName: request.body.userPrincipalName, password: request.body.password, clientKey: request.ip, requestId: request.id,
    });
    await startSession(ctx, request, reply, signedIn);
    return sessionBody(ctx, signedIn);
  });

  app.get('/auth/session', async (request, reply) => {
    const cookie = readCookie(request, SESSION_COOKIE);
    if (cookie === undefined) throw unauthenticated();
    try {
      return sessionBody(ctx, await ctx.core.authenticateSession({ cookie, channel: 'myGroups', requestId: request.id }));
    } catch (error) {
      clearCookie(reply, SESSION_COOKIE);
      throw unauthenticatedOr(error, unauthenticated);
    }
  });

  app.post('/auth/logout', async (request, reply) => {
    const cookie = readCookie(request, SESSION_COOKIE);
    if (cookie !== undefined) {
      let session: SessionInfo | null = null;
      try {
        session = await ctx.core.authenticateSession({ cookie, channel: 'myGroups', requestId: request.id });
      } catch (error) {
        unauthenticatedOr(error, unauthenticated);
      }
      // A live session ends only with its CSRF token: another site cannot sign the user out.
      if (session && !passesCsrf(request, ctx.csrfKey, session.sessionId, ctx.publicOrigin)) throw csrfRefused();
      if (session) await ctx.core.signOut({ cookie, requestId: request.id });
    }
    clearCookie(reply, SESSION_COOKIE);
    return reply.code(204).send();
  });
}

/** A domain refusal of the cookie becomes the 401; anything else is rethrown as it is. */
function unauthenticatedOr(error: unknown, make: () => AuthHttpError): AuthHttpError {
  if (error instanceof Error && error.name === 'DomainError') return make();
  throw error;
}

// GET /auth/oidc/login and GET /auth/oidc/callback (docs/adr/0017). The flow's state, nonce and PKCE
// verifier travel in a sealed HttpOnly cookie valid 10 minutes and are cleared at the callback, which
// fails closed: any doubt ends at /signin?error=… (no detail), audited, with no session.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/index.js';
import { clearCookie, OIDC_COOKIE, readCookie, setCookie } from './cookies.js';
import type { PortalAuthContext } from './context.js';
import { oidcClient, type OidcFlow } from './oidc-client.js';
import { startSession } from './session-routes.js';
import { cookieSealer } from './sealed-cookie.js';

const FLOW_TTL_MS = 10 * 60 * 1000;

interface FlowCookie extends OidcFlow {
  tenantId: string;
  returnTo: string;
}

/** Same-origin paths only: "/groups/1" yes; "//evil.example", "/\\evil.example", "https://…" no. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1024 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return [...value].some((ch) => ch < ' ' || ch === '\\' || ch === '\u007f') ? '/' : value;
}

const isFlow = (v: unknown): v is FlowCookie => typeof v === 'object' && v !== null
  && ['state', 'nonce', 'verifier', 'tenantId', 'returnTo'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

export async function oidcRoutes(app: FastifyInstance, ctx: PortalAuthContext): Promise<void> {
  const settings = ctx.oidc;
  if (!settings) return;
  const rp = oidcClient(settings);
  const sealer = cookieSealer(ctx.flowKey, 'oidc-flow');
  const signInPage = (reply: FastifyReply, error: string) => reply.redirect(`/signin?error=${error}`, 302);

  app.get<{ Querystring: { tenant?: string; returnTo?: string } }>('/auth/oidc/login', {
    // returnTo has no length limit here: the browser follows this link, so an over-long one must not be a
    // JSON 400 page — safeReturnTo turns it into "/".
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { tenant: { type: 'string', maxLength: 64 }, returnTo: { type: 'string' } } } },
  }, async (request, reply) => {
    const tenantId = request.query.tenant ?? await ctx.defaultTenant();
    if (tenantId === null) return signInPage(reply, 'oidc_unavailable');
    let started: Awaited<ReturnType<typeof rp.start>>;
    try {
      started = await rp.start();
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect discovery failed');
      return signInPage(reply, 'oidc_unavailable');
    }
    const flow: FlowCookie = { ...started.flow, tenantId, returnTo: safeReturnTo(request.query.returnTo) };
    setCookie(reply, OIDC_COOKIE, sealer.seal(flow, FLOW_TTL_MS, ctx.now()), FLOW_TTL_MS / 1000);
    return reply.redirect(started.url, 302);
  });

  app.get('/auth/oidc/callback', async (request, reply) => {
    clearCookie(reply, OIDC_COOKIE);
    const raw = readCookie(request, OIDC_COOKIE);
    const opened = raw === undefined ? null : sealer.open(raw, ctx.now());
    const flow = isFlow(opened) ? opened : null;
    const refuse = async (failure: string) => {
      const tenantId = flow?.tenantId ?? await ctx.defaultTenant();
      if (tenantId !== null) await ctx.core.recordSignInRefusal({ tenantId, method: 'oidc', failure, clientKey: request.ip, requestId: request.id });
      return signInPage(reply, 'signin_failed');
    };
    if (!flow) return refuse('noFlowCookie');
    const query = queryOf(request);
    const params = new URLSearchParams(query);
    if (params.has('error')) return refuse('providerError');
    if (params.get('state') !== flow.state) return refuse('stateMismatch');
    let claims;
    try {
      claims = await rp.finish(query, flow);
    } catch (error) {
      request.log.info({ err: error }, 'OpenID Connect answer refused');
      return refuse(failureOf(error));
    }
    try {
      const signedIn = await ctx.core.signInWithOidc({
        tenantId: flow.tenantId, identity: claims, policy: { match: settings.match, createUsers: settings.createUsers },
        clientKey: request.ip, requestId: request.id,
      });
      await startSession(ctx, request, reply, signedIn);
      return reply.redirect(flow.returnTo, 302);
    } catch (error) {
      if (isDomainError(error)) return signInPage(reply, 'signin_failed'); // audited by the core
      throw error;
    }
  });
}

function queryOf(request: FastifyRequest): string {
  const i = request.url.indexOf('?');
  return i < 0 ? '' : request.url.slice(i + 1);
}

/**
 * A short word for the audit log from openid-client's error: the OAuth error, the check's code and the
 * claim or parameter it names (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce, OAUTH_INVALID_RESPONSE:iss).
 */
function failureOf(error: unknown): string {
  const parts: string[] = [];
  let e = error as { code?: unknown; error?: unknown; message?: unknown; cause?: unknown } | null;
  for (let depth = 0; e && typeof e === 'object' && depth < 3; depth++, e = e.cause as typeof e) {
    const message = typeof e.message === 'string' ? e.message : '';
    for (const v of [e.error, e.code, (e as { claim?: unknown }).claim, /"(\w+)"/.exec(message)?.[1], /signature/i.test(message) ? 'signature' : undefined]) {
      if (typeof v === 'string' && !parts.includes(v)) parts.push(v);
    }
  }
  return parts.length > 0 ? parts.join(':').slice(0, 64) : 'tokenRejected';
}

// The Fastify app: liveness, readiness, request ids, security headers, JSON errors. The Graph-compatible
// API, Roster's own resources and SCIM will be registered here as plugins.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.js';

export interface ServerOptions {
  /** A pino logger (main.ts configures redaction of credentials). */
  logger: FastifyBaseLogger;
  /** Resolves when the service can do work (the database answers); rejects or hangs otherwise. */
  isReady: () => Promise<void>;
  /** True once shutdown began: readiness turns 503 so load balancers stop sending traffic. */
  isShuttingDown?: () => boolean;
  /** How long /readyz waits for isReady before answering 503. */
  readinessTimeoutMs?: number;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

export function buildServer(opts: ServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: opts.logger,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Beyond this many bytes a body is refused; the API to come sets larger limits per route where needed.
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers({ ...SECURITY_HEADERS, [REQUEST_ID_HEADER]: request.id });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    if (opts.isShuttingDown?.()) return unavailable(reply);
    try {
      await withTimeout(opts.isReady(), opts.readinessTimeoutMs ?? 2000);
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return unavailable(reply);
    }
  });

  app.setNotFoundHandler(async (request, reply) => reply.code(404).send(errorBody(request, 'NotFound', 'No such resource.')));

  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // Client errors from Fastify itself (bad JSON, body too large) are safe to echo; server errors are not.
    const message = status >= 500 ? 'An internal error occurred.' : error.message;
    return reply.code(status).send(errorBody(request, status >= 500 ? 'InternalServerError' : 'BadRequest', message));
  });

  return app;
}

function unavailable(reply: FastifyReply) {
  return reply.code(503).send({ status: 'unavailable' });
}

/** The Graph error envelope, which the API to come answers with too. */
function errorBody(request: FastifyRequest, code: string, message: string) {
  return { error: { code, message, innerError: { 'request-id': request.id, date: new Date().toISOString() } } };
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

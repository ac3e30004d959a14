// The Fastify app: liveness, readiness, request ids, security headers, JSON errors. The Graph-compatible
// API, Roster's own resources and SCIM will be registered here as plugins.
import { AjvCompiler, type BuildCompilerFromPool, type ValidatorFactory } from '@fastify/ajv-compiler';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { graphEnvelope, sendGraphError } from './graph/errors.js';
import { requestIdFor, responseIdHeaders } from './request-id.js';

export interface ServerOptions {
  /** A pino logger (main.ts configures redaction of credentials). */
  logger: FastifyBaseLogger;
  /** Resolves when the service can do work (the database answers); rejects or hangs otherwise. */
  isReady: () => Promise<void>;
  /** True once shutdown began: readiness turns 503 so load balancers stop sending traffic. */
  isShuttingDown?: () => boolean;
  /** How long /readyz waits for isReady before answering 503. */
  readinessTimeoutMs?: number;
  /** Serve HTTPS with this key and certificate (PEM); omitted: plain HTTP (tests, `--insecure-http`). */
  https?: { key: string; cert: string } | undefined;
  /** Registers the APIs (Graph-compatible, token endpoint) once the common hooks are in place. */
  register?: ((app: FastifyInstance) => Promise<void>) | undefined;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

const AJV_OPTIONS = { removeAdditional: false, coerceTypes: 'array', useDefaults: true } as const;

type Compile = (route: { schema: unknown; method: string; url: string; httpPart?: string }) => unknown;

/**
 * Two Ajv instances: query strings, params and headers arrive as text and keep their coercion
 * ('5' → 5, a lone value → a one-item array); JSON bodies have real types, so a wrong one is a 400
 * as in Graph (`"securityEnabled": "true"` is not `true`).
 */
const strictBodies: ValidatorFactory = ((externalSchemas, options) => {
  const pool = AjvCompiler();
  const base = (options ?? {}) as { customOptions?: object };
  const build = (coerceTypes: 'array' | false) =>
    pool(externalSchemas, { ...base, customOptions: { ...base.customOptions, coerceTypes } }) as unknown as Compile;
  const coercing = build('array');
  const strict = build(false);
  return ((route: Parameters<Compile>[0]) => (route.httpPart === 'body' ? strict : coercing)(route)) as unknown as ReturnType<BuildCompilerFromPool>;
}) as BuildCompilerFromPool;

export function buildServer(opts: ServerOptions): FastifyInstance {
  const app = (Fastify as unknown as (o: object) => FastifyInstance)({
    ...(opts.https ? { https: opts.https } : {}),
    loggerInstance: opts.logger,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Beyond this many bytes a body is refused; the API to come sets larger limits per route where needed.
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Strict schemas: an unknown field is refused (400), never silently dropped (SECURITY #10).
    ajv: { customOptions: AJV_OPTIONS },
    schemaController: { compilersFactory: { buildValidator: strictBodies } },
    // The router's own refusals (an over-long path segment, a malformed escape) come before any hook:
    // without this they were Fastify's bare JSON (414 or 400), not Graph's envelope, and had no security headers.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      reply.headers({ ...SECURITY_HEADERS, ...responseIdHeaders(request) });
      return sendGraphError(error, request, reply);
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers({ ...SECURITY_HEADERS, ...responseIdHeaders(request) });
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

  app.setNotFoundHandler(async (request, reply) => reply.code(404).send(graphEnvelope(request, 'NotFound', 'No such resource.')));

  // Every error, from every route and plugin, becomes the Graph envelope in one place (graph/errors.ts).
  app.setErrorHandler(async (error: Error, request, reply) => sendGraphError(error, request, reply));

  if (opts.register) void app.register(opts.register);

  return app;
}

function unavailable(reply: FastifyReply) {
  return reply.code(503).send({ status: 'unavailable' });
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

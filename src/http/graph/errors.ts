// The one place a failure becomes Graph's error envelope (FIDELITY §4.6): domain errors by category,
// Fastify's own client errors (validation, bad JSON, body too large), rate limits and the unexpected.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainError, type ErrorCategory } from '../../core/index.js';
import { clientRequestIdOf } from '../request-id.js';
import { isODataQueryError } from './odata/errors.js';

export interface GraphError {
  status: number;
  code: string;
  message: string;
}

const BY_CATEGORY: Record<ErrorCategory, { status: number; code: string }> = {
  invalid: { status: 400, code: 'Request_BadRequest' },
  unauthenticated: { status: 401, code: 'InvalidAuthenticationToken' },
  forbidden: { status: 403, code: 'Authorization_RequestDenied' },
  notFound: { status: 404, code: 'Request_ResourceNotFound' },
  conflict: { status: 409, code: 'Request_Conflict' },
};

/** Graph answers a duplicate reference with 400, not 409, and this exact message (FIDELITY §4.6). */
const GRAPH_400_CONFLICTS = new Set(['alreadyMember', 'alreadyOwner', 'alreadyAppOwner', 'alreadyAssigned', 'userPrincipalNameTaken', 'mailNicknameTaken']);

export function graphErrorOf(error: DomainError): GraphError {
  const mapped = BY_CATEGORY[error.category];
  if (GRAPH_400_CONFLICTS.has(error.reason)) return { status: 400, code: BY_CATEGORY.invalid.code, message: error.message };
  return { status: mapped.status, code: mapped.code, message: error.message };
}

/** Thrown by routes and the auth plugin for failures that are not domain decisions. */
export class HttpGraphError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpGraphError';
  }
}

export function unauthenticated(message = 'Access token is missing, invalid, expired or revoked.'): HttpGraphError {
  return new HttpGraphError(401, 'InvalidAuthenticationToken', message, { 'www-authenticate': 'Bearer' });
}

export function badRequest(message: string): HttpGraphError {
  return new HttpGraphError(400, 'Request_BadRequest', message);
}

export function graphEnvelope(request: FastifyRequest, code: string, message: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString(),
        'request-id': request.id,
        'client-request-id': clientRequestIdOf(request.headers) ?? request.id,
      },
    },
  };
}

type AnyError = Partial<FastifyError> & Error & { validation?: unknown; validationContext?: string };

function validationMessage(error: AnyError): string {
  const first = Array.isArray(error.validation) ? (error.validation[0] as { instancePath?: string; keyword?: string; params?: Record<string, unknown>; message?: string } | undefined) : undefined;
  if (!first) return error.message;
  const where = error.validationContext ?? 'body';
  const path = (first.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (first.keyword === 'additionalProperties') {
    return `Property '${String(first.params?.['additionalProperty'])}' does not exist in the ${where} of this request.`;
  }
  if (first.keyword === 'required') return `Property '${String(first.params?.['missingProperty'])}' is required in the ${where}.`;
  return `Invalid value for '${path || where}': ${first.message ?? 'not valid'}.`;
}

/**
 * Errors Fastify's router raises before any route or hook runs (a path parameter over its length cap,
 * a malformed percent-escape): a 400 like any other bad id, without echoing the path back.
 */
const ROUTER_ERRORS: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'A segment of the URL path is longer than 100 characters.',
  FST_ERR_BAD_URL: 'The URL path is not valid: it has a malformed percent-escape.',
};

/** Sends the envelope for any error; logs (with the request id) only what is unexpected. */
export function sendGraphError(error: AnyError, request: FastifyRequest, reply: FastifyReply) {
  let mapped: GraphError;
  let headers: Record<string, string> = {};
  if (isDomainError(error)) {
    mapped = graphErrorOf(error);
  } else if (error instanceof HttpGraphError) {
    mapped = { status: error.status, code: error.code, message: error.message };
    headers = error.headers;
  } else if (isODataQueryError(error)) {
    mapped = { status: 400, code: error.code, message: error.message };
  } else if (error.code !== undefined && ROUTER_ERRORS[error.code] !== undefined) {
    mapped = { status: 400, code: 'Request_BadRequest', message: ROUTER_ERRORS[error.code] ?? '' };
  } else if (error.validation) {
    mapped = { status: 400, code: 'Request_BadRequest', message: validationMessage(error) };
  } else if (error.statusCode === 429) {
    mapped = { status: 429, code: 'TooManyRequests', message: 'Too many requests. Retry after the time given in Retry-After.' };
  } else if (error.statusCode === 413) {
    mapped = { status: 413, code: 'Request_EntityTooLarge', message: 'The request body is too large.' };
  } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors (bad JSON, wrong content type) are safe to echo.
    mapped = { status: error.statusCode, code: 'Request_BadRequest', message: error.message };
  } else {
    request.log.error({ err: error }, 'request failed');
    mapped = { status: 500, code: 'InternalServerError', message: 'An internal error occurred.' };
  }
  if (mapped.status >= 400 && mapped.status < 500 && isDomainError(error)) request.log.info({ reason: error.reason }, 'request refused');
  return reply.code(mapped.status).headers(headers).send(graphEnvelope(request, mapped.code, mapped.message));
}

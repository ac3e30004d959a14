// The one error mapper of the /auth routes: `{ error: { code, message } }` (docs/adr/0017). Messages
// never say which part of a sign-in was wrong.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/index.js';

export class AuthHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}, readonly extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AuthHttpError';
  }
}

export const INVALID_CREDENTIALS = 'The sign-in name or password is not valid, or the account cannot sign in now.';

export const csrfRefused = () => new AuthHttpError(403, 'CsrfCheckFailed', 'The request failed the cross-site request forgery check.');

export function authErrorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message }, ...extra };
}

type AnyError = Partial<FastifyError> & Error & { validation?: unknown };

export async function sendAuthError(error: AnyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AuthHttpError) {
    return reply.code(error.status).headers(error.headers).send(authErrorBody(error.code, error.message, error.extra));
  }
  if (isDomainError(error)) {
    if (error.category === 'unauthenticated') return reply.code(401).send(authErrorBody('InvalidCredentials', INVALID_CREDENTIALS));
    return reply.code(400).send(authErrorBody('BadRequest', error.message));
  }
  if (error.validation !== undefined) return reply.code(400).send(authErrorBody('BadRequest', 'The request body is not valid.'));
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'sign-in route failed');
    return reply.code(500).send(authErrorBody('InternalServerError', 'Something went wrong. Try again later.'));
  }
  return reply.code(status).send(authErrorBody('BadRequest', error.message));
}

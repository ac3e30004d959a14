// CSRF defences for cookie-authenticated requests (docs/adr/0017, ASVS 3.5): a token bound to the
// session (HMAC of its id under a server key), plus the browser's own signals — Sec-Fetch-Site must be
// same-origin and Origin must be this server's, whenever the browser sends them.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(`roster-csrf\n${sessionId}`).digest('base64url');
}

/** This server's origin: ROSTER_PUBLIC_URL when set (behind a proxy), else the request's own scheme and host. */
export function ownOrigin(request: FastifyRequest, publicOrigin: string | undefined): string {
  return publicOrigin ?? `${request.protocol}://${request.host}`;
}

/** False when the browser says the request comes from another site or origin. */
export function fromOwnOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(request, publicOrigin)) return false;
  return true;
}

/** The whole check for a state-changing request made with the session cookie. */
export function passesCsrf(request: FastifyRequest, key: Buffer, sessionId: string, publicOrigin: string | undefined): boolean {
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(csrfTokenFor(key, sessionId));
  return a.length === b.length && timingSafeEqual(a, b) && fromOwnOrigin(request, publicOrigin);
}

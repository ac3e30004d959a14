// The portal's cookies (docs/adr/0017): `__Host-` names (Secure, Path=/, no Domain: only this origin
// ever sees them), HttpOnly, SameSite=Lax. Our values are base64url, UUIDs and dots only, so they need
// no encoding; anything else in a cookie we read is refused rather than decoded.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = '__Host-roster_session';
export const OIDC_COOKIE = '__Host-roster_oidc';

const VALUE = /^[A-Za-z0-9._-]{1,4096}$/;

/** The cookie's value; undefined when absent, empty, or not made of the characters we ever set. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string' || header.length === 0 || header.length > 16_384) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return VALUE.test(value) ? value : undefined;
  }
  return undefined;
}

export function setCookie(reply: FastifyReply, name: string, value: string, maxAgeSeconds: number): void {
  if (!VALUE.test(value)) throw new Error('cookie value out of range');
  reply.header('set-cookie', `${name}=${value}; Max-Age=${Math.floor(maxAgeSeconds)}; Path=/; HttpOnly; Secure; SameSite=Lax`);
}

export function clearCookie(reply: FastifyReply, name: string): void {
  reply.header('set-cookie', `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; Secure; SameSite=Lax`);
}

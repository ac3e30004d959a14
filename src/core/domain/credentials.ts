// API clients (app registrations) and access tokens: the data, the token string format and its limits.
// The format carries the tenant and the token id, so a lookup is one primary-key read in the right tenant
// (docs/adr/0007-token-format.md): rst1.<tenantId>.<tokenId>.<secret>.
import type { AppPermission } from './actor.js';
import type { Instant, TenantId, UserId } from './model.js';

export interface ApiClient {
  readonly tenantId: TenantId;
  /** The client id (a UUID). */
  readonly id: string;
  readonly displayName: string;
  readonly permissions: readonly AppPermission[];
  /** PasswordHasher hash of the client secret; never leaves storage and the core. */
  readonly secretHash: string;
  readonly createdBy: string | null;
  readonly createdDateTime: Instant;
  readonly disabled: boolean;
}

export type TokenPrincipal = { readonly type: 'user'; readonly userId: UserId } | { readonly type: 'app'; readonly clientId: string };

export interface AccessToken {
  readonly tenantId: TenantId;
  readonly id: string;
  /** SHA-256 (hex) of the token's secret part. */
  readonly secretHash: string;
  readonly principal: TokenPrincipal;
  readonly createdDateTime: Instant;
  readonly expiresDateTime: Instant;
  readonly revokedDateTime: Instant | null;
  readonly description: string | null;
}

export const TOKEN_PREFIX = 'rst1';
/** Client-credentials tokens live one hour, as Entra's do. */
export const CLIENT_TOKEN_SECONDS = 3600;
export const USER_TOKEN_DEFAULT_DAYS = 30;
export const USER_TOKEN_MAX_DAYS = 90;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function formatToken(tenantId: TenantId, tokenId: string, secret: string): string {
  return `${TOKEN_PREFIX}.${tenantId}.${tokenId}.${secret}`;
}

/** The parts of a well-formed token string, or null: nothing malformed reaches storage. */
export function parseToken(token: string): { tenantId: TenantId; tokenId: string; secret: string } | null {
  if (token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== TOKEN_PREFIX) return null;
  const [, tenantId, tokenId, secret] = parts as [string, string, string, string];
  if (!UUID.test(tenantId) || !UUID.test(tokenId) || !SECRET.test(secret)) return null;
  return { tenantId, tokenId, secret };
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Adds seconds to an instant without reading the clock (the core gets `now` from the Clock port). */
export function plusSeconds(at: Instant, seconds: number): Instant {
  return new Date(Date.parse(at) + seconds * 1000).toISOString();
}

/** Whether the token may be used at `now` (the principal's own state is checked separately). */
export function tokenUsable(token: AccessToken, now: Instant): boolean {
  return token.revokedDateTime === null && token.expiresDateTime > now;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** What a token's owner sees: revoked wins over expired. */
export function tokenStatus(token: Pick<AccessToken, 'revokedDateTime' | 'expiresDateTime'>, now: Instant): TokenStatus {
  if (token.revokedDateTime !== null) return 'revoked';
  return token.expiresDateTime > now ? 'active' : 'expired';
}

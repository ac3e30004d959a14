// Ports for credentials: API clients, access tokens and their secrets, portal sessions, sign-in
// throttles and OIDC identity links. Part of the core's ports (re-exported by ports.ts).
import type { AccessToken, ApiClient } from './domain/credentials.js';
import type { Session } from './domain/sessions.js';
import type { SignInThrottle } from './domain/policy/sign-in.js';
import type { Instant, UserId } from './domain/model.js';

export interface ApiClientRepository {
  get(id: string): Promise<ApiClient | null>;
  insert(client: ApiClient): Promise<void>;
  update(client: ApiClient): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Ordered by displayName, then id. */
  list(): Promise<ApiClient[]>;
}

export interface AccessTokenRepository {
  get(id: string): Promise<AccessToken | null>;
  insert(token: AccessToken): Promise<void>;
  /** Sets revokedDateTime unless already revoked; true when it changed. */
  revoke(id: string, at: Instant): Promise<boolean>;
  /** Revokes every live token of a user or client; returns how many. */
  revokeAllOf(principal: AccessToken['principal'], at: Instant): Promise<number>;
  /** A user's tokens, newest first (revoked and expired included). */
  listForUser(userId: UserId): Promise<AccessToken[]>;
}

/** Secrets for tokens: random, hashed with a fast digest (they are high-entropy), compared in constant time. */
export interface TokenSecrets {
  /** 32 random bytes, base64url (43 characters). */
  newSecret(): string;
  /** SHA-256 of the secret, hex. */
  digest(secret: string): string;
  /** Constant-time equality of two digests. */
  sameDigest(a: string, b: string): boolean;
}

/** Portal sessions (docs/adr/0017): rows keyed by id; the secret is stored as SHA-256 only. */
export interface SessionRepository {
  get(id: string): Promise<Session | null>;
  insert(session: Session): Promise<void>;
  /** Moves last-seen forward (never back). */
  touch(id: string, at: Instant): Promise<void>;
  /** Sets revokedDateTime unless already revoked; true when it changed. */
  revoke(id: string, at: Instant): Promise<boolean>;
  /** Revokes every live session of a user; returns how many. */
  revokeAllOf(userId: UserId, at: Instant): Promise<number>;
  /** Deletes sessions that ended (expired or revoked) before `before`; returns how many. */
  prune(before: Instant): Promise<number>;
}

/** Failed sign-in counting per (account, client) and per account (clientKey ACCOUNT_WIDE). */
export interface SignInThrottleRepository {
  /**
   * Holds the account's lock until the transaction ends (PostgreSQL `FOR UPDATE` on the user row;
   * SQLite transactions are already serial), so concurrent failures are all counted.
   */
  lockAccount(userId: UserId): Promise<void>;
  get(userId: UserId, clientKey: string): Promise<SignInThrottle | null>;
  put(userId: UserId, clientKey: string, throttle: SignInThrottle): Promise<void>;
  clear(userId: UserId, clientKey: string): Promise<void>;
}

/** OpenID Connect identities linked to users: (issuer, subject) → user. */
export interface OidcLinkRepository {
  find(issuer: string, subject: string): Promise<UserId | null>;
  /** Links (issuer, subject) to the user; false when that identity is already linked. */
  link(issuer: string, subject: string, userId: UserId, at: Instant): Promise<boolean>;
  /** The subject this issuer is linked to for the user, if any (one identity per issuer and user). */
  subjectOf(issuer: string, userId: UserId): Promise<string | null>;
  /** Removes a link (one whose user is gone); true when there was one. */
  unlink(issuer: string, subject: string): Promise<boolean>;
}

// What the /auth routes share (built once by the plugin in index.ts).
import type { Core } from '../../core/index.js';
import type { OidcSettings } from './oidc-client.js';

export interface PortalAuthContext {
  core: Core;
  /** HMAC key of the CSRF tokens (the same key the /v1.0 cookie check uses). */
  csrfKey: Buffer;
  /** Key of the sealed OpenID Connect flow cookie. */
  flowKey: Buffer;
  defaultTenant: () => Promise<string | null>;
  /** ROSTER_PUBLIC_URL's origin, when set. */
  publicOrigin: string | undefined;
  loginRateLimit: { max: number; windowMs: number };
  oidc: OidcSettings | undefined;
  /** Milliseconds since the epoch (rate limits and the flow cookie's expiry). */
  now: () => number;
}

// The OpenID Connect relying party on `openid-client`: discovery (cached; retried after a failure),
// the authorization URL (code flow, PKCE S256, random state and nonce), and the code redemption, which
// checks state, the RFC 9207 `iss` answer, the ID token's issuer, audience, signature, expiry and nonce;
// email and name come from the ID token or, when it has none, from UserInfo (same subject).
import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** ROSTER_PUBLIC_URL + /auth/oidc/callback: registered at the provider. */
  redirectUri: string;
  match: 'subject' | 'email';
  createUsers: boolean;
  /** Tests only: a provider on plain HTTP (127.0.0.1). */
  allowInsecureRequests?: boolean | undefined;
}

/** What the callback needs to finish the flow it started. */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
}

export interface VerifiedClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface OidcClient {
  start(): Promise<{ url: string; flow: OidcFlow }>;
  /** Redeems the code once; throws when any check fails. */
  finish(callbackQuery: string, flow: OidcFlow): Promise<VerifiedClaims>;
}

export function oidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | null = null;
  const config = (): Promise<client.Configuration> => {
    configuration ??= client.discovery(
      new URL(settings.issuer), settings.clientId, { client_secret: settings.clientSecret }, client.ClientSecretBasic(settings.clientSecret),
      // openid-client trusts a token-endpoint ID token on TLS alone unless told otherwise (OIDC Core
      // 3.1.3.7 allows it); ADR 0017 promises the signature is checked, so it is, against the JWKS.
      { execute: [client.enableNonRepudiationChecks, ...(settings.allowInsecureRequests ? [client.allowInsecureRequests] : [])] },
    ).catch((error: unknown) => {
      configuration = null;
      throw error;
    });
    return configuration;
  };
  return {
    async start() {
      const c = await config();
      const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: settings.redirectUri, scope: 'openid email profile', response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier), code_challenge_method: 'S256',
        state: flow.state, nonce: flow.nonce,
      });
      return { url: url.href, flow };
    },
    async finish(callbackQuery, flow) {
      const c = await config();
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(c, current, {
        pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // Many providers put scope claims (email, name) in the UserInfo answer only, not in the ID token;
      // openid-client checks that its subject is the ID token's.
      const extra = claims['email'] === undefined ? await client.fetchUserInfo(c, tokens.access_token, claims.sub) : {};
      const all: Record<string, unknown> = { ...extra, ...claims };
      const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
      return {
        issuer: claims.iss, subject: claims.sub, email: text(all['email']), emailVerified: all['email_verified'] === true, name: text(all['name']),
      };
    },
  };
}

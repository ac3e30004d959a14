// Shared by the API-client and token use cases: the secrets port, and views that never carry a hash.
import type { AccessToken, ApiClient } from '../../domain/credentials.js';
import type { CoreDeps, TokenSecrets } from '../../ports.js';

export type ApiClientView = Omit<ApiClient, 'secretHash'>;
export type AccessTokenView = Omit<AccessToken, 'secretHash'>;

export function clientView(c: ApiClient): ApiClientView {
  const { secretHash: _hash, ...view } = c;
  return view;
}

export function tokenView(t: AccessToken): AccessTokenView {
  const { secretHash: _hash, ...view } = t;
  return view;
}

export function secretsOf(deps: CoreDeps): TokenSecrets {
  if (!deps.secrets) throw new Error('CoreDeps.secrets is required for API clients and tokens');
  return deps.secrets;
}

// OAuth 2.0 client credentials: an API client trades its id and secret for a one-hour bearer token.
// Unknown client, wrong secret and disabled client all answer the same invalidClient.
import { CLIENT_TOKEN_SECONDS, formatToken, isUuid, plusSeconds, type AccessToken } from '../domain/credentials.js';
import { DomainError } from '../domain/errors.js';
import type { CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { secretsOf } from './support/credentials.js';

export interface ClientCredentialsInput {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  requestId?: string | undefined;
}

export async function issueClientCredentialsToken(deps: CoreDeps, input: ClientCredentialsInput): Promise<{ accessToken: string; expiresIn: number }> {
  // Nothing is written for a tenant that does not exist (not even the denial).
  if (!isUuid(input.tenantId) || !isUuid(input.clientId) || input.clientSecret.length > 200 || !(await deps.uow.tenants.get(input.tenantId))) {
    throw new DomainError('invalidClient');
  }
  const caller = { tenantId: input.tenantId, principal: { type: 'app' as const, appId: input.clientId, permissions: [] }, channel: 'api' as const, requestId: input.requestId };
  return runUseCase(deps, caller, 'token.issue', { type: 'apiClient', id: input.clientId }, async (uc) => {
    const client = await uc.scope.apiClients.get(input.clientId);
    if (!client || client.disabled || !(await deps.passwords.verify(input.clientSecret, client.secretHash))) throw new DomainError('invalidClient');
    const secrets = secretsOf(deps);
    const secret = secrets.newSecret();
    const token: AccessToken = {
      tenantId: input.tenantId, id: deps.ids.newId(), secretHash: secrets.digest(secret), principal: { type: 'app', clientId: client.id },
      createdDateTime: uc.now, expiresDateTime: plusSeconds(uc.now, CLIENT_TOKEN_SECONDS), revokedDateTime: null, description: 'client credentials',
    };
    await uc.scope.tokens.insert(token);
    await uc.audit({ action: 'token.issue', targetType: 'token', targetId: token.id, after: { principal: token.principal, expiresDateTime: token.expiresDateTime } });
    return { accessToken: formatToken(input.tenantId, token.id, secret), expiresIn: CLIENT_TOKEN_SECONDS - 1 };
  });
}

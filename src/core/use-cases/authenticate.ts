// Bearer token → the principal it acts for. Malformed, unknown, wrong-secret, expired, revoked,
// other-tenant tokens and tokens of a disabled user or client all get the same invalidToken.
// Failures are not audited: the tenant in a forged token is the attacker's choice.
import { parseToken, tokenUsable } from '../domain/credentials.js';
import { DomainError } from '../domain/errors.js';
import type { CoreDeps, Principal } from '../ports.js';
import { secretsOf } from './support/credentials.js';

export interface Authenticated {
  tenantId: string;
  principal: Principal;
  tokenId: string;
}

export async function authenticate(deps: CoreDeps, input: { token: string }): Promise<Authenticated> {
  const parsed = parseToken(input.token);
  if (!parsed) throw new DomainError('invalidToken');
  const secrets = secretsOf(deps);
  if (!(await deps.uow.tenants.get(parsed.tenantId))) throw new DomainError('invalidToken');
  return deps.uow.transaction(parsed.tenantId, async (scope) => {
    const token = await scope.tokens.get(parsed.tokenId);
    if (!token || !secrets.sameDigest(token.secretHash, secrets.digest(parsed.secret)) || !tokenUsable(token, deps.clock.now())) {
      throw new DomainError('invalidToken');
    }
    if (token.principal.type === 'user') {
      const user = await scope.users.get(token.principal.userId);
      if (!user || !user.accountEnabled) throw new DomainError('invalidToken');
      return { tenantId: parsed.tenantId, principal: { type: 'user', userId: user.id }, tokenId: token.id };
    }
    const client = await scope.apiClients.get(token.principal.clientId);
    if (!client || client.disabled) throw new DomainError('invalidToken');
    return { tenantId: parsed.tenantId, principal: { type: 'app', appId: client.id, permissions: client.permissions }, tokenId: token.id };
  });
}

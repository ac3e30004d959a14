// Revoke a token: its user, a global administrator, or Roster itself. Anyone else is told it does not
// exist, so token ids cannot be probed.
import { DomainError } from '../domain/errors.js';
import { isAllowed } from '../domain/decision.js';
import { decideRevokeToken } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function revokeToken(deps: CoreDeps, caller: Caller, input: { tokenId: string }): Promise<void> {
  return runUseCase(deps, caller, 'token.revoke', { type: 'token', id: input.tokenId }, async (uc) => {
    const token = await uc.scope.tokens.get(input.tokenId);
    const owner = token?.principal.type === 'user' ? token.principal.userId : null;
    if (!token || !isAllowed(decideRevokeToken(uc.policy, owner))) throw new DomainError('tokenNotFound');
    if (await uc.scope.tokens.revoke(token.id, uc.now)) {
      await uc.audit({ action: 'token.revoke', targetType: 'token', targetId: token.id });
    }
  });
}

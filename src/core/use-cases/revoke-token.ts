// Revoke a token: its user, a user or global administrator (decideManageTokensOf), or Roster itself.
// Anyone else is told it does not exist, so token ids cannot be probed. With `userId` (the /me and
// /users/{id}/tokens routes) the token must also be that user's. Revoking a revoked token changes
// nothing and succeeds quietly (no second audit event; docs/adr/0013).
import { DomainError } from '../domain/errors.js';
import { isAllowed } from '../domain/decision.js';
import { decideManageTokensOf } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function revokeToken(deps: CoreDeps, caller: Caller, input: { tokenId: string; userId?: string | undefined }): Promise<void> {
  return runUseCase(deps, caller, 'token.revoke', { type: 'token', id: input.tokenId }, async (uc) => {
    const token = await uc.scope.tokens.get(input.tokenId);
    const ownerId = token?.principal.type === 'user' ? token.principal.userId : null;
    if (!token || (input.userId !== undefined && ownerId !== input.userId)) throw new DomainError('tokenNotFound');
    const owner = ownerId !== null ? await uc.scope.users.get(ownerId) : null;
    if (!isAllowed(decideManageTokensOf(uc.policy, owner))) throw new DomainError('tokenNotFound');
    if (await uc.scope.tokens.revoke(token.id, uc.now)) {
      await uc.audit({ action: 'token.revoke', targetType: 'token', targetId: token.id });
    }
  });
}

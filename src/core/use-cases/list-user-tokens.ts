// A user's tokens (never their secrets or hashes), newest first, each with its status now: for the user
// themselves (`/me/tokens`) and for user and global administrators looking for a leaked one
// (`/users/{id}/tokens`; decideManageTokensOf).
import { tokenStatus, type TokenStatus } from '../domain/credentials.js';
import { DomainError } from '../domain/errors.js';
import { decideManageTokensOf } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { tokenView, type AccessTokenView } from './support/credentials.js';

export type UserTokenView = AccessTokenView & { readonly status: TokenStatus };

export async function listUserTokens(deps: CoreDeps, caller: Caller, input: { userId: string }): Promise<UserTokenView[]> {
  return runUseCase(deps, caller, 'token.list', { type: 'user', id: input.userId }, async (uc) => {
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    uc.enforce(decideManageTokensOf(uc.policy, user));
    return (await uc.scope.tokens.listForUser(user.id)).map((t) => ({ ...tokenView(t), status: tokenStatus(t, uc.now) }));
  });
}

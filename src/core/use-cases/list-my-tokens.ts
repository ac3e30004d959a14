// A user's own tokens (never their secrets), newest first.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { tokenView, type AccessTokenView } from './support/credentials.js';

export async function listMyTokens(deps: CoreDeps, caller: Caller): Promise<AccessTokenView[]> {
  return runUseCase(deps, caller, 'token.list', { type: 'token', id: null }, async (uc) => {
    if (uc.actor.kind !== 'user') return [];
    return (await uc.scope.tokens.listForUser(uc.actor.id)).map(tokenView);
  });
}

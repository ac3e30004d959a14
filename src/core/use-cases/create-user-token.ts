// A user token for scripts and the CLI: it acts as that user (delegated), so self-service rules apply.
// A user creates one for themselves; Roster itself (`roster token create --upn`) for anyone. A caller
// who signed in with a token cannot make one that outlives it (docs/adr/0013-self-service-tokens.md).
import { formatToken, plusSeconds, USER_TOKEN_DEFAULT_DAYS, USER_TOKEN_MAX_DAYS, type AccessToken } from '../domain/credentials.js';
import { DomainError } from '../domain/errors.js';
import { decideIssueUserToken, userTokenExpiry } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { secretsOf, tokenView, type AccessTokenView } from './support/credentials.js';

export interface CreateUserTokenInput {
  /** Whose token: an id or a sign-in name; omitted = the calling user. */
  userId?: string | undefined;
  userPrincipalName?: string | undefined;
  days?: number | undefined;
  description?: string | undefined;
}

export async function createUserToken(deps: CoreDeps, caller: Caller, input: CreateUserTokenInput = {}): Promise<{ token: AccessTokenView; accessToken: string }> {
  return runUseCase(deps, caller, 'token.create', { type: 'token', id: null }, async (uc) => {
    const days = input.days ?? USER_TOKEN_DEFAULT_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > USER_TOKEN_MAX_DAYS) throw new DomainError('invalidInput', `days must be 1–${USER_TOKEN_MAX_DAYS}.`);
    const user = input.userPrincipalName !== undefined
      ? await uc.scope.users.getByUserPrincipalName(input.userPrincipalName)
      : await uc.scope.users.get(input.userId ?? (caller.principal.type === 'user' ? caller.principal.userId : ''));
    if (!user) throw new DomainError('userNotFound');
    uc.enforce(decideIssueUserToken(uc.policy, user.id));
    if (!user.accountEnabled) throw new DomainError('accountDisabled');
    const presented = caller.tokenId !== undefined ? await uc.scope.tokens.get(caller.tokenId) : null;
    const lifetime = userTokenExpiry({ expires: plusSeconds(uc.now, days * 86_400), explicit: input.days !== undefined }, presented?.expiresDateTime ?? null);
    uc.enforce(lifetime.decision);
    const description = input.description?.trim().slice(0, 256) || null;
    const secrets = secretsOf(deps);
    const secret = secrets.newSecret();
    const token: AccessToken = {
      tenantId: caller.tenantId, id: deps.ids.newId(), secretHash: secrets.digest(secret), principal: { type: 'user', userId: user.id },
      createdDateTime: uc.now, expiresDateTime: lifetime.expires, revokedDateTime: null, description,
    };
    await uc.scope.tokens.insert(token);
    await uc.audit({ action: 'token.create', targetType: 'token', targetId: token.id, after: tokenView(token) });
    return { token: tokenView(token), accessToken: formatToken(caller.tenantId, token.id, secret) };
  });
}

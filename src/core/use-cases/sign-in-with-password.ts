// Local sign-in (docs/adr/0017, SECURITY #12): a wrong name, wrong password, disabled or locked account
// all answer the same invalidCredentials, after a password check of the same cost (a dummy hash when
// there is no user). The lockout counts per (account, client) and per account; every attempt is audited
// with what happened, never the password.
import { isUuid } from '../domain/credentials.js';
import { DomainError } from '../domain/errors.js';
import {
  ACCOUNT_FAILURE_LIMIT, ACCOUNT_WIDE, afterFailure, decideSignIn, justLocked, PAIR_FAILURE_LIMIT,
} from '../domain/policy/sign-in.js';
import type { CoreDeps } from '../ports.js';
import { auditSignIn, dummyHash, openSession, type SignedIn } from './support/sessions.js';

export interface PasswordSignInInput {
  tenantId: string;
  userPrincipalName: string;
  password: string;
  /** The client's address: the lockout counts per (account, client) first. */
  clientKey: string;
  requestId?: string | undefined;
}

export async function signInWithPassword(deps: CoreDeps, input: PasswordSignInInput): Promise<SignedIn> {
  const tenant = isUuid(input.tenantId) ? await deps.uow.tenants.get(input.tenantId) : null;
  if (!tenant) {
    // Not audited: the tenant is the caller's choice. Same work as any other failure.
    await deps.passwords.verify(input.password, await dummyHash(deps));
    throw new DomainError('invalidCredentials');
  }
  const upn = input.userPrincipalName.trim().slice(0, 256);
  const found = await deps.uow.transaction(tenant.id, async (scope) => {
    const user = await scope.users.getByUserPrincipalName(upn);
    return { user, hash: user ? await scope.credentials.getPasswordHash(user.id) : null };
  });
  // Outside any transaction: scrypt takes tens of milliseconds and holds no connection meanwhile.
  const passwordMatches = await deps.passwords.verify(input.password, found.hash ?? await dummyHash(deps));
  const signedIn = await deps.uow.transaction(tenant.id, async (scope) => {
    const now = deps.clock.now();
    const { user } = found;
    if (user) await scope.signInThrottles.lockAccount(user.id);
    const pair = user ? await scope.signInThrottles.get(user.id, input.clientKey) : null;
    const account = user ? await scope.signInThrottles.get(user.id, ACCOUNT_WIDE) : null;
    const decision = decideSignIn({
      userFound: user !== null, accountEnabled: user?.accountEnabled ?? false, hasPassword: found.hash !== null,
      passwordMatches: found.hash !== null && passwordMatches, pair, account, now,
    });
    if (decision.outcome === 'success' && user) {
      await scope.signInThrottles.clear(user.id, input.clientKey);
      return openSession(deps, scope, tenant, user, 'password', input);
    }
    const failure = decision.outcome === 'failure' ? decision.failure : 'unknownUser';
    await auditSignIn(scope, deps, {
      action: 'auth.signIn', userId: user?.id ?? null, outcome: 'denied', requestId: input.requestId,
      after: { method: 'password', userPrincipalName: upn, client: input.clientKey, failure },
    });
    if (user && decision.outcome === 'failure' && decision.counts) {
      const nextPair = afterFailure(pair, now, PAIR_FAILURE_LIMIT);
      const nextAccount = afterFailure(account, now, ACCOUNT_FAILURE_LIMIT);
      await scope.signInThrottles.put(user.id, input.clientKey, nextPair);
      await scope.signInThrottles.put(user.id, ACCOUNT_WIDE, nextAccount);
      for (const [scopeName, before, after] of [['client', pair, nextPair], ['account', account, nextAccount]] as const) {
        if (justLocked(before, after, now)) {
          await auditSignIn(scope, deps, {
            action: 'auth.lockout', userId: user.id, outcome: 'denied', requestId: input.requestId,
            after: { scope: scopeName, client: input.clientKey, lockedUntilDateTime: after.lockedUntilDateTime },
          });
        }
      }
    }
    return null;
  });
  if (!signedIn) throw new DomainError('invalidCredentials');
  return signedIn;
}

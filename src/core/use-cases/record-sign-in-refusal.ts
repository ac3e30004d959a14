// A sign-in the adapter refused before the core saw an identity (an OpenID Connect answer with a bad
// state, nonce, issuer, audience, signature or a replayed code): audited in the tenant, nothing else.
import { isUuid } from '../domain/credentials.js';
import type { CoreDeps } from '../ports.js';
import { auditSignIn } from './support/sessions.js';

export interface SignInRefusal {
  tenantId: string;
  method: 'oidc';
  /** A short machine word for the audit log (e.g. stateMismatch, tokenRejected); never a secret. */
  failure: string;
  clientKey: string;
  requestId?: string | undefined;
}

export async function recordSignInRefusal(deps: CoreDeps, input: SignInRefusal): Promise<void> {
  if (!isUuid(input.tenantId) || !(await deps.uow.tenants.get(input.tenantId))) return;
  await deps.uow.transaction(input.tenantId, (scope) => auditSignIn(scope, deps, {
    action: 'auth.signIn', userId: null, outcome: 'denied', requestId: input.requestId,
    after: { method: input.method, client: input.clientKey, failure: input.failure.slice(0, 64) },
  }));
}

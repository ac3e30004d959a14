// Sign-out: revokes the session the cookie names (when its secret matches) and audits it. Quietly does
// nothing for a cookie that names no live session, so signing out twice is harmless.
import { parseSessionCookie } from '../domain/sessions.js';
import type { CoreDeps } from '../ports.js';
import { secretsOf } from './support/credentials.js';
import { auditSignIn } from './support/sessions.js';

export async function signOut(deps: CoreDeps, input: { cookie: string; requestId?: string | undefined }): Promise<void> {
  const parsed = parseSessionCookie(input.cookie);
  if (!parsed || !(await deps.uow.tenants.get(parsed.tenantId))) return;
  const secrets = secretsOf(deps);
  await deps.uow.transaction(parsed.tenantId, async (scope) => {
    const session = await scope.sessions.get(parsed.sessionId);
    if (!session || !secrets.sameDigest(session.secretHash, secrets.digest(parsed.secret))) return;
    if (await scope.sessions.revoke(session.id, deps.clock.now())) {
      await auditSignIn(scope, deps, { action: 'auth.signOut', userId: session.userId, outcome: 'success', requestId: input.requestId, after: { sessionId: session.id } });
    }
  });
}

// Delete an application (Graph DELETE /servicePrincipals/{id}): admins only, not its owners. Its
// owners, assignments (given and giving its audience) and blocks go with it.
import { decideAdministerApps } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function deleteApp(deps: CoreDeps, caller: Caller, input: { id: string }): Promise<void> {
  return runUseCase(deps, caller, 'app.delete', { type: 'application', id: input.id }, async (uc) => {
    const { app } = await loadVisibleApp(uc, input.id);
    uc.enforce(decideAdministerApps(uc.policy));
    // Apps that were given this app's audience lose it: provisioning re-evaluates them too.
    const fed = (await uc.scope.appAssignments.listByPrincipal(app.id, { limit: 10_000, principalType: 'ServicePrincipal' })).map((a) => a.resourceId);
    await uc.scope.appAssignments.lockAudienceEdges();
    await uc.scope.apps.delete(app.id);
    await uc.audit({ action: 'app.delete', targetType: 'application', targetId: app.id, before: app });
    await uc.scope.outbox.enqueue({ topic: 'app.deleted', payload: { appId: app.id, feeding: [...new Set(fed)].sort() } }, uc.now);
  });
}

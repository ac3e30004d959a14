// Remove an owner of an application: admins only. An app may have no owners (admins manage it).
import { DomainError } from '../domain/errors.js';
import { decideAdministerApps } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function removeAppOwner(deps: CoreDeps, caller: Caller, input: { appId: string; userId: string }): Promise<void> {
  return runUseCase(deps, caller, 'app.owner.remove', { type: 'appOwner', id: `${input.appId}/${input.userId}` }, async (uc) => {
    const { app } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideAdministerApps(uc.policy));
    if (!(await uc.scope.apps.removeOwner(app.id, input.userId))) throw new DomainError('notAnAppOwner');
    await uc.audit({ action: 'app.owner.remove', targetType: 'appOwner', targetId: app.id, before: { appId: app.id, userId: input.userId } });
    await uc.scope.outbox.enqueue({ topic: 'app.ownerRemoved', payload: { appId: app.id, userId: input.userId } }, uc.now);
  });
}

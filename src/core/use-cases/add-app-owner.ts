// Make a user an owner of an application: admins only (owners cannot change owners, ADR 0019).
import { actorId } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import { decideAdministerApps } from '../domain/policy/apps.js';
import type { AppOwnership, Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function addAppOwner(deps: CoreDeps, caller: Caller, input: { appId: string; userId: string }): Promise<AppOwnership> {
  return runUseCase(deps, caller, 'app.owner.add', { type: 'appOwner', id: `${input.appId}/${input.userId}` }, async (uc) => {
    const { app } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideAdministerApps(uc.policy));
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    const ownership: AppOwnership = { appId: app.id, userId: user.id, addedBy: actorId(uc.actor), addedDateTime: uc.now };
    if (!(await uc.scope.apps.addOwner(ownership))) throw new DomainError('alreadyAppOwner');
    await uc.audit({ action: 'app.owner.add', targetType: 'appOwner', targetId: app.id, after: ownership });
    await uc.scope.outbox.enqueue({ topic: 'app.ownerAdded', payload: { appId: app.id, userId: user.id } }, uc.now);
    return ownership;
  });
}

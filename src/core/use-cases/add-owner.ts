// Make a user an owner (SPEC §3.6): owners may make members owners if the tenant setting allows them.
import { actorId } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { Ownership } from '../domain/model.js';
import { decideAddOwner } from '../domain/policy/owners.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export async function addOwner(deps: CoreDeps, caller: Caller, input: { groupId: string; userId: string }): Promise<Ownership> {
  return runUseCase(deps, caller, 'owner.add', { type: 'ownership', id: `${input.groupId}/${input.userId}` }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    const [isMember, isOwner] = await Promise.all([
      uc.scope.memberships.get(group.id, user.id).then((m) => m !== null),
      uc.scope.owners.isOwner(group.id, user.id),
    ]);
    uc.enforce(decideAddOwner(uc.policy, group, rel, { isMember, isOwner }));
    const ownership: Ownership = { tenantId: caller.tenantId, groupId: group.id, userId: user.id, addedBy: actorId(uc.actor), addedDateTime: uc.now };
    if (!(await uc.scope.owners.add(ownership))) throw new DomainError('alreadyOwner');
    await uc.audit({ action: 'owner.add', targetType: 'ownership', targetId: group.id, after: ownership });
    await uc.scope.outbox.enqueue({ topic: 'owner.added', payload: { groupId: group.id, userId: user.id } }, uc.now);
    return ownership;
  });
}

// A user joins an open group at once (SPEC §3.4: "auto-approved").
import { DomainError } from '../domain/errors.js';
import type { Membership } from '../domain/model.js';
import { decideJoin } from '../domain/policy/membership.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export async function joinGroup(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<Membership> {
  return runUseCase(deps, caller, 'group.join', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    uc.enforce(decideJoin(uc.policy, group, rel));
    if (uc.actor.kind !== 'user') throw new DomainError('invalidInput');
    const membership: Membership = {
      tenantId: caller.tenantId, groupId: group.id, memberId: uc.actor.id, memberType: 'user', source: 'join',
      addedBy: uc.actor.id, addedDateTime: uc.now, expiresDateTime: null, requestId: null,
    };
    if (!(await uc.scope.memberships.add(membership))) throw new DomainError('alreadyMember');
    await uc.audit({ action: 'group.join', targetType: 'membership', targetId: group.id, after: membership });
    await uc.scope.outbox.enqueue({ topic: 'membership.added', payload: { groupId: group.id, memberId: uc.actor.id } }, uc.now);
    return membership;
  });
}

// Delete a user: their memberships, ownerships and pending requests go with them.
import { DomainError } from '../domain/errors.js';
import { decideDeleteUser } from '../domain/policy/directory.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function deleteUser(deps: CoreDeps, caller: Caller, input: { userId: string }): Promise<void> {
  return runUseCase(deps, caller, 'user.delete', { type: 'user', id: input.userId }, async (uc) => {
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    uc.enforce(decideDeleteUser(uc.policy, user));
    const pending = await uc.scope.requests.listByRequester(user.id, { status: 'pending', limit: 10_000 });
    for (const r of pending) {
      await uc.scope.requests.decide(r.id, { status: 'cancelled', decidedBy: null, decisionReason: 'The requester was deleted.', decidedDateTime: uc.now, membershipExpiresDateTime: null });
    }
    const groups = await uc.scope.memberships.removeAllOfMember(user.id);
    const owned = await uc.scope.owners.removeAllOfUser(user.id);
    await uc.scope.users.delete(user.id);
    await uc.audit({ action: 'user.delete', targetType: 'user', targetId: user.id, before: { ...user, memberOf: groups, ownerOf: owned } });
    await uc.scope.outbox.enqueue({ topic: 'user.deleted', payload: { userId: user.id, groups, owned } }, uc.now);
  });
}

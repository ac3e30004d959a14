// The subject of memberOf, transitiveMemberOf and checkMemberGroups: a user or a group the caller may see.
import { DomainError } from '../../domain/errors.js';
import { canSeeGroup, canSeeUser } from '../../domain/policy/visibility.js';
import type { UseCaseContext } from './context.js';
import { relationOf } from './relation.js';

/** The subject must exist *and* be visible to the caller, as for GET /users/{id} and /groups/{id} (SECURITY #1). */
export async function requireMember(uc: UseCaseContext, memberId: string): Promise<void> {
  if (await uc.scope.users.get(memberId)) {
    if (canSeeUser(uc.policy)) return;
    throw new DomainError('memberNotFound');
  }
  const group = await uc.scope.groups.get(memberId);
  if (group && canSeeGroup(uc.policy, group, await relationOf(uc, uc.actor, group))) return;
  throw new DomainError('memberNotFound');
}

// POST /directory/deletedItems/getUserOwnedObjects (type Group): the deleted groups a user owns, as
// Graph lists them for My Groups — up to 1,000, by id, no paging, none past the 30-day window (docs/adr/0021). Each is kept only
// when the caller may see it, the same pure rule as the tenant-wide deleted list (canSeeGroup: its
// owners, group admins, apps that manage groups), so asking about someone else reveals no more than
// the caller could see anyway. The restore ability on each comes from decideRestoreGroup.
import { DomainError } from '../domain/errors.js';
import { isPurgeDue } from '../domain/policy/lifecycle.js';
import { canSeeGroup, canSeeUser } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { relationOf } from './support/relation.js';
import { viewOf, type GroupView } from './support/views.js';

export const OWNED_DELETED_LIMIT = 1000;

export async function listDeletedOwnedGroups(deps: CoreDeps, caller: Caller, input: { userId: string }): Promise<GroupView[]> {
  return runUseCase(deps, caller, 'group.listDeleted', { type: 'user', id: input.userId }, async (uc) => {
    const self = uc.actor.kind === 'user' && uc.actor.id === input.userId;
    if (!self && (!canSeeUser(uc.policy) || !(await uc.scope.users.get(input.userId)))) throw new DomainError('userNotFound');
    const groups = (await uc.scope.groups.getMany(await uc.scope.owners.groupIdsOwnedBy(input.userId)))
      // Past the window a group is gone for good, whether or not the purge sweep has run yet.
      .filter((g) => g.deletedDateTime !== null && !isPurgeDue(g, uc.now))
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, OWNED_DELETED_LIMIT);
    const views: GroupView[] = [];
    for (const group of groups) {
      const rel = await relationOf(uc, uc.actor, group);
      if (canSeeGroup(uc.policy, group, rel)) views.push(await viewOf(uc, group, rel));
    }
    return views;
  });
}

// My Groups home: the groups I am a direct member of, and the groups I own.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { viewsOf, type GroupView } from './support/views.js';

export async function listMyGroups(deps: CoreDeps, caller: Caller): Promise<GroupView[]> {
  return runUseCase(deps, caller, 'group.listMine', { type: 'group', id: null }, async (uc) => {
    if (uc.actor.kind !== 'user') return [];
    const memberships = await uc.scope.memberships.listGroupsOf(uc.actor.id);
    const groups = await uc.scope.groups.getMany(memberships.map((m) => m.groupId));
    return viewsOf(uc, groups.filter((g) => g.deletedDateTime === null).sort(byName));
  });
}

export async function listOwnedGroups(deps: CoreDeps, caller: Caller, input: { includeDeleted?: boolean } = {}): Promise<GroupView[]> {
  return runUseCase(deps, caller, 'group.listOwned', { type: 'group', id: null }, async (uc) => {
    if (uc.actor.kind !== 'user') return [];
    const groups = await uc.scope.groups.getMany(await uc.scope.owners.groupIdsOwnedBy(uc.actor.id));
    return viewsOf(uc, groups.filter((g) => input.includeDeleted || g.deletedDateTime === null).sort(byName));
  });
}

export function byName(a: { displayName: string; id: string }, b: { displayName: string; id: string }): number {
  return a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);
}

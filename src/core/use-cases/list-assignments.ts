// Read assignments (Graph appRoleAssignment lists): of an app (…/appRoleAssignedTo), of a group
// (/groups/{id}/appRoleAssignments) and of a user (/users/{id}/appRoleAssignments, direct only; the
// paths through groups and audiences are explain's). Each lists only what its reader may see.
import type { AppAssignment } from '../domain/apps.js';
import { DomainError } from '../domain/errors.js';
import { decideReadAppAccess, decideReadGroupAssignments, NO_APP_RELATION } from '../domain/policy/apps.js';
import { requireEnabled } from '../domain/policy/context.js';
import type { Caller, CoreDeps } from '../ports.js';
import { cursorAfter, loadVisibleApp, pageLimit, type AccessPage } from './support/apps.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export interface AssignmentPageInput {
  after?: string | undefined;
  /** 1–999, default 100. */
  limit?: number | undefined;
}

const page = (items: AppAssignment[], limit: number): AccessPage<AppAssignment> => ({ items, nextCursor: cursorAfter(items, limit, (a) => a.id) });

export async function listAppAssignments(deps: CoreDeps, caller: Caller, input: AssignmentPageInput & { appId: string }): Promise<AccessPage<AppAssignment> & { count: number }> {
  return runUseCase(deps, caller, 'app.assignment.list', { type: 'application', id: input.appId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideReadAppAccess(uc.policy, rel));
    const limit = pageLimit(input.limit);
    const items = await uc.scope.appAssignments.listByApp(app.id, { after: input.after, limit });
    return { ...page(items, limit), count: await uc.scope.appAssignments.countByApp(app.id) };
  });
}

/** A group's assignments: readers of every app, group administrators, and the group's owners. */
export async function listGroupAssignments(deps: CoreDeps, caller: Caller, input: AssignmentPageInput & { groupId: string }): Promise<AccessPage<AppAssignment>> {
  return runUseCase(deps, caller, 'group.assignment.list', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId);
    uc.enforce(decideReadGroupAssignments(uc.policy, rel));
    const limit = pageLimit(input.limit);
    return page(await uc.scope.appAssignments.listByPrincipal(group.id, { after: input.after, limit, principalType: 'Group' }), limit);
  });
}

/** A user's direct assignments: the user themselves and readers of every app. */
export async function listUserAssignments(deps: CoreDeps, caller: Caller, input: AssignmentPageInput & { userId: string }): Promise<AccessPage<AppAssignment>> {
  return runUseCase(deps, caller, 'user.assignment.list', { type: 'user', id: input.userId }, async (uc) => {
    const self = uc.actor.kind === 'user' && uc.actor.id === input.userId;
    if (self) uc.enforce(requireEnabled(uc.policy));
    else uc.enforce(decideReadAppAccess(uc.policy, NO_APP_RELATION));
    if (!(await uc.scope.users.get(input.userId))) throw new DomainError('userNotFound');
    const limit = pageLimit(input.limit);
    return page(await uc.scope.appAssignments.listByPrincipal(input.userId, { after: input.after, limit, principalType: 'User' }), limit);
  });
}

// Applications and assignments as a caller sees them on the wire (ADR 0019 "Wire"): each app with the
// caller's abilities on it, each assignment with the display names Graph shows, owners and blocked users as users.
// Views of what another use case just returned to this caller: they read, never decide access.
import type { AppAssignment, Application, PrincipalType } from '../domain/apps.js';
import { DomainError } from '../domain/errors.js';
import type { User } from '../domain/model.js';
import { appAbilities, type AppAbilities } from '../domain/policy/app-abilities.js';
import { decideManageApp } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export interface AppView {
  readonly app: Application;
  readonly abilities: AppAbilities;
}

export interface AssignmentView {
  readonly assignment: AppAssignment;
  readonly principalDisplayName: string | null;
  readonly resourceDisplayName: string | null;
}

export async function viewApps(deps: CoreDeps, caller: Caller, input: { apps: readonly Application[] }): Promise<AppView[]> {
  return runUseCase(deps, caller, 'app.read', { type: 'application', id: null }, async (uc) => {
    const owned = uc.actor.kind === 'user' ? new Set(await uc.scope.apps.appIdsOwnedBy(uc.actor.id)) : new Set<string>();
    return input.apps.map((app) => ({ app, abilities: appAbilities(uc.policy, { isOwner: owned.has(app.id), hasAccess: false }) }));
  });
}

export async function viewAssignments(deps: CoreDeps, caller: Caller, input: { assignments: readonly AppAssignment[] }): Promise<AssignmentView[]> {
  return runUseCase(deps, caller, 'app.assignment.list', { type: 'appAssignment', id: null }, async (uc) => {
    const ids = { User: new Set<string>(), Group: new Set<string>(), ServicePrincipal: new Set<string>() };
    for (const a of input.assignments) {
      ids[a.principalType].add(a.principalId);
      ids.ServicePrincipal.add(a.resourceId);
    }
    const [users, groups, apps] = await Promise.all([
      uc.scope.users.getMany([...ids.User]), uc.scope.groups.getMany([...ids.Group]), uc.scope.apps.getMany([...ids.ServicePrincipal]),
    ]);
    const names = new Map<string, string>();
    for (const x of [...users, ...groups, ...apps]) names.set(x.id, x.displayName);
    return input.assignments.map((assignment) => ({
      assignment, principalDisplayName: names.get(assignment.principalId) ?? null, resourceDisplayName: names.get(assignment.resourceId) ?? null,
    }));
  });
}

/** The users behind ids another app use case returned to this caller (owners, blocked users), in that order. */
export async function viewAppUsers(deps: CoreDeps, caller: Caller, input: { userIds: readonly string[] }): Promise<User[]> {
  return runUseCase(deps, caller, 'app.read', { type: 'application', id: null }, async (uc) => {
    const byId = new Map((await uc.scope.users.getMany([...new Set(input.userIds)])).map((u) => [u.id, u]));
    return input.userIds.flatMap((id) => byId.get(id) ?? []);
  });
}

/**
 * Which kind of principal an id names, for Graph's assignment body, which carries only `principalId`:
 * a user, a group, or an application (its audience). Asked only by those who may assign `appId`, so
 * nobody else learns whether an id exists; unknown ids are "not found". The rest is assignApp's.
 */
export async function principalTypeOf(deps: CoreDeps, caller: Caller, input: { appId: string; id: string }): Promise<PrincipalType> {
  return runUseCase(deps, caller, 'app.assign', { type: 'appAssignment', id: input.appId }, async (uc) => {
    const { rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideManageApp(uc.policy, rel));
    if (await uc.scope.users.get(input.id)) return 'User';
    if (await uc.scope.groups.get(input.id)) return 'Group';
    if (await uc.scope.apps.get(input.id)) return 'ServicePrincipal';
    throw new DomainError('memberNotFound');
  });
}

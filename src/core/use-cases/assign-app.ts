// Give an app to a user, a security group, or the audience of another app (Graph POST
// /servicePrincipals/{id}/appRoleAssignedTo; ADR 0019). An audience edge is checked for loops under
// the per-tenant audience lock, so two concurrent opposite edges cannot both be written.
import { actorId } from '../domain/actor.js';
import { DEFAULT_ACCESS_ROLE_ID, PRINCIPAL_TYPES, type AppAssignment, type PrincipalType } from '../domain/apps.js';
import { findAssignmentCycle } from '../domain/access/audience.js';
import { DomainError } from '../domain/errors.js';
import { decideAssign, decideReadAppAccess, NO_APP_RELATION, type AssignTarget } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { appRelationOf, loadVisibleApp } from './support/apps.js';
import { runUseCase, type UseCaseContext } from './support/context.js';

export interface AssignAppInput {
  /** The app given (Graph `resourceId`). */
  appId: string;
  principalType: PrincipalType;
  /** A user id, a group id, or the id of the app whose audience receives it. */
  principalId: string;
  /** Default: Default Access (the zero GUID). */
  appRoleId?: string | undefined;
}

async function targetOf(uc: UseCaseContext, input: AssignAppInput): Promise<AssignTarget> {
  if (input.principalType === 'User') {
    if (!(await uc.scope.users.get(input.principalId))) throw new DomainError('userNotFound');
    return { type: 'User' };
  }
  if (input.principalType === 'Group') {
    const group = await uc.scope.groups.get(input.principalId);
    if (!group) throw new DomainError('groupNotFound');
    return { type: 'Group', group };
  }
  const source = await uc.scope.apps.get(input.principalId);
  if (!source) throw new DomainError('appNotFound');
  return { type: 'ServicePrincipal', source: await appRelationOf(uc, source) };
}

/** Names the loop; apps the caller may not read are counted, not named (§3.9). */
async function describeLoop(uc: UseCaseContext, loop: readonly string[]): Promise<string> {
  const readsAll = decideReadAppAccess(uc.policy, NO_APP_RELATION).outcome === 'allow';
  const apps = new Map((await uc.scope.apps.getMany(loop)).map((a) => [a.id, a.displayName]));
  const ends = new Set([loop[0], loop[1]]);
  const names = loop.map((id) => (readsAll || ends.has(id) ? apps.get(id) ?? id : null));
  const hidden = names.filter((n) => n === null).length;
  const shown = names.filter((n): n is string => n !== null).join(' ← ');
  return hidden === 0 ? `The loop: ${shown}.` : `The loop: ${shown}, through ${hidden} application(s) you cannot see.`;
}

export async function assignApp(deps: CoreDeps, caller: Caller, input: AssignAppInput): Promise<AppAssignment> {
  return runUseCase(deps, caller, 'app.assign', { type: 'appAssignment', id: input.appId }, async (uc) => {
    if (!PRINCIPAL_TYPES.includes(input.principalType)) throw new DomainError('invalidInput', `principalType must be one of ${PRINCIPAL_TYPES.join(', ')}.`);
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    const appRoleId = (input.appRoleId ?? DEFAULT_ACCESS_ROLE_ID).toLowerCase();
    uc.enforce(decideAssign(uc.policy, app, rel, await targetOf(uc, input), appRoleId));
    if (input.principalType === 'ServicePrincipal') {
      await uc.scope.appAssignments.lockAudienceEdges();
      const loop = findAssignmentCycle(await uc.scope.appAssignments.listAll({ principalTypes: ['ServicePrincipal'] }), app.id, input.principalId);
      if (loop) {
        throw new DomainError('assignmentCycle', await describeLoop(uc, loop));
      }
    }
    const assignment: AppAssignment = {
      tenantId: caller.tenantId, id: deps.ids.newId(), resourceId: app.id, appRoleId,
      principalType: input.principalType, principalId: input.principalId, createdBy: actorId(uc.actor), createdDateTime: uc.now,
    };
    await uc.scope.appAssignments.insert(assignment);
    await uc.audit({ action: 'app.assign', targetType: 'appAssignment', targetId: assignment.id, after: assignment });
    await uc.scope.outbox.enqueue({ topic: 'assignment.added', payload: { appId: app.id, principalType: assignment.principalType, principalId: assignment.principalId } }, uc.now);
    return assignment;
  });
}

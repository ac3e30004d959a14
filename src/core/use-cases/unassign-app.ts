// Remove an assignment (Graph DELETE /servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}): admins
// and the app's owners.
import { DomainError } from '../domain/errors.js';
import { decideManageApp } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp, removeAssignment } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function unassignApp(deps: CoreDeps, caller: Caller, input: { appId: string; assignmentId: string }): Promise<void> {
  return runUseCase(deps, caller, 'app.unassign', { type: 'appAssignment', id: input.assignmentId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideManageApp(uc.policy, rel));
    const assignment = await uc.scope.appAssignments.get(input.assignmentId);
    if (!assignment || assignment.resourceId !== app.id) throw new DomainError('assignmentNotFound');
    await removeAssignment(uc, app, assignment);
  });
}

// Remove every assignment that gives an application to one principal (a user, a group, or another
// app's audience) — `roster apps unassign`. One transaction: all of them go, with an audit event and
// an outbox job each, or none does; nothing assigned is the same refusal as Graph's DELETE of a
// missing assignment (audited as a denial).
import { DomainError } from '../domain/errors.js';
import type { AppAssignment, PrincipalType } from '../domain/apps.js';
import { decideManageApp } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp, removeAssignment } from './support/apps.js';
import { runUseCase } from './support/context.js';

const PAGE = 500;

export interface UnassignPrincipalInput {
  appId: string;
  principalType: PrincipalType;
  principalId: string;
}

export async function unassignPrincipal(deps: CoreDeps, caller: Caller, input: UnassignPrincipalInput): Promise<{ removed: number }> {
  return runUseCase(deps, caller, 'app.unassign', { type: 'application', id: input.appId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideManageApp(uc.policy, rel));
    const mine: AppAssignment[] = [];
    for (let after: string | undefined; ;) {
      const page = await uc.scope.appAssignments.listByPrincipal(input.principalId, { principalType: input.principalType, limit: PAGE, after });
      mine.push(...page.filter((a) => a.resourceId === app.id));
      if (page.length < PAGE) break;
      after = page[page.length - 1]?.id;
    }
    if (mine.length === 0) throw new DomainError('assignmentNotFound', 'The principal has no assignment to this application.');
    for (const assignment of mine) await removeAssignment(uc, app, assignment);
    return { removed: mine.length };
  });
}

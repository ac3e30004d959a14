// Update an application (Graph PATCH /servicePrincipals/{id}): admins and its owners. A role still
// given by an assignment cannot be removed (disable it first, as Entra requires).
import type { Application } from '../domain/apps.js';
import { validAppRoles, validUrl, type AppRoleInput } from '../domain/access/app-fields.js';
import { DomainError } from '../domain/errors.js';
import { decideManageApp } from '../domain/policy/apps.js';
import { MAX_DESCRIPTION, validDisplayName, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export interface AppPatch {
  displayName?: string | undefined;
  description?: string | null | undefined;
  homepage?: string | null | undefined;
  loginUrl?: string | null | undefined;
  logoUrl?: string | null | undefined;
  accountEnabled?: boolean | undefined;
  appRoleAssignmentRequired?: boolean | undefined;
  visibleToUsers?: boolean | undefined;
  cascadeNestedGroups?: boolean | undefined;
  /** Replaces the roles (ids kept by giving them). */
  appRoles?: AppRoleInput[] | undefined;
}

export async function updateApp(deps: CoreDeps, caller: Caller, input: { id: string; patch: AppPatch }): Promise<Application> {
  return runUseCase(deps, caller, 'app.update', { type: 'application', id: input.id }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.id);
    uc.enforce(decideManageApp(uc.policy, rel));
    const p = input.patch;
    const next: Application = {
      ...app,
      ...(p.displayName !== undefined && { displayName: validDisplayName(p.displayName) }),
      ...(p.description !== undefined && { description: validOptionalText(p.description, 'description', MAX_DESCRIPTION) }),
      ...(p.homepage !== undefined && { homepage: validUrl(p.homepage, 'homepage') }),
      ...(p.loginUrl !== undefined && { loginUrl: validUrl(p.loginUrl, 'loginUrl') }),
      ...(p.logoUrl !== undefined && { logoUrl: validUrl(p.logoUrl, 'logoUrl') }),
      ...(p.accountEnabled !== undefined && { accountEnabled: p.accountEnabled }),
      ...(p.appRoleAssignmentRequired !== undefined && { appRoleAssignmentRequired: p.appRoleAssignmentRequired }),
      ...(p.visibleToUsers !== undefined && { visibleToUsers: p.visibleToUsers }),
      ...(p.cascadeNestedGroups !== undefined && { cascadeNestedGroups: p.cascadeNestedGroups }),
      ...(p.appRoles !== undefined && { appRoles: validAppRoles(p.appRoles, () => deps.ids.newId()) }),
    };
    if (p.appRoles !== undefined) {
      const kept = new Set(next.appRoles.map((r) => r.id));
      const removed = app.appRoles.filter((r) => !kept.has(r.id)).map((r) => r.id);
      if (removed.length > 0) {
        for (let after: string | undefined; ;) {
          const page = await uc.scope.appAssignments.listByApp(app.id, { after, limit: 1000 });
          if (page.some((a) => removed.includes(a.appRoleId))) throw new DomainError('invalidInput', 'An app role still assigned cannot be removed: disable it, or remove its assignments first.');
          if (page.length < 1000) break;
          after = page[page.length - 1]?.id;
        }
      }
    }
    await uc.scope.apps.update(next);
    await uc.audit({ action: 'app.update', targetType: 'application', targetId: app.id, before: app, after: next });
    await uc.scope.outbox.enqueue({ topic: 'app.updated', payload: { appId: app.id } }, uc.now);
    return next;
  });
}

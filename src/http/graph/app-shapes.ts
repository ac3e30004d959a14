// Graph's JSON shapes for applications (servicePrincipal), their assignments (appRoleAssignment) and
// Roster's own access answers (effective access, explain, My Apps, impact preview). Roster's fields
// on Graph objects are OData instance annotations (`@roster.*`, ADR 0008); ADR 0019 "Wire".
import type { AccessPath, AccessStep, AppAssignment, AppBlock, Application } from '../../core/domain/apps.js';
import type { AppAbilities } from '../../core/domain/policy/app-abilities.js';
import { HIDDEN_GROUP_ID } from '../../core/domain/access/scoping.js';

/** Display names for the ids a path or an assignment carries; null when the caller may not know it. */
export type NameOf = (step: AccessStep) => string | null;
export const NO_NAMES: NameOf = () => null;

const STEP_TYPE = { user: '#microsoft.graph.user', group: '#microsoft.graph.group', app: '#microsoft.graph.servicePrincipal' } as const;

export function servicePrincipalJson(app: Application, abilities?: AppAbilities): Record<string, unknown> {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    description: app.description,
    homepage: app.homepage,
    loginUrl: app.loginUrl,
    logoUrl: app.logoUrl,
    accountEnabled: app.accountEnabled,
    appRoleAssignmentRequired: app.appRoleAssignmentRequired,
    appRoles: app.appRoles,
    servicePrincipalType: 'Application',
    createdDateTime: app.createdDateTime,
    '@roster.visibleToUsers': app.visibleToUsers,
    '@roster.cascadeNestedGroups': app.cascadeNestedGroups,
    ...(abilities ? { '@roster.abilities': abilities } : {}),
  };
}

export interface AssignmentNames {
  principalDisplayName: string | null;
  resourceDisplayName: string | null;
}

export function appRoleAssignmentJson(a: AppAssignment, names: AssignmentNames): Record<string, unknown> {
  return {
    id: a.id,
    deletedDateTime: null,
    appRoleId: a.appRoleId,
    createdDateTime: a.createdDateTime,
    principalDisplayName: names.principalDisplayName,
    principalId: a.principalId,
    principalType: a.principalType,
    resourceDisplayName: names.resourceDisplayName,
    resourceId: a.resourceId,
  };
}

/** One path, user first: `[{ '@odata.type': '#microsoft.graph.user', id, displayName }, …group…, …app]`. */
export function accessPathJson(path: AccessPath, nameOf: NameOf): Record<string, unknown> {
  return {
    assignmentId: path.assignmentId,
    appRoleId: path.appRoleId,
    // A group the caller may not see (§3.9) has neither id nor name.
    steps: path.steps.map((s) => ({ '@odata.type': STEP_TYPE[s.kind], id: s.id === HIDDEN_GROUP_ID ? null : s.id, displayName: s.id === HIDDEN_GROUP_ID ? null : nameOf(s) })),
  };
}

export function blockJson(b: AppBlock, userDisplayName: string | null): Record<string, unknown> {
  return { userId: b.userId, userDisplayName, appId: b.appId, reason: b.reason, createdBy: b.createdBy, createdDateTime: b.createdDateTime };
}

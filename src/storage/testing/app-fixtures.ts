// Applications, assignments and blocks with every field set, for storage and access tests.
import { DEFAULT_ACCESS_ROLE_ID, type AppAssignment, type AppBlock, type Application, type PrincipalType } from '../../core/domain/apps.js';
import type { TenantId } from '../../core/domain/model.js';
import { newId, T0 } from './fixtures.js';

export function makeApp(tenantId: TenantId, over: Partial<Application> = {}): Application {
  const id = over.id ?? newId();
  return {
    tenantId,
    id,
    appId: newId(),
    displayName: `App ${id.slice(0, 8)}`,
    description: null,
    homepage: null,
    loginUrl: null,
    logoUrl: null,
    accountEnabled: true,
    appRoleAssignmentRequired: true,
    visibleToUsers: true,
    cascadeNestedGroups: true,
    appRoles: [],
    createdBy: null,
    createdDateTime: T0,
    ...over,
  };
}

export function makeAssignment(tenantId: TenantId, appId: string, principalType: PrincipalType, principalId: string, over: Partial<AppAssignment> = {}): AppAssignment {
  return {
    tenantId, id: newId(), resourceId: appId, appRoleId: DEFAULT_ACCESS_ROLE_ID, principalType, principalId, createdBy: null, createdDateTime: T0, ...over,
  };
}

export function makeBlock(tenantId: TenantId, appId: string, userId: string, over: Partial<AppBlock> = {}): AppBlock {
  return { tenantId, appId, userId, reason: null, createdBy: null, createdDateTime: T0, ...over };
}

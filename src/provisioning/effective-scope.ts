// The provisioning scope as effective access defines it (docs/adr/0019): assigned, not blocked, enabled,
// app enabled. Binds the engine's ProvisioningScope to the core's system-level access reads.
import {
  appsOfUserIds, appsReachingGroup, assignedGroups, groupMembersInScope, isInProvisioningScope, loadAccessGraph, provisioningScopePage,
} from '../core/use-cases/support/access.js';
import type { AppId } from '../core/domain/apps.js';
import type { TenantScope } from '../core/ports.js';
import type { ProvisioningScope } from './scope.js';

export const effectiveAccessScope: ProvisioningScope = {
  usersPage: provisioningScopePage,
  isUserInScope: isInProvisioningScope,
  appsReachingGroup,
  appsOfUser: appsOfUserIds,
  assignedGroups,
  groupMembersInScope,
  async appsDependingOn(scope: TenantScope, appId: AppId): Promise<AppId[]> {
    const graph = await loadAccessGraph(scope);
    const out: AppId[] = [];
    for (const candidate of [...graph.apps.keys()].sort()) {
      const terms = graph.plan(candidate, { assignmentsOnly: true }).terms;
      if (candidate === appId || terms.some((t) => t.blockedBy.includes(appId) || (t.kind === 'users' && t.appId === appId))) out.push(candidate);
    }
    return out;
  },
};

// System-level reads of effective access for provisioning and the access use cases (docs/adr/0019,
// 0020). They take a TenantScope and check no actor: callers decide who may ask. "In scope" is the
// provisioning scope: reached through an assignment (an app open to everyone counts only its
// assignments), not blocked, enabled, app enabled.
import type { AppId } from '../../domain/apps.js';
import { AccessGraph, type AudiencePlan } from '../../domain/access/audience.js';
import { appsOfUser, explainAccess } from '../../domain/access/explain.js';
import type { GroupId, UserId } from '../../domain/model.js';
import type { TenantScope } from '../../ports.js';

const PAGE = 1000;

/** Every app and assignment of the tenant, indexed for plans. */
export async function loadAccessGraph(scope: TenantScope): Promise<AccessGraph> {
  const [apps, assignments, withUsers] = await Promise.all([
    scope.apps.listAll(), scope.appAssignments.listAll({ principalTypes: ['Group', 'ServicePrincipal'] }), scope.appAssignments.appIdsAssignedToUsers(),
  ]);
  return new AccessGraph(apps, assignments, withUsers);
}

async function scopePlan(scope: TenantScope, appId: AppId): Promise<AudiencePlan> {
  return (await loadAccessGraph(scope)).plan(appId, { assignmentsOnly: true });
}

/** User ids in the app's provisioning scope, ordered by id, after the keyset. */
export async function provisioningScopePage(scope: TenantScope, appId: AppId, after: string | null, limit: number): Promise<string[]> {
  return scope.access.pageUserIds(await scopePlan(scope, appId), { after: after ?? undefined, limit });
}

export async function isInProvisioningScope(scope: TenantScope, appId: AppId, userId: UserId): Promise<boolean> {
  const facts = await scope.access.facts(userId);
  return explainAccess(facts, appId, { assignmentsOnly: true }).verdict === 'granted';
}

/**
 * Apps whose audience includes members of this group: assigned to it, to a group above it (when the
 * app cascades), or through another app's audience that does; also apps whose plan reaches everyone.
 */
export async function appsReachingGroup(scope: TenantScope, groupId: GroupId): Promise<AppId[]> {
  const [graph, above] = await Promise.all([loadAccessGraph(scope), scope.access.selfAndAncestorGroupIds(groupId)]);
  const lineage = new Set([groupId, ...above]);
  const out: AppId[] = [];
  for (const appId of [...graph.apps.keys()].sort()) {
    const reaches = graph.plan(appId, { assignmentsOnly: true }).terms.some((t) =>
      t.kind === 'everyone' || (t.kind === 'group' && (t.groupId === groupId || (t.cascade && lineage.has(t.groupId)))));
    if (reaches) out.push(appId);
  }
  return out;
}

/** Apps the user is in the provisioning scope of. */
export async function appsOfUserIds(scope: TenantScope, userId: UserId): Promise<AppId[]> {
  const facts = await scope.access.facts(userId);
  return appsOfUser(facts, { assignmentsOnly: true }).filter((e) => e.verdict === 'granted').map((e) => e.appId);
}

/** Live groups assigned to the app directly, ordered by id. */
export async function assignedGroups(scope: TenantScope, appId: AppId): Promise<GroupId[]> {
  const ids = new Set<GroupId>();
  for (let after: string | undefined; ;) {
    const page = await scope.appAssignments.listByApp(appId, { after, limit: PAGE });
    for (const a of page) if (a.principalType === 'Group') ids.add(a.principalId);
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id;
  }
  const groups = await scope.groups.getMany([...ids]);
  return groups.filter((g) => g.deletedDateTime === null).map((g) => g.id).sort();
}

/** Users in the app's scope through this assigned group (its nested groups too when the app cascades), ordered by id. */
export async function groupMembersInScope(scope: TenantScope, appId: AppId, groupId: GroupId): Promise<string[]> {
  const plan = await scopePlan(scope, appId);
  const only: AudiencePlan = { ...plan, terms: plan.terms.filter((t) => t.kind === 'group' && t.groupId === groupId && t.blockedBy.length === 1) };
  // One read: storage computes the whole audience for any page anyway.
  return scope.access.pageUserIds(only, { limit: Number.MAX_SAFE_INTEGER });
}

// Names on the provisioning log (docs/adr/0020, SPEC §3.9): storage reads each entry's local object with
// the page (one query); this decides which of those names the caller may see. A log entry about a user
// says that user had the app, so it is named exactly as effective access would name it (ADR 0019):
// administrators with an app role and API clients see every user; an app's owner sees a user only
// through a path whose groups' member lists they may see (and always themselves). Groups are named
// while live; a soft-deleted group only to those who may see it. What is hidden and what is gone look
// the same: no name.
import { explainAccess } from '../../domain/access/explain.js';
import { groupsOf, visiblePaths } from '../../domain/access/scoping.js';
import type { AccessPath, AppId } from '../../domain/apps.js';
import { isAppAdmin } from '../../domain/policy/apps.js';
import { NO_RELATION } from '../../domain/policy/context.js';
import { canSeeGroup } from '../../domain/policy/visibility.js';
import type { ProvisioningLogEntry, ProvisioningLogRow } from '../../ports.js';
import type { UseCaseContext } from './context.js';
import { groupsHiddenFrom } from './membership-scoping.js';
import { relationsOf } from './relation.js';

export interface ProvisioningLogItem extends ProvisioningLogEntry {
  /** The user's or group's display name now; null when it is gone, the caller may not see it, or the entry names no object. */
  localDisplayName: string | null;
  /** The user's sign-in name now (users only), under the same rule. */
  localUserPrincipalName: string | null;
}

const key = (type: string, id: string) => `${type}:${id}`;

export async function namedLogEntries(uc: UseCaseContext, appId: AppId, rows: readonly ProvisioningLogRow[]): Promise<ProvisioningLogItem[]> {
  const found = rows.filter((r) => r.local !== null && r.localId !== null && r.objectType !== null);
  const shown = new Set<string>([
    ...(await visibleUsers(uc, appId, unique(found.filter((r) => r.objectType === 'user')))).map((id) => key('user', id)),
    ...(await visibleGroups(uc, found.filter((r) => r.objectType === 'group'))).map((id) => key('group', id)),
  ]);
  // A user entry says that user had the app: to an owner who may not see them, not even the ids are given.
  const redact = callerSeesOnlyVisibleUsers(uc);
  return rows.map(({ local, ...entry }) => {
    const named = local && entry.objectType && entry.localId && shown.has(key(entry.objectType, entry.localId)) ? local : null;
    const hidden = named === null && redact && entry.objectType === 'user';
    return { ...entry, ...(hidden ? { localId: null, remoteId: null } : {}), localDisplayName: named?.displayName ?? null, localUserPrincipalName: named?.userPrincipalName ?? null };
  });
}

function unique(rows: readonly ProvisioningLogRow[]): string[] {
  return [...new Set(rows.map((r) => r.localId as string))];
}

/** A user who is not an application administrator (an app's owner) sees only the users ADR 0019 lets them see. */
export function callerSeesOnlyVisibleUsers(uc: UseCaseContext): boolean {
  return uc.actor.kind === 'user' && !isAppAdmin(uc.actor);
}

/** The users of the page the caller may see as having the app: every one, or those with a visible path (one set of reads for the page). */
export async function visibleUsers(uc: UseCaseContext, appId: AppId, userIds: string[]): Promise<string[]> {
  const { actor } = uc;
  if (userIds.length === 0 || actor.kind !== 'user' || isAppAdmin(actor)) return userIds;
  const facts = await uc.scope.access.factsOfMany(userIds);
  const paths = new Map<string, AccessPath[]>(userIds.map((id, i) => [id, facts[i] ? explainAccess(facts[i], appId).paths : []]));
  const hidden = await groupsHiddenFrom(uc, groupsOf(null, [...paths.values()].flat()));
  return userIds.filter((id) => id === actor.id || visiblePaths(paths.get(id) ?? [], hidden).length > 0);
}

/** Live groups are named to everyone who reads the log (they are the app's assigned groups); a soft-deleted one as canSeeGroup says. */
async function visibleGroups(uc: UseCaseContext, rows: readonly ProvisioningLogRow[]): Promise<string[]> {
  const live = unique(rows.filter((r) => r.local?.deletedDateTime === null));
  const deletedIds = unique(rows.filter((r) => r.local?.deletedDateTime !== null));
  if (deletedIds.length === 0) return live;
  const deleted = await uc.scope.groups.getMany(deletedIds);
  const { relations } = await relationsOf(uc, uc.actor, deleted);
  return [...live, ...deleted.filter((g) => canSeeGroup(uc.policy, g, relations.get(g.id) ?? NO_RELATION)).map((g) => g.id)];
}

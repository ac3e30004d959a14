// The dispatcher (docs/adr/0020): drains a tenant's outbox into provisioning jobs and marks the rows
// done, all in one transaction, so a change is turned into work exactly once however many nodes run.
import type { AppId } from '../core/domain/apps.js';
import type { PendingOutboxMessage, ProvisioningJobKey, TenantScope } from '../core/ports.js';
import type { ProvisioningScope } from './scope.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The jobs one outbox message calls for (none for topics provisioning does not follow). */
export async function jobsFor(scope: TenantScope, access: ProvisioningScope, message: PendingOutboxMessage): Promise<ProvisioningJobKey[]> {
  const p = message.payload;
  const configured = new Set((await scope.provisioning.configs.list()).map((c) => c.appId));
  if (configured.size === 0) return [];
  const keep = (keys: ProvisioningJobKey[]) => keys.filter((k) => configured.has(k.appId));
  const user = (appId: AppId, userId: string): ProvisioningJobKey => ({ appId, kind: 'user', objectId: userId });
  const group = (appId: AppId, groupId: string): ProvisioningJobKey => ({ appId, kind: 'group', objectId: groupId });
  const app = (appId: AppId): ProvisioningJobKey => ({ appId, kind: 'app', objectId: appId });
  const recorded = (type: 'user' | 'group', id: string) => scope.provisioning.objects.appIdsOf(type, id);

  switch (message.topic) {
    case 'membership.added':
    case 'membership.removed': {
      const groupId = str(p.groupId);
      const memberId = str(p.memberId);
      if (!groupId || !memberId) return [];
      const apps = await access.appsReachingGroup(scope, groupId);
      const memberIsGroup = (await scope.groups.get(memberId)) !== null;
      if (memberIsGroup) return keep(apps.map(app));
      const lineage = new Set([groupId, ...(await scope.memberships.ancestorGroupIds(groupId))]);
      const keys: ProvisioningJobKey[] = [];
      for (const appId of new Set([...apps, ...(await recorded('user', memberId))])) {
        keys.push(user(appId, memberId));
        for (const g of await access.assignedGroups(scope, appId)) if (lineage.has(g)) keys.push(group(appId, g));
      }
      return keep(keys);
    }
    case 'user.created':
    case 'user.updated':
    case 'user.deleted': {
      const userId = str(p.userId);
      if (!userId) return [];
      const apps = new Set([...(await access.appsOfUser(scope, userId)), ...(await recorded('user', userId))]);
      return keep([...apps].map((a) => user(a, userId)));
    }
    case 'block.added':
    case 'block.removed': {
      const appId = str(p.appId);
      const userId = str(p.userId);
      if (!appId || !userId) return [];
      return keep((await access.appsDependingOn(scope, appId)).map((a) => user(a, userId)));
    }
    case 'app.deleted': {
      // Provisioning of a deleted app stops; its accounts in the target are left as they are (as Entra).
      const appId = str(p.appId);
      if (!appId) return [];
      await scope.provisioning.jobs.deleteForApp(appId);
      await scope.provisioning.configs.delete(appId);
      const feeding = Array.isArray(p.feeding) ? p.feeding.filter((x): x is string => typeof x === 'string') : [];
      return keep(feeding.map(app));
    }
    case 'group.created':
    case 'group.updated':
    case 'group.deleted':
    case 'group.restored':
    case 'group.purged': {
      const groupId = str(p.groupId);
      if (!groupId) return [];
      const apps = new Set([...(await access.appsReachingGroup(scope, groupId)), ...(await recorded('group', groupId))]);
      // Deleting or restoring a group changes who is in scope: resync those apps whole.
      const whole = message.topic !== 'group.updated' && message.topic !== 'group.created';
      return keep([...apps].map((a) => (whole ? app(a) : group(a, groupId))));
    }
    default: {
      // app.*, assignment.*, provisioning.*: resync the app and every app whose audience follows it.
      const appId = str(p.appId);
      if (!appId || !/^(app|assignment|provisioning)\./.test(message.topic)) return [];
      return keep((await access.appsDependingOn(scope, appId)).map(app));
    }
  }
}

/** One batch: claims up to `limit` outbox rows, enqueues their jobs, marks them done. Returns rows handled. */
export async function dispatchBatch(scope: TenantScope, access: ProvisioningScope, now: string, limit: number): Promise<number> {
  const messages = await scope.provisioning.outbox.claim(now, limit);
  for (const message of messages) {
    for (const key of await jobsFor(scope, access, message)) await scope.provisioning.jobs.enqueue(key, now);
  }
  await scope.provisioning.outbox.markDone(messages.map((m) => m.id), now);
  return messages.length;
}

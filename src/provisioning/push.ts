// One object pushed to a target (docs/adr/0020): a user (desired from scope + mapping vs recorded; looked
// up before any create, a 409 re-runs the lookup, so a crash after the target's 201 leaves no duplicate)
// and a group (matched by externalId then displayName, members changed by add/remove PATCH).
// Reads run in short transactions; no transaction is open while the target is called.
import type { ProvisioningConfig } from '../core/domain/apps.js';
import { diffMembers, planUser, type DesiredUser, type RecordedObject, type RemoteUser, type UserOperation } from '../core/domain/provisioning/diff.js';
import { attributesHash, toScimGroup, toScimUser } from '../core/domain/provisioning/mapping.js';
import type { User } from '../core/domain/model.js';
import type { ProvisionedObject, ProvisionedObjectType, UnitOfWork } from '../core/ports.js';
import type { JobResults } from './results.js';
import { ScimError, type ScimTarget } from './scim-client.js';
import type { ProvisioningScope } from './scope.js';

export interface PushContext {
  readonly uow: UnitOfWork;
  readonly tenantId: string;
  readonly config: ProvisioningConfig;
  readonly client: ScimTarget;
  readonly access: ProvisioningScope;
  readonly results: JobResults;
  readonly now: () => string;
  /** Says which object the requests from now on are about (a reconciliation goes through many), for the log. */
  readonly about?: ((objectType: ProvisionedObjectType, localId: string) => void) | undefined;
}

export function desiredUser(user: User, config: ProvisioningConfig): DesiredUser {
  const resource = toScimUser(user, config.userMapping);
  return { localId: user.id, resource, hash: attributesHash(resource) };
}

const toRecorded = (o: ProvisionedObject | null): RecordedObject | null =>
  o && { localId: o.localId, remoteId: o.remoteId, active: o.active, attributesHash: o.attributesHash };

const notFound = (e: unknown) => e instanceof ScimError && e.status === 404;

async function lookup(client: ScimTarget, desired: DesiredUser): Promise<RemoteUser | null> {
  const byName = await client.findUser('userName', desired.resource.userName);
  if (byName) return byName;
  const externalId = desired.resource.externalId;
  return typeof externalId === 'string' && externalId ? client.findUser('externalId', externalId) : null;
}

/** Brings one user of the app to what is desired; records what it did in ctx.results. */
export async function pushUser(ctx: PushContext, userId: string): Promise<void> {
  const appId = ctx.config.appId;
  const { user, inScope, record } = await ctx.uow.transaction(ctx.tenantId, async (s) => ({
    user: await s.users.get(userId),
    inScope: await ctx.access.isUserInScope(s, appId, userId),
    record: ctx.results.overlay('user', userId) ?? (await s.provisioning.objects.get(appId, 'user', userId)),
  }));
  const desired = user && inScope ? desiredUser(user, ctx.config) : null;
  const created = await applyUser(ctx, desired, toRecorded(record));
  if (created && ctx.config.provisionGroups) {
    // Groups the user belongs to may have been pushed before the user existed in the target.
    const groups = await ctx.uow.transaction(ctx.tenantId, async (s) => {
      const mine = new Set(await s.memberships.transitiveGroupIdsOf(userId));
      return (await ctx.access.assignedGroups(s, appId)).filter((g) => mine.has(g));
    });
    for (const g of groups) ctx.results.followUps.push({ appId, kind: 'group', objectId: g });
  }
}

/** Runs the user's plan; true when the user newly got a remote account (created or adopted). */
export async function applyUser(ctx: PushContext, desired: DesiredUser | null, recorded: RecordedObject | null): Promise<boolean> {
  let remote: RemoteUser | null | undefined;
  let current = recorded;
  let linked = false;
  for (let round = 0; round < 4; round++) {
    const step = planUser(desired, current, remote, ctx.config.deprovision);
    if (step.lookup) {
      remote = await lookup(ctx.client, desired as DesiredUser);
      continue;
    }
    const outcome = await runUserOperations(ctx, desired, step.operations);
    linked ||= outcome.linked;
    if (outcome.restart === null) return linked;
    // The target lost the account (404) or already had it (409): look again and re-plan.
    current = outcome.restart === 'lost' ? null : current;
    remote = undefined;
  }
  throw new ScimError('the target keeps changing under this user; will retry', 'server', null);
}

export async function runUserOperations(
  ctx: PushContext, desired: DesiredUser | null, operations: readonly UserOperation[],
): Promise<{ linked: boolean; restart: 'lost' | 'conflict' | null }> {
  const appId = ctx.config.appId;
  const put = (localId: string, remoteId: string, active: boolean, hash: string | null) =>
    ctx.results.put({ appId, objectType: 'user', localId, remoteId, active, attributesHash: hash, updatedDateTime: ctx.now() });
  let linked = false;
  for (const op of operations) {
    ctx.results.count(op.op);
    try {
      switch (op.op) {
        case 'create': {
          const created = await ctx.client.createUser(op.resource);
          put(op.localId, created.id, op.resource.active, op.hash);
          linked = true;
          break;
        }
        case 'adopt':
          put(op.localId, op.remoteId, desired?.resource.active ?? true, op.hash);
          linked = true;
          break;
        case 'update':
          await ctx.client.replaceUserAttributes(op.remoteId, op.resource);
          put(op.localId, op.remoteId, op.resource.active, op.hash);
          break;
        case 'deactivate':
          await ctx.client.setActive(op.remoteId, false);
          put(op.localId, op.remoteId, false, null);
          break;
        case 'delete':
          await ctx.client.deleteUser(op.remoteId);
          ctx.results.remove('user', op.localId);
          break;
        case 'forget':
          ctx.results.remove('user', op.localId);
          break;
      }
    } catch (error) {
      if (op.op === 'create' && error instanceof ScimError && error.kind === 'conflict') return { linked, restart: 'conflict' };
      if ((op.op === 'update' || op.op === 'deactivate') && notFound(error)) {
        ctx.results.remove('user', op.localId);
        if (desired) return { linked, restart: 'lost' };
        continue;
      }
      throw error;
    }
  }
  return { linked, restart: null };
}

/** Brings one group of the app to what is desired: exists (or not) in the target, named, with its in-scope members. */
export async function pushGroup(ctx: PushContext, groupId: string): Promise<void> {
  const appId = ctx.config.appId;
  const facts = await ctx.uow.transaction(ctx.tenantId, async (s) => {
    const group = await s.groups.get(groupId);
    const assigned = (await ctx.access.assignedGroups(s, appId)).includes(groupId);
    const wanted = ctx.config.provisionGroups && assigned && group !== null && group.deletedDateTime === null;
    const members = wanted ? await ctx.access.groupMembersInScope(s, appId, groupId) : [];
    const stored = await s.provisioning.objects.getMany(appId, 'user', members);
    const memberRecords = members.map((id) => {
      const overlaid = ctx.results.overlay('user', id);
      return overlaid === undefined ? (stored.find((o) => o.localId === id) ?? null) : overlaid;
    });
    const record = ctx.results.overlay('group', groupId) ?? (await s.provisioning.objects.get(appId, 'group', groupId));
    return { group, wanted, memberRecords, record };
  });
  ctx.results.count('group');
  if (!facts.wanted || !facts.group) {
    if (facts.record?.remoteId) await ctx.client.deleteGroup(facts.record.remoteId);
    if (facts.record) ctx.results.remove('group', groupId);
    return;
  }
  const resource = toScimGroup(facts.group);
  const hash = attributesHash(resource);
  const desiredMembers = facts.memberRecords.filter((r): r is ProvisionedObject => r !== null && r.active && r.remoteId !== null).map((r) => r.remoteId as string);
  let remoteId = facts.record?.remoteId ?? null;
  let actual: string[] | null = null;
  // Twice at most: a group deleted in the target behind Roster's back (404) is found or made again.
  for (let round = 0; round < 2 && actual === null; round++) {
    try {
      if (remoteId && facts.record?.attributesHash !== hash) await ctx.client.renameGroup(remoteId, facts.group.displayName);
      if (!remoteId) remoteId = await ensureGroup(ctx, groupId, facts.group.displayName, resource);
      actual = await ctx.client.groupMemberIds(remoteId);
    } catch (error) {
      if (!notFound(error) || round > 0) throw error;
      remoteId = null;
    }
  }
  if (!remoteId || actual === null) throw new ScimError('the target lost the group twice; will retry', 'server', null);
  ctx.results.put({ appId, objectType: 'group', localId: groupId, remoteId, active: true, attributesHash: hash, updatedDateTime: ctx.now() });
  const { add, remove } = diffMembers(desiredMembers, actual);
  if (add.length > 0 || remove.length > 0) await ctx.client.changeGroupMembers(remoteId, add, remove);
}

async function ensureGroup(ctx: PushContext, groupId: string, displayName: string, resource: Record<string, unknown>): Promise<string> {
  const found = (await ctx.client.findGroup('externalId', groupId)) ?? (await ctx.client.findGroup('displayName', displayName));
  if (!found) return (await ctx.client.createGroup(resource)).id;
  if (found.displayName !== displayName) await ctx.client.renameGroup(found.id, displayName);
  return found.id;
}

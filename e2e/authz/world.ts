// The fixed world the authorization table runs in: two tenants, every actor of table.ts with a real
// token, and the target groups and users with the relations the actors need. Targets of rows that
// may change state are made fresh for the row (same relations), so allowed writes never disturb the
// rows after them; read rows and denials use the shared targets.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { defaultSettings, type TenantSettings } from '../../src/core/domain/settings.js';
import type { Caller } from '../../src/core/index.js';
import type { Storage } from '../../src/storage/open-storage.js';
import { startApi, type Api } from '../api-harness.js';
import type { ActorId, GroupTargetId, KindTargetId, RequestTargetId, UserTargetId } from './table.js';

export interface World {
  api: Api;
  /** Bearer token per actor (null: anonymous). */
  tokens: Record<ActorId, string | null>;
  users: Record<'plainUser' | 'nonMember' | 'member' | 'pending' | 'owner' | 'coOwner' | 'groupsAdmin' | 'globalAdmin' | 'disabled', User>;
  other: { tenantId: string; admin: Caller; owner: User; member: User; user: User };
  /** Shared targets (never changed by a row that is expected to succeed); kind targets only with { kinds: true }. */
  groups: Record<GroupTargetId | KindTargetId, string>;
  /** Extra ids for placeholders: {nestParent}, {nestChild} (kinds), {creators} (settings). */
  fixtures: Record<string, string>;
  userTargets: Record<UserTargetId, string>;
  requests: Record<RequestTargetId, string>;
  freshRequest(target: RequestTargetId): Promise<string>;
  freshGroup(target: GroupTargetId | KindTargetId): Promise<string>;
  /**
   * Applies a settings profile on top of the base settings (null: back to the base). Targets made
   * while a profile is on are still built under the base settings (an approval group's pending
   * request needs requests on), then the profile is put back.
   */
  setProfile(patch: Partial<Record<keyof TenantSettings, unknown>> | null): Promise<void>;
  /** New shared targets, after a row changed the old ones when it should not have. */
  resetShared(): Promise<void>;
  freshUser(target: UserTargetId): Promise<string>;
  close(): Promise<void>;
}

const SECURITY = { mailEnabled: false, securityEnabled: true, groupTypes: [] };
const M365 = { mailEnabled: true, securityEnabled: false, groupTypes: ['Unified' as const] };
let seq = 0;

export interface WorldOptions {
  /** Build the group kind targets and the nesting fixtures (table-kinds.ts). */
  kinds?: boolean;
  /** Build the "Selected" group for settings profiles: creators ⊇ {plainUser, creatorsInner ⊇ {owner}}. */
  creators?: boolean;
}

/** The base world's settings: the registry defaults plus requests on, so a pending requester can exist. */
const BASE_SETTINGS: Partial<TenantSettings> = { ownersCanManageJoinRequests: true };

export async function buildWorld(storage: Storage, options: WorldOptions = {}): Promise<World> {
  const api = await startApi(storage, { https: false });
  const { core, adminCaller } = api;
  const system = (tenantId: string): Caller => ({ tenantId, principal: { type: 'system' }, channel: 'api' });
  const tokenOf = async (tenantId: string, user: User) => (await core.createUserToken(system(tenantId), { userId: user.id })).accessToken;

  // Tenant A: join requests on, so a pending requester can exist.
  await core.updateSettings(adminCaller, BASE_SETTINGS);
  const users = {
    plainUser: await api.newUser('Plain'),
    nonMember: await api.newUser('Other Team Owner'),
    member: await api.newUser('Member'),
    pending: await api.newUser('Pending'),
    owner: await api.newUser('Owner'),
    coOwner: await api.newUser('Co Owner'),
    groupsAdmin: await api.newUser('Groups Admin', ['groupsAdmin']),
    globalAdmin: api.admin,
    disabled: await api.newUser('Disabled'),
  };
  // The non-member owns and belongs to a group of their own (SPEC §3.9: two business owners).
  await core.createGroup(adminCaller, { displayName: 'Other team', ...SECURITY, visibility: 'Private', owners: [users.nonMember.id], members: [users.nonMember.id] });

  // Tenant B: its own admin, an owner and member of its group, and a plain user who is an actor.
  const b = await core.bootstrapTenant({ tenantName: `Fabrikam ${++seq}-${randomUUID().slice(0, 8)}`, admin: { userPrincipalName: `admin@b${randomUUID().slice(0, 8)}.example`, displayName: 'Bea Admin', password: 'correct horse battery' } });
  const bAdmin: Caller = { tenantId: b.tenant.id, principal: { type: 'user', userId: b.admin.id }, channel: 'adminCenter' };
  const bDomain = b.admin.userPrincipalName.split('@')[1];
  const bUser = (name: string) => core.createUser(bAdmin, { userPrincipalName: `${name.toLowerCase()}.${++seq}@${bDomain}`, displayName: name, roles: [] });
  const other = { tenantId: b.tenant.id, admin: bAdmin, owner: await bUser('Bowner'), member: await bUser('Bmember'), user: await bUser('Bplain') };
  await core.updateSettings(bAdmin, { ownersCanManageJoinRequests: true });

  const tokens: Record<ActorId, string | null> = {
    anonymous: null,
    disabled: await tokenOf(api.tenantId, users.disabled),
    plainUser: await tokenOf(api.tenantId, users.plainUser),
    nonMember: await tokenOf(api.tenantId, users.nonMember),
    member: await tokenOf(api.tenantId, users.member),
    pending: await tokenOf(api.tenantId, users.pending),
    owner: await tokenOf(api.tenantId, users.owner),
    coOwner: await tokenOf(api.tenantId, users.coOwner),
    groupsAdmin: await tokenOf(api.tenantId, users.groupsAdmin),
    globalAdmin: await tokenOf(api.tenantId, users.globalAdmin),
    appReadWrite: await api.appToken(['Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'User.ReadWrite.All']),
    appReadOnly: await api.appToken(['Group.Read.All', 'GroupMember.Read.All', 'User.Read.All']),
    appUnrelated: await api.appToken(['AuditLog.Read.All']),
    otherTenantUser: await tokenOf(b.tenant.id, other.user),
  };
  await core.updateUser(adminCaller, { userId: users.disabled.id, accountEnabled: false });

  const asPending: Caller = { tenantId: api.tenantId, principal: { type: 'user', userId: users.pending.id }, channel: 'api' };
  const memberRelations = { owners: [users.owner.id, users.coOwner.id], members: [users.member.id, users.disabled.id] };

  const scim: Caller = { tenantId: api.tenantId, principal: { type: 'system' }, channel: 'scim' };
  const securityGroup = async (name: string, extra: Record<string, unknown> = {}) =>
    (await core.createGroup(adminCaller, { displayName: `${name} ${++seq}`, mailNickname: `${name}${seq}`, ...SECURITY, visibility: 'Private', ...extra })).group.id;

  async function makeGroup(target: GroupTargetId | KindTargetId): Promise<string> {
    const n = ++seq;
    switch (target) {
      case 'dynamic':
        // Members come from the rule only, so nobody (the member actor included) is added by hand.
        return securityGroup('dynamic', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"', owners: memberRelations.owners });
      case 'synced':
        // Inbound SCIM (ADR 4): externally managed, membership source sync; owners given explicitly.
        return (await core.createGroup(scim, { displayName: `synced ${n}`, mailNickname: `synced${n}`, ...SECURITY, ...memberRelations })).group.id;
      case 'roleAssignable':
        return securityGroup('roleassignable', { isAssignableToRole: true, ...memberRelations });
      case 'nested': {
        // inner ⊂ nested ⊂ outer; nested takes requests, as the private target does.
        const inner = await securityGroup('inner');
        const nested = await securityGroup('nested', { joinPolicy: 'approval', owners: memberRelations.owners, members: [...memberRelations.members, inner] });
        await securityGroup('outer', { members: [nested] });
        await core.requestToJoin(asPending, { groupId: nested, justification: 'please' });
        return nested;
      }
      case 'public':
      case 'hidden':
      case 'private': {
        // Microsoft 365 groups take their join policy from the visibility; the security group needs approval.
        const shape = target === 'private' ? { ...SECURITY, visibility: 'Private' as const, joinPolicy: 'approval' as const } : { ...M365, visibility: target === 'public' ? 'Public' as const : 'HiddenMembership' as const };
        const g = await core.createGroup(adminCaller, { displayName: `${target} ${n}`, mailNickname: `${target}${n}`, ...shape, ...memberRelations });
        if (g.group.joinPolicy === 'approval') await core.requestToJoin(asPending, { groupId: g.group.id, justification: 'please' });
        return g.group.id;
      }
      case 'deleted': {
        const g = await core.createGroup(adminCaller, { displayName: `deleted ${n}`, mailNickname: `deleted${n}`, ...SECURITY, visibility: 'Private', ...memberRelations });
        await core.deleteGroup(adminCaller, { groupId: g.group.id });
        return g.group.id;
      }
      case 'otherTenant': {
        const g = await core.createGroup(bAdmin, { displayName: `b ${n}`, mailNickname: `b${n}`, ...SECURITY, visibility: 'Public', owners: [other.owner.id], members: [other.member.id] });
        return g.group.id;
      }
      case 'missing':
        return randomUUID();
    }
  }

  async function makeRequest(target: RequestTargetId): Promise<string> {
    const n = ++seq;
    const approval = { ...SECURITY, visibility: 'Private' as const, joinPolicy: 'approval' as const };
    switch (target) {
      case 'pendingsRequest':
      case 'ownersOwnRequest': {
        const g = await core.createGroup(adminCaller, { displayName: `requested ${n}`, mailNickname: `requested${n}`, ...approval, ...memberRelations });
        const requester = target === 'pendingsRequest' ? asPending : { ...asPending, principal: { type: 'user' as const, userId: users.owner.id } };
        return (await core.requestToJoin(requester, { groupId: g.group.id, justification: 'please' })).id;
      }
      case 'otherTenantRequest': {
        const g = await core.createGroup(bAdmin, { displayName: `b requested ${n}`, mailNickname: `brequested${n}`, ...approval, owners: [other.owner.id], members: [other.member.id] });
        const requester = await bUser(`Brequester${n}`);
        return (await core.requestToJoin({ tenantId: other.tenantId, principal: { type: 'user', userId: requester.id }, channel: 'api' }, { groupId: g.group.id, justification: 'please' })).id;
      }
      case 'missingRequest':
        return randomUUID();
    }
  }

  async function makeUser(target: UserTargetId): Promise<string> {
    switch (target) {
      case 'user': return (await api.newUser(`Target ${++seq}`)).id;
      case 'adminUser': return (await api.newUser(`Target Admin ${++seq}`, ['globalAdmin'])).id;
      case 'otherTenantUser': return (await bUser(`Btarget${++seq}`)).id;
      case 'missingUser': return randomUUID();
    }
  }

  const groups = {} as Record<GroupTargetId | KindTargetId, string>;
  const userTargets = {} as Record<UserTargetId, string>;
  const requests = {} as Record<RequestTargetId, string>;
  async function resetShared(): Promise<void> {
    for (const t of ['pendingsRequest', 'ownersOwnRequest', 'otherTenantRequest', 'missingRequest'] as const) requests[t] = await makeRequest(t);
    for (const t of ['public', 'private', 'hidden', 'deleted', 'otherTenant', 'missing'] as const) groups[t] = await makeGroup(t);
    for (const t of ['user', 'adminUser', 'otherTenantUser', 'missingUser'] as const) userTargets[t] = await makeUser(t);
    if (options.kinds) for (const t of ['dynamic', 'synced', 'roleAssignable', 'nested'] as const) groups[t] = await makeGroup(t);
  }
  await resetShared();

  const fixtures: Record<string, string> = {};
  if (options.kinds) {
    // Rights on both ends (SECURITY #2): the parent is owned by owner and nonMember, the child by coOwner and nonMember.
    fixtures['nestParent'] = await securityGroup('nestparent', { owners: [users.owner.id, users.nonMember.id] });
    fixtures['nestChild'] = await securityGroup('nestchild', { owners: [users.coOwner.id, users.nonMember.id] });
  }
  if (options.creators) {
    // A "Selected" group: plainUser directly, owner through a nested group; nobody else.
    const inner = await securityGroup('creatorsinner', { members: [users.owner.id] });
    fixtures['creators'] = await securityGroup('creators', { members: [users.plainUser.id, inner] });
  }

  let profile: Record<string, unknown> | null = null;
  const baseOf = (patch: Record<string, unknown>) => {
    const defaults: Record<string, unknown> = { ...defaultSettings(), ...BASE_SETTINGS };
    return Object.fromEntries(Object.keys(patch).map((k) => [k, defaults[k]]));
  };
  // Only these settings stop the world's targets from being built (pending requests need them).
  const AFFECTS_TARGETS = ['ownersCanManageJoinRequests', 'licenceEnforcement', 'joinRequestJustificationRequired', 'maxMembershipDurationDays'];
  async function underBase<T>(make: () => Promise<T>): Promise<T> {
    if (!profile || !Object.keys(profile).some((k) => AFFECTS_TARGETS.includes(k))) return make();
    await core.updateSettings(adminCaller, baseOf(profile));
    try { return await make(); } finally { await core.updateSettings(adminCaller, profile); }
  }
  async function setProfile(patch: Record<string, unknown> | null): Promise<void> {
    if (profile) await core.updateSettings(adminCaller, baseOf(profile));
    profile = patch;
    if (patch) await core.updateSettings(adminCaller, patch);
  }

  return {
    api, tokens, users, other, groups, fixtures, userTargets, requests, setProfile,
    freshRequest: (t) => underBase(() => makeRequest(t)), freshGroup: (t) => underBase(() => makeGroup(t)),
    freshUser: (t) => underBase(() => makeUser(t)), resetShared: () => underBase(resetShared), close: () => api.close(),
  };
}

/** Every domain table, both tenants (audit, outbox and token bookkeeping excluded: denials are audited by design). */
export const SNAPSHOT_TABLES = [
  'tenants', 'users', 'user_roles', 'user_licences', 'user_credentials', 'groups', 'memberships', 'group_closure', 'owners', 'join_requests', 'settings', 'api_clients',
  'applications', 'app_owners', 'app_assignments', 'app_blocks',
] as const;

/** Every row of each table as sorted JSON; the path-parity runner (e2e/parity) adds the audit and outbox tables. */
export async function snapshot(storage: Storage, tableNames: readonly string[] = SNAPSHOT_TABLES): Promise<Record<string, string[]>> {
  const tables = await Promise.all(tableNames.map(async (table) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = await (storage.db as any).selectFrom(table).selectAll().execute() as unknown[];
    return [table, rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? String(v) : v))).sort()] as const;
  }));
  return Object.fromEntries(tables);
}

/** Graph's error envelope: code, message, and the request id and date. */
export function expectGraphError(body: unknown): void {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), innerError: { 'request-id': expect.any(String), date: expect.any(String) } } });
}

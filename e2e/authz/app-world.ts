// The world of the app-level authorization table (table-apps-routes.ts), built on the base world:
// the actors an application has (its owner, another app's owner, app admins, guests, API clients
// with and without Application permissions…) and the app targets, each with an owner besides the
// actor, a group and a user given it, and a blocked user, so every app route has something to act on.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../src/core/index.js';
import type { Storage } from '../../src/storage/open-storage.js';
import { buildWorld, type World } from './world.js';

/** Who asks. Users of the base world keep their relations to its groups (world.ts). */
export const APP_ACTORS = {
  anonymous: 'no token at all',
  disabled: 'a member of the group given every app, disabled after its token was issued',
  outsider: 'an enabled user of the tenant with no relation to any app (the base plainUser)',
  member: 'a member of the group given every app (has owned and notOwned; hidden is not shown to users)',
  guest: 'a Guest user given every app directly',
  owner: 'an owner of the owned app (and of the audience source app), nothing else',
  otherAppOwner: 'an owner of the notOwned and hidden apps, not of the owned one',
  groupsAdmin: 'a Groups Administrator (no app role)',
  appAdmin: 'an Application Administrator',
  globalAdmin: 'a Global Administrator',
  clientWrite: 'an API client with Application.ReadWrite.All',
  clientRead: 'an API client with Application.Read.All',
  clientGroups: 'an API client with group and user permissions but no Application permission',
  otherTenantUser: 'a user of ANOTHER tenant, given that tenant\'s app',
} as const;
export type AppActorId = keyof typeof APP_ACTORS;
export const APP_ACTOR_ORDER = Object.keys(APP_ACTORS) as AppActorId[];

/** Those for whom the hidden app does not exist: on every route it must answer as the missing one. */
export const CANNOT_SEE_HIDDEN: readonly AppActorId[] = ['anonymous', 'disabled', 'outsider', 'member', 'guest', 'owner', 'groupsAdmin', 'clientGroups', 'otherTenantUser'];

/** App targets, in matrix column order. */
export const APP_TARGETS = {
  owned: 'a visible app owned by the owner actor',
  notOwned: 'a visible app owned by otherAppOwner',
  hidden: 'an app not shown to users (visibleToUsers false), owned by otherAppOwner',
  otherTenant: 'an app of the other tenant',
  missing: 'a random id that names nothing',
} as const;
export type AppTargetId = keyof typeof APP_TARGETS;

/** Placeholders of one app target: the app, its second owner, an assignment of it, a user it blocks. */
export interface AppTargetValues { app: string; appOwner: string; assignment: string; blocked: string }

export interface AppWorld {
  base: World;
  tokens: Record<AppActorId, string | null>;
  /** {sourceApp} (an audience source owned by owner), {assignGroup} (a security group given nothing). */
  fixtures: Record<string, string>;
  apps: Record<AppTargetId, AppTargetValues>;
  freshApp(target: AppTargetId): Promise<AppTargetValues>;
  resetShared(): Promise<void>;
  close(): Promise<void>;
}

let seq = 0;

export async function buildAppWorld(storage: Storage): Promise<AppWorld> {
  const base = await buildWorld(storage);
  const { api, users, other } = base;
  const { core, adminCaller } = api;
  const appAdmin = await api.newUser('App Admin', ['appAdmin']);
  const guest = await core.createUser(adminCaller, { userPrincipalName: `guest.${randomUUID().slice(0, 8)}@${users.plainUser.userPrincipalName.split('@')[1]}`, displayName: 'Guest', roles: [], userType: 'Guest' });
  const appUser = await api.newUser('App user');
  const blockedUser = await api.newUser('Blocked user');
  const secondOwner = await api.newUser('Second app owner');
  const bUser = await core.createUser(other.admin, { userPrincipalName: `bappuser.${randomUUID().slice(0, 8)}@${other.user.userPrincipalName.split('@')[1]}`, displayName: 'B app user', roles: [] });
  const bBlocked = await core.createUser(other.admin, { userPrincipalName: `bblocked.${randomUUID().slice(0, 8)}@${other.user.userPrincipalName.split('@')[1]}`, displayName: 'B blocked', roles: [] });

  const tokens: Record<AppActorId, string | null> = {
    anonymous: null, disabled: base.tokens.disabled, outsider: base.tokens.plainUser, member: base.tokens.member,
    guest: await api.userToken(guest), owner: base.tokens.owner, otherAppOwner: base.tokens.nonMember,
    groupsAdmin: base.tokens.groupsAdmin, appAdmin: await api.userToken(appAdmin), globalAdmin: base.tokens.globalAdmin,
    clientWrite: await api.appToken(['Application.ReadWrite.All']), clientRead: await api.appToken(['Application.Read.All']),
    clientGroups: base.tokens.appReadWrite, otherTenantUser: base.tokens.otherTenantUser,
  };

  const giveAndBlock = async (caller: Caller, appId: string, principals: { type: 'User' | 'Group'; id: string }[], blocked: string) => {
    const given = [];
    for (const p of principals) given.push(await core.assignApp(caller, { appId, principalType: p.type, principalId: p.id }));
    await core.blockUser(caller, { appId, userId: blocked, reason: 'authz fixture' });
    return given;
  };

  async function makeApp(target: AppTargetId): Promise<AppTargetValues> {
    const n = ++seq;
    switch (target) {
      case 'owned':
      case 'notOwned':
      case 'hidden': {
        const owner = target === 'owned' ? users.owner.id : users.nonMember.id;
        const app = await core.createApp(adminCaller, { displayName: `${target} app ${n}`, ownerIds: [owner, secondOwner.id], visibleToUsers: target !== 'hidden' });
        const [toUser] = await giveAndBlock(adminCaller, app.id, [{ type: 'User', id: appUser.id }, { type: 'User', id: guest.id }, { type: 'Group', id: base.groups.private }], blockedUser.id);
        return { app: app.id, appOwner: secondOwner.id, assignment: toUser?.id ?? '', blocked: blockedUser.id };
      }
      case 'otherTenant': {
        const app = await core.createApp(other.admin, { displayName: `b app ${n}`, ownerIds: [other.owner.id] });
        const [toUser] = await giveAndBlock(other.admin, app.id, [{ type: 'User', id: bUser.id }, { type: 'User', id: other.user.id }], bBlocked.id);
        return { app: app.id, appOwner: other.owner.id, assignment: toUser?.id ?? '', blocked: bBlocked.id };
      }
      case 'missing':
        return { app: randomUUID(), appOwner: randomUUID(), assignment: randomUUID(), blocked: randomUUID() };
    }
  }

  const apps = {} as Record<AppTargetId, AppTargetValues>;
  async function resetShared(): Promise<void> {
    await base.resetShared();
    for (const t of Object.keys(APP_TARGETS) as AppTargetId[]) apps[t] = await makeApp(t);
  }
  for (const t of Object.keys(APP_TARGETS) as AppTargetId[]) apps[t] = await makeApp(t);

  const source = await core.createApp(adminCaller, { displayName: 'Audience source', ownerIds: [users.owner.id] });
  const assignGroup = await core.createGroup(adminCaller, { displayName: 'Assign target', mailNickname: `assigntarget${++seq}`, mailEnabled: false, securityEnabled: true, groupTypes: [], visibility: 'Private' });
  const fixtures = { sourceApp: source.id, assignGroup: assignGroup.group.id };

  return { base, tokens, fixtures, apps, freshApp: makeApp, resetShared, close: () => base.close() };
}

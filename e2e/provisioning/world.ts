// A Roster (real storage, real core) and a real SCIM target, with provisioning configured for one app
// whose scope — until the apps branch's effective access is wired — is "members of one group".
import { randomBytes, randomUUID } from 'node:crypto';
import { createCore, type Core } from '../../src/core/index.js';
import type { Caller, CoreDeps } from '../../src/core/ports.js';
import { SettableClock } from '../../src/core/testing/deps.js';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { createEngine, type Engine } from '../../src/provisioning/engine.js';
import type { ProvisioningScope } from '../../src/provisioning/scope.js';
import { tokenContext, type EngineDeps } from '../../src/provisioning/worker.js';
import type { Storage } from '../../src/storage/open-storage.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';

/** app id → the group whose (direct, enabled) members are in its scope. */
export function groupScope(assignments: Map<string, string>): ProvisioningScope {
  const appsOfGroup = (groupId: string) => [...assignments].filter(([, g]) => g === groupId).map(([a]) => a);
  return {
    async usersPage(scope, appId, after, limit) {
      const groupId = assignments.get(appId);
      if (!groupId) return [];
      const members = await scope.memberships.listMembers(groupId, { after: after ?? undefined, limit: limit * 2, memberType: 'user' });
      const users = await scope.users.getMany(members.map((m) => m.memberId));
      const enabled = new Set(users.filter((u) => u.accountEnabled).map((u) => u.id));
      const ids = members.map((m) => m.memberId).filter((id) => enabled.has(id)).slice(0, limit);
      return ids.length === 0 && members.length === limit * 2 ? this.usersPage(scope, appId, members.at(-1)!.memberId, limit) : ids;
    },
    async isUserInScope(scope, appId, userId) {
      const groupId = assignments.get(appId);
      const user = await scope.users.get(userId);
      return !!groupId && !!user?.accountEnabled && (await scope.memberships.get(groupId, userId)) !== null;
    },
    appsReachingGroup: async (_scope, groupId) => appsOfGroup(groupId),
    async appsOfUser(scope, userId) {
      const groups = new Set((await scope.memberships.listGroupsOf(userId)).map((m) => m.groupId));
      return [...assignments].filter(([, g]) => groups.has(g)).map(([a]) => a);
    },
    appsDependingOn: async (_scope, appId) => [appId],
    assignedGroups: async (_scope, appId) => (assignments.has(appId) ? [assignments.get(appId)!] : []),
    async groupMembersInScope(scope, appId, groupId) {
      const out: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await this.usersPage(scope, appId, after, 500);
        out.push(...page);
        if (page.length < 500) return out.filter(() => assignments.get(appId) === groupId);
        after = page.at(-1)!;
      }
    },
  };
}

export interface World {
  storage: Storage;
  core: Core;
  deps: CoreDeps;
  clock: SettableClock;
  admin: Caller;
  tenantId: string;
  appId: string;
  groupId: string;
  target: ScimTarget;
  engineDeps: EngineDeps;
  engine: (workerId?: string) => Engine;
  /** Ticks the engine until nothing is left to do (bounded), advancing the clock past any backoff when asked. */
  settle(opts?: { advanceMs?: number; rounds?: number }): Promise<void>;
  newUser(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openWorld(storage: Storage, opts: { provisionGroups?: boolean; deprovision?: 'disableThenDelete' | 'disable' | 'delete' } = {}): Promise<World> {
  const clock = new SettableClock(new Date().toISOString());
  const secretBox = aesGcmSecretBox(randomBytes(32));
  const passwords = { hash: async (p: string) => `plain:${p}`, verify: async (p: string, h: string) => h === `plain:${p}` };
  const deps: CoreDeps = { uow: storage.uow, clock, ids: { newId: () => randomUUID() }, passwords, secretBox };
  const core = createCore(deps);
  const { tenant, admin } = await core.bootstrapTenant({
    tenantName: `T-${randomUUID().slice(0, 8)}`, admin: { userPrincipalName: `admin-${randomUUID().slice(0, 8)}@contoso.example`, displayName: 'Admin', password: 'correct horse battery staple' },
  });
  const adminCaller: Caller = { tenantId: tenant.id, principal: { type: 'user', userId: admin.id }, channel: 'adminCenter' };
  const { group } = await core.createGroup(adminCaller, { displayName: 'Site North', securityEnabled: true, mailEnabled: false, mailNickname: `north-${randomUUID().slice(0, 6)}` });
  const appId = randomUUID();
  const target = await startScimTarget();
  const access = groupScope(new Map([[appId, group.id]]));
  await storage.uow.transaction(tenant.id, (s) => s.provisioning.configs.put({
    tenantId: tenant.id, appId, baseUrl: target.baseUrl, tokenCiphertext: secretBox.seal(target.token, tokenContext(tenant.id, appId)),
    userMapping: { userName: 'userPrincipalName', externalId: 'id', displayName: 'displayName', 'name.givenName': 'givenName', 'name.familyName': 'surname', 'emails[type eq "work"].value': 'mail', active: 'accountEnabled' },
    state: 'enabled', deprovision: opts.deprovision ?? 'disableThenDelete', provisionGroups: opts.provisionGroups ?? true,
    reconcileIntervalMinutes: 40, lastReconciledAt: clock.now(), consecutiveFailures: 0, quarantinedAt: null, lastError: null,
    createdDateTime: clock.now(), updatedDateTime: clock.now(),
  }));
  const engineDeps: EngineDeps = { uow: storage.uow, clock, secretBox, access, random: () => 0.5, timeoutMs: 5000 };
  const engines: Engine[] = [];
  const engine = (workerId = 'w1') => {
    const e = createEngine({ ...engineDeps, listTenantIds: async () => [tenant.id], workerId, pollMs: 0, leaseMs: 60_000 });
    engines.push(e);
    return e;
  };
  const main = engine();
  return {
    storage, core, deps, clock, admin: adminCaller, tenantId: tenant.id, appId, groupId: group.id, target, engineDeps, engine,
    async settle(o = {}) {
      for (let i = 0; i < (o.rounds ?? 5); i++) {
        const ran = await main.tick();
        const pending = await storage.uow.transaction(tenant.id, (s) => s.provisioning.jobs.count(appId));
        if (ran === 0 && pending === 0) return;
        if (o.advanceMs) clock.advanceMs(o.advanceMs);
      }
    },
    async newUser(name) {
      const user = await core.createUser(adminCaller, { userPrincipalName: `${name}@contoso.example`, displayName: name, givenName: name, surname: 'Test', mail: `${name}@contoso.example` });
      return user.id;
    },
    async close() {
      for (const e of engines) await e.stop();
      await target.close();
    },
  };
}

/** The target's users as comparable facts: userName → active, displayName. */
export function targetUsers(target: ScimTarget): Record<string, { active: unknown; displayName: unknown }> {
  const out: Record<string, { active: unknown; displayName: unknown }> = {};
  for (const u of target.users.values()) out[String(u.userName)] = { active: u.active, displayName: u.displayName };
  return out;
}

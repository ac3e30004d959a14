// Seed scenario 2 (self-service, shared/seeds) end to end with provisioning on both engines: a group
// assigned to two "site" apps, a SaaS app given to one site's audience, each app provisioning to its
// own real SCIM target. A join request approved by the owner → the user lands in all three targets;
// the owner removes them → deprovisioned (disabled, then deleted) everywhere.
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { randomIds, testPasswordHasher } from '../../src/core/testing/deps.js';
import { newWorld } from '../../src/core/testing/world.js';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { createEngine } from '../../src/provisioning/engine.js';
import { effectiveAccessScope } from '../../src/provisioning/effective-scope.js';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';

let targets: ScimTarget[] = [];
afterEach(async () => {
  for (const t of targets) await t.close();
  targets = [];
});

describeEachEngine('scenario 2 with provisioning', (getStorage) => {
  it('an approved request provisions the user to both sites and the SaaS app; removal deprovisions everywhere', async () => {
    const uow = getStorage().uow;
    const w = await newWorld(uow);
    const key = randomBytes(32);
    const core = createCore({ uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secretBox: aesGcmSecretBox(key) });
    const admin = w.adminCaller();
    await w.settings({ ownersCanManageJoinRequests: true });
    const [owner, requester] = [await w.newUser('Site Owner', { licensed: true }), await w.newUser('New Starter', { licensed: true })];
    const { group } = await core.createGroup(admin, { displayName: 'Field staff', securityEnabled: true, mailEnabled: false, mailNickname: 'field', joinPolicy: 'approval', owners: [owner.id] });
    const [north, south, saas] = [
      await core.createApp(admin, { displayName: 'Site North' }), await core.createApp(admin, { displayName: 'Site South' }), await core.createApp(admin, { displayName: 'Timesheets SaaS' }),
    ];
    await core.assignApp(admin, { appId: north.id, principalType: 'Group', principalId: group.id });
    await core.assignApp(admin, { appId: south.id, principalType: 'Group', principalId: group.id });
    await core.assignApp(admin, { appId: saas.id, principalType: 'ServicePrincipal', principalId: north.id });
    targets = [await startScimTarget(), await startScimTarget(), await startScimTarget()];
    const apps = [north, south, saas];
    for (const [i, app] of apps.entries()) {
      await core.configureProvisioning(admin, { appId: app.id, baseUrl: targets[i]!.baseUrl, token: targets[i]!.token, state: 'enabled' });
    }
    const engine = createEngine({
      uow, clock: w.clock, secretBox: aesGcmSecretBox(key), access: effectiveAccessScope, random: () => 0.5,
      listTenantIds: async () => [w.tenantId], workerId: 'scenario', pollMs: 0,
    });
    const settle = async () => {
      for (let i = 0; i < 5; i++) if ((await engine.tick()) === 0) return;
    };
    await settle();
    expect(targets.map((t) => t.users.size)).toEqual([0, 0, 0]);

    const request = await core.requestToJoin(w.as(requester, 'myGroups'), { groupId: group.id, justification: 'I started on Monday' });
    await settle();
    expect(targets.map((t) => t.users.size)).toEqual([0, 0, 0]); // pending: no access yet
    await core.decideJoinRequest(w.as(owner, 'myGroups'), { requestId: request.id, decision: 'approve' });
    await settle();
    for (const t of targets) {
      expect([...t.users.values()].map((u) => ({ userName: u.userName, active: u.active, externalId: u.externalId })))
        .toEqual([{ userName: requester.userPrincipalName, active: true, externalId: requester.id }]);
    }
    // The sites get the assigned group with the member; the SaaS app has no group assigned to it.
    expect(targets.map((t) => [...t.groups.values()].map((g) => [g.displayName, (g.members as unknown[] | undefined)?.length ?? 0])))
      .toEqual([[['Field staff', 1]], [['Field staff', 1]], []]);

    // A block on the SaaS app takes it away there only; lifting it gives it back.
    await core.blockUser(admin, { appId: saas.id, userId: requester.id, reason: 'contractor' });
    await settle();
    expect(targets.map((t) => t.users.size)).toEqual([1, 1, 0]);
    await core.unblockUser(admin, { appId: saas.id, userId: requester.id });
    await settle();
    expect(targets.map((t) => t.users.size)).toEqual([1, 1, 1]);
    // Drift repaired by the periodic reconciliation (40 minutes by default).
    const saasTarget = targets[2]!;
    const [remote] = [...saasTarget.users.values()];
    saasTarget.users.set(remote!.id, { ...remote!, displayName: 'edited in the SaaS app' });
    w.clock.advanceMs(41 * 60_000);
    await settle();
    expect([...saasTarget.users.values()][0]!.displayName).toBe('New Starter');

    await core.removeMember(w.as(owner, 'myGroups'), { groupId: group.id, memberId: requester.id });
    await settle();
    expect(targets.map((t) => t.users.size)).toEqual([0, 0, 0]);
    for (const t of targets.slice(0, 2)) {
      expect(t.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/Users/')).map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
    }
    for (const app of apps) expect((await core.getProvisioning(admin, { appId: app.id })).lastError).toBeNull();
    await engine.stop();
  });

  it('access that outlives removal (SECURITY §11): a disabled user and a deleted group are deprovisioned', async () => {
    const uow = getStorage().uow;
    const w = await newWorld(uow);
    const key = randomBytes(32);
    const core = createCore({ uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secretBox: aesGcmSecretBox(key) });
    const admin = w.adminCaller();
    const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
    const { group } = await core.createGroup(admin, { displayName: 'Crew', securityEnabled: true, mailEnabled: false, mailNickname: 'crew', members: [ann.id, bob.id] });
    const app = await core.createApp(admin, { displayName: 'Rota' });
    await core.assignApp(admin, { appId: app.id, principalType: 'Group', principalId: group.id });
    targets = [await startScimTarget()];
    const target = targets[0]!;
    await core.configureProvisioning(admin, { appId: app.id, baseUrl: target.baseUrl, token: target.token, state: 'enabled', deprovision: 'disable' });
    const engine = createEngine({
      uow, clock: w.clock, secretBox: aesGcmSecretBox(key), access: effectiveAccessScope, random: () => 0.5,
      listTenantIds: async () => [w.tenantId], workerId: 'removal', pollMs: 0,
    });
    const settle = async () => {
      for (let i = 0; i < 5; i++) if ((await engine.tick()) === 0) return;
    };
    const active = () => Object.fromEntries([...target.users.values()].map((u) => [u.userName, u.active]));
    await settle();
    expect(active()).toEqual({ [ann.userPrincipalName]: true, [bob.userPrincipalName]: true });
    await core.updateUser(admin, { userId: ann.id, accountEnabled: false });
    await settle();
    expect(active()).toEqual({ [ann.userPrincipalName]: false, [bob.userPrincipalName]: true });
    await core.deleteGroup(admin, { groupId: group.id });
    await settle();
    expect(active()).toEqual({ [ann.userPrincipalName]: false, [bob.userPrincipalName]: false });
    expect(target.groups.size).toBe(0); // the deleted group is gone from the target too
    await core.restoreGroup(admin, { groupId: group.id });
    await settle();
    expect(active()).toEqual({ [ann.userPrincipalName]: false, [bob.userPrincipalName]: true });
    await engine.stop();
  });
});

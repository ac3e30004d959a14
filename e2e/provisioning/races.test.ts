// SECURITY §5 with provisioning, on both engines: 50 approvals (owner and admin) of one join request at
// once → one decision, one membership, and exactly one account created in the SCIM target.
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

let target: ScimTarget | undefined;
afterEach(() => target?.close());

describeEachEngine('concurrent decisions, one outbound SCIM add', (getStorage) => {
  it('50 concurrent approvals → one membership, one POST /Users', async () => {
    const uow = getStorage().uow;
    const w = await newWorld(uow);
    await w.settings({ ownersCanManageJoinRequests: true });
    const key = randomBytes(32);
    const core = createCore({ uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secretBox: aesGcmSecretBox(key) });
    const admin = w.adminCaller();
    const [owner, requester] = [await w.newUser('Owner', { licensed: true }), await w.newUser('Requester', { licensed: true })];
    const { group } = await core.createGroup(admin, { displayName: 'Lab', securityEnabled: true, mailEnabled: false, mailNickname: 'lab', joinPolicy: 'approval', owners: [owner.id] });
    const app = await core.createApp(admin, { displayName: 'Lab booking' });
    await core.assignApp(admin, { appId: app.id, principalType: 'Group', principalId: group.id });
    target = await startScimTarget();
    await core.configureProvisioning(admin, { appId: app.id, baseUrl: target.baseUrl, token: target.token, state: 'enabled', provisionGroups: false });
    const request = await core.requestToJoin(w.as(requester, 'myGroups'), { groupId: group.id });
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) =>
      core.decideJoinRequest(w.as(i % 2 === 0 ? owner : w.admin, 'myGroups'), { requestId: request.id, decision: 'approve' })));
    const decided = outcomes.filter((o) => o.status === 'fulfilled');
    expect(decided).toHaveLength(1);
    const engine = createEngine({
      uow, clock: w.clock, secretBox: aesGcmSecretBox(key), access: effectiveAccessScope, random: () => 0.5,
      listTenantIds: async () => [w.tenantId], workerId: 'race', pollMs: 0,
    });
    for (let i = 0; i < 5; i++) if ((await engine.tick()) === 0) break;
    await engine.stop();
    expect(target.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(1);
    expect(target.users.size).toBe(1);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => String((o as PromiseRejectedResult).reason).includes('decided'))).toBe(true);
  });
});

// Provisioning use cases through the core on both engines (docs/adr/0020): configure (token sealed,
// write-only, never audited in clear), who may (admins, the app's owners; not others), pause, resume
// from quarantine, reconcile now, status counts and the paged log.
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../platform/secret-box.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { createCore } from '../index.js';
import { randomIds, testPasswordHasher } from '../testing/deps.js';
import { DEFAULT_USER_MAPPING } from '../domain/provisioning/mapping.js';
import { expectDenied, newWorld } from '../testing/world.js';

describeEachEngine('provisioning use cases', (getStorage) => {
  async function setup() {
    const w = await newWorld(getStorage().uow);
    const box = aesGcmSecretBox(randomBytes(32));
    const runs: string[] = [];
    const core = createCore({
      uow: getStorage().uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secretBox: box,
      provisioning: { dryRun: async (_t, appId) => { runs.push(appId); return { requests: [], counts: {}, error: null }; } },
    });
    const [owner, other] = [await w.newUser('Owner'), await w.newUser('Other')];
    const app = await w.core.createApp(w.adminCaller(), { displayName: 'Payroll', ownerIds: [owner.id] });
    return { w, core, box, owner, other, app, runs };
  }

  it('an owner configures it; the token is sealed, never returned or audited; others are refused', async () => {
    const { w, core, box, owner, other, app } = await setup();
    await expectDenied(core.configureProvisioning(w.as(owner), { appId: app.id, baseUrl: 'https://scim.example.org/v2' }), 'invalidInput');
    await expectDenied(core.configureProvisioning(w.as(owner), { appId: app.id, baseUrl: 'http://scim.example.org/v2', token: 't' }), 'invalidInput');
    await expectDenied(core.configureProvisioning(w.as(owner), { appId: app.id, baseUrl: 'https://x.example', token: 't', userMapping: { displayName: 'displayName' } }), 'invalidInput');
    await expectDenied(core.configureProvisioning(w.as(other), { appId: app.id, baseUrl: 'https://x.example', token: 'secret-token-1' }), 'appNotFound');
    const view = await core.configureProvisioning(w.as(owner), { appId: app.id, baseUrl: 'https://scim.example.org/v2/', token: 'secret-token-1' });
    expect(view).toMatchObject({ appId: app.id, baseUrl: 'https://scim.example.org/v2', tokenSet: true, state: 'paused', deprovision: 'disableThenDelete', provisionGroups: true, reconcileIntervalMinutes: 40 });
    expect(JSON.stringify(view)).not.toContain('secret-token-1');
    expect('tokenCiphertext' in view).toBe(false);
    const stored = await getStorage().uow.transaction(w.tenantId, (s) => s.provisioning.configs.get(app.id));
    expect(stored?.tokenCiphertext).not.toContain('secret-token-1');
    expect(box.open(stored!.tokenCiphertext, `${w.tenantId}/${app.id}`)).toBe('secret-token-1');
    // An update changes only what it names; the token stays.
    const updated = await core.configureProvisioning(w.as(owner), { appId: app.id, deprovision: 'disable', reconcileIntervalMinutes: 60 });
    expect(updated).toMatchObject({ deprovision: 'disable', reconcileIntervalMinutes: 60, baseUrl: 'https://scim.example.org/v2' });
    const again = await getStorage().uow.transaction(w.tenantId, (s) => s.provisioning.configs.get(app.id));
    expect(again?.tokenCiphertext).toBe(stored?.tokenCiphertext);
    await core.configureProvisioning(w.adminCaller(), { appId: app.id, token: 'secret-token-2' });
    const audit = await w.audit(app.id);
    expect(audit.filter((e) => e.action === 'provisioning.configure' && e.outcome === 'success')).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toMatch(/secret-token|v1\./);
  });

  it('not configured is a normal answer (the defaults, no target, no token); acting on it is refused; a stranger learns nothing', async () => {
    const { w, core, owner, other, app, runs } = await setup();
    const status = await core.getProvisioning(w.as(owner), { appId: app.id });
    expect(status).toEqual({
      appId: app.id, state: 'notConfigured', baseUrl: null, tokenSet: false, userMapping: DEFAULT_USER_MAPPING, defaultUserMapping: DEFAULT_USER_MAPPING,
      deprovision: 'disableThenDelete', provisionGroups: true, reconcileIntervalMinutes: 40, lastReconciledAt: null, consecutiveFailures: 0,
      quarantinedAt: null, lastError: null, createdDateTime: null, updatedDateTime: null, provisionedUsers: 0, activeUsers: 0, provisionedGroups: 0, pendingJobs: 0,
    });
    expect(await core.getProvisioning(w.adminCaller(), { appId: app.id })).toMatchObject({ state: 'notConfigured' });
    for (const act of [core.listProvisioningLog, core.dryRunProvisioning, core.pauseProvisioning, core.resumeProvisioning, core.reconcileProvisioningNow]) {
      await expectDenied(act(w.as(owner), { appId: app.id }), 'provisioningNotConfigured');
    }
    expect(runs).toEqual([]);
    // The same answer for an app the caller may not manage as for one that does not exist (SECURITY #6).
    await expectDenied(core.getProvisioning(w.as(other), { appId: app.id }), 'appNotFound');
    await expectDenied(core.getProvisioning(w.as(owner), { appId: '00000000-0000-4000-8000-000000000000' }), 'appNotFound');
  });

  it('a bad mapping is refused with its reason and changes nothing', async () => {
    const { w, core, owner, app } = await setup();
    await core.configureProvisioning(w.as(owner), { appId: app.id, baseUrl: 'https://scim.example.org', token: 'tok', userMapping: { userName: 'mail', title: 'jobTitle' } });
    const before = await core.getProvisioning(w.as(owner), { appId: app.id });
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ displayName: 'displayName' }, /must set userName/],
      [{ userName: '"everyone"' }, /userName must come from a user field/],
      [{ userName: 'mail', active: 'displayName' }, /active can only come from accountEnabled/],
      [{ userName: 'mail', title: '""' }, /fixed value for title is empty/],
    ];
    for (const [userMapping, message] of bad) {
      const refused = core.configureProvisioning(w.as(owner), { appId: app.id, userMapping, reconcileIntervalMinutes: 90 });
      await expect(refused).rejects.toMatchObject({ reason: 'invalidInput', message });
    }
    expect(await core.getProvisioning(w.as(owner), { appId: app.id })).toEqual(before);
    expect((await w.audit(app.id)).filter((e) => e.action === 'provisioning.configure' && e.outcome === 'success')).toHaveLength(1);
  });

  it('turning it on queues a reconciliation; pause, resume from quarantine, reconcile now; status and log', async () => {
    const { w, core, owner, other, app, runs } = await setup();
    await core.configureProvisioning(w.as(owner), { appId: app.id, baseUrl: 'https://scim.example.org', token: 'tok' });
    const jobs = () => getStorage().uow.transaction(w.tenantId, (s) => s.provisioning.jobs.count(app.id));
    expect(await jobs()).toBe(0);
    await core.configureProvisioning(w.as(owner), { appId: app.id, state: 'enabled' });
    expect(await jobs()).toBe(1);
    expect(await core.pauseProvisioning(w.as(owner), { appId: app.id })).toMatchObject({ state: 'paused' });
    await getStorage().uow.transaction(w.tenantId, async (s) => {
      await s.provisioning.configs.setState(app.id, 'quarantined', w.clock.now(), 'HTTP 503');
      await s.provisioning.configs.recordFailure(app.id, 'HTTP 503', w.clock.now());
      await s.provisioning.log.append({ appId: app.id, at: w.clock.now(), operation: 'POST /Users', objectType: 'user', localId: 'u', remoteId: null, status: 503, outcome: 'failure', error: 'HTTP 503', durationMs: 3, attempt: 1 });
      await s.provisioning.log.append({ appId: app.id, at: w.clock.now(), operation: 'POST /Users', objectType: 'user', localId: 'u', remoteId: null, status: 201, outcome: 'success', error: null, durationMs: 3, attempt: 2 });
    });
    expect(await core.getProvisioning(w.as(owner), { appId: app.id })).toMatchObject({ state: 'quarantined', lastError: 'HTTP 503', consecutiveFailures: 1, pendingJobs: 1, provisionedUsers: 0 });
    await expectDenied(core.resumeProvisioning(w.as(other), { appId: app.id }), 'appNotFound');
    expect(await core.resumeProvisioning(w.as(owner), { appId: app.id })).toMatchObject({ state: 'enabled', consecutiveFailures: 0, lastError: null });
    expect(await core.getProvisioning(w.as(owner), { appId: app.id })).toMatchObject({ state: 'enabled', consecutiveFailures: 0, lastError: null, quarantinedAt: null });
    expect(await core.reconcileProvisioningNow(w.adminCaller(), { appId: app.id })).toEqual({ queued: true });
    expect(await jobs()).toBe(1); // folded into the pending one
    const first = await core.listProvisioningLog(w.as(owner), { appId: app.id, limit: 1 });
    expect(first.items.map((e) => e.status)).toEqual([201]);
    const second = await core.listProvisioningLog(w.as(owner), { appId: app.id, limit: 1, before: first.nextBefore! });
    expect(second.items.map((e) => e.status)).toEqual([503]);
    await expectDenied(core.listProvisioningLog(w.as(owner), { appId: app.id, limit: 0 }), 'invalidInput');
    await expectDenied(core.listProvisioningLog(w.as(other), { appId: app.id }), 'appNotFound');
    await core.dryRunProvisioning(w.as(owner), { appId: app.id });
    expect(runs).toEqual([app.id]);
    await expectDenied(core.dryRunProvisioning(w.as(other), { appId: app.id }), 'appNotFound');
    const actions = (await w.audit(app.id)).map((e) => e.action);
    for (const a of ['provisioning.pause', 'provisioning.resume', 'provisioning.reconcile']) expect(actions).toContain(a);
  });
});

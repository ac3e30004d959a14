// Reading an app's provisioning over HTTP on both engines (docs/adr/0020): an app with none set up is a
// 200 with `state: notConfigured` and the defaults (a missing or unseen app stays a 404, the same for
// both); acting on an unconfigured app is refused clearly; a bad mapping is a 400 naming the problem
// that changes nothing; the log names its objects as far as the caller may see them (§3.9); the OpenAPI
// document describes the shapes.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { startApi, type Api } from '../api-harness.js';

type Method = 'GET' | 'POST' | 'PATCH';

describeEachEngine('roster.provisioning reads', (getStorage) => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false, deps: { secretBox: aesGcmSecretBox(randomBytes(32)) } });
  });
  afterAll(async () => { await api?.close(); });

  const call = async (token: string, method: Method, url: string, payload?: object) => {
    const res = await api.app.inject({ method, url: `/v1.0${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, json: res.body ? (res.json() as Record<string, unknown>) : {} };
  };
  const errorOf = (json: Record<string, unknown>) => {
    const { code, message } = json['error'] as { code: string; message: string };
    return { code, message };
  };

  it('not configured: 200 with the defaults, no target and no token; a missing or unseen app is the same 404', async () => {
    const [owner, stranger] = [await api.newUser('Owner'), await api.newUser('Stranger')];
    const app = await api.core.createApp(api.adminCaller, { displayName: 'Unset', ownerIds: [owner.id] });
    const path = `/servicePrincipals/${app.id}/roster.provisioning`;
    const ownerToken = await api.userToken(owner);
    const read = await call(ownerToken, 'GET', path);
    expect(read.status).toBe(200);
    expect(read.json).toEqual({
      '@odata.context': expect.stringContaining('roster.provisioning'), appId: app.id, state: 'notConfigured', baseUrl: null, tokenSet: false,
      userMapping: expect.objectContaining({ userName: 'userPrincipalName', externalId: 'id', active: 'accountEnabled' }),
      defaultUserMapping: read.json['userMapping'], deprovision: 'disableThenDelete', provisionGroups: true, reconcileIntervalMinutes: 40,
      lastReconciledAt: null, consecutiveFailures: 0, quarantinedAt: null, lastError: null, createdDateTime: null, updatedDateTime: null,
      provisionedUsers: 0, activeUsers: 0, provisionedGroups: 0, pendingJobs: 0,
    });
    expect((await call(await api.appToken(['Application.ReadWrite.All']), 'GET', path)).json).toMatchObject({ state: 'notConfigured' });

    const unseen = await call(await api.userToken(stranger), 'GET', path);
    const missing = await call(ownerToken, 'GET', '/servicePrincipals/00000000-0000-4000-8000-000000000000/roster.provisioning');
    const readOnlyClient = await call(await api.appToken(['Group.Read.All']), 'GET', path);
    for (const res of [unseen, missing, readOnlyClient]) {
      expect(res.status).toBe(404);
      expect(errorOf(res.json)).toEqual(errorOf(missing.json));
    }
    expect(errorOf(missing.json).message).toBe('The application does not exist or you cannot see it.');
  });

  it('acting on an unconfigured app is refused with a clear reason', async () => {
    const app = await api.core.createApp(api.adminCaller, { displayName: 'Unset too' });
    const admin = await api.userToken(api.admin);
    const path = `/servicePrincipals/${app.id}/roster.provisioning`;
    for (const [method, url] of [['GET', `${path}/log`], ['POST', `${path}/dryRun`], ['POST', `${path}/pause`], ['POST', `${path}/resume`], ['POST', `${path}/reconcile`]] as const) {
      const res = await call(admin, method, url, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(errorOf(res.json).message).toBe('Provisioning is not configured for this application.');
    }
    expect((await call(admin, 'PATCH', path, { state: 'enabled' })).status).toBe(400); // a setup needs baseUrl and token
    expect((await call(admin, 'GET', path)).json).toMatchObject({ state: 'notConfigured' });
  });

  it('a bad mapping is a 400 that names the problem and changes nothing', async () => {
    const app = await api.core.createApp(api.adminCaller, { displayName: 'Mapped' });
    const admin = await api.userToken(api.admin);
    const path = `/servicePrincipals/${app.id}/roster.provisioning`;
    const created = await call(admin, 'PATCH', path, { baseUrl: 'https://scim.example.org/v2', token: 'tok-1', userMapping: { userName: 'userPrincipalName', title: 'jobTitle' } });
    expect(created.json).toMatchObject({ state: 'paused', tokenSet: true, userMapping: { userName: 'userPrincipalName', title: 'jobTitle' } });
    const before = await call(admin, 'GET', path);
    const bad = await call(admin, 'PATCH', path, { userMapping: { displayName: 'displayName' }, deprovision: 'disable' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.json).message).toContain('The mapping must set userName.');
    const unknownAttribute = await call(admin, 'PATCH', path, { userMapping: { userName: 'mail', password: 'id' } });
    expect(unknownAttribute.status).toBe(400);
    expect(errorOf(unknownAttribute.json).message).toContain('password');
    expect((await call(admin, 'GET', path)).json).toEqual(before.json);
    const reset = await call(admin, 'PATCH', path, { userMapping: before.json['defaultUserMapping'] as object });
    expect(reset.json['userMapping']).toEqual(before.json['defaultUserMapping']);
  });

  it('the log names its objects as far as the caller may see them: not the Private group\'s members to an owner outside it', async () => {
    const [owner, ann, pete] = [await api.newUser('Log Owner'), await api.newUser('Ann Hidden'), await api.newUser('Pete Shown')];
    const app = await api.core.createApp(api.adminCaller, { displayName: 'Logged', ownerIds: [owner.id] });
    const { group: payroll } = await api.core.createGroup(api.adminCaller, { displayName: 'Payroll staff', securityEnabled: true, mailEnabled: false, visibility: 'Private', members: [ann.id] });
    await api.core.assignApp(api.adminCaller, { appId: app.id, principalType: 'Group', principalId: payroll.id });
    await api.core.assignApp(api.adminCaller, { appId: app.id, principalType: 'User', principalId: pete.id });
    await api.core.configureProvisioning(api.adminCaller, { appId: app.id, baseUrl: 'https://scim.example.org', token: 'tok' });
    await getStorage().uow.transaction(api.tenantId, async (s) => {
      for (const [objectType, localId] of [['user', ann.id], ['user', pete.id], ['group', payroll.id]] as const) {
        await s.provisioning.log.append({ appId: app.id, at: new Date().toISOString(), operation: `POST /${objectType === 'user' ? 'Users' : 'Groups'}`, objectType, localId, remoteId: 'r', status: 201, outcome: 'success', error: null, durationMs: 3, attempt: 1 });
      }
    });
    const path = `/servicePrincipals/${app.id}/roster.provisioning/log`;
    type Entry = { localId: string; localDisplayName: string | null; localUserPrincipalName: string | null };
    const names = (json: Record<string, unknown>) => Object.fromEntries((json['value'] as Entry[]).map((e) => [e.localId, [e.localDisplayName, e.localUserPrincipalName]]));
    const asAdmin = await call(await api.userToken(api.admin), 'GET', path);
    expect(names(asAdmin.json)).toEqual({ [ann.id]: ['Ann Hidden', ann.userPrincipalName], [pete.id]: ['Pete Shown', pete.userPrincipalName], [payroll.id]: ['Payroll staff', null] });
    const asOwner = await call(await api.userToken(owner), 'GET', `${path}?$top=2`);
    const next = String(asOwner.json['@odata.nextLink']).replace(/^.*\/v1\.0/, '');
    const rest = await call(await api.userToken(owner), 'GET', next);
    // Ann's entry comes to the owner without name or id (null key): that a user was pushed, not who.
    expect({ ...names(asOwner.json), ...names(rest.json) }).toEqual({ null: [null, null], [pete.id]: ['Pete Shown', pete.userPrincipalName], [payroll.id]: ['Payroll staff', null] });
    for (const body of [asOwner.json, rest.json]) expect(JSON.stringify(body)).not.toMatch(new RegExp(`Ann Hidden|"local"|${ann.id}`));
  });

  it('the OpenAPI document describes the notConfigured state and never the token', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const get = doc.paths['/v1.0/servicePrincipals/{id}/roster.provisioning'].get;
    const schema = get.responses['200'].content['application/json'].schema;
    expect(schema.properties.state.enum).toEqual(['enabled', 'paused', 'quarantined', 'notConfigured']);
    expect(Object.keys(schema.properties)).not.toContain('token');
    expect(Object.keys(schema.properties)).not.toContain('tokenCiphertext');
    const log = doc.paths['/v1.0/servicePrincipals/{id}/roster.provisioning/log'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(log.properties.value.items.properties)).toEqual(expect.arrayContaining(['localId', 'localDisplayName', 'localUserPrincipalName']));
  });
});

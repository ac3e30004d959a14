// Graph's settings resources over Roster's registry, through HTTP on both engines (docs/adr/0012):
// authorizationPolicy.allowedToCreateSecurityGroups ↔ securityGroupCreation and the Group.Unified
// values ↔ m365GroupCreation(+GroupId); changes take effect on the next request.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GROUP_UNIFIED_TEMPLATE_ID } from '../src/core/domain/graph-settings.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

describeEachEngine('Graph API: authorizationPolicy and groupSettings', (getStorage) => {
  let api: Api;
  let adminToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    adminToken = await api.userToken(api.admin);
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'PATCH' | 'POST', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const settings = async () => (await call(adminToken, 'GET', '/v1.0/settings')).json();
  let n = 0;
  const securityGroup = () => ({ displayName: `Sec ${++n}`, mailNickname: `sec${n}x${Date.now()}`, mailEnabled: false, securityEnabled: true });
  const m365Group = () => ({ displayName: `M365 ${++n}`, mailNickname: `m365x${n}x${Date.now()}`, mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'] });

  it('allowedToCreateSecurityGroups reads and writes securityGroupCreation; users are refused on the next request', async () => {
    const userToken = await api.userToken(await api.newUser('Uma'));
    const read = (await call(userToken, 'GET', '/v1.0/policies/authorizationPolicy')).json();
    expect(read).toMatchObject({ id: 'authorizationPolicy', '@odata.context': expect.stringContaining('policies/authorizationPolicy/$entity'), defaultUserRolePermissions: { allowedToCreateSecurityGroups: true } });
    expect((await call(userToken, 'PATCH', '/v1.0/policies/authorizationPolicy', { defaultUserRolePermissions: { allowedToCreateSecurityGroups: false } })).statusCode).toBe(403);
    expect((await call(userToken, 'POST', '/v1.0/groups', securityGroup())).statusCode).toBe(201);

    expect((await call(adminToken, 'PATCH', '/v1.0/policies/authorizationPolicy', { defaultUserRolePermissions: { allowedToCreateSecurityGroups: false } })).statusCode).toBe(204);
    expect((await settings()).securityGroupCreation.value).toBe('None');
    expect((await call(userToken, 'GET', '/v1.0/policies/authorizationPolicy')).json().defaultUserRolePermissions.allowedToCreateSecurityGroups).toBe(false);
    expect((await call(userToken, 'POST', '/v1.0/groups', securityGroup())).statusCode).toBe(403);

    const unknown = await call(adminToken, 'PATCH', '/v1.0/policies/authorizationPolicy', { defaultUserRolePermissions: { allowedToCreateSecurityGroups: true, allowedToCreateApps: true } });
    expect(unknown.statusCode).toBe(400);
    expect((await settings()).securityGroupCreation.value).toBe('None');
    expect((await call(adminToken, 'PATCH', '/v1.0/policies/authorizationPolicy', { defaultUserRolePermissions: { allowedToCreateSecurityGroups: true } })).statusCode).toBe(204);
    expect((await call(userToken, 'POST', '/v1.0/groups', securityGroup())).statusCode).toBe(201);
  });

  it('Group.Unified: EnableGroupCreation false with GroupCreationAllowedGroupId lets only that group\'s members create M365 groups', async () => {
    const [inside, outside] = [await api.newUser('Inside'), await api.newUser('Outside')];
    const { group: creators } = await api.core.createGroup(api.adminCaller, { ...securityGroup(), members: [inside.id] });
    const list = (await call(adminToken, 'GET', '/v1.0/groupSettings')).json();
    expect(list.value).toEqual([{ id: GROUP_UNIFIED_TEMPLATE_ID, displayName: 'Group.Unified', templateId: GROUP_UNIFIED_TEMPLATE_ID, values: [{ name: 'EnableGroupCreation', value: 'true' }, { name: 'GroupCreationAllowedGroupId', value: '' }] }]);

    const patch = await call(adminToken, 'PATCH', `/v1.0/groupSettings/${GROUP_UNIFIED_TEMPLATE_ID}`, { values: [{ name: 'EnableGroupCreation', value: 'False' }, { name: 'GroupCreationAllowedGroupId', value: creators.id }] });
    expect(patch.statusCode).toBe(204);
    expect(await settings()).toMatchObject({ m365GroupCreation: { value: 'Selected' }, m365GroupCreationGroupId: { value: creators.id } });
    expect((await call(await api.userToken(inside), 'POST', '/v1.0/groups', m365Group())).statusCode).toBe(201);
    expect((await call(await api.userToken(outside), 'POST', '/v1.0/groups', m365Group())).statusCode).toBe(403);
    const read = (await call(await api.userToken(outside), 'GET', `/v1.0/groupSettings/${GROUP_UNIFIED_TEMPLATE_ID}`)).json();
    expect(read.values).toEqual([{ name: 'EnableGroupCreation', value: 'false' }, { name: 'GroupCreationAllowedGroupId', value: creators.id }]);

    // Emptying the group with creation off means None; then back to everyone.
    expect((await call(adminToken, 'PATCH', `/v1.0/groupSettings/${GROUP_UNIFIED_TEMPLATE_ID}`, { values: [{ name: 'GroupCreationAllowedGroupId', value: '' }] })).statusCode).toBe(204);
    expect((await settings()).m365GroupCreation.value).toBe('None');
    expect((await call(adminToken, 'PATCH', `/v1.0/groupSettings/${GROUP_UNIFIED_TEMPLATE_ID}`, { values: [{ name: 'EnableGroupCreation', value: 'true' }] })).statusCode).toBe(204);
    expect((await settings()).m365GroupCreation.value).toBe('All');
  });

  it('Group.Unified writes: unsupported names, bad values, other ids and non-admins change nothing', async () => {
    const userToken = await api.userToken(await api.newUser('Ugo'));
    const url = `/v1.0/groupSettings/${GROUP_UNIFIED_TEMPLATE_ID}`;
    const cases: Array<[string, string, unknown, number]> = [
      [adminToken, url, { values: [{ name: 'EnableGroupCreation', value: 'false' }, { name: 'AllowGuestsToBeGroupOwner', value: 'true' }] }, 400],
      [adminToken, url, { values: [{ name: 'EnableGroupCreation', value: 'maybe' }] }, 400],
      [adminToken, url, { values: [{ name: 'GroupCreationAllowedGroupId', value: 'not-a-group' }] }, 400],
      [adminToken, url, { values: [{ name: 'EnableGroupCreation', value: 'false' }], extra: 1 }, 400],
      [adminToken, '/v1.0/groupSettings/00000000-0000-4000-8000-000000000000', { values: [{ name: 'EnableGroupCreation', value: 'false' }] }, 404],
      [userToken, url, { values: [{ name: 'EnableGroupCreation', value: 'false' }] }, 403],
    ];
    for (const [token, target, body, status] of cases) {
      const res = await call(token, 'PATCH', target, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toEqual(expect.any(String));
    }
    expect((await settings()).m365GroupCreation.value).toBe('All');
  });

  it('the OpenAPI document lists the Roster and settings resources with their body schemas', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of ['/v1.0/groups/{id}/joinRequests', '/v1.0/joinRequests/{id}', '/v1.0/joinRequests/{id}/approve', '/v1.0/joinRequests/{id}/deny',
      '/v1.0/joinRequests/{id}/cancel', '/v1.0/me/joinRequests', '/v1.0/me/pendingApprovals', '/v1.0/groups/{id}/join', '/v1.0/groups/{id}/leave',
      '/v1.0/settings', '/v1.0/policies/authorizationPolicy', '/v1.0/groupSettings', '/v1.0/groupSettings/{id}']) expect(doc.paths, path).toHaveProperty([path]);
    const patch = doc.paths['/v1.0/settings'].patch.requestBody.content['application/json'].schema;
    expect(patch).toMatchObject({ additionalProperties: false, properties: { ownersCanManageJoinRequests: { type: 'boolean' } } });
  });
});

// Applications through HTTP on both engines (docs/adr/0019): servicePrincipals CRUD with Roster's
// annotations, strict bodies and refused mass-assignment fields, owners (who may assign but not
// delete or change owners), assignments to users, security groups and other apps' audiences, and the
// refusals: a cycle is a 409 naming the loop, an unknown principal 404, a non-security group 400.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../src/core/domain/model.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
const EVENTUAL = { consistencylevel: 'eventual' };
let n = 0;

describeEachEngine('Roster API: applications and assignments', (getStorage) => {
  let api: Api;
  let admin = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    admin = await api.userToken(api.admin);
  });
  afterAll(async () => { await api.close(); });

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (token: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  async function newApp(token = admin, extra: Record<string, unknown> = {}) {
    const res = await call(token, 'POST', '/v1.0/servicePrincipals', { displayName: `App ${++n}`, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; appId: string; displayName: string };
  }
  async function securityGroup(members: string[] = [], extra: Record<string, unknown> = {}) {
    const { group } = await api.core.createGroup(api.adminCaller, { displayName: `Group ${++n}`, mailNickname: `g${n}x${Date.now()}`, ...SECURITY, members, ...extra });
    return group;
  }
  const assign = (token: string, appId: string, principalId: string) =>
    call(token, 'POST', `/v1.0/servicePrincipals/${appId}/appRoleAssignedTo`, { principalId, resourceId: appId, appRoleId: DEFAULT_ACCESS });
  const owned = async (owner: User) => newApp(admin, { 'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users/${owner.id}`] });

  it('an admin creates, reads, lists (search and count), updates and deletes an application, in Graph shapes', async () => {
    const created = await call(admin, 'POST', '/v1.0/servicePrincipals', { displayName: 'Contoso CRM', description: 'Sales', homepage: 'https://crm.example', '@roster.cascadeNestedGroups': false });
    expect(created.statusCode).toBe(201);
    const app = created.json();
    expect(app).toMatchObject({
      '@odata.context': expect.stringContaining('servicePrincipals/$entity'), id: expect.any(String), appId: expect.any(String),
      displayName: 'Contoso CRM', description: 'Sales', homepage: 'https://crm.example', accountEnabled: true, appRoleAssignmentRequired: true,
      servicePrincipalType: 'Application', '@roster.visibleToUsers': true, '@roster.cascadeNestedGroups': false, '@roster.abilities': expect.any(Object),
    });
    expect(app.appId).not.toBe(app.id);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${app.id}`)).json()).toMatchObject({ id: app.id, displayName: 'Contoso CRM' });
    const search = await call(admin, 'GET', '/v1.0/servicePrincipals?$search="displayName:contoso"&$count=true', undefined, EVENTUAL);
    expect(search.statusCode).toBe(200);
    expect(search.json()).toMatchObject({ '@odata.count': 1, value: [expect.objectContaining({ id: app.id })] });
    expect((await call(admin, 'GET', '/v1.0/servicePrincipals?$search="displayName:contoso"')).json().error.code).toBe('Request_UnsupportedQuery');
    const hyphen = await call(admin, 'GET', `/v1.0/servicePrincipals?$search=${encodeURIComponent('"displayName:CONTOSO cr"')}&$count=true`, undefined, EVENTUAL);
    expect(hyphen.json()['@odata.count']).toBe(1);
    expect((await call(admin, 'GET', '/v1.0/servicePrincipals?$search="nosuch:contoso"', undefined, EVENTUAL)).statusCode).toBe(400);
    expect((await call(admin, 'GET', '/v1.0/servicePrincipals?$filter=displayName eq \'x\'')).statusCode).toBe(400);
    const selected = (await call(admin, 'GET', '/v1.0/servicePrincipals?$select=displayName')).json().value[0];
    expect(Object.keys(selected).filter((k) => !k.startsWith('@'))).toEqual(['id', 'displayName']);

    expect((await call(admin, 'PATCH', `/v1.0/servicePrincipals/${app.id}`, { accountEnabled: false, '@roster.visibleToUsers': false })).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${app.id}`)).json()).toMatchObject({ accountEnabled: false, '@roster.visibleToUsers': false });
    expect((await call(admin, 'DELETE', `/v1.0/servicePrincipals/${app.id}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${app.id}`)).statusCode).toBe(404);
  });

  it('strict bodies: unknown and mass-assignment fields are a 400 naming the field, and nothing is created or changed', async () => {
    const refused = { id: '00000000-0000-4000-8000-0000000000aa', appId: '00000000-0000-4000-8000-0000000000ab', createdDateTime: '2020-01-01T00:00:00Z', createdBy: 'x', tenantId: 'x', owners: ['x'], '@roster.abilities': { delete: true }, servicePrincipalType: 'Legacy', roles: ['globalAdmin'] };
    const before = (await call(admin, 'GET', '/v1.0/servicePrincipals?$top=999')).json().value.length;
    for (const [field, value] of Object.entries(refused)) {
      const res = await call(admin, 'POST', '/v1.0/servicePrincipals', { displayName: 'Mass', [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'Request_BadRequest', message: expect.stringContaining(`'${field}'`) });
    }
    expect((await call(admin, 'GET', '/v1.0/servicePrincipals?$top=999')).json().value.length).toBe(before);
    const app = await newApp();
    for (const [field, value] of Object.entries({ ...refused, accountEnabled: 'false' })) {
      expect((await call(admin, 'PATCH', `/v1.0/servicePrincipals/${app.id}`, { [field]: value })).statusCode, field).toBe(400);
    }
    const group = await securityGroup();
    for (const extra of [{ principalType: 'User' }, { id: app.id }, { createdDateTime: 'x' }, { principalDisplayName: 'x' }]) {
      const res = await call(admin, 'POST', `/v1.0/servicePrincipals/${app.id}/appRoleAssignedTo`, { principalId: group.id, resourceId: app.id, appRoleId: DEFAULT_ACCESS, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${app.id}/appRoleAssignedTo`)).json().value).toEqual([]);
    const user = await api.newUser('Blocked');
    expect((await call(admin, 'POST', `/v1.0/servicePrincipals/${app.id}/roster.blocks`, { userId: user.id, appId: app.id })).statusCode).toBe(400);
  });

  it('assigns a user, a security group and another app\'s audience; each is listed from both sides in Graph\'s shape', async () => {
    const ann = await api.newUser('Ann');
    const group = await securityGroup([ann.id]);
    const site = await newApp();
    const saas = await newApp();
    const toUser = await assign(admin, site.id, ann.id);
    expect(toUser.statusCode, toUser.body).toBe(201);
    expect(toUser.json()).toMatchObject({
      id: expect.any(String), appRoleId: DEFAULT_ACCESS, principalId: ann.id, principalType: 'User', principalDisplayName: 'Ann',
      resourceId: site.id, resourceDisplayName: site.displayName, createdDateTime: expect.any(String),
    });
    expect((await assign(admin, site.id, group.id)).json()).toMatchObject({ principalType: 'Group', principalDisplayName: group.displayName });
    expect((await assign(admin, saas.id, site.id)).json()).toMatchObject({ principalType: 'ServicePrincipal', principalId: site.id, principalDisplayName: site.displayName });

    const assignedTo = (await call(admin, 'GET', `/v1.0/servicePrincipals/${site.id}/appRoleAssignedTo`)).json();
    expect(assignedTo.value.map((a: { principalId: string }) => a.principalId).sort()).toEqual([ann.id, group.id].sort());
    expect((await call(admin, 'GET', `/v1.0/groups/${group.id}/appRoleAssignments`)).json().value).toEqual([expect.objectContaining({ resourceId: site.id, principalId: group.id })]);
    expect((await call(admin, 'GET', `/v1.0/users/${ann.id}/appRoleAssignments`)).json().value).toEqual([expect.objectContaining({ resourceId: site.id, principalType: 'User' })]);
    const mine = await call(await api.userToken(ann), 'GET', '/v1.0/me/appRoleAssignments');
    expect(mine.json().value).toEqual([expect.objectContaining({ resourceId: site.id })]);

    const id = toUser.json().id as string;
    expect((await call(admin, 'DELETE', `/v1.0/servicePrincipals/${site.id}/appRoleAssignedTo/${id}`)).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', `/v1.0/servicePrincipals/${site.id}/appRoleAssignedTo/${id}`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/v1.0/users/${ann.id}/appRoleAssignments`)).json().value).toEqual([]);
  });

  it('refuses a cycle of audiences with a 409 naming the loop; a self-assignment is a cycle', async () => {
    const a = await newApp();
    const b = await newApp();
    const c = await newApp();
    expect((await assign(admin, b.id, a.id)).statusCode).toBe(201);
    expect((await assign(admin, c.id, b.id)).statusCode).toBe(201);
    const loop = await assign(admin, a.id, c.id);
    expect(loop.statusCode).toBe(409);
    expect(loop.json().error.code).toBe('Request_Conflict');
    for (const name of [a.displayName, b.displayName, c.displayName]) expect(loop.json().error.message).toContain(name);
    expect((await assign(admin, a.id, a.id)).statusCode).toBe(409);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${a.id}/appRoleAssignedTo`)).json().value).toEqual([]);
  });

  it('an unknown principal is a 404, a Microsoft 365 group a 400, a resourceId other than the path a 400', async () => {
    const app = await newApp();
    expect((await assign(admin, app.id, '00000000-0000-4000-8000-00000000beef')).statusCode).toBe(404);
    const { group: m365 } = await api.core.createGroup(api.adminCaller, { displayName: `M365 ${++n}`, mailNickname: `m${n}x${Date.now()}`, mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'] });
    const refused = await assign(admin, app.id, m365.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/security/i);
    const other = await newApp();
    const group = await securityGroup();
    expect((await call(admin, 'POST', `/v1.0/servicePrincipals/${app.id}/appRoleAssignedTo`, { principalId: group.id, resourceId: other.id, appRoleId: DEFAULT_ACCESS })).statusCode).toBe(400);
  });

  it('an owner of app A assigns, unassigns and edits A, but cannot delete A, change its owners, or touch app B', async () => {
    const owner = await api.newUser('App Owner');
    const token = await api.userToken(owner);
    const a = await owned(owner);
    const b = await newApp();
    const group = await securityGroup();
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${a.id}/owners`)).json().value.map((o: { id: string }) => o.id)).toEqual([owner.id]);
    const given = await assign(token, a.id, group.id);
    expect(given.statusCode, given.body).toBe(201);
    const seen = (await call(token, 'GET', `/v1.0/servicePrincipals/${a.id}`)).json();
    expect(seen['@roster.abilities']).toMatchObject({ assign: true, block: true, delete: false, manageOwners: false, provisioning: true });
    expect((await call(token, 'DELETE', `/v1.0/servicePrincipals/${a.id}`)).statusCode).toBe(403);
    // Owners manage the app's properties (docs/adr/0019 policy), not its owners nor its existence.
    expect((await call(token, 'PATCH', `/v1.0/servicePrincipals/${a.id}`, { description: 'kept by its owner' })).statusCode).toBe(204);
    const someone = await api.newUser('Someone');
    expect((await call(token, 'POST', `/v1.0/servicePrincipals/${a.id}/owners/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/users/${someone.id}` })).statusCode).toBe(403);
    // App B does not exist for them (§3.9): 404, not 403.
    expect((await assign(token, b.id, group.id)).statusCode).toBe(404);
    expect((await call(token, 'DELETE', `/v1.0/servicePrincipals/${a.id}/appRoleAssignedTo/${given.json().id as string}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${a.id}`)).statusCode).toBe(200);
  });

  it('a plain user cannot create applications; an app client needs Application.ReadWrite.All', async () => {
    const plain = await api.userToken(await api.newUser('Plain'));
    expect((await call(plain, 'POST', '/v1.0/servicePrincipals', { displayName: 'Nope' })).statusCode).toBe(403);
    const appAdmin = await api.userToken(await api.newUser('App Admin', ['appAdmin']));
    expect((await call(appAdmin, 'POST', '/v1.0/servicePrincipals', { displayName: 'By app admin' })).statusCode).toBe(201);
    const writer = await api.appToken(['Application.ReadWrite.All']);
    expect((await call(writer, 'POST', '/v1.0/servicePrincipals', { displayName: 'By client' })).statusCode).toBe(201);
    const groupsOnly = await api.appToken(['Group.ReadWrite.All']);
    expect((await call(groupsOnly, 'POST', '/v1.0/servicePrincipals', { displayName: 'Nope' })).statusCode).toBe(403);
  });

  it('app roles: a role the app defines is assignable, an unknown one is a 400; roles keep their ids', async () => {
    const role = '5d3e9c1a-7b2f-4e8a-9c6d-1f2e3a4b5c6d';
    const created = await call(admin, 'POST', '/v1.0/servicePrincipals', {
      displayName: `Roles ${++n}`, appRoles: [{ id: role, displayName: 'Reader', value: 'read', description: null, isEnabled: true, allowedMemberTypes: ['User'] }, { displayName: 'Writer', value: 'write' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const roles = created.json().appRoles as Array<{ id: string; displayName: string }>;
    expect(roles.find((r) => r.displayName === 'Reader')?.id).toBe(role);
    expect(roles.find((r) => r.displayName === 'Writer')?.id).toMatch(/^[0-9a-f-]{36}$/);
    const ann = await api.newUser('Role user');
    const appId = created.json().id as string;
    const given = await call(admin, 'POST', `/v1.0/servicePrincipals/${appId}/appRoleAssignedTo`, { principalId: ann.id, resourceId: appId, appRoleId: role });
    expect(given.statusCode).toBe(201);
    expect(given.json().appRoleId).toBe(role);
    const unknown = await call(admin, 'POST', `/v1.0/servicePrincipals/${appId}/appRoleAssignedTo`, { principalId: ann.id, resourceId: appId, appRoleId: '11111111-2222-4333-8444-555555555555' });
    expect(unknown.statusCode).toBe(400);
    expect((await call(admin, 'POST', `/v1.0/servicePrincipals/${appId}/appRoleAssignedTo`, { principalId: ann.id, resourceId: appId, appRoleId: role })).json().error).toMatchObject({ code: 'Request_BadRequest', message: expect.stringContaining('already exists') });
  });

  it('pages appRoleAssignedTo with a signed next link', async () => {
    const app = await newApp();
    for (let i = 0; i < 5; i++) expect((await assign(admin, app.id, (await api.newUser(`Paged ${i}`)).id)).statusCode).toBe(201);
    const first = (await call(admin, 'GET', `/v1.0/servicePrincipals/${app.id}/appRoleAssignedTo?$top=2`)).json();
    expect(first.value).toHaveLength(2);
    const seen = new Set<string>(first.value.map((a: { id: string }) => a.id));
    let next: string | undefined = first['@odata.nextLink'];
    while (next) {
      const url = new URL(next);
      const page = (await call(admin, 'GET', url.pathname + url.search)).json();
      for (const a of page.value) seen.add(a.id);
      next = page['@odata.nextLink'];
    }
    expect(seen.size).toBe(5);
    const tampered = first['@odata.nextLink'].replace(/skiptoken=./, 'skiptoken=X');
    expect((await call(admin, 'GET', new URL(tampered).pathname + new URL(tampered).search)).statusCode).toBe(400);
  });
});

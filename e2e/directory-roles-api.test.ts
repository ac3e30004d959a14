// Directory roles and licences through the Graph API on both engines (docs/adr/0022): the roles and
// their members, grants and removals by $ref with Graph's status codes, the SECURITY #2 refusals, the
// last Global Administrator (409), assignLicense within the seats, subscribedSkus, and the user JSON
// (accountEnabled, assignedLicenses; `@roster.roles` for admins only). PATCH /users never takes either.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { messageOf } from '../src/core/domain/errors.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const GLOBAL = '62e90394-69f5-4237-9190-012177145e10';
const GROUPS = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';
const READER = '4a5d8f65-41da-4de4-8968-e035b65339cf';
const P1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
const P2 = '84a661c4-e949-4bd2-a560-ed7766fcaf2b';
const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

describeEachEngine('Graph API: directory roles and licences', (getStorage) => {
  let api: Api;
  let admin = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    admin = await api.userToken(api.admin);
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const refused = (res: { statusCode: number; json(): { error: { message: string } } }, status: number, reason: Parameters<typeof messageOf>[0]) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toBe(messageOf(reason));
  };

  it('lists roles; grants and removes by $ref; SECURITY #2 refusals; only admins see roles', async () => {
    const [ann, pria, ula] = [await api.newUser('Ann'), await api.newUser('Pria', ['privilegedRoleAdmin', 'auditReader']), await api.newUser('Ula', ['userAdmin'])];
    const [annToken, priaToken, ulaToken] = [await api.userToken(ann), await api.userToken(pria), await api.userToken(ula)];

    const roles = (await call(admin, 'GET', '/v1.0/directoryRoles')).json().value;
    expect(roles).toContainEqual(expect.objectContaining({ id: GLOBAL, roleTemplateId: GLOBAL, displayName: 'Global Administrator', '@roster.role': 'globalAdmin', '@roster.memberCount': 1 }));
    expect(roles).toHaveLength(6);
    refused(await call(annToken, 'GET', '/v1.0/directoryRoles'), 403, 'notAdmin');
    refused(await call(admin, 'GET', '/v1.0/directoryRoles/not-a-role/members'), 404, 'roleNotFound');

    expect((await call(admin, 'POST', `/v1.0/directoryRoles/${GROUPS}/members/$ref`, ref(ann.id))).statusCode).toBe(204);
    expect((await call(admin, 'POST', '/v1.0/directoryRoles/groupsAdmin/members/$ref', ref(ann.id))).statusCode).toBe(400);
    expect((await call(admin, 'GET', `/v1.0/directoryRoles/${GROUPS}/members`)).json().value).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: ann.id, '@roster.roles': ['groupsAdmin'] }),
    ]);
    expect((await call(admin, 'GET', `/v1.0/directoryRoles/${GROUPS}`)).json()).toMatchObject({ displayName: 'Groups Administrator', '@roster.memberCount': 1 });
    // A Privileged Role Administrator hands out what they hold, and nothing else.
    expect((await call(priaToken, 'POST', `/v1.0/directoryRoles/${READER}/members/$ref`, ref(ann.id))).statusCode).toBe(204);
    refused(await call(priaToken, 'POST', `/v1.0/directoryRoles/${GLOBAL}/members/$ref`, ref(pria.id)), 403, 'roleNotHeld');
    refused(await call(priaToken, 'DELETE', `/v1.0/directoryRoles/${GROUPS}/members/${ann.id}/$ref`), 403, 'roleNotHeld');
    refused(await call(ulaToken, 'POST', `/v1.0/directoryRoles/${GLOBAL}/members/$ref`, ref(ula.id)), 403, 'notAdmin');
    refused(await call(await api.appToken(['User.ReadWrite.All', 'Directory.Read.All']), 'POST', `/v1.0/directoryRoles/${READER}/members/$ref`, ref(ula.id)), 403, 'missingPermission');

    // The user JSON: accountEnabled and licences for everyone; roles only for admins.
    const asAdmin = (await call(admin, 'GET', `/v1.0/users/${ann.id}`)).json();
    expect(asAdmin).toMatchObject({ accountEnabled: true, assignedLicenses: [], '@roster.roles': ['auditReader', 'groupsAdmin'] });
    const asPlain = (await call(await api.userToken(await api.newUser('Pat')), 'GET', `/v1.0/users/${ann.id}`)).json();
    expect(asPlain).toMatchObject({ accountEnabled: true, assignedLicenses: [] });
    expect(asPlain).not.toHaveProperty('@roster.roles');
    expect((await call(admin, 'GET', '/v1.0/users?$select=accountEnabled')).json().value[0]).toEqual({ id: expect.any(String), accountEnabled: true, '@roster.roles': expect.any(Array) });

    expect((await call(admin, 'DELETE', `/v1.0/directoryRoles/${GROUPS}/members/${ann.id}/$ref`)).statusCode).toBe(204);
    refused(await call(admin, 'DELETE', `/v1.0/directoryRoles/${GROUPS}/members/${ann.id}/$ref`), 404, 'notMember');
    expect((await call(admin, 'GET', `/v1.0/users/${ann.id}`)).json()['@roster.roles']).toEqual(['auditReader']);
  });

  it('the last enabled Global Administrator cannot be removed (409); with a second one it can', async () => {
    refused(await call(admin, 'DELETE', `/v1.0/directoryRoles/${GLOBAL}/members/${api.admin.id}/$ref`), 409, 'lastGlobalAdmin');
    const gina = await api.newUser('Gina', ['globalAdmin']);
    expect((await call(await api.userToken(gina), 'DELETE', `/v1.0/directoryRoles/${GLOBAL}/members/${api.admin.id}/$ref`)).statusCode).toBe(204);
    refused(await call(await api.userToken(gina), 'DELETE', `/v1.0/directoryRoles/globalAdmin/members/${gina.id}/$ref`), 409, 'lastGlobalAdmin');
    // the first admin lost the role, so they cannot grant it back to themselves
    refused(await call(admin, 'POST', `/v1.0/directoryRoles/${GLOBAL}/members/$ref`, ref(api.admin.id)), 403, 'notAdmin');
    expect((await call(await api.userToken(gina), 'POST', `/v1.0/directoryRoles/${GLOBAL}/members/$ref`, ref(api.admin.id))).statusCode).toBe(204);
  });

  it('assignLicense within the seats (409 when none are left), subscribedSkus, user admins only; PATCH never takes roles or licences', async () => {
    const [bob, cat, ula, gus] = [await api.newUser('Bob'), await api.newUser('Cat'), await api.newUser('Ula', ['userAdmin']), await api.newUser('Gus', ['groupsAdmin'])];
    await api.core.setLicenceSeats(api.adminCaller, { sku: 'premiumP1', seats: 1 });
    await api.core.setLicenceSeats(api.adminCaller, { sku: 'premiumP2', seats: 0 });
    const ulaToken = await api.userToken(ula);
    const assigned = await call(ulaToken, 'POST', `/v1.0/users/${bob.id}/assignLicense`, { addLicenses: [{ skuId: P1, disabledPlans: [] }], removeLicenses: [] });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ id: bob.id, assignedLicenses: [{ skuId: P1, disabledPlans: [] }] });
    refused(await call(ulaToken, 'POST', `/v1.0/users/${cat.id}/assignLicense`, { addLicenses: [{ skuId: P1 }], removeLicenses: [] }), 409, 'noSeatsLeft');
    refused(await call(await api.userToken(gus), 'POST', `/v1.0/users/${cat.id}/assignLicense`, { addLicenses: [], removeLicenses: [P1] }), 403, 'notAdmin');
    expect((await call(ulaToken, 'POST', `/v1.0/users/${cat.id}/assignLicense`, { addLicenses: [{ skuId: 'f00dbabe-0000-4000-8000-000000000000' }], removeLicenses: [] })).statusCode).toBe(400);
    const skus = (await call(ulaToken, 'GET', '/v1.0/subscribedSkus')).json().value;
    expect(skus).toEqual([
      expect.objectContaining({ skuId: P1, skuPartNumber: 'AAD_PREMIUM', consumedUnits: 1, prepaidUnits: expect.objectContaining({ enabled: 1 }) }),
      expect.objectContaining({ skuId: P2, skuPartNumber: 'AAD_PREMIUM_P2', consumedUnits: 0, prepaidUnits: expect.objectContaining({ enabled: 0 }) }),
    ]);
    // move the seat from Bob to Cat
    expect((await call(ulaToken, 'POST', `/v1.0/users/${bob.id}/assignLicense`, { addLicenses: [], removeLicenses: [P1] })).json().assignedLicenses).toEqual([]);
    expect((await call(ulaToken, 'POST', `/v1.0/users/${cat.id}/assignLicense`, { addLicenses: [{ skuId: P1 }], removeLicenses: [] })).statusCode).toBe(200);

    for (const extra of [{ roles: ['globalAdmin'] }, { '@roster.roles': ['globalAdmin'] }, { assignedLicenses: [{ skuId: P2 }] }]) {
      const res = await call(admin, 'PATCH', `/v1.0/users/${bob.id}`, { jobTitle: 'Boss', ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(`'${Object.keys(extra)[0]}'`);
    }
    expect((await call(admin, 'GET', `/v1.0/users/${bob.id}`)).json()).toMatchObject({ jobTitle: null, assignedLicenses: [], '@roster.roles': [] });
  });
});

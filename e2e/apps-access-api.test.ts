// Effective access through HTTP on both engines (docs/adr/0019): who has an app through nested groups
// and other apps' audiences, each with its paths; explain as the bound function
// roster.explain(userId='…'); blocks; My Apps; a join request's impact preview for approvers; and
// §3.9 — neither the audience nor the paths leak to those who may not read them. The Graph SDK pages
// appRoleAssignedTo over HTTPS.
import { PageIterator } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';
import { graphSdk } from './graph-sdk-client.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
const EVENTUAL = { consistencylevel: 'eventual' };
let n = 0;

interface Step { '@odata.type': string; id: string; displayName: string | null }
interface Path { steps: Step[] }
const names = (p: Path) => p.steps.map((s) => s.displayName ?? s.id);

describeEachEngine('Roster API: effective access, explain, blocks, My Apps, impact preview', (getStorage) => {
  let api: Api;
  let admin = '';
  beforeAll(async () => {
    api = await startApi(getStorage());
    admin = await api.userToken(api.admin);
    await api.core.updateSettings(api.adminCaller, { ownersCanManageJoinRequests: true });
  });
  afterAll(async () => { await api?.close(); });

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (token: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const newApp = async (name: string, extra: Record<string, unknown> = {}) => (await call(admin, 'POST', '/v1.0/servicePrincipals', { displayName: `${name} ${++n}`, ...extra })).json() as { id: string; displayName: string };
  const group = async (name: string, members: string[], extra: Record<string, unknown> = {}) =>
    (await api.core.createGroup(api.adminCaller, { displayName: `${name} ${++n}`, mailNickname: `g${n}x${Date.now()}`, ...SECURITY, members, ...extra })).group;
  const assign = async (appId: string, principalId: string) => {
    const res = await call(admin, 'POST', `/v1.0/servicePrincipals/${appId}/appRoleAssignedTo`, { principalId, resourceId: appId, appRoleId: DEFAULT_ACCESS });
    expect(res.statusCode, res.body).toBe(201);
  };
  const explain = (token: string, appId: string, userId: string) => call(token, 'GET', `/v1.0/servicePrincipals/${appId}/roster.explain(userId='${userId}')`);

  /** Ann ∈ EMEA ⊂ Sales → CRM; Bob ∈ Sales → CRM; CRM's audience → Portal. */
  async function sales() {
    const [ann, bob, carl] = [await api.newUser(`Ann ${++n}`), await api.newUser(`Bob ${++n}`), await api.newUser(`Carl ${++n}`)];
    const emea = await group('Sales-EMEA', [ann.id]);
    const salesGroup = await group('Sales', [bob.id]);
    await api.core.addMember(api.adminCaller, { groupId: salesGroup.id, memberId: emea.id });
    const crm = await newApp('CRM');
    const portal = await newApp('Portal');
    await assign(crm.id, salesGroup.id);
    await assign(portal.id, crm.id);
    return { ann, bob, carl, emea, salesGroup, crm, portal };
  }

  it('effective access: every user through nested groups, each with the path "Ann ∈ EMEA ⊂ Sales → CRM"; search and count', async () => {
    const { ann, bob, emea, salesGroup, crm } = await sales();
    const res = await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess?$count=true`, undefined, EVENTUAL);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body['@odata.count']).toBe(2);
    const annRow = body.value.find((u: { id: string }) => u.id === ann.id);
    expect(annRow).toMatchObject({ displayName: ann.displayName, userPrincipalName: ann.userPrincipalName });
    expect(annRow.paths.map(names)).toEqual([[ann.displayName, emea.displayName, salesGroup.displayName, crm.displayName]]);
    expect(annRow.paths[0].steps.map((s: Step) => s['@odata.type'])).toEqual(['#microsoft.graph.user', '#microsoft.graph.group', '#microsoft.graph.group', '#microsoft.graph.servicePrincipal']);
    expect(body.value.map((u: { id: string }) => u.id).sort()).toEqual([ann.id, bob.id].sort());
    const found = (await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess?$search="${ann.displayName.split(' ')[0] ?? ''}"&$count=true`, undefined, EVENTUAL)).json();
    expect(found).toMatchObject({ '@odata.count': 1, value: [expect.objectContaining({ id: ann.id })] });
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess?$count=true`)).statusCode).toBe(400);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess?$orderby=displayName`)).statusCode).toBe(400);
  });

  it('an app audience passes on: everyone who has CRM has Portal, the path ends CRM → Portal; paging follows nextLink', async () => {
    const { ann, bob, crm, portal } = await sales();
    const first = (await call(admin, 'GET', `/v1.0/servicePrincipals/${portal.id}/roster.effectiveAccess?$top=1`)).json();
    expect(first.value).toHaveLength(1);
    const next = new URL(first['@odata.nextLink']);
    const second = (await call(admin, 'GET', next.pathname + next.search)).json();
    const all = [...first.value, ...second.value];
    expect(all.map((u: { id: string }) => u.id).sort()).toEqual([ann.id, bob.id].sort());
    for (const u of all) expect(u.paths[0].steps.slice(-2).map((s: Step) => s.id)).toEqual([crm.id, portal.id]);
  });

  it('explain: granted with every path; blocked keeps the paths; unblock gives it back; noPath for others', async () => {
    const { ann, carl, crm, portal } = await sales();
    const granted = await explain(admin, crm.id, ann.id);
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ userId: ann.id, appId: crm.id, verdict: 'granted', block: null });
    expect(granted.json().paths).toHaveLength(1);
    expect((await explain(admin, crm.id, carl.id)).json()).toMatchObject({ verdict: 'noPath', paths: [] });
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.explain(userId=${ann.id})`)).statusCode).toBe(400);
    // Clients that percent-encode the quotes and parentheses get the same answer.
    const encoded = await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.explain%28userId=%27${ann.id}%27%29`);
    expect(encoded.json()).toMatchObject({ verdict: 'granted', userId: ann.id });
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/noSuchThing`)).statusCode).toBe(400);

    const blocked = await call(admin, 'POST', `/v1.0/servicePrincipals/${crm.id}/roster.blocks`, { userId: ann.id, reason: 'Left sales' });
    expect(blocked.statusCode, blocked.body).toBe(201);
    expect((await explain(admin, crm.id, ann.id)).json()).toMatchObject({ verdict: 'blocked', block: expect.objectContaining({ reason: 'Left sales' }), paths: [expect.any(Object)] });
    const access = (await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess`)).json();
    expect(access.value.map((u: { id: string }) => u.id)).not.toContain(ann.id);
    expect((await call(admin, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.blocks`)).json().value).toEqual([expect.objectContaining({ userId: ann.id, reason: 'Left sales' })]);
    // A block on CRM removes Ann from CRM's audience, so from Portal too.
    expect((await explain(admin, portal.id, ann.id)).json().verdict).not.toBe('granted');
    expect((await call(admin, 'DELETE', `/v1.0/servicePrincipals/${crm.id}/roster.blocks/${ann.id}`)).statusCode).toBe(204);
    expect((await explain(admin, crm.id, ann.id)).json().verdict).toBe('granted');
  });

  it('My Apps: the apps I have and through which group; hidden apps are not listed; an app token has no /me', async () => {
    const { ann, emea, crm, portal } = await sales();
    const hidden = await newApp('Hidden', { '@roster.visibleToUsers': false });
    await assign(hidden.id, emea.id);
    const mine = await call(await api.userToken(ann), 'GET', '/v1.0/me/roster.apps');
    expect(mine.statusCode, mine.body).toBe(200);
    const ids = mine.json().value.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([crm.id, portal.id]));
    expect(ids).not.toContain(hidden.id);
    const crmRow = mine.json().value.find((a: { id: string }) => a.id === crm.id);
    expect(crmRow.paths[0].steps.map((s: Step) => s.id)).toContain(emea.id);
    expect((await call(await api.appToken(['Application.ReadWrite.All']), 'GET', '/v1.0/me/roster.apps')).statusCode).toBe(400);
  });

  it('§3.9: a user may not read another app\'s audience or explain another user; an app owner reads only their app', async () => {
    const { ann, bob, crm, portal } = await sales();
    const plain = await api.userToken(await api.newUser('Plain'));
    for (const url of [`/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess`, `/v1.0/servicePrincipals/${crm.id}/roster.blocks`, `/v1.0/servicePrincipals/${crm.id}/roster.explain(userId='${ann.id}')`]) {
      const res = await call(plain, 'GET', url);
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain(ann.id);
    }
    // Bob may ask why he has CRM, not why Ann has it.
    const bobToken = await api.userToken(bob);
    expect((await explain(bobToken, crm.id, bob.id)).json().verdict).toBe('granted');
    const other = await explain(bobToken, crm.id, ann.id);
    expect([403, 404]).toContain(other.statusCode);
    expect(other.body).not.toContain('Sales-EMEA');

    const owner = await api.newUser('Portal Owner');
    await call(admin, 'POST', `/v1.0/servicePrincipals/${portal.id}/owners/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/users/${owner.id}` });
    const ownerToken = await api.userToken(owner);
    expect((await call(ownerToken, 'GET', `/v1.0/servicePrincipals/${portal.id}/roster.effectiveAccess`)).statusCode).toBe(200);
    const crmAudience = await call(ownerToken, 'GET', `/v1.0/servicePrincipals/${crm.id}/roster.effectiveAccess`);
    expect([403, 404]).toContain(crmAudience.statusCode);
  });

  it('§3.9: an app owner sees no one through a group whose members they may not see; administrators see everyone', async () => {
    const [pia, pete, hana] = [await api.newUser(`Pia ${++n}`), await api.newUser(`Pete ${++n}`), await api.newUser(`Hana ${++n}`)];
    const privateGroup = await group('Payroll', [pia.id], { visibility: 'Private' });
    const publicGroup = await group('Everyone in sales', [pete.id], { visibility: 'Public' });
    const hiddenGroup = await group('Hidden project', [hana.id], { mailEnabled: true, securityEnabled: true, groupTypes: ['Unified'], visibility: 'HiddenMembership' });
    const app = await newApp('Wiki');
    for (const g of [privateGroup, publicGroup, hiddenGroup]) await assign(app.id, g.id);
    const owner = await api.newUser('Wiki Owner');
    await call(admin, 'POST', `/v1.0/servicePrincipals/${app.id}/owners/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/users/${owner.id}` });
    const ownerToken = await api.userToken(owner);

    const seen = await call(ownerToken, 'GET', `/v1.0/servicePrincipals/${app.id}/roster.effectiveAccess?$count=true`, undefined, EVENTUAL);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()['@odata.count']).toBe(1);
    expect(seen.json().value.map((u: { id: string }) => u.id)).toEqual([pete.id]);
    for (const secret of [pia.id, hana.id, privateGroup.displayName, hiddenGroup.displayName]) expect(seen.body).not.toContain(secret);
    for (const who of [pia, hana]) {
      const why = await explain(ownerToken, app.id, who.id);
      expect(why.statusCode).toBe(404);
      expect(why.body).not.toContain(privateGroup.id);
      expect(why.body).not.toContain(hiddenGroup.id);
    }
    expect((await explain(ownerToken, app.id, pete.id)).json().paths[0].steps.map((s: Step) => s.id)).toContain(publicGroup.id);
    // Hana may ask about herself: she sees her own membership.
    expect((await explain(await api.userToken(hana), app.id, hana.id)).json().paths[0].steps.map((s: Step) => s.id)).toContain(hiddenGroup.id);

    const appAdmin = await api.userToken(await api.newUser('App Admin', ['appAdmin']));
    for (const token of [admin, appAdmin]) {
      const all = (await call(token, 'GET', `/v1.0/servicePrincipals/${app.id}/roster.effectiveAccess?$count=true`, undefined, EVENTUAL)).json();
      expect(all['@odata.count']).toBe(3);
      expect(all.value.map((u: { id: string }) => u.id).sort()).toEqual([pia.id, pete.id, hana.id].sort());
    }
  });

  it('impact preview: an approver sees the groups the requester would be in through nesting and the apps it opens; others may not', async () => {
    const { emea, salesGroup, crm, portal } = await sales();
    const owner = await api.newUser('EMEA owner');
    await api.core.addOwner(api.adminCaller, { groupId: emea.id, userId: owner.id });
    await api.core.updateGroup(api.adminCaller, { groupId: emea.id, joinPolicy: 'approval' });
    const requester = await api.newUser('Newcomer');
    const requesterToken = await api.userToken(requester);
    const request = (await call(requesterToken, 'POST', `/v1.0/groups/${emea.id}/joinRequests`, { justification: 'new in sales' })).json();
    const preview = await call(await api.userToken(owner), 'GET', `/v1.0/joinRequests/${request.id}/roster.impactPreview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().groups.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([salesGroup.id]));
    expect(preview.json().apps.map((a: { id: string }) => a.id).sort()).toEqual([crm.id, portal.id].sort());
    const stranger = await call(await api.userToken(await api.newUser('Stranger')), 'GET', `/v1.0/joinRequests/${request.id}/roster.impactPreview`);
    expect([403, 404]).toContain(stranger.statusCode);
    expect(stranger.body).not.toContain(crm.id);
  });

  it('the OpenAPI document describes the application routes', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/v1.0/servicePrincipals', '/v1.0/servicePrincipals/{id}', '/v1.0/servicePrincipals/{id}/owners/$ref', '/v1.0/servicePrincipals/{id}/appRoleAssignedTo',
      '/v1.0/servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}', '/v1.0/groups/{id}/appRoleAssignments', '/v1.0/users/{id}/appRoleAssignments',
      '/v1.0/me/appRoleAssignments', '/v1.0/servicePrincipals/{id}/roster.effectiveAccess', '/v1.0/servicePrincipals/{id}/roster.blocks',
      '/v1.0/servicePrincipals/{id}/roster.blocks/{userId}', '/v1.0/me/roster.apps', '/v1.0/joinRequests/{id}/roster.impactPreview',
    ]));
    const create = doc.paths['/v1.0/servicePrincipals'].post.requestBody.content['application/json'].schema;
    expect(create.additionalProperties).toBe(false);
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['displayName', '@roster.visibleToUsers', '@roster.cascadeNestedGroups']));
  });

  it('the Graph SDK pages appRoleAssignedTo with PageIterator', async () => {
    const app = await newApp('SDK');
    for (let i = 0; i < 7; i++) await assign(app.id, (await api.newUser(`SDK user ${i}`)).id);
    const client = graphSdk(api, admin);
    const first = await client.api(`/servicePrincipals/${app.id}/appRoleAssignedTo`).top(3).get();
    expect(first['@odata.nextLink']).toContain('$skiptoken=');
    const seen = new Set<string>();
    await new PageIterator(client, first, (a: { principalId: string }) => { seen.add(a.principalId); return true; }).iterate();
    expect(seen.size).toBe(7);
  });
});

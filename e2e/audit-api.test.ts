// GET /v1.0/auditLogs/directoryAudits over HTTP on both engines (docs/adr/0016): Graph's directoryAudit
// shape with Roster's chain annotations, newest first by seq with signed keyset pages, the $filter
// subset (and Request_UnsupportedQuery for the rest), who may read, and the chain verifying after it all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../src/core/domain/model.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

type Json = Record<string, unknown>;
const SECURITY = { mailEnabled: false, securityEnabled: true };
const BASE = '/v1.0/auditLogs/directoryAudits';

describeEachEngine('Graph API: auditLogs/directoryAudits', (getStorage) => {
  let api: Api;
  let admin = '';
  let ann: User;
  let annToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    admin = await api.userToken(api.admin);
    ann = await api.newUser('Ann');
    annToken = await api.userToken(ann);
  });
  afterAll(async () => { await api.close(); });

  const send = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Json) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const get = (token: string, url: string) => send(token, 'GET', url);
  const q = (filter: string, extra = '') => `${BASE}?$filter=${encodeURIComponent(filter)}${extra}`;
  const pathOf = (link: string) => link.replace(/^https?:\/\/[^/]+/, '');

  /** PostgreSQL seals below a cluster-wide horizon: another test's open transaction may hold it back a moment. */
  async function until(token: string, url: string, ok: (value: Json[]) => boolean): Promise<Json[]> {
    for (let i = 0; ; i++) {
      const res = await get(token, url);
      expect(res.statusCode, res.body).toBe(200);
      const value = (res.json() as { value: Json[] }).value;
      if (ok(value) || i >= 100) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function newGroup(name: string): Promise<{ id: string; requestId: string }> {
    const res = await send(admin, 'POST', '/v1.0/groups', { displayName: name, mailNickname: name.replace(/\W/g, ''), ...SECURITY });
    expect(res.statusCode, res.body).toBe(201);
    return { id: (res.json() as Json)['id'] as string, requestId: String(res.headers['request-id']) };
  }

  it('a change appears in Graph\'s directoryAudit shape, with the request id, the initiator and the chain fields', async () => {
    const g = await newGroup('Audited');
    const [event] = await until(admin, q(`targetResources/any(t:t/id eq '${g.id}')`), (v) => v.length > 0);
    expect(event).toMatchObject({
      category: 'GroupManagement', correlationId: g.requestId, result: 'success', resultReason: '',
      activityDisplayName: 'Add group', loggedByService: 'Roster', operationType: 'Add',
      initiatedBy: { user: { id: api.admin.id, userPrincipalName: api.admin.userPrincipalName, displayName: 'Ada Admin' }, app: null },
      additionalDetails: expect.arrayContaining([{ key: 'action', value: 'group.create' }, { key: 'channel', value: 'api' }]),
    });
    expect(event?.['activityDateTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(event?.['@roster.sequence']).toEqual(expect.any(Number));
    expect(event?.['@roster.hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(event?.['@roster.previousHash']).toMatch(/^[0-9a-f]{64}$/);
    const target = (event?.['targetResources'] as Json[])[0];
    expect(target).toMatchObject({ id: g.id, type: 'Group' });
    expect(target?.['modifiedProperties']).toEqual(expect.arrayContaining([{ displayName: 'displayName', oldValue: null, newValue: '"Audited"' }]));

    const one = await get(admin, `${BASE}/${event?.['id'] as string}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ '@odata.context': expect.stringMatching(/\/\$metadata#auditLogs\/directoryAudits\/\$entity$/), ...event });
    const missing = await get(admin, `${BASE}/00000000-0000-4000-8000-000000000000`);
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as { error: Json }).error['code']).toBe('Request_ResourceNotFound');
  });

  it('a denied attempt is logged as a failure with its reason, found by initiator and result', async () => {
    const g = await newGroup('Not Anns');
    expect((await send(annToken, 'DELETE', `/v1.0/groups/${g.id}`)).statusCode).toBe(403);
    const value = await until(admin, q(`initiatedBy/user/id eq '${ann.id}' and result eq 'failure'`), (v) => v.length > 0);
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      result: 'failure', resultReason: 'notOwner', activityDisplayName: 'Delete group', operationType: 'Delete',
      initiatedBy: { user: { id: ann.id, userPrincipalName: ann.userPrincipalName } }, targetResources: [{ id: g.id, type: 'Group' }],
    });
    expect(await until(admin, q(`initiatedBy/user/id eq '${ann.id}' and result eq 'success'`), () => true)).toEqual([]);
  });

  it('pages newest first by seq with signed skip tokens: every seq from the newest down to 1, once', async () => {
    for (let i = 0; i < 4; i++) await newGroup(`Paged ${i}`);
    const all = await until(admin, `${BASE}?$top=999`, (v) => v.filter((e) => e['activityDisplayName'] === 'Add group').length >= 6);
    const seqs: number[] = [];
    let pages = 0;
    for (let url = `${BASE}?$top=3`; ;) {
      const res = await get(admin, url);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { value: Json[]; '@odata.nextLink'?: string };
      seqs.push(...body.value.map((e) => e['@roster.sequence'] as number));
      pages++;
      if (!body['@odata.nextLink']) break;
      expect(body.value).toHaveLength(3);
      url = pathOf(body['@odata.nextLink']);
    }
    expect(pages).toBeGreaterThan(2);
    const newest = seqs[0] ?? 0;
    expect(newest).toBeGreaterThanOrEqual(all.length);
    expect(seqs).toEqual(Array.from({ length: newest }, (_, i) => newest - i));

    const first = (await get(admin, `${BASE}?$top=3`)).json() as { '@odata.nextLink': string };
    const forged = pathOf(first['@odata.nextLink']).replace(/\$skiptoken=([^&]+)/, (_m, t: string) => `$skiptoken=x${t.slice(1)}`);
    expect((await get(admin, forged)).statusCode).toBe(400);
  });

  it('filters on activityDateTime, category and result; refuses what it does not support', async () => {
    await api.newUser('Bea');
    const users = await until(admin, q("category eq 'UserManagement'"), (v) => v.length >= 2);
    expect(users.length).toBeGreaterThanOrEqual(2);
    expect(users.every((e) => e['category'] === 'UserManagement')).toBe(true);
    expect(await until(admin, q("category eq 'NoSuchCategory'"), () => true)).toEqual([]);
    expect(await until(admin, q('activityDateTime ge 2999-01-01T00:00:00Z'), () => true)).toEqual([]);
    expect(await until(admin, q('activityDateTime le 2000-01-01T00:00:00Z'), () => true)).toEqual([]);
    const today = await until(admin, q(`activityDateTime ge 2000-01-01T00:00:00Z and activityDateTime le 2999-01-01T00:00:00Z and result eq 'success'`), (v) => v.length > 0);
    expect(today.every((e) => e['result'] === 'success')).toBe(true);

    for (const [url, code] of [
      [q("activityDisplayName eq 'Add group'"), 'Request_UnsupportedQuery'],
      [q("result eq 'success' or result eq 'failure'"), 'Request_UnsupportedQuery'],
      [q("not (result eq 'success')"), 'Request_UnsupportedQuery'],
      [q('activityDateTime gt 2000-01-01T00:00:00Z'), 'Request_UnsupportedQuery'],
      [q("result eq 'success' and result eq 'failure'"), 'Request_UnsupportedQuery'],
      [`${BASE}?$orderby=activityDateTime`, 'Request_UnsupportedQuery'],
      [`${BASE}?$select=id`, 'Request_UnsupportedQuery'],
      [`${BASE}?$count=true`, 'Request_UnsupportedQuery'],
      [q("result eq 'maybe'"), 'Request_BadRequest'],
      [q('result eq'), 'Request_BadRequest'],
      [`${BASE}?$top=0`, 'Request_BadRequest'],
      [`${BASE}?$top=1000`, 'Request_BadRequest'],
    ] as const) {
      const res = await get(admin, url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect([url, (res.json() as { error: Json }).error['code']]).toEqual([url, code]);
    }
  });

  it('Global Administrators, audit readers and apps with AuditLog.Read.All or Directory.Read.All read; everyone else gets 403', async () => {
    const token = async (roles: User['roles']) => api.userToken(await api.newUser(`Role ${roles.join('+') || 'none'}`, roles));
    const cases: Array<[string, string, number]> = [
      ['globalAdmin', admin, 200],
      ['auditReader', await token(['auditReader']), 200],
      ['groupsAdmin', await token(['groupsAdmin']), 403],
      ['userAdmin', await token(['userAdmin']), 403],
      ['appAdmin', await token(['appAdmin']), 403],
      ['plain user', annToken, 403],
      ['app AuditLog.Read.All', await api.appToken(['AuditLog.Read.All']), 200],
      ['app Directory.Read.All', await api.appToken(['Directory.Read.All']), 200],
      ['app Group.ReadWrite.All + User.ReadWrite.All', await api.appToken(['Group.ReadWrite.All', 'User.ReadWrite.All']), 403],
    ];
    const [sample] = await until(admin, `${BASE}?$top=1`, (v) => v.length > 0);
    for (const [who, t, status] of cases) {
      expect([who, (await get(t, `${BASE}?$top=1`)).statusCode]).toEqual([who, status]);
      expect([who, (await get(t, `${BASE}/${sample?.['id'] as string}`)).statusCode]).toEqual([who, status]);
    }
    // Consistent with GET /users: an app without a user-read permission is refused with 403 there too.
    const noUserRead = await api.appToken(['Group.ReadWrite.All']);
    expect((await get(noUserRead, '/v1.0/users')).statusCode).toBe(403);
    const denied = await get(annToken, BASE);
    expect((denied.json() as { error: Json }).error['code']).toBe('Authorization_RequestDenied');
  });

  it('after everything above, the tenant\'s chain verifies', async () => {
    const { verdict } = await api.core.verifyAuditLog(api.tenantId);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.checked).toBeGreaterThan(10);
  });
});

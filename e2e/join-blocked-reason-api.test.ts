// `@roster.abilities.joinBlockedReason` over HTTP on both engines: for every refusal a user can run
// into by joining or requesting, the reason the group carries is the reason of the refusal they get
// when they try anyway (same message, same status) — one decision, never a second rule. And the
// reason never depends on anybody else's membership (SPEC §3.9).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { categoryOf, messageOf, type ReasonCode } from '../src/core/domain/errors.js';
import type { CreateGroupInput } from '../src/core/use-cases/create-group.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
const STATUS = { invalid: 400, unauthenticated: 401, forbidden: 403, notFound: 404, conflict: 409 } as const;
let n = 0;

describeEachEngine('Roster API: why a group cannot be joined', (getStorage) => {
  let api: Api;
  let adminToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    adminToken = await api.userToken(api.admin);
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const settings = async (changes: Record<string, unknown>) => expect((await call(adminToken, 'PATCH', '/v1.0/settings', changes)).statusCode).toBe(200);
  const newGroup = async (over: Partial<CreateGroupInput>) => (await api.core.createGroup(api.adminCaller, {
    displayName: `Blocked ${++n}`, mailNickname: `blocked${n}x${Date.now()}`, ...SECURITY, ...over,
  })).group;

  async function reasonOf(token: string, groupId: string): Promise<{ reason: ReasonCode | null; join: boolean; request: boolean; policy: string }> {
    const res = await call(token, 'GET', `/v1.0/groups/${groupId}`);
    expect(res.statusCode).toBe(200);
    const abilities = res.json()['@roster.abilities'];
    return { reason: abilities.joinBlockedReason, join: abilities.join, request: abilities.request, policy: res.json()['@roster.joinPolicy'] };
  }

  /** Reads the reason, then tries anyway the way the portal would, and compares. */
  async function expectReasonMatchesRefusal(token: string, groupId: string, expected: ReasonCode) {
    const { reason, join, request, policy } = await reasonOf(token, groupId);
    expect(reason).toBe(expected);
    expect(join || request).toBe(false);
    const tried = policy === 'approval'
      ? await call(token, 'POST', `/v1.0/groups/${groupId}/joinRequests`, { justification: 'Trying anyway' })
      : await call(token, 'POST', `/v1.0/groups/${groupId}/join`);
    // alreadyMember is the one reason Graph answers with 400 instead of 409 (FIDELITY §4.6).
    expect(tried.statusCode).toBe(expected === 'alreadyMember' ? 400 : STATUS[categoryOf(expected)]);
    expect(tried.json().error.message).toBe(messageOf(expected));
  }

  it('each refusal a user can meet is the reason the group said beforehand', async () => {
    const user = await api.newUser('Blocked User');
    const token = await api.userToken(user);

    const open = await newGroup({ joinPolicy: 'open' });
    expect(await reasonOf(token, open.id)).toMatchObject({ reason: null, join: true });
    expect((await call(token, 'POST', `/v1.0/groups/${open.id}/join`)).statusCode).toBe(204);
    await expectReasonMatchesRefusal(token, open.id, 'alreadyMember');

    await expectReasonMatchesRefusal(token, (await newGroup({ joinPolicy: 'closed' })).id, 'groupClosed');
    await expectReasonMatchesRefusal(token, (await newGroup({ isAssignableToRole: true })).id, 'roleAssignableSelfService');
    await expectReasonMatchesRefusal(token, (await newGroup({ groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"', joinPolicy: 'open' })).id, 'dynamicMembership');
    await expectReasonMatchesRefusal(token, (await newGroup({ mailEnabled: true, securityEnabled: false, joinPolicy: 'open' })).id, 'notSelfServiceKind');

    const approval = await newGroup({ joinPolicy: 'approval' });
    await settings({ ownersCanManageJoinRequests: false });
    await expectReasonMatchesRefusal(token, approval.id, 'joinRequestsDisabled');
    await settings({ ownersCanManageJoinRequests: true, licenceEnforcement: true });
    await expectReasonMatchesRefusal(token, approval.id, 'licenceRequired');
    await settings({ licenceEnforcement: false });
    expect(await reasonOf(token, approval.id)).toMatchObject({ reason: null, request: true });
    expect((await call(token, 'POST', `/v1.0/groups/${approval.id}/joinRequests`, { justification: 'Please' })).statusCode).toBe(201);
    await expectReasonMatchesRefusal(token, approval.id, 'pendingRequestExists');
  });

  it('§3.9 the reason a user is given never changes with somebody else\'s membership of a hidden group', async () => {
    const [owner, insider, outsider] = [await api.newUser('Hidden Owner'), await api.newUser('Insider'), await api.newUser('Outsider')];
    const hidden = await newGroup({ groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, visibility: 'HiddenMembership', joinPolicy: 'closed', owners: [owner.id] });
    const outsiderToken = await api.userToken(outsider);
    const before = await reasonOf(outsiderToken, hidden.id);
    await api.core.addMember(api.adminCaller, { groupId: hidden.id, memberId: insider.id });
    expect(await reasonOf(outsiderToken, hidden.id)).toEqual(before);
    expect(before.reason).toBe('groupClosed');
    expect((await reasonOf(await api.userToken(insider), hidden.id)).reason).toBe('alreadyMember');
  });
});

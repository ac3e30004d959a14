// The shared pieces every policy uses: All/Selected/None audiences, the SSGMSecurityGroupsUsers default,
// "users must be enabled", and §3.8 (restrict My Groups: portal only, admins keep access).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { Channel } from '../model.js';
import { defaultSettings } from '../settings.js';
import { admin, app, ctx, IDS, SYSTEM, user, userIn } from '../../testing/policy-fixtures.js';
import { actsAsAdmin, audienceIncludes, decideMyGroupsAccess, requireEnabled, withSelectedGroupDefault } from './context.js';

describe('audienceIncludes', () => {
  it.each([
    ['All, any user', user(), 'All', null, true],
    ['None, any user', userIn(IDS.selected), 'None', IDS.selected, false],
    ['Selected, a member of the group', userIn(IDS.selected), 'Selected', IDS.selected, true],
    ['Selected, a transitive member (user ∈ child ⊂ selected)', userIn(IDS.child, IDS.selected), 'Selected', IDS.selected, true],
    ['Selected, not a member', userIn(IDS.child), 'Selected', IDS.selected, false],
    ['Selected, no group resolved', userIn(IDS.selected), 'Selected', null, false],
    ['Selected, an app', app('Group.Create'), 'Selected', IDS.selected, false],
  ] as const)('%s → %s', (_name, actor, audience, groupId, expected) => {
    expect(audienceIncludes(actor, audience, groupId)).toBe(expected);
  });
});

describe('withSelectedGroupDefault: an empty "Selected" group means SSGMSecurityGroupsUsers', () => {
  it('fills every empty Selected group id with the default group', () => {
    const s = withSelectedGroupDefault(defaultSettings(), IDS.ssgm);
    expect([s.securityGroupCreationGroupId, s.m365GroupCreationGroupId, s.ownerAssignmentGroupId]).toEqual([IDS.ssgm, IDS.ssgm, IDS.ssgm]);
  });
  it('keeps a chosen group', () => {
    const s = withSelectedGroupDefault({ ...defaultSettings(), m365GroupCreationGroupId: IDS.selected }, IDS.ssgm);
    expect(s.m365GroupCreationGroupId).toBe(IDS.selected);
    expect(s.securityGroupCreationGroupId).toBe(IDS.ssgm);
  });
  it('leaves nothing chosen when the default group does not exist', () => {
    const s = withSelectedGroupDefault(defaultSettings(), null);
    expect(s.ownerAssignmentGroupId).toBeNull();
  });
});

describe('§3.8 decideMyGroupsAccess: restrict My Groups hides group features from non-admins in the portal only', () => {
  const channels: Channel[] = ['myGroups', 'adminCenter', 'api', 'scim'];
  const rows: Array<readonly [string, Actor, Channel, boolean, Decision]> = channels.flatMap((channel) => [
    [`§3.8 restricted, plain user via ${channel}`, user(), channel, true, channel === 'myGroups' ? deny('myGroupsRestricted') : ALLOW] as const,
    [`§3.8 restricted, groupsAdmin via ${channel}`, admin(), channel, true, ALLOW] as const,
    [`§3.8 restricted, globalAdmin via ${channel}`, admin('globalAdmin'), channel, true, ALLOW] as const,
    [`§3.8 not restricted, plain user via ${channel}`, user(), channel, false, ALLOW] as const,
  ]);
  rows.push(['§3.8 restricted, appAdmin (no group role) via myGroups', admin('appAdmin'), 'myGroups', true, deny('myGroupsRestricted')]);
  rows.push(['§3.8 restricted, disabled groupsAdmin via myGroups', admin('groupsAdmin', { accountEnabled: false }), 'myGroups', true, deny('myGroupsRestricted')]);
  it.each(rows)('%s → %o', (_name, actor, channel, restrictMyGroups, expected) => {
    expect(decideMyGroupsAccess(ctx(actor, { channel, settings: { restrictMyGroups } }))).toEqual(expected);
  });
});

describe('requireEnabled and actsAsAdmin', () => {
  it.each([
    ['enabled user', user(), ALLOW], ['disabled user', user({ accountEnabled: false }), deny('accountDisabled')],
    ['app', app(), ALLOW], ['system', SYSTEM, ALLOW],
  ] as const)('requireEnabled: %s', (_name, actor, expected) => expect(requireEnabled(ctx(actor))).toEqual(expected));

  it.each([
    ['globalAdmin', admin('globalAdmin'), true], ['groupsAdmin', admin('groupsAdmin'), true], ['userAdmin', admin('userAdmin'), true],
    ['appAdmin', admin('appAdmin'), false], ['auditReader', admin('auditReader'), false], ['plain user', user(), false],
    ['disabled globalAdmin', admin('globalAdmin', { accountEnabled: false }), false], ['app with every permission', app('Group.ReadWrite.All', 'Directory.Read.All'), false],
    ['system', SYSTEM, true],
  ] as const)('actsAsAdmin: %s → %s', (_name, actor, expected) => expect(actsAsAdmin(ctx(actor))).toBe(expected));
});

// SPEC §3.3 (the defaults of a new group, by channel and kind) and the rest of decideCreateGroup:
// the policy ceiling, dynamic groups, admin-only kinds and licences (§3.13).
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { JoinPolicy } from '../model.js';
import { admin, app, ctx, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideCreateGroup, decideGroupName, isMoreOpen, newGroupDefaults, type NewGroupDefaults } from './creation.js';

describe('§3.3 defaults of a new group, by channel and kind', () => {
  const rows: Array<readonly [string, NewGroupDefaults, NewGroupDefaults]> = [
    ['§3.3 api × security → joinPolicy closed, visibility Private, non-admin creator is owner',
      newGroupDefaults('api', 'security', false), { joinPolicy: 'closed', visibility: 'Private', automaticOwner: 'creator', externallyManaged: false }],
    ['§3.3 api × security, admin creator → joinPolicy closed, visibility Private, no automatic owner',
      newGroupDefaults('api', 'security', true), { joinPolicy: 'closed', visibility: 'Private', automaticOwner: 'none', externallyManaged: false }],
    ['§3.3 api × Microsoft 365 → joinPolicy open, visibility Public, caller is owner',
      newGroupDefaults('api', 'microsoft365', false), { joinPolicy: 'open', visibility: 'Public', automaticOwner: 'creator', externallyManaged: false }],
    ['§3.3 api × Microsoft 365, admin caller → joinPolicy open, visibility Public, caller is still owner (M365 with no owners gets the caller)',
      newGroupDefaults('api', 'microsoft365', true), { joinPolicy: 'open', visibility: 'Public', automaticOwner: 'creator', externallyManaged: false }],
    ['§3.3 adminCenter × security → joinPolicy closed, no owner assigned automatically',
      newGroupDefaults('adminCenter', 'security', true), { joinPolicy: 'closed', visibility: 'Private', automaticOwner: 'none', externallyManaged: false }],
    ['§3.3 adminCenter × Microsoft 365 → joinPolicy open, no owner assigned automatically',
      newGroupDefaults('adminCenter', 'microsoft365', true), { joinPolicy: 'open', visibility: 'Public', automaticOwner: 'none', externallyManaged: false }],
    ['§3.3 myGroups × security → joinPolicy open, creator becomes owner',
      newGroupDefaults('myGroups', 'security', false), { joinPolicy: 'open', visibility: 'Private', automaticOwner: 'creator', externallyManaged: false }],
    ['§3.3 myGroups × Microsoft 365 → joinPolicy open, visibility Public, creator becomes owner',
      newGroupDefaults('myGroups', 'microsoft365', false), { joinPolicy: 'open', visibility: 'Public', automaticOwner: 'creator', externallyManaged: false }],
    ['§3.3 myGroups × security, admin creator → creator still becomes owner',
      newGroupDefaults('myGroups', 'security', true), { joinPolicy: 'open', visibility: 'Private', automaticOwner: 'creator', externallyManaged: false }],
    ['§3.3 scim × security (not in the table, ADR 0004) → closed, Private, no owner, externally managed',
      newGroupDefaults('scim', 'security', false), { joinPolicy: 'closed', visibility: 'Private', automaticOwner: 'none', externallyManaged: true }],
    ['§3.3 scim × Microsoft 365 (not in the table, ADR 0004) → closed, Private, no owner, externally managed',
      newGroupDefaults('scim', 'microsoft365', false), { joinPolicy: 'closed', visibility: 'Private', automaticOwner: 'none', externallyManaged: true }],
  ];
  it.each(rows)('%s', (_name, actual, expected) => expect(actual).toEqual(expected));
});

describe('decideCreateGroup beyond the creation settings', () => {
  type Row = readonly [string, () => Decision, Decision];
  const create = (c: Parameters<typeof decideCreateGroup>[0], joinPolicy: JoinPolicy, kind: Parameters<typeof decideCreateGroup>[1]['kind'] = 'security', dynamic = false) =>
    decideCreateGroup(c, { kind, joinPolicy, dynamic });
  const ceiling = (p: JoinPolicy) => ({ settings: { maxOwnerJoinPolicy: p } });
  const enforced = { settings: { licenceEnforcement: true } };
  const rows: Row[] = [
    // §3.4 policy ceiling: an explicit choice above it is refused
    ['§3.4 ceiling = approval, user explicitly chooses open → deny joinPolicyAboveCeiling', () => create(ctx(user(), ceiling('approval')), 'open'), deny('joinPolicyAboveCeiling')],
    ['§3.4 ceiling = approval, user chooses approval → allow', () => create(ctx(user(), ceiling('approval')), 'approval'), ALLOW],
    ['§3.4 ceiling = closed, user chooses approval → deny joinPolicyAboveCeiling', () => create(ctx(user(), ceiling('closed')), 'approval'), deny('joinPolicyAboveCeiling')],
    ['§3.4 ceiling = closed, user chooses closed → allow', () => create(ctx(user(), ceiling('closed')), 'closed'), ALLOW],
    ['§3.4 ceiling = open (default), user chooses open → allow', () => create(ctx(user()), 'open'), ALLOW],
    ['§3.4 ceiling = closed, groupsAdmin chooses open → allow (admins are not bound)', () => create(ctx(admin(), ceiling('closed')), 'open'), ALLOW],
    ['§3.4 ceiling = closed, app chooses open → allow (apps are not bound by user settings)', () => create(ctx(app('Group.Create'), ceiling('closed')), 'open'), ALLOW],
    // dynamic groups and admin-only kinds
    ['§3.7 dynamic group by a plain user → deny notAdmin', () => create(ctx(user()), 'closed', 'security', true), deny('notAdmin')],
    ['§3.7 dynamic group by groupsAdmin → allow', () => create(ctx(admin()), 'closed', 'security', true), ALLOW],
    ['§2 mail-enabled security group by a plain user → deny notSelfServiceKind', () => create(ctx(user()), 'closed', 'mailEnabledSecurity'), deny('notSelfServiceKind')],
    ['§2 distribution list by a plain user → deny notSelfServiceKind', () => create(ctx(user()), 'closed', 'distribution'), deny('notSelfServiceKind')],
    ['§2 distribution list by groupsAdmin → allow', () => create(ctx(admin()), 'closed', 'distribution'), ALLOW],
    ['§2 mail-enabled security group by the system → allow', () => create(ctx(SYSTEM), 'closed', 'mailEnabledSecurity'), ALLOW],
    // §3.13 licences for creating approval groups
    ['§3.13 licence enforcement on, unlicensed user creates an approval group → deny licenceRequired', () => create(ctx(user(), enforced), 'approval'), deny('licenceRequired')],
    ['§3.13 licence enforcement on, unlicensed user creates an approval Microsoft 365 group → deny licenceRequired', () => create(ctx(user(), enforced), 'approval', 'microsoft365'), deny('licenceRequired')],
    ['§3.13 licence enforcement on, licensed user creates an approval group → allow', () => create(ctx(user({ hasPremiumLicence: true }), enforced), 'approval'), ALLOW],
    ['§3.13 licence enforcement on, unlicensed user creates an open group → allow (they can still create groups)', () => create(ctx(user(), enforced), 'open'), ALLOW],
    ['§3.13 licence enforcement on, unlicensed user creates a closed group → allow', () => create(ctx(user(), enforced), 'closed'), ALLOW],
    ['§3.13 licence enforcement off (default), unlicensed user creates an approval group → allow', () => create(ctx(user()), 'approval'), ALLOW],
    ['§3.13 licence enforcement on, unlicensed groupsAdmin creates an approval group → allow', () => create(ctx(admin(), enforced), 'approval'), ALLOW],
    // disabled users
    ['disabled user creates a group → deny accountDisabled', () => create(ctx(user({ accountEnabled: false })), 'open'), deny('accountDisabled')],
  ];
  it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
});

describe('isMoreOpen orders open > approval > closed', () => {
  it.each([
    ['open', 'approval', true], ['open', 'closed', true], ['approval', 'closed', true],
    ['approval', 'open', false], ['closed', 'open', false], ['closed', 'approval', false],
    ['open', 'open', false], ['approval', 'approval', false], ['closed', 'closed', false],
  ] as const)('isMoreOpen(%s, %s) = %s', (a, b, expected) => expect(isMoreOpen(a, b)).toBe(expected));
});

describe('SECURITY #2 the SSGMSecurityGroupsUsers name (the default "Selected" group) is reserved for administrators', () => {
  it.each([
    ['a plain user names a group SSGMSecurityGroupsUsers', user(), 'SSGMSecurityGroupsUsers', deny('notAdmin')],
    ['a plain user, other case and spaces', user(), '  ssgmsecuritygroupsusers ', deny('notAdmin')],
    ['a plain user, any other name', user(), 'SSGMSecurityGroupsUsers 2', ALLOW],
    ['a groupsAdmin', admin(), 'SSGMSecurityGroupsUsers', ALLOW],
    ['an app with Group.ReadWrite.All', app('Group.ReadWrite.All'), 'SSGMSecurityGroupsUsers', ALLOW],
    ['an app with Group.Create only', app('Group.Create'), 'SSGMSecurityGroupsUsers', deny('notAdmin')],
    ['the system', SYSTEM, 'SSGMSecurityGroupsUsers', ALLOW],
  ] as const)('%s → %o', (_name, actor, displayName, expected) => {
    expect(decideGroupName(ctx(actor), displayName)).toEqual(expected);
  });
});

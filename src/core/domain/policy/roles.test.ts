// Directory roles (SECURITY #2): who grants and removes which role, the last Global Administrator, and
// who reads role holders — a table, plus a property over random actors and roles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import { DIRECTORY_ROLES, type DirectoryRole } from '../model.js';
import { admin, app, ctx, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideGrantRole, decideGrantRoles, decideReadRoles, decideRevokeRole } from './roles.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
const holder = (roles: DirectoryRole[], accountEnabled = true) => ({ roles, accountEnabled });
const pra = (...also: DirectoryRole[]) => admin('privilegedRoleAdmin', { roles: ['privilegedRoleAdmin', ...also] });

describe('granting a role', () => {
  run([
    ['globalAdmin grants globalAdmin → allow', () => decideGrantRole(ctx(admin('globalAdmin')), 'globalAdmin'), ALLOW],
    ['globalAdmin grants any role → allow', () => decideGrantRole(ctx(admin('globalAdmin')), 'auditReader'), ALLOW],
    ['SECURITY #2 privilegedRoleAdmin grants globalAdmin → deny roleNotHeld (only globalAdmin grants it)', () => decideGrantRole(ctx(pra()), 'globalAdmin'), deny('roleNotHeld')],
    ['SECURITY #2 privilegedRoleAdmin grants a role they lack → deny roleNotHeld', () => decideGrantRole(ctx(pra()), 'groupsAdmin'), deny('roleNotHeld')],
    ['privilegedRoleAdmin grants a role they hold → allow', () => decideGrantRole(ctx(pra('groupsAdmin')), 'groupsAdmin'), ALLOW],
    ['privilegedRoleAdmin grants privilegedRoleAdmin (held) → allow', () => decideGrantRole(ctx(pra()), 'privilegedRoleAdmin'), ALLOW],
    ['SECURITY #2 userAdmin grants userAdmin (held, but not a role assigner) → deny notAdmin', () => decideGrantRole(ctx(admin('userAdmin')), 'userAdmin'), deny('notAdmin')],
    ['SECURITY #2 groupsAdmin grants themselves globalAdmin → deny notAdmin', () => decideGrantRole(ctx(admin('groupsAdmin')), 'globalAdmin'), deny('notAdmin')],
    ['plain user grants a role → deny notAdmin', () => decideGrantRole(ctx(user()), 'auditReader'), deny('notAdmin')],
    ['disabled globalAdmin → deny accountDisabled', () => decideGrantRole(ctx(admin('globalAdmin', { accountEnabled: false })), 'auditReader'), deny('accountDisabled')],
    ['an app, whatever its permissions → deny missingPermission', () => decideGrantRole(ctx(app('User.ReadWrite.All', 'Directory.Read.All')), 'auditReader'), deny('missingPermission')],
    ['the system (bootstrap) → allow', () => decideGrantRole(ctx(SYSTEM), 'globalAdmin'), ALLOW],
    ['creating a user with roles: every role is a grant → first refusal', () => decideGrantRoles(ctx(pra('userAdmin')), ['userAdmin', 'groupsAdmin']), deny('roleNotHeld')],
    ['creating a user with no roles needs no right → allow', () => decideGrantRoles(ctx(user()), []), ALLOW],
  ]);
});

describe('removing a role', () => {
  run([
    ['globalAdmin removes globalAdmin from another while two are enabled → allow', () => decideRevokeRole(ctx(admin('globalAdmin')), 'globalAdmin', holder(['globalAdmin']), 2), ALLOW],
    ['the last enabled globalAdmin → deny lastGlobalAdmin', () => decideRevokeRole(ctx(admin('globalAdmin')), 'globalAdmin', holder(['globalAdmin']), 1), deny('lastGlobalAdmin')],
    ['a disabled globalAdmin while one enabled remains → allow', () => decideRevokeRole(ctx(admin('globalAdmin')), 'globalAdmin', holder(['globalAdmin'], false), 1), ALLOW],
    ['another role of the last globalAdmin → allow', () => decideRevokeRole(ctx(admin('globalAdmin')), 'groupsAdmin', holder(['globalAdmin', 'groupsAdmin']), 1), ALLOW],
    ['GitLab CVE-2026-4916 privilegedRoleAdmin removes a role they lack → deny roleNotHeld', () => decideRevokeRole(ctx(pra()), 'userAdmin', holder(['userAdmin']), 1), deny('roleNotHeld')],
    ['privilegedRoleAdmin removes globalAdmin → deny roleNotHeld', () => decideRevokeRole(ctx(pra()), 'globalAdmin', holder(['globalAdmin']), 3), deny('roleNotHeld')],
    ['privilegedRoleAdmin removes a role they hold → allow', () => decideRevokeRole(ctx(pra('auditReader')), 'auditReader', holder(['auditReader']), 1), ALLOW],
    ['userAdmin removes a role → deny notAdmin', () => decideRevokeRole(ctx(admin('userAdmin')), 'userAdmin', holder(['userAdmin']), 1), deny('notAdmin')],
  ]);
});

describe('reading role holders', () => {
  run([
    ['any admin role → allow', () => decideReadRoles(ctx(admin('auditReader'))), ALLOW],
    ['plain user → deny notAdmin', () => decideReadRoles(ctx(user())), deny('notAdmin')],
    ['app with Directory.Read.All → allow', () => decideReadRoles(ctx(app('Directory.Read.All'))), ALLOW],
    ['app with User.Read.All only → deny missingPermission', () => decideReadRoles(ctx(app('User.Read.All'))), deny('missingPermission')],
  ]);
});

describe('SECURITY #2 property: grant(actor, X) succeeds only if the actor holds X or is a Global Administrator', () => {
  const roles = fc.constantFrom(...DIRECTORY_ROLES);
  const actors = fc.record({ roles: fc.uniqueArray(roles), accountEnabled: fc.boolean() }).map((a) => user(a));
  it('for every actor and role, granting and removing', () => {
    fc.assert(fc.property(actors, roles, fc.integer({ min: 0, max: 3 }), (actor, role, globalAdmins) => {
      const isGlobal = actor.accountEnabled && actor.roles.includes('globalAdmin');
      const holds = actor.accountEnabled && actor.roles.includes(role);
      const granted = decideGrantRole(ctx(actor), role).outcome === 'allow';
      if (granted) expect(holds || isGlobal).toBe(true);
      if (role === 'globalAdmin' && granted) expect(isGlobal).toBe(true);
      const revoked = decideRevokeRole(ctx(actor), role, holder([role]), globalAdmins).outcome === 'allow';
      if (revoked) expect(holds || isGlobal).toBe(true);
      if (revoked && role === 'globalAdmin') expect(globalAdmins).toBeGreaterThan(1);
    }), { numRuns: 2000 });
  });
});

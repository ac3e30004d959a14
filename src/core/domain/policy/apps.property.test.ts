// SECURITY #2 for applications, over the pure policy: for a random actor, app, relation and
// principal, assigning the app is allowed only to a Global or Application Administrator, an owner of
// the app (who for an audience must also read the source app), or an API client with
// Application.ReadWrite.All — and never by a disabled user. Nobody but an administrator changes an
// app's owners (an owner cannot make themselves the owner of another app), and an app's owner
// without an admin role grants no directory role. Deterministic seed (ROSTER_FC_SEED overrides).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_PERMISSIONS, type Actor, type AppPermission } from '../actor.js';
import { DEFAULT_ACCESS_ROLE_ID, type Application } from '../apps.js';
import { DIRECTORY_ROLES, type DirectoryRole } from '../model.js';
import { app as appActor, ctx, group, NOW, TENANT, user } from '../../testing/policy-fixtures.js';
import { decideAdministerApps, decideAssign, type AppRelation, type AssignTarget } from './apps.js';
import { decideGrantRole } from './roles.js';

const SEED = Number(process.env['ROSTER_FC_SEED'] ?? 20_261_123);
const RUNS = Number(process.env['ROSTER_FC_RUNS'] ?? 2000);

const ON_ROLE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OFF_ROLE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const UNKNOWN_ROLE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const appArb: fc.Arbitrary<Application> = fc.record({ visibleToUsers: fc.boolean(), accountEnabled: fc.boolean() }).map((o) => ({
  tenantId: TENANT, id: 'app-1', appId: 'client-1', displayName: 'Payroll', description: null, homepage: null, loginUrl: null, logoUrl: null,
  appRoleAssignmentRequired: true, cascadeNestedGroups: true, createdBy: null, createdDateTime: NOW, ...o,
  appRoles: [
    { id: ON_ROLE, displayName: 'Reader', value: 'read', description: null, isEnabled: true, allowedMemberTypes: ['User'] },
    { id: OFF_ROLE, displayName: 'Old', value: 'old', description: null, isEnabled: false, allowedMemberTypes: ['User'] },
  ],
}));

const relArb: fc.Arbitrary<AppRelation> = fc.record({ isOwner: fc.boolean(), hasAccess: fc.boolean() });
const rolesArb = fc.subarray([...DIRECTORY_ROLES] as DirectoryRole[]);
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.record({ roles: rolesArb, accountEnabled: fc.boolean(), userType: fc.constantFrom('Member' as const, 'Guest' as const) }).map((o) => user(o)),
  fc.subarray([...APP_PERMISSIONS] as AppPermission[]).map((p) => appActor(...p)),
);
const targetArb: fc.Arbitrary<AssignTarget> = fc.oneof(
  fc.constant({ type: 'User' as const }),
  fc.record({ kind: fc.constantFrom('security' as const, 'microsoft365' as const, 'mailEnabledSecurity' as const, 'distribution' as const), deleted: fc.boolean() })
    .map(({ kind, deleted }) => ({ type: 'Group' as const, group: group({ kind, deletedDateTime: deleted ? NOW : null }) })),
  relArb.map((source) => ({ type: 'ServicePrincipal' as const, source })),
);
const roleIdArb = fc.constantFrom(DEFAULT_ACCESS_ROLE_ID, ON_ROLE, OFF_ROLE, UNKNOWN_ROLE);

const isAdmin = (a: Actor) => a.kind === 'user' && a.accountEnabled && (a.roles.includes('globalAdmin') || a.roles.includes('appAdmin'));
const enabledUser = (a: Actor) => a.kind === 'user' && a.accountEnabled;
const clientHas = (a: Actor, ...p: AppPermission[]) => a.kind === 'app' && a.permissions.some((x) => p.includes(x));

/** The model: who may assign, written from SPEC §3.10 and ADR 0019, not from the policy's code. */
function mayAssign(actor: Actor, rel: AppRelation, target: AssignTarget, roleId: string): boolean {
  const manages = isAdmin(actor) || (enabledUser(actor) && rel.isOwner) || clientHas(actor, 'Application.ReadWrite.All');
  const roleOk = roleId === DEFAULT_ACCESS_ROLE_ID || roleId === ON_ROLE;
  const principalOk = target.type === 'User'
    || (target.type === 'Group' && target.group.securityEnabled && target.group.deletedDateTime === null)
    || (target.type === 'ServicePrincipal' && (isAdmin(actor) || (enabledUser(actor) && target.source.isOwner) || clientHas(actor, 'Application.Read.All', 'Application.ReadWrite.All')));
  return manages && roleOk && principalOk;
}

describe('SECURITY #2: assigning an app (pure policy)', () => {
  it('is allowed exactly when the model says so', () => {
    fc.assert(fc.property(actorArb, appArb, relArb, targetArb, roleIdArb, (actor, theApp, rel, target, roleId) => {
      const decision = decideAssign(ctx(actor), theApp, rel, target, roleId);
      expect(decision.outcome === 'allow').toBe(mayAssign(actor, rel, target, roleId));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('an owner without an admin role, or a holder, never gives an app they do not own', () => {
    const nonAdminUser = fc.record({ roles: fc.subarray(['groupsAdmin', 'userAdmin', 'auditReader'] as DirectoryRole[]), accountEnabled: fc.boolean() }).map((o) => user(o));
    fc.assert(fc.property(nonAdminUser, appArb, fc.boolean(), targetArb, roleIdArb, (actor, theApp, hasAccess, target, roleId) => {
      expect(decideAssign(ctx(actor), theApp, { isOwner: false, hasAccess }, target, roleId).outcome).toBe('deny');
    }), { seed: SEED, numRuns: RUNS });
  });

  it('an audience needs rights on both ends: owning the target app is not enough to give it to another app\'s audience', () => {
    const owner = fc.record({ roles: fc.subarray(['groupsAdmin', 'userAdmin', 'privilegedRoleAdmin'] as DirectoryRole[]) }).map((o) => user(o));
    fc.assert(fc.property(owner, appArb, fc.boolean(), (actor, theApp, sourceAccess) => {
      const target: AssignTarget = { type: 'ServicePrincipal', source: { isOwner: false, hasAccess: sourceAccess } };
      expect(decideAssign(ctx(actor), theApp, { isOwner: true, hasAccess: false }, target, DEFAULT_ACCESS_ROLE_ID)).toEqual({ outcome: 'deny', reason: 'notAppOwner' });
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('SECURITY #2: an app owner makes nobody an owner or an admin', () => {
  const ownerArb = fc.record({ roles: fc.subarray(['groupsAdmin', 'userAdmin', 'auditReader'] as DirectoryRole[]), accountEnabled: fc.boolean() }).map((o) => user(o));

  it('changing owners (of any app, their own included) takes an app administrator', () => {
    fc.assert(fc.property(ownerArb, (actor) => {
      expect(decideAdministerApps(ctx(actor)).outcome).toBe('deny');
    }), { seed: SEED, numRuns: RUNS });
  });

  it('no directory role is granted by an owner without a role-granting role', () => {
    fc.assert(fc.property(ownerArb, fc.constantFrom(...DIRECTORY_ROLES), (actor, role) => {
      expect(decideGrantRole(ctx(actor), role).outcome).toBe('deny');
    }), { seed: SEED, numRuns: RUNS });
  });

  it('an API client grants no directory role, whatever its permissions', () => {
    fc.assert(fc.property(fc.subarray([...APP_PERMISSIONS] as AppPermission[]), fc.constantFrom(...DIRECTORY_ROLES), (permissions, role) => {
      expect(decideGrantRole(ctx(appActor(...permissions)), role).outcome).toBe('deny');
    }), { seed: SEED, numRuns: RUNS });
  });
});

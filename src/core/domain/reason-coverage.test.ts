// Every ReasonCode is asserted somewhere. For each reason in REASONS this table names where it comes
// from (a pure policy/domain function, a use case, or storage) and which test files assert it; the test
// below checks the claims against the sources, and fails when a reason is added without an entry.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASONS, type ReasonCode } from './errors.js';

type Coverage =
  /** Returned by a pure function under src/core/domain; the first test file is a table test beside it. */
  | { readonly from: 'policy'; readonly tests: readonly string[] }
  /** Thrown by a use case (lookups, input checks, conditional updates); asserted through createCore. */
  | { readonly from: 'useCase'; readonly tests: readonly string[]; readonly why: string }
  /** Thrown by a storage repository (unique indexes); asserted through createCore on both engines. */
  | { readonly from: 'storage'; readonly tests: readonly string[]; readonly why: string }
  /** Declared but produced nowhere. */
  | { readonly from: 'unused'; readonly why: string };

const P = 'src/core/domain/policy/';
const D = 'src/core/domain/';
const U = 'src/core/use-cases/';

const REASON_COVERAGE: Record<ReasonCode, Coverage> = {
  groupNotFound: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}lifecycle.test.ts`, `${P}owners.test.ts`, `${U}join-group.test.ts`, `${U}delete-group.test.ts`] },
  userNotFound: { from: 'useCase', tests: [`${U}add-owner.test.ts`, `${U}create-group.test.ts`, `${U}create-user.test.ts`, `${U}licences.test.ts`], why: 'an id that names no user is a lookup miss in the use case' },
  memberNotFound: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}add-member.test.ts`, `${U}create-group.test.ts`, `${U}transitive-memberships.test.ts`] },
  requestNotFound: { from: 'useCase', tests: [`${U}request-to-join.test.ts`, `${U}decide-join-request.test.ts`], why: 'loadVisibleRequest answers it for missing requests and for requests the caller may not see (canSeeJoinRequest)' },
  tenantNotFound: { from: 'useCase', tests: [`${U}create-user.test.ts`], why: 'createAdmin on a tenant that does not exist' },
  accountDisabled: { from: 'policy', tests: [`${P}context.test.ts`, `${P}membership.test.ts`, `${U}create-group.test.ts`, `${U}create-user.test.ts`] },
  notAdmin: { from: 'policy', tests: [`${P}directory.test.ts`, `${P}creation.test.ts`, `${U}settings.test.ts`, `${U}create-group.test.ts`] },
  notOwner: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}owners.test.ts`, `${P}lifecycle.test.ts`, `${P}requests.test.ts`, `${U}add-member.test.ts`] },
  notRequester: { from: 'policy', tests: [`${P}requests.test.ts`, `${U}request-to-join.test.ts`] },
  missingPermission: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${P}membership.test.ts`, `${P}directory.test.ts`, `${U}decide-join-request.test.ts`] },
  myGroupsRestricted: { from: 'policy', tests: [`${P}context.test.ts`, `${P}tenant-settings-table.test.ts`, `${U}create-group.test.ts`, `${U}join-group.test.ts`] },
  creationDisabledForKind: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${U}create-group.test.ts`] },
  notInCreationGroup: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${U}create-group.test.ts`, `${U}transitive-memberships.test.ts`] },
  notSelfServiceKind: { from: 'policy', tests: [`${P}creation.test.ts`, `${P}membership.test.ts`, `${P}owners.test.ts`, `${U}create-group.test.ts`] },
  creationDisabledCannotEdit: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${U}add-member.test.ts`] },
  ownerDeleteDisabled: { from: 'policy', tests: [`${P}lifecycle.test.ts`, `${U}delete-group.test.ts`] },
  joinPolicyAboveCeiling: { from: 'policy', tests: [`${P}creation.test.ts`, `${P}lifecycle.test.ts`, `${U}create-group.test.ts`] },
  hiddenMembershipImmutable: { from: 'policy', tests: [`${P}join-shape.test.ts`, `${U}create-group.test.ts`] },
  hiddenMembershipOnlyForM365: { from: 'policy', tests: [`${P}join-shape.test.ts`, `${U}create-group.test.ts`] },
  externallyManaged: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}lifecycle.test.ts`, `${U}add-member.test.ts`] },
  dynamicMembership: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}requests.test.ts`, `${U}add-member.test.ts`] },
  groupDeleted: { from: 'unused', why: 'a deleted group answers groupNotFound to everyone who may not restore it (§3.9: no existence leaks), so nothing returns groupDeleted' },
  groupNotDeleted: { from: 'policy', tests: [`${P}lifecycle.test.ts`, `${U}delete-group.test.ts`] },
  restoreWindowPassed: { from: 'policy', tests: [`${P}lifecycle.test.ts`, `${U}delete-group.test.ts`] },
  groupClosed: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}join-group.test.ts`] },
  approvalRequired: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}join-group.test.ts`] },
  groupIsOpen: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}request-to-join.test.ts`] },
  joinRequestsDisabled: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${P}membership.test.ts`, `${U}request-to-join.test.ts`] },
  licenceRequired: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}creation.test.ts`, `${P}lifecycle.test.ts`, `${U}licences.test.ts`] },
  alreadyMember: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}join-group.test.ts`, `${U}add-member.test.ts`] },
  notMember: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}join-group.test.ts`, `${U}add-member.test.ts`] },
  pendingRequestExists: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}request-to-join.test.ts`] },
  justificationRequired: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}request-to-join.test.ts`] },
  durationNotAllowed: { from: 'policy', tests: [`${P}membership.test.ts`, `${D}join-request.test.ts`, `${U}decide-join-request.test.ts`] },
  requestAlreadyDecided: { from: 'policy', tests: [`${D}join-request.test.ts`, `${P}requests.test.ts`, `${U}decide-join-request.test.ts`] },
  requestNotPending: { from: 'policy', tests: [`${D}join-request.test.ts`, `${P}requests.test.ts`, `${U}request-to-join.test.ts`] },
  requestExpired: { from: 'policy', tests: [`${D}join-request.test.ts`, `${P}requests.test.ts`, `${U}decide-join-request.test.ts`] },
  selfApproval: { from: 'policy', tests: [`${P}requests.test.ts`, `${U}decide-join-request.test.ts`] },
  ownersCannotManageRequests: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${U}decide-join-request.test.ts`] },
  ownerAssignmentDisabled: { from: 'policy', tests: [`${P}tenant-settings-table.test.ts`, `${U}add-owner.test.ts`] },
  ownerMustBeMember: { from: 'policy', tests: [`${P}owners.test.ts`, `${U}add-owner.test.ts`] },
  alreadyOwner: { from: 'policy', tests: [`${P}owners.test.ts`, `${U}add-owner.test.ts`] },
  notAnOwner: { from: 'policy', tests: [`${P}owners.test.ts`, `${U}add-owner.test.ts`] },
  tooManyOwners: { from: 'policy', tests: [`${P}owners.test.ts`, `${U}add-owner.test.ts`] },
  lastOwner: { from: 'policy', tests: [`${P}owners.test.ts`, `${U}add-owner.test.ts`] },
  nestingNotAllowed: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}add-member.test.ts`] },
  nestingCycle: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}add-member.test.ts`] },
  notOwnerOfMemberGroup: { from: 'policy', tests: [`${P}membership.test.ts`, `${U}add-member.test.ts`] },
  roleAssignableNesting: { from: 'policy', tests: [`${P}role-assignable.test.ts`] },
  roleAssignableSelfService: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}abilities.test.ts`, 'e2e/join-blocked-reason-api.test.ts'] },
  roleAssignableRestricted: { from: 'policy', tests: [`${P}role-assignable.test.ts`] },
  userPrincipalNameTaken: { from: 'storage', tests: [`${U}create-user.test.ts`], why: 'the case-insensitive unique index on userPrincipalName decides, so two concurrent creates cannot both win' },
  mailNicknameTaken: { from: 'storage', tests: [`${U}create-group.test.ts`, `${U}delete-group.test.ts`], why: 'the case-insensitive unique index on mailNickname decides (update-group also checks first)' },
  roleNotFound: { from: 'useCase', tests: [`${U}directory-roles.test.ts`, 'e2e/directory-roles-api.test.ts'], why: 'a role name or template id that names no directory role is a lookup miss' },
  roleNotHeld: { from: 'policy', tests: [`${P}roles.test.ts`, `${U}directory-roles.test.ts`, 'e2e/directory-roles-api.test.ts'] },
  lastGlobalAdmin: { from: 'policy', tests: [`${P}roles.test.ts`, `${U}directory-roles.test.ts`, 'e2e/directory-roles-api.test.ts'] },
  noSeatsLeft: { from: 'useCase', tests: [`${U}licences.test.ts`], why: 'needs the count of assigned licences, read from storage' },
  cannotDeleteSelf: { from: 'policy', tests: [`${P}directory.test.ts`, `${U}create-user.test.ts`] },
  invalidToken: { from: 'useCase', tests: [`${U}tokens.test.ts`], why: 'authenticate answers it for malformed, unknown, expired, revoked and other-tenant tokens alike' },
  invalidCredentials: { from: 'useCase', tests: [`${U}sign-in.test.ts`], why: 'signInWithPassword and signInWithOidc: every refused sign-in gets this one answer (no enumeration)' },
  invalidClient: { from: 'useCase', tests: [`${U}tokens.test.ts`], why: 'issueClientCredentialsToken: unknown client, wrong secret or disabled client' },
  apiClientNotFound: { from: 'useCase', tests: [`${U}tokens.test.ts`], why: 'a lookup miss when rotating or deleting a client' },
  tokenNotFound: { from: 'useCase', tests: [`${U}tokens.test.ts`, `${U}self-service-tokens.test.ts`], why: 'revoking a token that does not exist or belongs to someone else' },
  tokenOutlivesCredential: { from: 'policy', tests: [`${P}credentials.test.ts`, `${U}self-service-tokens.test.ts`] },
  appNotFound: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'a lookup miss, or an app the caller may not read (loadApp)' },
  assignmentNotFound: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'removing an assignment that does not exist or belongs to another app' },
  notAppAdmin: { from: 'policy', tests: [`${P}apps.test.ts`, `${U}apps.test.ts`] },
  notAppOwner: { from: 'policy', tests: [`${P}apps.test.ts`, `${U}apps.test.ts`] },
  notAccessReader: { from: 'policy', tests: [`${P}apps.test.ts`, `${U}effective-access.test.ts`] },
  appIdTaken: { from: 'storage', tests: [`${U}apps.test.ts`], why: 'the unique index on (tenant, appId) decides' },
  alreadyAppOwner: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'the owner insert is conditional (ON CONFLICT DO NOTHING)' },
  notAnAppOwner: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'the owner delete changed no row' },
  alreadyAssigned: { from: 'storage', tests: [`${U}apps.test.ts`], why: 'the unique index on (tenant, app, principal, role) decides, so concurrent assigns cannot both win' },
  groupNotAssignable: { from: 'policy', tests: [`${P}apps.test.ts`, `${U}apps.test.ts`] },
  appRoleNotFound: { from: 'policy', tests: [`${P}apps.test.ts`, `${U}apps.test.ts`] },
  assignmentCycle: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'the pure findAssignmentCycle finds the loop; the use case runs it under the audience-edge lock over stored edges' },
  alreadyBlocked: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'the block insert is conditional (ON CONFLICT DO NOTHING)' },
  notBlocked: { from: 'useCase', tests: [`${U}apps.test.ts`], why: 'the block delete changed no row' },
  provisioningNotConfigured: { from: 'useCase', tests: [`${U}provisioning.test.ts`], why: 'a lookup miss of the app\'s provisioning config' },
  notApprover: { from: 'policy', tests: [`${P}apps.test.ts`, `${U}effective-access.test.ts`] },
  invalidInput: { from: 'policy', tests: [`${P}membership.test.ts`, `${P}join-shape.test.ts`, `${D}validation.test.ts`, `${U}settings.test.ts`] },
  unknownSetting: { from: 'useCase', tests: [`${U}settings.test.ts`], why: 'updateSettings validates the whole patch against the registry before writing any key' },
  invalidSettingValue: { from: 'useCase', tests: [`${U}settings.test.ts`], why: 'updateSettings validates the whole patch against the registry before writing any key' },
};

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const mentions = (text: string, reason: string) => text.includes(`'${reason}'`);
const producers = (dirs: string[], reason: string) =>
  dirs.flatMap(sourceFiles).filter((f) => !f.endsWith('domain/errors.ts') && mentions(read(f), reason)).map((f) => relative(ROOT, join(ROOT, f)));

describe('every ReasonCode is covered', () => {
  it('the table lists exactly the reasons in REASONS (add an entry with each new reason)', () => {
    expect(Object.keys(REASON_COVERAGE).sort()).toEqual(Object.keys(REASONS).sort());
  });

  it.each(Object.entries(REASON_COVERAGE) as Array<[ReasonCode, Coverage]>)('%s', (reason, coverage) => {
    if (coverage.from === 'unused') {
      expect(producers(['src'], reason), `${reason} is produced now: give it a real entry`).toEqual([]);
      return;
    }
    for (const test of coverage.tests) {
      expect(existsSync(join(ROOT, test)), `${test} exists`).toBe(true);
      expect(mentions(read(test), reason), `${test} asserts '${reason}'`).toBe(true);
    }
    const dirs = { policy: ['src/core/domain'], useCase: ['src/core/use-cases'], storage: ['src/storage'] }[coverage.from];
    expect(producers(dirs, reason), `${reason} is produced under ${dirs.join(', ')}`).not.toEqual([]);
    if (coverage.from === 'policy') expect(coverage.tests[0], 'a policy reason has a table test beside the rules').toMatch(/^src\/core\/domain\//);
    else expect(coverage.tests.some((t) => t.startsWith(U)), 'asserted through a use case').toBe(true);
  });
});

// The path-parity cases for applications, assignments, blocks and effective access (docs/adr/0019):
// each is one domain operation, written once for the Graph API (REST and the portal send the same
// call) and once for `roster apps`, with the outcome every interface must give. Ids are the same
// input on both sides where the CLI takes ids; names are the CLI's own input and have cases of their own.
import { DEFAULT_ACCESS_ROLE_ID, type PrincipalType } from '../../src/core/domain/apps.js';
import type { AppsFixture } from './apps-world.js';
import type { HttpCall, Interfaces } from './interfaces.js';
import type { Difference, ParityCase, Projection } from './runner.js';

const ZERO = DEFAULT_ACCESS_ROLE_ID;

const assign = (app: string, principalId: string, appRoleId = ZERO): HttpCall =>
  ({ method: 'POST', url: `/servicePrincipals/${app}/appRoleAssignedTo`, body: { principalId, resourceId: app, appRoleId } });
const block = (app: string, userId: string, reason: string | null = 'parity'): HttpCall =>
  ({ method: 'POST', url: `/servicePrincipals/${app}/roster.blocks`, body: { userId, reason } });
const explain = (app: string, userId: string): HttpCall => ({ method: 'GET', url: `/servicePrincipals/${app}/roster.explain(userId='${userId}')` });
const access = (app: string): HttpCall => ({ method: 'GET', url: `/servicePrincipals/${app}/roster.effectiveAccess` });

/** Preconditions through the core, as the administrator. */
const given = async (ifs: Interfaces, appId: string, principalType: PrincipalType, principalId: string) =>
  (await ifs.portal.core.assignApp(ifs.setup, { appId, principalType, principalId })).id;
const blocked = (ifs: Interfaces, appId: string, userId: string) => ifs.portal.core.blockUser(ifs.setup, { appId, userId, reason: 'parity' });

interface WirePath { steps: { id: string | null }[] }
interface WireExplanation { verdict: string; paths: WirePath[]; block: { reason: string | null } | null }
interface WireUser { id: string; paths?: WirePath[] }
const stepsOf = (paths: WirePath[] = []) => paths.map((p) => p.steps.map((s) => s.id).join(' → '));
/** Graph's explanation and the CLI's `--json` share these fields. */
const explanation = (e: WireExplanation) => ({ verdict: e.verdict, paths: stepsOf(e.paths), block: e.block?.reason ?? null });
const EXPLAIN: Projection<AppsFixture> = { http: explanation, cli: explanation };
const users = (list: WireUser[]) => list.map((u) => ({ user: u.id, paths: stepsOf(u.paths) }));
const EFFECTIVE: Projection<AppsFixture> = {
  http: (json: { value: WireUser[] }) => users(json.value),
  cli: (json: { items: WireUser[] }) => users(json.items),
};

/** Graph's body carries no principalType (Graph's own shape): the core learns the kind from the id, so an unknown id is "no such principal". */
const NO_SUCH_PRINCIPAL: Difference = {
  expect: 'memberNotFound',
  why: 'Graph\'s body has no principalType, so an id that names nothing is memberNotFound; the CLI says the kind (--user, --group, --audience-of) and so the core names it',
};
const REST_AND_PORTAL = (d: Difference) => ({ rest: d, portal: d });
/** The CLI takes names where Graph takes ids: text that is no id is looked up as a name, resolved in the adapter before any use case runs. */
const CLI_NAME = (expect: Difference['expect']): Difference => ({
  expect, audited: false,
  why: 'the CLI reads text that is no id as a name and resolves it before calling the core, so nothing reaches a use case to be audited',
});
const CLI_ONLY = 'the CLI acts as the system principal only, not as a user';

export const APP_CASES: ParityCase<AppsFixture>[] = [
  // Apps themselves: what `roster apps create` and Graph's POST make by default must be the same app.
  { name: 'create an app', expect: 'success', http: (f) => ({ method: 'POST', url: '/servicePrincipals', body: { displayName: `Wiki ${f.tag}` } }), cli: (f) => ['apps', 'create', '--name', `Wiki ${f.tag}`] },
  { name: 'create an app with a blank name', expect: 'invalidInput', http: () => ({ method: 'POST', url: '/servicePrincipals', body: { displayName: '   ' } }), cli: () => ['apps', 'create', '--name', '   '] },
  { name: 'delete a missing app', expect: 'appNotFound', http: (f) => ({ method: 'DELETE', url: `/servicePrincipals/${f.missing('app')}` }), cli: (f) => ['apps', 'delete', f.missing('app')] },

  // Assignments that succeed: the same row, audit event and outbox job on every interface.
  { name: 'assign an app to a user', expect: 'success', http: (f) => assign(f.crm.id, f.ann.id), cli: (f) => ['apps', 'assign', f.crm.id, '--user', f.ann.id] },
  { name: 'assign an app to a security group', expect: 'success', http: (f) => assign(f.crm.id, f.sales.id), cli: (f) => ['apps', 'assign', f.crm.id, '--group', f.sales.id] },
  { name: 'assign an app to another app\'s audience', expect: 'success', http: (f) => assign(f.crm.id, f.portal.id), cli: (f) => ['apps', 'assign', f.crm.id, '--audience-of', f.portal.id] },
  { name: 'assign with an enabled app role', expect: 'success', http: (f) => assign(f.hr.id, f.ann.id, f.roles.reader), cli: (f) => ['apps', 'assign', f.hr.id, '--user', f.ann.id, '--role', f.roles.reader] },
  { name: 'assign an app named by its display name (CLI) or id (Graph)', expect: 'success', http: (f) => assign(f.crm.id, f.sales.id), cli: (f) => ['apps', 'assign', f.crm.displayName, '--group', f.sales.displayName] },
  {
    name: 'remove an assignment', expect: 'success',
    setup: async (ifs, f) => { f.vars['assignment'] = await given(ifs, f.crm.id, 'User', f.ann.id); },
    http: (f) => ({ method: 'DELETE', url: `/servicePrincipals/${f.crm.id}/appRoleAssignedTo/${f.vars['assignment']}` }),
    cli: (f) => ['apps', 'unassign', f.crm.id, '--user', f.ann.id],
  },
  {
    name: 'delete an app whose audience another app is given (the assignment goes with it)', expect: 'success',
    setup: async (ifs, f) => { f.vars['audience'] = await given(ifs, f.crm.id, 'ServicePrincipal', f.portal.id); },
    http: (f) => ({ method: 'DELETE', url: `/servicePrincipals/${f.portal.id}` }),
    cli: (f) => ['apps', 'delete', f.portal.id],
  },

  // Assignments that are refused.
  {
    name: 'an audience assignment that would close a loop (CRM ← Portal ← CRM)', expect: 'assignmentCycle',
    setup: async (ifs, f) => { await given(ifs, f.portal.id, 'ServicePrincipal', f.crm.id); },
    http: (f) => assign(f.crm.id, f.portal.id), cli: (f) => ['apps', 'assign', f.crm.id, '--audience-of', f.portal.id],
  },
  { name: 'an app given its own audience', expect: 'assignmentCycle', http: (f) => assign(f.crm.id, f.crm.id), cli: (f) => ['apps', 'assign', f.crm.id, '--audience-of', f.crm.id] },
  { name: 'assign to a missing user', expect: 'userNotFound', differs: REST_AND_PORTAL(NO_SUCH_PRINCIPAL), http: (f) => assign(f.crm.id, f.missing('user')), cli: (f) => ['apps', 'assign', f.crm.id, '--user', f.missing('user')] },
  { name: 'assign to a missing group', expect: 'groupNotFound', differs: REST_AND_PORTAL(NO_SUCH_PRINCIPAL), http: (f) => assign(f.crm.id, f.missing('group')), cli: (f) => ['apps', 'assign', f.crm.id, '--group', f.missing('group')] },
  { name: 'assign to the audience of a missing app', expect: 'appNotFound', differs: REST_AND_PORTAL(NO_SUCH_PRINCIPAL), http: (f) => assign(f.crm.id, f.missing('app')), cli: (f) => ['apps', 'assign', f.crm.id, '--audience-of', f.missing('app')] },
  { name: 'assign a missing app', expect: 'appNotFound', http: (f) => assign(f.missing('app'), f.ann.id), cli: (f) => ['apps', 'assign', f.missing('app'), '--user', f.ann.id] },
  { name: 'assign to a soft-deleted group', expect: 'groupNotFound', http: (f) => assign(f.crm.id, f.gone.id), cli: (f) => ['apps', 'assign', f.crm.id, '--group', f.gone.id] },
  { name: 'assign to a Microsoft 365 group (not security-enabled)', expect: 'groupNotAssignable', http: (f) => assign(f.crm.id, f.news.id), cli: (f) => ['apps', 'assign', f.crm.id, '--group', f.news.id] },
  {
    name: 'assign twice (duplicate)', expect: 'alreadyAssigned',
    setup: async (ifs, f) => { await given(ifs, f.crm.id, 'User', f.ann.id); },
    http: (f) => assign(f.crm.id, f.ann.id), cli: (f) => ['apps', 'assign', f.crm.id, '--user', f.ann.id],
  },
  { name: 'assign with an unknown app role', expect: 'appRoleNotFound', http: (f) => assign(f.hr.id, f.ann.id, f.missing('role')), cli: (f) => ['apps', 'assign', f.hr.id, '--user', f.ann.id, '--role', f.missing('role')] },
  { name: 'assign with a disabled app role', expect: 'appRoleNotFound', http: (f) => assign(f.hr.id, f.ann.id, f.roles.retired), cli: (f) => ['apps', 'assign', f.hr.id, '--user', f.ann.id, '--role', f.roles.retired] },
  {
    name: 'remove an assignment that is no longer there', expect: 'assignmentNotFound',
    setup: async (ifs, f) => {
      f.vars['assignment'] = await given(ifs, f.crm.id, 'User', f.ann.id);
      await ifs.portal.core.unassignApp(ifs.setup, { appId: f.crm.id, assignmentId: f.vars['assignment'] });
    },
    http: (f) => ({ method: 'DELETE', url: `/servicePrincipals/${f.crm.id}/appRoleAssignedTo/${f.vars['assignment']}` }),
    cli: (f) => ['apps', 'unassign', f.crm.id, '--user', f.ann.id],
    differs: { cli: { auditTarget: true, why: 'the CLI unassigns by principal (unassignPrincipal): its denial names the application, as it has no assignment id' } },
  },

  // Blocks.
  { name: 'block a user', expect: 'success', http: (f) => block(f.crm.id, f.ann.id), cli: (f) => ['apps', 'block', f.crm.id, f.ann.id, '--reason', 'parity'] },
  { name: 'block twice', expect: 'alreadyBlocked', setup: async (ifs, f) => { await blocked(ifs, f.crm.id, f.ann.id); }, http: (f) => block(f.crm.id, f.ann.id), cli: (f) => ['apps', 'block', f.crm.id, f.ann.id, '--reason', 'parity'] },
  {
    name: 'unblock a user', expect: 'success', setup: async (ifs, f) => { await blocked(ifs, f.crm.id, f.ann.id); },
    http: (f) => ({ method: 'DELETE', url: `/servicePrincipals/${f.crm.id}/roster.blocks/${f.ann.id}` }), cli: (f) => ['apps', 'unblock', f.crm.id, f.ann.id],
  },
  { name: 'unblock a user who is not blocked', expect: 'notBlocked', http: (f) => ({ method: 'DELETE', url: `/servicePrincipals/${f.crm.id}/roster.blocks/${f.ann.id}` }), cli: (f) => ['apps', 'unblock', f.crm.id, f.ann.id] },
  { name: 'block a missing user', expect: 'userNotFound', http: (f) => block(f.crm.id, f.missing('user')), cli: (f) => ['apps', 'block', f.crm.id, f.missing('user')] },
  {
    name: 'block with a reason of 1,001 characters', expect: 'invalidInput', http: (f) => block(f.crm.id, f.ann.id, 'x'.repeat(1001)), cli: (f) => ['apps', 'block', f.crm.id, f.ann.id, '--reason', 'x'.repeat(1001)],
    differs: REST_AND_PORTAL({ expect: 'badRequest', why: 'the route\'s schema holds the same 1,000-character limit as the core and refuses first (Graph 400 naming the field)' }),
  },

  // Reads: the same answer, and nothing changed.
  { name: 'explain for a user with no path', expect: 'success', answer: EXPLAIN, http: (f) => explain(f.crm.id, f.ann.id), cli: (f) => ['apps', 'explain', f.crm.id, f.ann.id, '--json'] },
  {
    name: 'explain for a blocked user with a path through a group', expect: 'success', answer: EXPLAIN,
    setup: async (ifs, f) => { await given(ifs, f.crm.id, 'Group', f.sales.id); await blocked(ifs, f.crm.id, f.bob.id); },
    http: (f) => explain(f.crm.id, f.bob.id), cli: (f) => ['apps', 'explain', f.crm.id, f.bob.id, '--json'],
  },
  {
    // §3.9: a path says its user is in every group on it. Administrators with an app role see every path (ADR 0019),
    // and so does the system principal: the CLI and a Global Administrator give the same answer.
    name: 'explain for a user whose path goes through a HiddenMembership group', expect: 'success', answer: EXPLAIN,
    setup: async (ifs, f) => {
      const secret = await ifs.portal.core.createGroup(ifs.setup, {
        displayName: `Secret ${f.tag}`, mailNickname: `secret-${f.tag}`, mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'], visibility: 'HiddenMembership', members: [f.ann.id],
      });
      f.vars['secret'] = secret.group.id;
      await ifs.portal.core.addMember(ifs.setup, { groupId: f.sales.id, memberId: secret.group.id });
      await given(ifs, f.crm.id, 'Group', f.sales.id);
    },
    http: (f) => explain(f.crm.id, f.ann.id), cli: (f) => ['apps', 'explain', f.crm.id, f.ann.id, '--json'],
  },
  { name: 'explain for a missing user', expect: 'userNotFound', http: (f) => explain(f.crm.id, f.missing('user')), cli: (f) => ['apps', 'explain', f.crm.id, f.missing('user'), '--json'] },
  {
    name: 'effective access through another app\'s audience', expect: 'success', answer: EFFECTIVE,
    setup: async (ifs, f) => { await given(ifs, f.crm.id, 'Group', f.sales.id); await given(ifs, f.portal.id, 'ServicePrincipal', f.crm.id); },
    http: (f) => access(f.portal.id), cli: (f) => ['apps', 'access', f.portal.id, '--json'],
  },
  { name: 'effective access of a missing app', expect: 'appNotFound', http: (f) => access(f.missing('app')), cli: (f) => ['apps', 'access', f.missing('app'), '--json'] },

  // Text that is no id: Graph's schema or the core refuses it; the CLI looks it up as a name.
  {
    name: 'assign to a principal id that is no GUID', expect: 'userNotFound', http: (f) => assign(f.crm.id, 'not-a-guid'), cli: (f) => ['apps', 'assign', f.crm.id, '--user', 'not-a-guid'],
    differs: { ...REST_AND_PORTAL({ expect: 'badRequest', why: 'Graph\'s body takes a GUID principalId: the route\'s schema refuses anything else' }), cli: CLI_NAME('userNotFound') },
  },
  {
    name: 'effective access of an app id that is no GUID', expect: 'appNotFound', http: () => access('not-an-app'), cli: () => ['apps', 'access', 'not-an-app', '--json'],
    differs: { cli: CLI_NAME('appNotFound') },
  },
  {
    name: 'an app name or id of 300 characters', expect: 'appNotFound', http: () => access('a'.repeat(300)), cli: () => ['apps', 'access', 'a'.repeat(300), '--json'],
    differs: { ...REST_AND_PORTAL({ expect: 'badRequest', why: 'the route\'s schema caps a path id at 64 characters' }), cli: CLI_NAME('appNotFound') },
  },
  {
    name: 'an app id with a malformed percent-escape', expect: 'appNotFound', http: () => access('%E0%A4%A'), cli: () => ['apps', 'access', '%E0%A4%A', '--json'],
    differs: { ...REST_AND_PORTAL({ expect: 'badRequest', why: 'the URL cannot be decoded, so the router refuses it (Graph 400) before any route' }), cli: CLI_NAME('appNotFound') },
  },
  {
    name: 'assign with an app role id that is no GUID', expect: 'appRoleNotFound', http: (f) => assign(f.hr.id, f.ann.id, 'reader'), cli: (f) => ['apps', 'assign', f.hr.id, '--user', f.ann.id, '--role', 'reader'],
    differs: REST_AND_PORTAL({ expect: 'badRequest', why: 'Graph\'s body takes a GUID appRoleId: the route\'s schema refuses anything else; the CLI hands the text to the core, which finds no such role' }),
  },

  // A user acting for themselves: REST and My Groups (the CLI is never a user).
  {
    name: 'a member who has the app through a group tries to give it to someone', expect: 'notAppOwner', notOn: { cli: CLI_ONLY },
    as: (f) => f.bob, setup: async (ifs, f) => { await given(ifs, f.crm.id, 'Group', f.sales.id); },
    http: (f) => assign(f.crm.id, f.ann.id),
  },
  {
    name: 'a member explains their own access', expect: 'success', answer: EXPLAIN, notOn: { cli: CLI_ONLY },
    as: (f) => f.bob, setup: async (ifs, f) => { await given(ifs, f.crm.id, 'Group', f.sales.id); },
    http: (f) => explain(f.crm.id, f.bob.id),
  },
];

// The applications area of the path-parity test (docs/adr/0019): a fresh fixture for every run —
// three apps (CRM; Portal, a second app whose audience can be given; HR, with an enabled and a
// disabled app role), two users with passwords (Ann, given nothing; Bob, a member of Sales), a
// security group, a Microsoft 365 group and a soft-deleted group — and the state read back through
// the core: every fixture app's assignments and blocks, or that it is gone.
import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCESS_ROLE_ID, type Application } from '../../src/core/domain/apps.js';
import type { Group, User } from '../../src/core/domain/model.js';
import { isDomainError, type Caller, type CreateAppInput } from '../../src/core/index.js';
import { PASSWORD } from '../portal-auth-harness.js';
import type { Interfaces } from './interfaces.js';
import type { ParityArea } from './runner.js';

export interface AppsFixture {
  tag: string;
  crm: Application;
  portal: Application;
  hr: Application;
  /** HR's enabled and disabled app roles. */
  roles: { reader: string; retired: string };
  ann: User;
  bob: User;
  sales: Group;
  news: Group;
  gone: Group;
  /** Ids a case's setup made (an assignment…), labelled `<var:name>`. */
  vars: Record<string, string>;
  /** A random id per name, the same within a run (`missing('user')`), labelled `<missing:name>`. */
  missing(name: string): string;
}

const system = (tenantId: string): Caller => ({ tenantId, principal: { type: 'system' }, channel: 'api' });

async function fixture(ifs: Interfaces, tag: string): Promise<AppsFixture> {
  const { core } = ifs.portal;
  const admin = ifs.setup;
  const app = (name: string, extra: Partial<CreateAppInput> = {}) =>
    core.createApp(admin, { displayName: `${name} ${tag}`, ...extra });
  const roles = { reader: randomUUID(), retired: randomUUID() };
  // With a password: a case may act as them in the portal.
  const user = (name: string) => core.createUser(admin, { userPrincipalName: `${name.toLowerCase()}.${tag}@parity.example`, displayName: `${name} ${tag}`, roles: [], password: PASSWORD });
  const ann = await user('Ann');
  const bob = await user('Bob');
  const group = async (name: string, kind: 'security' | 'm365', members: string[] = []) => (await core.createGroup(admin, {
    displayName: `${name} ${tag}`, mailNickname: `${name.toLowerCase()}-${tag}`, members,
    ...(kind === 'security' ? { mailEnabled: false, securityEnabled: true, groupTypes: [] } : { mailEnabled: true, securityEnabled: false, groupTypes: ['Unified' as const], visibility: 'Private' as const }),
  })).group;
  const gone = await group('Gone', 'security');
  await core.deleteGroup(admin, { groupId: gone.id });
  const missing = new Map<string, string>();
  return {
    tag, ann, bob, roles, gone,
    crm: await app('CRM'),
    portal: await app('Portal'),
    hr: await app('HR', { appRoles: [{ id: roles.reader, displayName: 'Reader', value: 'reader' }, { id: roles.retired, displayName: 'Retired', value: 'retired', isEnabled: false }] }),
    sales: await group('Sales', 'security', [bob.id]),
    news: await group('News', 'm365'),
    vars: {},
    missing(name) {
      if (!missing.has(name)) missing.set(name, randomUUID());
      return missing.get(name) ?? '';
    },
  };
}

function labels(fx: AppsFixture): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of ['crm', 'portal', 'hr'] as const) {
    out.set(fx[key].id, `<app:${key}>`);
    out.set(fx[key].appId, `<appId:${key}>`);
  }
  for (const key of ['ann', 'bob'] as const) {
    out.set(fx[key].id, `<user:${key}>`);
    out.set(fx[key].userPrincipalName, `<upn:${key}>`);
  }
  for (const key of ['sales', 'news', 'gone'] as const) out.set(fx[key].id, `<group:${key}>`);
  out.set(DEFAULT_ACCESS_ROLE_ID, '<role:default>');
  out.set(fx.roles.reader, '<role:reader>');
  out.set(fx.roles.retired, '<role:retired>');
  for (const [name, id] of Object.entries(fx.vars)) out.set(id, `<var:${name}>`);
  for (const name of ['user', 'group', 'app', 'assignment', 'role']) out.set(fx.missing(name), `<missing:${name}>`);
  return out;
}

/** Each fixture app's assignments and blocks (sorted), or `deleted`. */
async function readBack(ifs: Interfaces, fx: AppsFixture): Promise<unknown> {
  const caller = system(ifs.tenantId);
  const { core } = ifs.portal;
  const out: Record<string, unknown> = {};
  for (const key of ['crm', 'portal', 'hr'] as const) {
    try {
      const appId = fx[key].id;
      const assignments = (await core.listAppAssignments(caller, { appId, limit: 999 })).items
        .map((a) => `${a.principalType} ${a.principalId} ${a.appRoleId}`).sort();
      const blocks = (await core.listBlocks(caller, { appId, limit: 999 })).items.map((b) => `${b.userId} ${b.reason ?? ''}`).sort();
      out[key] = { assignments, blocks };
    } catch (error) {
      if (!isDomainError(error) || error.reason !== 'appNotFound') throw error;
      out[key] = 'deleted';
    }
  }
  return out;
}

export const APPS_AREA: ParityArea<AppsFixture> = { name: 'p', fixture, labels, readBack };

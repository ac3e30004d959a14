// The demo seeds through the real core on a real (temporary SQLite) database, so every rule applies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Caller, type Core, type ListCursor } from '../core/index.js';
import { systemClock } from '../platform/clock.js';
import { uuidGenerator } from '../platform/ids.js';
import { scryptPasswordHasher, withSharedHash } from '../platform/passwords.js';
import { openStorage, type Storage } from '../storage/open-storage.js';
import { findGlobalAdmin } from './find-admin.js';
import { mulberry32 } from './prng.js';
import { describeSeed, seedDemo, type SeedResult } from './seed.js';

const PASSWORD = 'demo-only-password';
let dir: string;
let storage: Storage;
let core: Core;
let tenantId: string;
let adminId: string;
let result: SeedResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roster-demo-'));
  storage = await openStorage({ sqlitePath: join(dir, 'roster.db') });
  await storage.migrate();
  const passwords = await withSharedHash(scryptPasswordHasher({ N: 1024, r: 8, p: 1 }), PASSWORD);
  core = createCore({ uow: storage.uow, clock: systemClock, ids: uuidGenerator, passwords });
  const boot = await core.bootstrapTenant({ tenantName: 'Contoso', admin: { userPrincipalName: 'admin@contoso.example', displayName: 'Admin', password: 'admin-password-1' } });
  tenantId = boot.tenant.id;
  adminId = boot.admin.id;
  result = await seedDemo(core, tenantId, adminId, { password: PASSWORD });
}, 120_000);

afterAll(async () => {
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = (): Caller => ({ tenantId, principal: { type: 'user', userId: adminId }, channel: 'adminCenter' });

async function allUsers() {
  const users = [];
  let cursor: ListCursor | undefined;
  for (;;) {
    const page = await core.listUsers(admin(), { top: 100, cursor });
    users.push(...page.users);
    if (!page.next) return users;
    cursor = page.next;
  }
}

describe('seedDemo', () => {
  it('seeds a believable organisation', () => {
    if (!result.seeded) throw new Error(result.reason);
    const s = result.stats;
    expect(s.users).toBeGreaterThanOrEqual(190);
    expect(s.guests).toBeGreaterThanOrEqual(3);
    expect(s.disabled).toBeGreaterThanOrEqual(2);
    expect(s.licensed / s.users).toBeGreaterThan(0.7);
    expect(s.groups).toBeGreaterThanOrEqual(38);
    expect(s.nestedGroups).toBeGreaterThanOrEqual(12);
    expect(s.pendingRequests).toBeGreaterThanOrEqual(8);
    expect(s.approvedRequests).toBeGreaterThanOrEqual(5);
    expect(s.deniedRequests).toBeGreaterThanOrEqual(2);
    expect(describeSeed(result, PASSWORD).join('\n')).toContain('DEMO-ONLY password');
  });

  it('creates users with departments, titles and offices, and a shared demo password', async () => {
    const users = await allUsers();
    expect(users).toHaveLength(1 + (result.seeded ? result.stats.users : 0));
    const departments = new Set(users.map((u) => u.department));
    for (const d of ['Sales', 'Marketing', 'Engineering', 'Finance', 'HR', 'IT', 'Legal', 'Operations']) expect(departments).toContain(d);
    expect(users.every((u) => u.userPrincipalName.endsWith('@contoso.example'))).toBe(true);
    expect(users.filter((u) => u.userType === 'Guest').every((u) => u.userPrincipalName.includes('#EXT#'))).toBe(true);
    const sample = users.find((u) => u.department === 'Sales');
    const hash = await storage.uow.transaction(tenantId, (s) => s.credentials.getPasswordHash(sample?.id ?? ''));
    expect(hash?.startsWith('scrypt$')).toBe(true);
  });

  it('turns on "Owners can manage group membership requests"', async () => {
    expect((await core.getSettings(admin())).ownersCanManageJoinRequests).toBe(true);
  });

  it('includes both seed scenarios with their owners and pending requests', async () => {
    const groups = await storage.uow.transaction(tenantId, (s) => s.groups.list({ limit: 500 }));
    const byName = (name: string) => groups.find((g) => g.displayName === name);
    const crm = byName('CRM Users');
    const sites = byName('Site Collaborators');
    expect(crm).toMatchObject({ createdVia: 'adminCenter', securityEnabled: true, visibility: 'Private' });
    expect(sites).toMatchObject({ createdVia: 'myGroups', joinPolicy: 'approval' });
    expect(byName('Marketing Automation Users')).toBeDefined();
    expect(byName('Leadership Team')).toMatchObject({ visibility: 'HiddenMembership', groupTypes: ['Unified'] });
    expect(new Set(groups.map((g) => g.createdVia))).toEqual(new Set(['myGroups', 'adminCenter', 'api']));
    expect(new Set(groups.map((g) => g.joinPolicy))).toEqual(new Set(['open', 'approval', 'closed']));
    expect(groups.some((g) => g.groupTypes.includes('Unified'))).toBe(true);

    const owners = await core.listOwners(admin(), { groupId: sites?.id ?? '' });
    expect(owners).toHaveLength(2);
    const pending = await core.listGroupJoinRequests(admin(), { groupId: sites?.id ?? '', status: 'pending' });
    expect(pending.length).toBeGreaterThanOrEqual(1);
  });

  it('nests security groups at least three levels deep', async () => {
    const groups = await storage.uow.transaction(tenantId, (s) => s.groups.list({ limit: 500 }));
    const onCall = groups.find((g) => g.displayName === 'Platform On-call');
    const ancestors = await storage.uow.transaction(tenantId, (s) => s.memberships.ancestorGroupIds(onCall?.id ?? ''));
    expect(ancestors.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the two delegated owners out of each other\'s memberships', async () => {
    if (!result.seeded) throw new Error('not seeded');
    const [businessOwnerUpn, otherManagerUpn] = result.signIns.map((s) => s.userPrincipalName);
    const groups = await storage.uow.transaction(tenantId, (s) => s.groups.list({ limit: 500 }));
    const users = await allUsers();
    const callerFor = (upn: string | undefined): Caller => ({
      tenantId, principal: { type: 'user', userId: users.find((u) => u.userPrincipalName === upn)?.id ?? '' }, channel: 'myGroups',
    });
    const groupId = (name: string) => groups.find((g) => g.displayName === name)?.id ?? '';
    expect(await core.listMembers(callerFor(businessOwnerUpn), { groupId: groupId('CRM Users') })).not.toHaveLength(0);
    expect(await core.listMembers(callerFor(businessOwnerUpn), { groupId: groupId('Marketing Automation Users') })).toHaveLength(0);
    expect(await core.listMembers(callerFor(otherManagerUpn), { groupId: groupId('CRM Users') })).toHaveLength(0);
  });

  it('gives the scenarios\' apps through groups and an app audience, with one block', async () => {
    const apps = (await core.listApps(admin(), { limit: 50 })).items;
    const byName = (name: string) => apps.find((a) => a.displayName.startsWith(name))?.id ?? '';
    const audience = async (appId: string) => (await core.listEffectiveUsers(admin(), { appId, limit: 500, count: true }));
    const site = await audience(byName('Brand Hub'));
    const design = await audience(byName('Canva'));
    expect(site.count).toBeGreaterThanOrEqual(8);
    // "Everyone who has the Brand Hub has the design tool": the same people.
    expect(design.items.map((u) => u.id).sort()).toEqual(site.items.map((u) => u.id).sort());
    const crm = byName('Contoso CRM');
    const blocks = await core.listBlocks(admin(), { appId: crm });
    expect(blocks.items).toHaveLength(1);
    const blocked = await core.explainAppAccess(admin(), { appId: crm, userId: blocks.items[0]?.userId ?? '' });
    expect(blocked.verdict).toBe('blocked');
    expect(blocked.paths.length).toBeGreaterThan(0);
  });

  it('seeds only a tenant that has nobody but administrators', async () => {
    expect(await seedDemo(core, tenantId, adminId, { password: PASSWORD })).toMatchObject({ seeded: false });
    expect(await findGlobalAdmin(core, tenantId)).toBe(adminId);
  });
});

describe('mulberry32', () => {
  it('is deterministic and roughly uniform', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.05);
    expect(mulberry32(1).sample([1, 2, 3, 4, 5], 5).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

// The demo organisation, seeded through the core's use cases so every rule applies to it exactly as
// it would to real users: ~200 people, ~40 groups of both kinds from every channel, nesting, hidden
// membership, licences, and join requests pending, approved and denied. Deterministic; seeds only a
// tenant that has nobody but administrators.
import type { Caller, Core } from '../core/index.js';
import { DemoBuilder, type SeedStats } from './builder.js';
import { seedAccessGroups } from './access.js';
import { seedApps } from './apps.js';
import { seedCommunities } from './communities.js';
import { seedDirectory } from './directory.js';
import { mulberry32 } from './prng.js';
import { seedDelegatedScenario, seedSelfServiceScenario } from './scenarios.js';
import { seedStructure } from './structure.js';

export interface SeedOptions {
  /** The password every demo user signs in with. */
  password: string;
  /** PRNG seed: the same seed gives the same organisation. */
  seed?: number | undefined;
  companyName?: string | undefined;
}

export interface SignIn {
  userPrincipalName: string;
  role: string;
}

export type SeedResult =
  | { seeded: false; reason: string }
  | { seeded: true; stats: SeedStats; signIns: SignIn[] };

export const DEFAULT_SEED = 20260101;

export async function seedDemo(core: Core, tenantId: string, adminId: string, opts: SeedOptions): Promise<SeedResult> {
  const admin: Caller = { tenantId, principal: { type: 'user', userId: adminId }, channel: 'adminCenter' };
  const existing = (await core.listUsers(admin, { top: 50 })).users;
  if (existing.some((u) => !u.roles.includes('globalAdmin'))) {
    return { seeded: false, reason: 'the tenant already has users besides its administrators' };
  }
  const adminUser = await core.getUser(admin, { userId: adminId });
  const domain = adminUser.userPrincipalName.split('@')[1] ?? 'contoso.example';
  const b = new DemoBuilder(core, tenantId, adminId, mulberry32(opts.seed ?? DEFAULT_SEED));

  // Requests need "Owners can manage group membership requests" (SPEC §3.4).
  await core.updateSettings(admin, { ownersCanManageJoinRequests: true });
  const directory = await seedDirectory(b, { domain, companyName: opts.companyName ?? companyFromDomain(domain), password: opts.password });
  await seedStructure(b, directory);
  const delegated = await seedDelegatedScenario(b, directory);
  const selfService = await seedSelfServiceScenario(b, directory);
  await seedAccessGroups(b, directory);
  await seedCommunities(b, directory);
  await seedApps(b, {
    crm: delegated.crm, automation: delegated.automation, siteCollaborators: selfService.group,
    businessOwner: delegated.businessOwner, otherManager: delegated.otherManager, siteOwners: selfService.owners,
  });

  const signIns: SignIn[] = [
    { userPrincipalName: delegated.businessOwner.userPrincipalName, role: 'business owner of "CRM Users" (delegated group management)' },
    { userPrincipalName: delegated.otherManager.userPrincipalName, role: 'Marketing Director, owner of "Marketing Automation Users"' },
    { userPrincipalName: selfService.owners[0].userPrincipalName, role: 'co-owner of "Site Collaborators" (self-service)' },
    { userPrincipalName: selfService.owners[1].userPrincipalName, role: 'co-owner of "Site Collaborators" (self-service)' },
    { userPrincipalName: selfService.requester.userPrincipalName, role: 'has a pending request to join "Site Collaborators"' },
    { userPrincipalName: directory.guests[0]?.userPrincipalName ?? '', role: 'guest from a partner company' },
  ];
  return { seeded: true, stats: b.stats, signIns };
}

function companyFromDomain(domain: string): string {
  const name = domain.split('.')[0] ?? 'Contoso';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Human-readable lines for the terminal after a seed. */
export function describeSeed(result: SeedResult, password: string): string[] {
  if (!result.seeded) return [`Demo data not seeded: ${result.reason}.`];
  const s = result.stats;
  return [
    `Demo organisation seeded: ${s.users} users (${s.guests} guests, ${s.disabled} disabled, ${s.licensed} with a premium licence), ` +
      `${s.groups} groups, ${s.memberships} memberships (${s.nestedGroups} nested groups), ` +
      `join requests: ${s.pendingRequests} pending, ${s.approvedRequests} approved, ${s.deniedRequests} denied.`,
    `Every demo user signs in with the DEMO-ONLY password: ${password}`,
    'Try:',
    ...result.signIns.map((u) => `  ${u.userPrincipalName}  — ${u.role}`),
  ];
}

// The two scenarios of Entra's self-service group management guide (shared/seeds), as data a visitor
// can walk through: delegated group management, and self-service group management.
import type { Group } from '../core/domain/model.js';
import type { DemoBuilder, Person } from './builder.js';
import type { Directory } from './directory.js';

/**
 * Delegated group management: the admin manages access to a SaaS app (the CRM) and hands the group to
 * a business owner, adding everyone who already uses the app. The business owner then adds people and
 * approves requests without waiting for IT. A manager of another department owns the group for a
 * second app; neither owner can see or manage the other's members (both groups are Private).
 */
export async function seedDelegatedScenario(b: DemoBuilder, d: Directory): Promise<{ businessOwner: Person; otherManager: Person; crm: Group; automation: Group }> {
  const businessOwner = d.withTitle('Sales', 'Sales Operations Analyst');
  const currentUsers = d.dept('Sales').filter((p) => p.jobTitle === 'Account Executive' || p.manager).slice(0, 12);
  const crm = await b.createGroup({
    displayName: 'CRM Users', kind: 'security', via: 'adminCenter', owners: [businessOwner], joinPolicy: 'approval',
    description: `Access to the CRM application. Managed by ${businessOwner.givenName} ${businessOwner.surname} (Sales Operations); request access here.`,
    members: currentUsers,
  });
  // The business owner adds the rest of the sales team and customer success leads themselves.
  const more = [...d.dept('Sales').filter((p) => !currentUsers.includes(p) && p !== businessOwner).slice(0, 6),
    d.withTitle('Customer Success', 'Support Team Lead')];
  await b.addMembers(crm, more, businessOwner);
  const askers = b.rng.sample(d.dept('Customer Success').filter((p) => !b.isMember(crm, p.id)), 4);
  await b.request(crm, askers, businessOwner, (_p, i) => (['approve', 'pending', 'deny', 'pending'] as const)[i] ?? 'pending',
    () => b.rng.pick([
      'I now handle renewals for my accounts and need to see their opportunities in the CRM.',
      'Moving to the key-accounts team next month; my manager asked me to get CRM access.',
      'I need to log customer escalations against the account record.',
    ]));

  const otherManager = d.manager('Marketing');
  const automation = await b.createGroup({
    displayName: 'Marketing Automation Users', kind: 'security', via: 'adminCenter', owners: [otherManager], joinPolicy: 'approval',
    description: `Access to the marketing automation platform. Managed by ${otherManager.givenName} ${otherManager.surname}.`,
    members: d.dept('Marketing').slice(0, 10),
  });
  const salesAsker = d.dept('Sales').filter((p) => !p.manager && p !== businessOwner).at(-1) as Person;
  await b.request(automation, [salesAsker], otherManager, () => 'pending',
    () => 'I run the webinar follow-up campaigns with marketing and need to build the email lists.');
  return { businessOwner, otherManager, crm, automation };
}

/**
 * Self-service group management: two people who each run a SharePoint site make one group, both own
 * it and grant it access to their sites; a colleague asks to join and waits for either owner.
 */
export async function seedSelfServiceScenario(b: DemoBuilder, d: Directory): Promise<{ owners: [Person, Person]; requester: Person; group: Group }> {
  const brandHubOwner = d.withTitle('Marketing', 'Content Strategist');
  const wikiOwner = d.withTitle('Product', 'Technical Writer');
  const group = await b.createGroup({
    displayName: 'Site Collaborators', kind: 'security', via: 'myGroups', creator: brandHubOwner, joinPolicy: 'approval',
    description: `Gives access to two SharePoint sites: Brand Hub (${brandHubOwner.givenName} ${brandHubOwner.surname}) and the Product Wiki (${wikiOwner.givenName} ${wikiOwner.surname}). Ask to join; either owner approves.`,
  });
  await b.addMembers(group, [brandHubOwner], brandHubOwner);
  await b.addOwner(group, wikiOwner, brandHubOwner);
  await b.addMembers(group, b.rng.sample(d.dept('Marketing').filter((p) => p !== brandHubOwner), 4), brandHubOwner);
  await b.addMembers(group, b.rng.sample(d.dept('Product').filter((p) => p !== wikiOwner), 3), wikiOwner);
  const requester = d.withTitle('Customer Success', 'Implementation Specialist');
  await b.request(group, [requester], wikiOwner, () => 'pending',
    () => 'I write onboarding guides for customers and need both the brand assets and the product wiki.');
  return { owners: [brandHubOwner, wikiOwner], requester, group };
}

// The applications of the two guide scenarios (shared/seeds), given through groups so that group
// membership is access: the CRM and the marketing platform for delegated management; the two SharePoint
// sites of the self-service group, and a SaaS app given to everyone who has the Brand Hub (an app
// audience). Plus an app with a block, so the admin center shows one.
import type { Group } from '../core/domain/model.js';
import type { DemoBuilder, Person } from './builder.js';

export interface DemoApps {
  crm: Group;
  automation: Group;
  siteCollaborators: Group;
  businessOwner: Person;
  otherManager: Person;
  siteOwners: [Person, Person];
}

export async function seedApps(b: DemoBuilder, d: DemoApps): Promise<void> {
  const admin = b.admin();
  const app = (displayName: string, description: string, homepage: string, owners: Person[] = []) =>
    b.core.createApp(admin, { displayName, description, homepage, ownerIds: owners.map((o) => o.id) });
  const give = (appId: string, principalType: 'Group' | 'ServicePrincipal', principalId: string) =>
    b.core.assignApp(admin, { appId, principalType, principalId });

  const crm = await app('Contoso CRM', 'Customer records, opportunities and renewals.', 'https://crm.contoso.example/', [d.businessOwner]);
  await give(crm.id, 'Group', d.crm.id);
  const automation = await app('Marketing Automation', 'Email campaigns and lists.', 'https://marketing.contoso.example/', [d.otherManager]);
  await give(automation.id, 'Group', d.automation.id);

  const brandHub = await app('Brand Hub (SharePoint site)', 'Logos, templates and brand guidelines.', 'https://contoso.sharepoint.example/sites/brandhub', [d.siteOwners[0]]);
  const wiki = await app('Product Wiki (SharePoint site)', 'How the product works, for everyone who explains it.', 'https://contoso.sharepoint.example/sites/productwiki', [d.siteOwners[1]]);
  await give(brandHub.id, 'Group', d.siteCollaborators.id);
  await give(wiki.id, 'Group', d.siteCollaborators.id);
  // "Everyone who has the Brand Hub site also gets the design tool."
  const design = await app('Canva for Teams', 'Design tool for the people who use the brand assets.', 'https://www.canva.example/');
  await give(design.id, 'ServicePrincipal', brandHub.id);

  const audience = await b.core.listEffectiveUsers(admin, { appId: crm.id, limit: 5 });
  const leaver = audience.items.at(-1);
  if (leaver) await b.core.blockUser(admin, { appId: crm.id, userId: leaver.id, reason: 'Left the sales team; access under review.' });
}

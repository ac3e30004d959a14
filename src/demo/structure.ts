// The organisation's backbone, managed by the admin: one security group per department owned by its
// manager, all nested in "All Employees", with teams nested below (nesting depth 3), and a leadership
// team whose membership is hidden.
import type { Group } from '../core/domain/model.js';
import type { DemoBuilder, Person } from './builder.js';
import type { Directory } from './directory.js';
import { DEPARTMENTS } from './people.js';

export async function seedStructure(b: DemoBuilder, d: Directory): Promise<void> {
  const hr = d.manager('HR');
  const everyone = await b.createGroup({
    displayName: 'All Employees', kind: 'security', via: 'adminCenter', owners: [hr],
    description: 'Every employee, through their department group. Used for company-wide app access.',
  });
  const departments = new Map<string, Group>();
  for (const dept of DEPARTMENTS) {
    const manager = d.manager(dept.name);
    const group = await b.createGroup({
      displayName: `${dept.name} Department`, kind: 'security', via: 'adminCenter', owners: [manager],
      description: `Everyone in ${dept.name}. Owned by ${manager.givenName} ${manager.surname}, ${manager.jobTitle}.`,
      members: d.dept(dept.name),
    });
    departments.set(dept.name, group);
    await b.nest(everyone, group);
  }

  // Engineering: Department ⊃ Platform team ⊃ Platform on-call rota.
  const engineering = departments.get('Engineering') as Group;
  const engineers = d.dept('Engineering').filter((p) => !p.manager);
  const platformLead = d.withTitle('Engineering', 'Engineering Manager');
  const platformTeam = [platformLead, ...b.rng.sample(engineers.filter((p) => p !== platformLead), 11)];
  const platform = await b.createGroup({
    displayName: 'Engineering - Platform', kind: 'security', via: 'adminCenter', owners: [platformLead],
    description: 'The platform team: build, deploy and runtime infrastructure.', members: platformTeam,
  });
  await b.nest(engineering, platform);
  const sre = platformTeam.find((p) => p.jobTitle === 'Site Reliability Engineer') ?? platformLead;
  const onCall = await b.createGroup({
    displayName: 'Platform On-call', kind: 'security', via: 'myGroups', creator: sre, joinPolicy: 'closed',
    description: 'This week\'s and next week\'s on-call engineers. Gets pager and production break-glass access.',
    members: platformTeam.slice(0, 6),
  });
  await b.nest(platform, onCall);

  // Sales: Department ⊃ EMEA ⊃ EMEA enterprise accounts.
  const sales = departments.get('Sales') as Group;
  const emeaLead = d.withTitle('Sales', 'Regional Sales Manager');
  const emeaPeople = pickOffice(d.dept('Sales'), ['London', 'Berlin'], emeaLead, b, 10);
  const emea = await b.createGroup({
    displayName: 'Sales - EMEA', kind: 'security', via: 'adminCenter', owners: [emeaLead],
    description: 'Sales in Europe, the Middle East and Africa.', members: emeaPeople,
  });
  await b.nest(sales, emea);
  const enterprise = await b.createGroup({
    displayName: 'Sales - EMEA Enterprise Accounts', kind: 'security', via: 'myGroups', creator: emeaLead, joinPolicy: 'closed',
    description: 'Account executives covering EMEA enterprise customers; opens the enterprise deal room.',
    members: emeaPeople.slice(0, 5),
  });
  await b.nest(emea, enterprise);

  const managers = DEPARTMENTS.map((dept) => d.manager(dept.name));
  await b.createGroup({
    displayName: 'Leadership Team', kind: 'microsoft365', via: 'adminCenter', visibility: 'HiddenMembership',
    owners: [d.manager('Operations'), hr],
    description: 'Department heads. Membership is hidden: only owners and admins see who is in it.',
    members: managers,
  });
}

/** People of these offices first, then anyone, always including the lead. */
function pickOffice(people: Person[], offices: string[], lead: Person, b: DemoBuilder, count: number): Person[] {
  const local = people.filter((p) => p !== lead && !p.manager && offices.includes(p.officeLocation));
  const others = people.filter((p) => p !== lead && !p.manager && !offices.includes(p.officeLocation));
  return [lead, ...local, ...b.rng.sample(others, count)].slice(0, count);
}

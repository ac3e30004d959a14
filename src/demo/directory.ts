// The people of the demo organisation, created through the core as the admin, with their licences.
import type { LicenceSku } from '../core/domain/model.js';
import type { DemoBuilder, Person } from './builder.js';
import { aliasOf, generatePeople } from './people.js';

export interface Directory {
  all: Person[];
  /** Enabled members (not guests): the people who use self-service. */
  staff: Person[];
  guests: Person[];
  dept(name: string): Person[];
  manager(dept: string): Person;
  /** A deterministic person of the department with this job title (or any non-manager). */
  withTitle(dept: string, title: string): Person;
}

const PREMIUM_SEATS = 200;
const P2_SEATS = 20;

export async function seedDirectory(b: DemoBuilder, opts: { domain: string; companyName: string; password: string }): Promise<Directory> {
  const specs = generatePeople(b.rng, opts.companyName);
  const taken = new Set<string>();
  const all: Person[] = [];
  for (const spec of specs) {
    let alias = aliasOf(spec);
    for (let n = 2; taken.has(alias); n++) alias = `${aliasOf(spec)}${n}`;
    taken.add(alias);
    const partnerDomain = `${spec.companyName.toLowerCase().replace(/[^a-z]/g, '')}.example`;
    // Entra's guest form: alias_theirdomain#EXT#@ourdomain.
    const upn = spec.userType === 'Guest' ? `${alias}_${partnerDomain}#EXT#@${opts.domain}` : `${alias}@${opts.domain}`;
    const user = await b.core.createUser(b.admin(), {
      userPrincipalName: upn,
      displayName: `${spec.givenName} ${spec.surname}`,
      mail: spec.userType === 'Guest' ? `${alias}@${partnerDomain}` : upn,
      givenName: spec.givenName,
      surname: spec.surname,
      department: spec.department,
      jobTitle: spec.jobTitle,
      companyName: spec.companyName,
      officeLocation: spec.officeLocation,
      userType: spec.userType,
      accountEnabled: spec.accountEnabled,
      password: opts.password,
    });
    b.noteUser(user);
    all.push({ ...spec, id: user.id, userPrincipalName: user.userPrincipalName });
  }
  await assignLicences(b, all);
  return directoryOf(all);
}

/** Premium seats for the staff: most of them licensed, IT and managers on P2. */
async function assignLicences(b: DemoBuilder, all: readonly Person[]): Promise<void> {
  await b.core.setLicenceSeats(b.admin(), { sku: 'premiumP1', seats: PREMIUM_SEATS });
  await b.core.setLicenceSeats(b.admin(), { sku: 'premiumP2', seats: P2_SEATS });
  let p2 = 0;
  for (const person of all) {
    if (person.userType === 'Guest' || !person.accountEnabled) continue;
    const wantsP2 = (person.department === 'IT' || person.manager) && p2 < P2_SEATS;
    // About one in eight staff has no premium licence yet, as in most tenants mid-rollout.
    if (!wantsP2 && !person.manager && b.rng.chance(0.12)) continue;
    const sku: LicenceSku = wantsP2 ? 'premiumP2' : 'premiumP1';
    if (wantsP2) p2++;
    await b.core.assignLicence(b.admin(), { userId: person.id, sku });
    b.stats.licensed++;
  }
}

function directoryOf(all: Person[]): Directory {
  const staff = all.filter((p) => p.userType === 'Member' && p.accountEnabled);
  const dept = (name: string) => staff.filter((p) => p.department === name);
  return {
    all,
    staff,
    guests: all.filter((p) => p.userType === 'Guest'),
    dept,
    manager: (name) => {
      const found = dept(name).find((p) => p.manager);
      if (!found) throw new Error(`demo: no manager in ${name}`);
      return found;
    },
    withTitle: (name, title) => {
      const people = dept(name).filter((p) => !p.manager);
      const found = people.find((p) => p.jobTitle === title) ?? people[0];
      if (!found) throw new Error(`demo: nobody in ${name}`);
      return found;
    },
  };
}

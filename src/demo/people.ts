// The demo organisation's people: departments with realistic titles and offices, a few guests from
// partner companies, a few leavers whose accounts are disabled. Pure data from the seeded PRNG.
import type { Random } from './prng.js';

export interface PersonSpec {
  key: string;
  givenName: string;
  surname: string;
  department: string;
  jobTitle: string;
  officeLocation: string;
  companyName: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /** The department's manager: owns the department's groups. */
  manager: boolean;
}

interface Department {
  name: string;
  size: number;
  manager: string;
  titles: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'Sales', size: 30, manager: 'Sales Director', titles: ['Account Executive', 'Account Executive', 'Sales Development Representative', 'Sales Operations Analyst', 'Regional Sales Manager', 'Solutions Consultant'] },
  { name: 'Marketing', size: 20, manager: 'Marketing Director', titles: ['Product Marketing Manager', 'Content Strategist', 'Digital Marketing Specialist', 'Brand Designer', 'Events Coordinator'] },
  { name: 'Engineering', size: 44, manager: 'VP of Engineering', titles: ['Software Engineer', 'Senior Software Engineer', 'Senior Software Engineer', 'Site Reliability Engineer', 'QA Engineer', 'Engineering Manager', 'Principal Engineer', 'Data Engineer'] },
  { name: 'Product', size: 10, manager: 'Director of Product', titles: ['Product Manager', 'UX Designer', 'UX Researcher', 'Technical Writer'] },
  { name: 'Customer Success', size: 16, manager: 'Head of Customer Success', titles: ['Customer Success Manager', 'Support Engineer', 'Support Engineer', 'Support Team Lead', 'Implementation Specialist'] },
  { name: 'Finance', size: 14, manager: 'Finance Director', titles: ['Financial Analyst', 'Accountant', 'Controller', 'Payroll Specialist', 'Accounts Payable Specialist'] },
  { name: 'HR', size: 12, manager: 'HR Director', titles: ['HR Business Partner', 'Recruiter', 'Recruiter', 'People Operations Specialist', 'Learning & Development Lead'] },
  { name: 'IT', size: 16, manager: 'IT Manager', titles: ['IT Support Specialist', 'Systems Administrator', 'Security Analyst', 'Network Engineer', 'Identity & Access Engineer'] },
  { name: 'Legal', size: 8, manager: 'General Counsel', titles: ['Legal Counsel', 'Paralegal', 'Compliance Officer', 'Contracts Manager'] },
  { name: 'Operations', size: 20, manager: 'Operations Director', titles: ['Operations Manager', 'Logistics Coordinator', 'Facilities Coordinator', 'Procurement Specialist', 'Office Manager'] },
];

export const OFFICES = ['Seattle', 'Seattle', 'New York', 'London', 'London', 'Berlin', 'Singapore', 'Toronto', 'Sydney'] as const;

const GIVEN = [
  'Adele', 'Alex', 'Amara', 'Ana', 'Anders', 'Ann', 'Arjun', 'Aylin', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Dana',
  'Daniel', 'Diego', 'Elena', 'Emeka', 'Emily', 'Farah', 'Felix', 'Grace', 'Hana', 'Hiro', 'Ines', 'Isaac', 'Jamal', 'Jana',
  'Javier', 'Jin', 'Johanna', 'Jonas', 'Kai', 'Karin', 'Kenji', 'Laura', 'Leila', 'Liam', 'Lina', 'Lucas', 'Maya', 'Mei',
  'Miguel', 'Mira', 'Nadia', 'Naomi', 'Nikhil', 'Nora', 'Olivia', 'Omar', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa',
  'Ruth', 'Sam', 'Sara', 'Sofia', 'Sven', 'Tariq', 'Tessa', 'Theo', 'Tomás', 'Uma', 'Valentina', 'Victor', 'Wei', 'Yara',
  'Yusuf', 'Zara', 'Zoe', 'Megan', 'Patrick', 'Lidia', 'Isaiah', 'Henrietta', 'Grady', 'Diego', 'Lee',
];
const SURNAMES = [
  'Abara', 'Adams', 'Ahmed', 'Andersen', 'Bauer', 'Becker', 'Brown', 'Campbell', 'Castillo', 'Chen', 'Costa', 'Dubois',
  'Edwards', 'Fischer', 'Fernandes', 'Garcia', 'Gupta', 'Hansen', 'Hernandez', 'Hoffmann', 'Ito', 'Jensen', 'Johnson',
  'Kaur', 'Khan', 'Kim', 'Kowalski', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Meyer', 'Mori', 'Müller', 'Nakamura', 'Nguyen',
  'Novak', "O'Brien", 'Okafor', 'Olsen', 'Patel', 'Perez', 'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh',
  'Sato', 'Suzuki', 'Tanaka', 'Taylor', 'Thompson', 'Virtanen', 'Wagner', 'Walker', 'Wang', 'Weber', 'Williams', 'Wilson',
  'Yamamoto', 'Young', 'Zhang', 'Ziegler', 'Bowen', 'Vance', 'Rivera', 'Osei', 'Haddad', 'Lindqvist',
];

const PARTNERS = [
  { company: 'Fabrikam', title: 'Implementation Consultant' },
  { company: 'Northwind Traders', title: 'Account Manager' },
  { company: 'Adatum', title: 'Security Auditor' },
  { company: 'Fabrikam', title: 'Solutions Architect' },
  { company: 'Tailspin Toys', title: 'Marketing Agency Lead' },
  { company: 'Adatum', title: 'External Auditor' },
];

/** Members by department (the manager first), then guests; a few members are disabled leavers. */
export function generatePeople(rng: Random, companyName: string): PersonSpec[] {
  const used = new Set<string>();
  const name = (): { givenName: string; surname: string } => {
    for (;;) {
      const givenName = rng.pick(GIVEN);
      const surname = rng.pick(SURNAMES);
      if (!used.has(`${givenName} ${surname}`)) {
        used.add(`${givenName} ${surname}`);
        return { givenName, surname };
      }
    }
  };
  const people: PersonSpec[] = [];
  for (const dept of DEPARTMENTS) {
    const home = rng.pick(OFFICES);
    for (let i = 0; i < dept.size; i++) {
      const manager = i === 0;
      people.push({
        key: `${dept.name}#${i}`,
        ...name(),
        department: dept.name,
        jobTitle: manager ? dept.manager : rng.pick(dept.titles),
        // Teams cluster around the manager's office, as in real companies.
        officeLocation: manager || rng.chance(0.5) ? home : rng.pick(OFFICES),
        companyName,
        userType: 'Member',
        accountEnabled: true,
        manager,
      });
    }
  }
  // Leavers: disabled, not managers.
  for (const leaver of rng.sample(people.filter((p) => !p.manager), 4)) leaver.accountEnabled = false;
  PARTNERS.forEach((partner, i) => {
    people.push({
      key: `Guest#${i}`, ...name(), department: 'External', jobTitle: partner.title, officeLocation: 'Remote',
      companyName: partner.company, userType: 'Guest', accountEnabled: true, manager: false,
    });
  });
  return people;
}

/** alias for a person: ascii, lowercase, `given.surname`. */
export function aliasOf(p: Pick<PersonSpec, 'givenName' | 'surname'>): string {
  const ascii = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return `${ascii(p.givenName)}.${ascii(p.surname)}`;
}

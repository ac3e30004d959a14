// Groups people made themselves in My Groups: office and interest communities anyone may join, and
// working groups that need the owner's approval, with their request history.
import type { DemoBuilder, Person } from './builder.js';
import type { Directory } from './directory.js';

interface Community {
  name: string;
  description: string;
  kind: 'security' | 'microsoft365';
  policy: 'open' | 'approval' | 'closed';
  /** Who creates it: a department and job title. */
  creator: [dept: string, title: string];
  /** Where its members come from: a department, an office, or everyone. */
  audience: { dept?: string; office?: string };
  size: number;
}

const COMMUNITIES: readonly Community[] = [
  { name: 'Seattle Office', kind: 'microsoft365', policy: 'open', creator: ['Operations', 'Office Manager'], audience: { office: 'Seattle' }, size: 30, description: 'News, desk booking and events for the Seattle office.' },
  { name: 'London Office', kind: 'microsoft365', policy: 'open', creator: ['Operations', 'Facilities Coordinator'], audience: { office: 'London' }, size: 25, description: 'Everything about the London office.' },
  { name: 'Berlin Office', kind: 'microsoft365', policy: 'open', creator: ['HR', 'People Operations Specialist'], audience: { office: 'Berlin' }, size: 20, description: 'Berlin office announcements (English and German).' },
  { name: 'Singapore Office', kind: 'microsoft365', policy: 'open', creator: ['Sales', 'Account Executive'], audience: { office: 'Singapore' }, size: 15, description: 'Singapore office life.' },
  { name: 'Running Club', kind: 'microsoft365', policy: 'open', creator: ['Engineering', 'Software Engineer'], audience: {}, size: 18, description: 'Lunchtime runs and the yearly charity 10k.' },
  { name: 'Book Club', kind: 'microsoft365', policy: 'open', creator: ['Legal', 'Paralegal'], audience: {}, size: 12, description: 'One book a month, discussed over coffee.' },
  { name: 'Green Team', kind: 'microsoft365', policy: 'open', creator: ['Operations', 'Procurement Specialist'], audience: {}, size: 14, description: 'Making our offices and travel more sustainable.' },
  { name: 'New Hire Buddies', kind: 'microsoft365', policy: 'open', creator: ['HR', 'Recruiter'], audience: {}, size: 16, description: 'Volunteers who show new colleagues around in their first month.' },
  { name: 'Kubernetes Guild', kind: 'security', policy: 'open', creator: ['Engineering', 'Site Reliability Engineer'], audience: { dept: 'Engineering' }, size: 15, description: 'Cluster practices; members get read access to the staging clusters.' },
  { name: 'Data Science Community', kind: 'microsoft365', policy: 'approval', creator: ['Engineering', 'Data Engineer'], audience: {}, size: 9, description: 'Notebooks, models and the shared GPU queue. Tell us what you are working on when you ask to join.' },
  { name: 'Hackathon 2026', kind: 'microsoft365', policy: 'approval', creator: ['Product', 'Product Manager'], audience: {}, size: 12, description: 'Teams, ideas and logistics for this year\'s hackathon.' },
  { name: 'Design Critique', kind: 'security', policy: 'approval', creator: ['Product', 'UX Designer'], audience: { dept: 'Product' }, size: 6, description: 'Weekly design reviews; opens the Figma team workspace.' },
  { name: 'Sales Enablement', kind: 'microsoft365', policy: 'approval', creator: ['Sales', 'Solutions Consultant'], audience: { dept: 'Sales' }, size: 10, description: 'Pitch decks, battle cards and training recordings.' },
  { name: 'Security Champions', kind: 'security', policy: 'approval', creator: ['IT', 'Security Analyst'], audience: { dept: 'Engineering' }, size: 8, description: 'One champion per team; gets the security tooling and the private advisories channel.' },
  { name: 'Incident Responders', kind: 'security', policy: 'approval', creator: ['IT', 'Systems Administrator'], audience: { dept: 'IT' }, size: 7, description: 'Major-incident bridge and the break-glass runbooks.' },
  { name: 'Mentoring Program', kind: 'microsoft365', policy: 'approval', creator: ['HR', 'Learning & Development Lead'], audience: {}, size: 10, description: 'Mentors and mentees of the 2026 cohort.' },
  { name: 'Customer Advisory Board', kind: 'microsoft365', policy: 'approval', creator: ['Customer Success', 'Customer Success Manager'], audience: { dept: 'Customer Success' }, size: 6, description: 'Preparing the quarterly customer advisory board.' },
  { name: 'Quarter-End Close', kind: 'security', policy: 'closed', creator: ['Finance', 'Controller'], audience: { dept: 'Finance' }, size: 8, description: 'Close checklist and the ledger write access it needs. Owners add members.' },
  { name: 'Procurement Approvers', kind: 'security', policy: 'closed', creator: ['Operations', 'Procurement Specialist'], audience: { dept: 'Operations' }, size: 5, description: 'Can approve purchase orders above the team limit.' },
];

const WHY = [
  (g: string) => `I'd like to contribute to ${g}; my manager agreed.`,
  (g: string) => `Joining ${g} for the Q3 project I'm on.`,
  (g: string) => `I was asked to help out with ${g} while a colleague is on leave.`,
  (g: string) => `New to the team — a colleague suggested I join ${g}.`,
  (g: string) => `I need the ${g} material for a customer meeting next week.`,
];

export async function seedCommunities(b: DemoBuilder, d: Directory): Promise<void> {
  for (const c of COMMUNITIES) {
    const creator = d.withTitle(c.creator[0], c.creator[1]);
    const group = await b.createGroup({
      displayName: c.name, description: c.description, kind: c.kind, via: 'myGroups', creator, joinPolicy: c.policy,
    });
    const pool = audienceOf(d, c).filter((p) => p !== creator);
    const people = b.rng.sample(pool, c.size);
    if (c.policy === 'open') {
      await b.join(group, [creator, ...people]);
    } else if (c.policy === 'closed') {
      await b.addMembers(group, [creator, ...people], creator);
    } else {
      // The creator, a few colleagues added directly, the rest asked: most approved, some denied, some pending.
      const direct = people.slice(0, Math.ceil(people.length / 3));
      await b.addMembers(group, [creator, ...direct], creator);
      await b.request(group, people.slice(direct.length), creator, (_p, i) => (i % 5 === 3 ? 'deny' : i % 5 === 4 ? 'pending' : i % 3 === 2 ? 'pending' : 'approve'),
        () => b.rng.pick(WHY)(c.name));
    }
  }
}

function audienceOf(d: Directory, c: Community): Person[] {
  if (c.audience.dept) return d.dept(c.audience.dept);
  if (c.audience.office) return d.staff.filter((p) => p.officeLocation === c.audience.office);
  return d.staff;
}

// Application-access groups the admin runs through the API and the admin center: closed security groups
// (Private, owners add members), an approval group, and groups for partners' guest accounts.
import type { DemoBuilder } from './builder.js';
import type { Directory } from './directory.js';

export async function seedAccessGroups(b: DemoBuilder, d: Directory): Promise<void> {
  const it = d.manager('IT');
  await b.createGroup({
    displayName: 'VPN Users', kind: 'security', via: 'api', owners: [it],
    description: 'Remote access VPN. Managed by IT; ask your manager to have you added.',
    members: d.staff.filter((p) => p.department !== 'Operations' || p.manager),
  });
  await b.createGroup({
    displayName: 'GitHub Enterprise Users', kind: 'security', via: 'api', owners: [d.manager('Engineering')],
    description: 'Seats in the GitHub Enterprise organisation.',
    members: [...d.dept('Engineering'), ...d.dept('Product')],
  });
  await b.createGroup({
    displayName: 'Payroll System Access', kind: 'security', via: 'adminCenter', owners: [d.manager('Finance'), d.manager('HR')],
    description: 'Access to the payroll system. Owners add members after a four-eyes check.',
    members: [d.withTitle('Finance', 'Payroll Specialist'), d.withTitle('HR', 'HR Business Partner')],
  });
  await b.createGroup({
    displayName: 'Legal Hold Reviewers', kind: 'security', via: 'adminCenter', owners: [d.manager('Legal')],
    description: 'Can review mailboxes and sites placed on legal hold.',
    members: d.dept('Legal').slice(0, 4),
  });

  const finance = d.manager('Finance');
  const reporting = await b.createGroup({
    displayName: 'Finance Reporting', kind: 'security', via: 'api', owners: [finance], joinPolicy: 'approval',
    description: 'Power BI finance dashboards. Request access with the reason you need the numbers.',
    members: d.dept('Finance'),
  });
  const analysts = b.rng.sample([...d.dept('Sales'), ...d.dept('Operations')].filter((p) => !p.manager), 5);
  await b.request(reporting, analysts, finance, (_p, i) => (['approve', 'deny', 'pending', 'approve', 'pending'] as const)[i] ?? 'pending',
    (p) => `I prepare the monthly ${p.department.toLowerCase()} forecast and need the revenue dashboards.`);

  const announcements = await b.createGroup({
    displayName: 'Company Announcements', kind: 'microsoft365', via: 'api', owners: [d.manager('HR')],
    description: 'Company-wide news from the leadership team. Everyone is welcome.',
  });
  await b.join(announcements, b.rng.sample(d.staff, 60));

  const sales = d.manager('Sales');
  await b.createGroup({
    displayName: 'Partner Portal Access', kind: 'security', via: 'adminCenter', owners: [sales],
    description: 'Partners\' guest accounts that may use the partner portal.',
    members: d.guests.filter((g) => g.companyName !== 'Adatum'),
  });
  await b.createGroup({
    displayName: 'External Auditors', kind: 'security', via: 'adminCenter', owners: [finance, it],
    description: 'Read-only access for the external audit firm during the audit window.',
    members: d.guests.filter((g) => g.companyName === 'Adatum'),
  });
}

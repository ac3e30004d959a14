// Who may read the audit log (docs/adr/0016): Global Administrators and audit readers; apps with
// AuditLog.Read.All or Directory.Read.All; nobody else.
import { expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import { admin, app, ctx, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideReadAuditLog } from './audit.js';

const rows: ReadonlyArray<readonly [string, () => Decision, Decision]> = [
  ['globalAdmin → allow', () => decideReadAuditLog(ctx(admin('globalAdmin'))), ALLOW],
  ['auditReader (Reports/Security/Global Reader) → allow', () => decideReadAuditLog(ctx(admin('auditReader'))), ALLOW],
  ['groupsAdmin → deny notAdmin', () => decideReadAuditLog(ctx(admin('groupsAdmin'))), deny('notAdmin')],
  ['userAdmin → deny notAdmin', () => decideReadAuditLog(ctx(admin('userAdmin'))), deny('notAdmin')],
  ['appAdmin → deny notAdmin', () => decideReadAuditLog(ctx(admin('appAdmin'))), deny('notAdmin')],
  ['plain user → deny notAdmin', () => decideReadAuditLog(ctx(user())), deny('notAdmin')],
  ['disabled globalAdmin → deny accountDisabled', () => decideReadAuditLog(ctx(admin('globalAdmin', { accountEnabled: false }))), deny('accountDisabled')],
  ['app with AuditLog.Read.All → allow', () => decideReadAuditLog(ctx(app('AuditLog.Read.All'))), ALLOW],
  ['app with Directory.Read.All → allow', () => decideReadAuditLog(ctx(app('Directory.Read.All'))), ALLOW],
  ['app with Group.ReadWrite.All and User.ReadWrite.All only → deny missingPermission', () => decideReadAuditLog(ctx(app('Group.ReadWrite.All', 'User.ReadWrite.All'))), deny('missingPermission')],
  ['app with no permission → deny missingPermission', () => decideReadAuditLog(ctx(app())), deny('missingPermission')],
  ['the system → allow', () => decideReadAuditLog(ctx(SYSTEM)), ALLOW],
];

it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

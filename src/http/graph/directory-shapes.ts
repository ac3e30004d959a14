// Graph's shapes for directory roles and licences: Entra's role template ids and display names for
// Roster's roles, and the Entra ID P1/P2 SKU ids for Roster's premium licences (docs/adr/0022).
// Wire format only: the core knows roles and SKUs by Roster's names.
import type { DirectoryRole, LicenceSku, User } from '../../core/domain/model.js';

interface RoleTemplate { readonly templateId: string; readonly displayName: string; readonly description: string }

export const ROLE_TEMPLATES: Record<DirectoryRole, RoleTemplate> = {
  globalAdmin: { templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', description: 'Can manage all aspects of Roster: settings, users, roles, groups, applications and the audit log.' },
  privilegedRoleAdmin: { templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', displayName: 'Privileged Role Administrator', description: 'Can assign and remove the directory roles they hold themselves.' },
  groupsAdmin: { templateId: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', displayName: 'Groups Administrator', description: 'Can manage all groups and the group settings.' },
  userAdmin: { templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator', description: 'Can manage users (not administrators of privileged roles), their licences, and groups.' },
  appAdmin: { templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', displayName: 'Application Administrator', description: 'Can manage applications and their assignments.' },
  auditReader: { templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf', displayName: 'Reports Reader', description: 'Can read the audit log.' },
};

/** A role named by its template id (as Graph clients do) or by Roster's name; anything else is passed on for the core to refuse. */
export function roleOfId(id: string): string {
  const lower = id.toLowerCase();
  const byTemplate = (Object.entries(ROLE_TEMPLATES) as Array<[DirectoryRole, RoleTemplate]>).find(([, t]) => t.templateId === lower);
  return byTemplate ? byTemplate[0] : id;
}

export function directoryRoleJson(role: DirectoryRole): Record<string, unknown> {
  const t = ROLE_TEMPLATES[role];
  return { id: t.templateId, deletedDateTime: null, description: t.description, displayName: t.displayName, roleTemplateId: t.templateId, '@roster.role': role };
}

export const SKUS: Record<LicenceSku, { readonly skuId: string; readonly skuPartNumber: string }> = {
  premiumP1: { skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', skuPartNumber: 'AAD_PREMIUM' },
  premiumP2: { skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b', skuPartNumber: 'AAD_PREMIUM_P2' },
};

/** A licence named by its Graph skuId or by Roster's name; anything else is passed on for the core to refuse. */
export function skuOfId(id: string): string {
  const lower = id.toLowerCase();
  const bySkuId = (Object.entries(SKUS) as Array<[LicenceSku, { skuId: string }]>).find(([, s]) => s.skuId === lower);
  return bySkuId ? bySkuId[0] : id;
}

export function assignedLicensesJson(u: Pick<User, 'assignedLicenses'>): Array<{ disabledPlans: string[]; skuId: string }> {
  return u.assignedLicenses.map((sku) => ({ disabledPlans: [], skuId: SKUS[sku].skuId }));
}

export function subscribedSkuJson(s: { sku: LicenceSku; seats: number; assigned: number }): Record<string, unknown> {
  const { skuId, skuPartNumber } = SKUS[s.sku];
  return {
    id: skuId, skuId, skuPartNumber, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: s.assigned,
    prepaidUnits: { enabled: s.seats, suspended: 0, warning: 0, lockedOut: 0 }, servicePlans: [], '@roster.sku': s.sku,
  };
}

// How audit events are grouped when they are read (Graph's directoryAudit `category`): by what they
// act on. The mapping is the core's, so a `category eq '…'` filter and the shown category agree.

export const AUDIT_CATEGORIES = {
  GroupManagement: ['group', 'membership', 'ownership', 'joinRequest'],
  UserManagement: ['user', 'licence'],
  RoleManagement: ['role'],
  ApplicationManagement: ['apiClient', 'token', 'application', 'appAssignment', 'appBlock', 'appOwner', 'provisioning'],
  Policy: ['settings'],
  DirectoryManagement: ['tenant'],
} as const;

export type AuditCategory = keyof typeof AUDIT_CATEGORIES;
type CategorisedTarget = (typeof AUDIT_CATEGORIES)[AuditCategory][number];

export function isAuditCategory(name: string): name is AuditCategory {
  return Object.prototype.hasOwnProperty.call(AUDIT_CATEGORIES, name);
}

/** The category of a target type ('Other' for one no category names). */
export function auditCategoryOf(targetType: string): AuditCategory | 'Other' {
  for (const [category, types] of Object.entries(AUDIT_CATEGORIES)) {
    if ((types as readonly string[]).includes(targetType)) return category as AuditCategory;
  }
  return 'Other';
}

/** The target types of a category. */
export function auditTargetTypesOf(category: AuditCategory): readonly CategorisedTarget[] {
  return AUDIT_CATEGORIES[category];
}

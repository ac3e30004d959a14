// User → SCIM 2.0 User resource (RFC 7643 §4.1) under an app's attribute mapping (docs/adr/0020),
// and a stable hash of what would be sent, so an unchanged user is not pushed again.
import type { AttributeMapping } from '../apps.js';
import type { User } from '../model.js';
import { sha256Hex } from '../sha256.js';

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Entra's default attribute mapping for a SCIM app, in Roster's field names. */
export const DEFAULT_USER_MAPPING: AttributeMapping = {
  userName: 'userPrincipalName',
  externalId: 'id',
  'name.givenName': 'givenName',
  'name.familyName': 'surname',
  displayName: 'displayName',
  'emails[type eq "work"].value': 'mail',
  active: 'accountEnabled',
};

/** The SCIM targets a mapping may write (dotted sub-attributes, and the one work e-mail). */
export const MAPPABLE_SCIM_ATTRIBUTES = [
  'userName', 'externalId', 'displayName', 'nickName', 'title', 'userType', 'preferredLanguage', 'locale',
  'name.givenName', 'name.familyName', 'name.formatted', 'emails[type eq "work"].value', 'active',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
] as const;

/** The Roster user fields a mapping may read. */
export const MAPPABLE_USER_FIELDS = [
  'id', 'userPrincipalName', 'displayName', 'mail', 'givenName', 'surname', 'department', 'jobTitle',
  'companyName', 'officeLocation', 'accountEnabled', 'userType', 'externalId',
] as const satisfies ReadonlyArray<keyof User>;

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** SCIM attributes that match accounts (ADR 0020): a fixed value would give every user the same one. */
const MATCH_KEYS = ['userName', 'externalId'];

/**
 * Why a mapping is refused, or null when it is usable: userName must be mapped (it is the match key);
 * only known SCIM attributes and user fields; the match keys come from a user field, never a fixed
 * value; a fixed value is not empty; `active` and `accountEnabled` (the one boolean) go together.
 */
export function mappingProblem(mapping: AttributeMapping): string | null {
  if (!Object.hasOwn(mapping, 'userName')) return 'The mapping must set userName.';
  for (const [target, source] of Object.entries(mapping)) {
    if (!(MAPPABLE_SCIM_ATTRIBUTES as readonly string[]).includes(target)) return `Unknown SCIM attribute "${target}".`;
    if (isLiteral(source)) {
      if (MATCH_KEYS.includes(target)) return `${target} must come from a user field: a fixed value would give every user the same ${target}.`;
      if (target === 'active') return 'active can only come from accountEnabled.';
      if (source.length === 2) return `The fixed value for ${target} is empty.`;
      continue;
    }
    if (!(MAPPABLE_USER_FIELDS as readonly string[]).includes(source)) {
      return `Unknown user field "${source}" for ${target}: use a user field, or a fixed value in double quotes.`;
    }
    if (target === 'active' && source !== 'accountEnabled') return 'active can only come from accountEnabled.';
    if (source === 'accountEnabled' && target !== 'active') return `accountEnabled is true or false: it can only be sent as active, not as ${target}.`;
  }
  return null;
}

/** A fixed value: the text between double quotes (`"Employee"`). */
export function isLiteral(source: string): boolean {
  return source.length >= 2 && source.startsWith('"') && source.endsWith('"');
}

function sourceValue(user: User, source: string): string | boolean | null {
  if (isLiteral(source)) return source.slice(1, -1);
  const value = (user as unknown as Record<string, unknown>)[source];
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

export type ScimUserResource = Record<string, unknown> & { schemas: string[]; userName: string; active: boolean };

/** The SCIM resource for a user; empty values are left out. `active` defaults to accountEnabled. */
export function toScimUser(user: User, mapping: AttributeMapping = DEFAULT_USER_MAPPING): ScimUserResource {
  const resource: Record<string, unknown> = { schemas: [SCIM_USER_SCHEMA] };
  let enterprise: Record<string, unknown> | null = null;
  for (const target of Object.keys(mapping).sort()) {
    const value = sourceValue(user, mapping[target] as string);
    if (value === null || value === '') continue;
    if (target.startsWith(`${ENTERPRISE}:`)) {
      enterprise ??= {};
      enterprise[target.slice(ENTERPRISE.length + 1)] = value;
    } else if (target === 'emails[type eq "work"].value') {
      resource.emails = [{ value, type: 'work', primary: true }];
    } else if (target.includes('.')) {
      const [parent, child] = target.split('.') as [string, string];
      const holder = (resource[parent] ??= {}) as Record<string, unknown>;
      holder[child] = value;
    } else {
      resource[target] = value;
    }
  }
  if (enterprise) {
    resource.schemas = [SCIM_USER_SCHEMA, ENTERPRISE];
    resource[ENTERPRISE] = enterprise;
  }
  if (typeof resource.active !== 'boolean') resource.active = user.accountEnabled;
  resource.userName = String(resource.userName ?? user.userPrincipalName);
  return resource as ScimUserResource;
}

/** JSON with object keys sorted at every level: the same resource always serialises the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What was (or would be) sent, as a short stable hash. */
export function attributesHash(resource: Record<string, unknown>): string {
  return sha256Hex(canonicalJson(resource));
}

/** The SCIM Group resource Roster sends (members travel separately, by PATCH). */
export function toScimGroup(group: { id: string; displayName: string }): Record<string, unknown> {
  return { schemas: [SCIM_GROUP_SCHEMA], displayName: group.displayName, externalId: group.id };
}

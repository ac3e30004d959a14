// What an attribute mapping can say (ADR 0020): the SCIM attributes Roster writes and the user fields it
// reads, with words for the editor. A copy of the server's lists (web/ talks HTTP only); a test compares
// them (e2e/provisioning/mapping-vocabulary.test.ts). The server validates every mapping and says why
// one is refused; the defaults come from its answer (`defaultUserMapping`).

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** SCIM attribute → what it is, in the order the editor offers them. */
export const SCIM_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['userName', 'userName — matches the account'],
  ['externalId', 'externalId — matches the account'],
  ['displayName', 'displayName'],
  ['name.givenName', 'name.givenName'],
  ['name.familyName', 'name.familyName'],
  ['name.formatted', 'name.formatted'],
  ['emails[type eq "work"].value', 'emails — work address'],
  ['active', 'active — account on or off'],
  ['nickName', 'nickName'],
  ['title', 'title'],
  ['userType', 'userType'],
  ['preferredLanguage', 'preferredLanguage'],
  ['locale', 'locale'],
  [`${ENTERPRISE}:department`, 'enterprise: department'],
  [`${ENTERPRISE}:organization`, 'enterprise: organization'],
  [`${ENTERPRISE}:employeeNumber`, 'enterprise: employeeNumber'],
];

/** Roster user field → what it holds. */
export const USER_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['userPrincipalName', 'userPrincipalName — sign-in name'],
  ['id', 'id — Roster object id'],
  ['displayName', 'displayName'],
  ['givenName', 'givenName'],
  ['surname', 'surname'],
  ['mail', 'mail'],
  ['accountEnabled', 'accountEnabled — on or off'],
  ['department', 'department'],
  ['jobTitle', 'jobTitle'],
  ['companyName', 'companyName'],
  ['officeLocation', 'officeLocation'],
  ['userType', 'userType — Member or Guest'],
  ['externalId', 'externalId — from the HR system'],
];

const ATTRIBUTE_LABELS = new Map(SCIM_ATTRIBUTES);

export const attributeLabel = (attribute: string): string => ATTRIBUTE_LABELS.get(attribute) ?? attribute;

/** One row of the editor: a fixed value is kept without its quotes while edited. */
export interface MappingRow {
  key: number;
  attribute: string;
  /** A user field, or FIXED. */
  source: string;
  fixed: string;
}

export const FIXED = '"fixed"';

const isFixed = (source: string) => source.length >= 2 && source.startsWith('"') && source.endsWith('"');

let nextKey = 0;

export function rowsOf(mapping: Record<string, string>): MappingRow[] {
  return Object.entries(mapping).map(([attribute, source]) => ({
    key: nextKey++, attribute, source: isFixed(source) ? FIXED : source, fixed: isFixed(source) ? source.slice(1, -1) : '',
  }));
}

export function mappingOf(rows: readonly MappingRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.attribute, r.source === FIXED ? `"${r.fixed}"` : r.source]));
}

/** A new row: the first attribute not mapped yet, from a user field of the same name where there is one. */
export function newRow(rows: readonly MappingRow[]): MappingRow | null {
  const used = new Set(rows.map((r) => r.attribute));
  const attribute = SCIM_ATTRIBUTES.map(([a]) => a).find((a) => !used.has(a));
  if (!attribute) return null;
  const sameName = USER_FIELDS.find(([f]) => f === attribute)?.[0];
  return { key: nextKey++, attribute, source: sameName ?? 'displayName', fixed: '' };
}

/** "userPrincipalName" or "the fixed value "Employee"", for the read-only table. */
export function describeSource(source: string): string {
  return isFixed(source) ? `the fixed value ${source}` : source;
}

// The query language of list reads (Graph's $filter, $orderby, $search, $top, $count) as plain data:
// an AST the HTTP parser produces, the core validates against a fixed field catalogue, and storage
// translates into parameterised SQL. Memberships are deliberately absent (SECURITY #6).

export type ListResource = 'groups' | 'users';

/** A typed literal. Dates are canonical ISO-8601 UTC with milliseconds (they compare as text). */
export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'null' }
  | { readonly type: 'date'; readonly value: string };

export const COMPARISONS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export type FilterOperator = Comparison | 'in' | 'startsWith' | 'endsWith' | 'any';

export type FilterExpr =
  | { readonly op: Comparison; readonly field: string; readonly value: Literal }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly Literal[] }
  | { readonly op: 'startsWith' | 'endsWith'; readonly field: string; readonly value: string }
  /** `field/any(c: c eq 'x')` (property: undefined) or `field/any(c: c/property eq 'x')`. */
  | { readonly op: 'any'; readonly field: string; readonly property?: string | undefined; readonly value: Literal }
  | { readonly op: 'and' | 'or'; readonly args: readonly FilterExpr[] }
  | { readonly op: 'not'; readonly arg: FilterExpr };

export interface OrderBy {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** One `"field:words"` clause of $search: every word must start a token of the field (AND). */
export interface SearchClause {
  readonly field: string;
  readonly terms: readonly string[];
}

export type SearchExpr =
  | { readonly op: 'clause'; readonly clause: SearchClause }
  | { readonly op: 'and' | 'or'; readonly args: readonly SearchExpr[] };

export interface ListQuery {
  readonly filter?: FilterExpr | undefined;
  readonly orderBy?: OrderBy | undefined;
  readonly search?: SearchExpr | undefined;
  /** Page size, 1–999. */
  readonly top: number;
  readonly count?: boolean | undefined;
}

/** Keyset position in an ordered list: the last row's order key and id. */
export interface ListCursor {
  readonly key: string | number | boolean | null;
  readonly id: string;
}

export const MAX_TOP = 999;
export const DEFAULT_TOP = 100;
/** Graph's limit on the number of values in one `in` (and on `or` clauses of one field). */
export const MAX_IN_VALUES = 15;

export type FieldType = 'string' | 'boolean' | 'dateTime' | 'stringCollection';

/** When a capability is available: in every query, or only as an advanced query (ConsistencyLevel). */
export type Availability = 'default' | 'advanced';

export interface FieldSpec {
  readonly type: FieldType;
  readonly nullable: boolean;
  /** Operators and whether each needs an advanced query. Absent: not filterable. */
  readonly filter: Partial<Record<FilterOperator, Availability>>;
  readonly orderBy?: Availability | undefined;
  readonly search?: boolean | undefined;
  /** For enumerations: the only values a literal may take. */
  readonly values?: readonly string[] | undefined;
}

const STR_ID: FieldSpec = { type: 'string', nullable: false, filter: { eq: 'default', in: 'default', ne: 'advanced' } };
const NAME: FieldSpec = {
  type: 'string', nullable: false, orderBy: 'default', search: true,
  filter: { eq: 'default', in: 'default', startsWith: 'default', ge: 'default', le: 'default', ne: 'advanced', endsWith: 'advanced' },
};
const TEXT: FieldSpec = {
  type: 'string', nullable: true, orderBy: 'advanced',
  filter: { eq: 'default', in: 'default', startsWith: 'default', ge: 'default', le: 'default', ne: 'advanced' },
};
const MAILISH: FieldSpec = { ...TEXT, filter: { ...TEXT.filter, endsWith: 'advanced' } };
const FLAG: FieldSpec = { type: 'boolean', nullable: false, filter: { eq: 'default', ne: 'advanced' } };
const CREATED: FieldSpec = {
  type: 'dateTime', nullable: false, orderBy: 'advanced',
  filter: { eq: 'default', ge: 'default', le: 'default', gt: 'default', lt: 'default', ne: 'advanced' },
};
const enumField = (values: readonly string[]): FieldSpec => ({ type: 'string', nullable: false, values, filter: { eq: 'default', in: 'default', ne: 'advanced' } });

export const GROUP_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: STR_ID,
  displayName: NAME,
  mailNickname: { ...NAME, nullable: false, orderBy: 'advanced', search: false },
  mail: { ...MAILISH, search: false },
  // Graph filters description only in advanced queries; $search covers it.
  description: { type: 'string', nullable: true, search: true, filter: { eq: 'advanced', ne: 'advanced', startsWith: 'advanced', ge: 'advanced', le: 'advanced' } },
  securityEnabled: FLAG,
  mailEnabled: FLAG,
  groupTypes: { type: 'stringCollection', nullable: false, values: ['Unified', 'DynamicMembership'], filter: { any: 'default' } },
  visibility: enumField(['Public', 'Private', 'HiddenMembership']),
  createdDateTime: CREATED,
  classification: TEXT,
  joinPolicy: enumField(['open', 'approval', 'closed']),
};

export const USER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: STR_ID,
  displayName: NAME,
  userPrincipalName: { ...NAME, filter: { ...NAME.filter } },
  mail: { ...MAILISH, search: true },
  givenName: TEXT,
  surname: TEXT,
  department: TEXT,
  jobTitle: TEXT,
  companyName: TEXT,
  officeLocation: TEXT,
  accountEnabled: FLAG,
  userType: enumField(['Member', 'Guest']),
  externalId: { ...TEXT, orderBy: undefined },
  createdDateTime: CREATED,
};

/**
 * Relations that Graph lets one filter on (`members/any(...)`, `memberOf/...`). Roster refuses them:
 * a filter on membership would reveal hidden memberships through the list, its count or its timing.
 */
export const MEMBERSHIP_FIELDS: readonly string[] = [
  'members', 'transitiveMembers', 'memberOf', 'transitiveMemberOf', 'owners', 'ownedObjects', 'joinRequests',
];

export function fieldsOf(resource: ListResource): Readonly<Record<string, FieldSpec>> {
  return resource === 'groups' ? GROUP_FIELDS : USER_FIELDS;
}

/** Properties `$select` may name (the same catalogue, plus the read-only ones lists return). */
export const SELECTABLE: Readonly<Record<ListResource, readonly string[]>> = {
  groups: [
    ...Object.keys(GROUP_FIELDS), 'membershipRule', 'membershipRuleProcessingState', 'isAssignableToRole',
    'expirationDateTime', 'renewedDateTime', 'deletedDateTime', 'onPremisesSyncEnabled', 'createdVia',
  ],
  users: [...Object.keys(USER_FIELDS), 'assignedLicenses'],
};

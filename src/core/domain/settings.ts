// The tenant settings registry (SPEC §3.2, §3.4, §3.5, §3.13): one entry per key with its type,
// default, portal label, help text and merge rule. A key without every part is a compile error.
import { JOIN_POLICIES, type GroupId, type JoinPolicy } from './model.js';

export type Audience = 'All' | 'Selected' | 'None';
const AUDIENCES = ['All', 'Selected', 'None'] as const;

/** The legacy default name of the "Selected" group (Entra: "Group that can use self-service"). */
export const DEFAULT_SELF_SERVICE_GROUP_NAME = 'SSGMSecurityGroupsUsers';

interface ValueType<T> {
  /** JSON-schema fragment, used by the HTTP layer to document and validate. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly parse: (raw: unknown) => { ok: true; value: T } | { ok: false };
}

const bool: ValueType<boolean> = {
  schema: { type: 'boolean' },
  parse: (raw) => (typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false }),
};

function oneOf<const V extends readonly string[]>(values: V): ValueType<V[number]> {
  return {
    schema: { type: 'string', enum: [...values] },
    parse: (raw) =>
      typeof raw === 'string' && (values as readonly string[]).includes(raw)
        ? { ok: true, value: raw as V[number] }
        : { ok: false },
  };
}

function intRange(min: number, max: number): ValueType<number> {
  return {
    schema: { type: 'integer', minimum: min, maximum: max },
    parse: (raw) =>
      typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max ? { ok: true, value: raw } : { ok: false },
  };
}

function nullable<T>(inner: ValueType<T>): ValueType<T | null> {
  return {
    schema: { anyOf: [inner.schema, { type: 'null' }] },
    parse: (raw) => (raw === null ? { ok: true, value: null } : inner.parse(raw)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const groupRef: ValueType<GroupId | null> = nullable<GroupId>({
  schema: { type: 'string', format: 'uuid' },
  parse: (raw) => (typeof raw === 'string' && UUID.test(raw) ? { ok: true as const, value: raw.toLowerCase() } : { ok: false as const }),
});

// Merge rules: how two values of the same key combine (e.g. settings-as-code layers); the stricter wins.
const stricterAudience = (a: Audience, b: Audience): Audience =>
  AUDIENCES[Math.max(AUDIENCES.indexOf(a), AUDIENCES.indexOf(b))] as Audience;
const stricterYes = (a: boolean, b: boolean) => a || b; // "restrict"/"require" flags: Yes is stricter
const stricterNo = (a: boolean, b: boolean) => a && b; // "allow" flags: No is stricter
const stricterPolicy = (a: JoinPolicy, b: JoinPolicy): JoinPolicy =>
  JOIN_POLICIES[Math.max(JOIN_POLICIES.indexOf(a), JOIN_POLICIES.indexOf(b))] as JoinPolicy;
const keepSecond = <T>(_a: T, b: T) => b;
const smaller = (a: number, b: number) => Math.min(a, b);
const smallerOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

interface SettingDefinition<T> {
  readonly type: ValueType<T>;
  readonly default: T;
  readonly label: string;
  readonly description: string;
  readonly section: 'creation' | 'myGroups' | 'owners' | 'requests' | 'ceiling' | 'licences';
  readonly merge: (a: T, b: T) => T;
}

function define<T>(d: SettingDefinition<T>): SettingDefinition<T> {
  return d;
}

export const SETTINGS = {
  securityGroupCreation: define<Audience>({
    type: oneOf(AUDIENCES), default: 'All', section: 'creation', merge: stricterAudience,
    label: 'Users can create security groups',
    description: 'All: every user may create security groups. Selected: only (transitive) members of the chosen group. None: only administrators. When a user may not create a kind, they also cannot change the groups of that kind they own, but can still manage their members and approve requests. (Legacy: "Users who can use self-service for security groups".)',
  }),
  securityGroupCreationGroupId: define<GroupId | null>({
    type: groupRef, default: null, section: 'creation', merge: keepSecond,
    label: 'Group that can use self-service for security groups',
    description: `Used when the setting above is Selected. Empty means the group named "${DEFAULT_SELF_SERVICE_GROUP_NAME}".`,
  }),
  m365GroupCreation: define<Audience>({
    type: oneOf(AUDIENCES), default: 'All', section: 'creation', merge: stricterAudience,
    label: 'Users can create Microsoft 365 groups',
    description: 'All / Selected / None, as for security groups (Graph: Group.Unified EnableGroupCreation and GroupCreationAllowedGroupId).',
  }),
  m365GroupCreationGroupId: define<GroupId | null>({
    type: groupRef, default: null, section: 'creation', merge: keepSecond,
    label: 'Group that can create Microsoft 365 groups',
    description: `Used when the setting above is Selected. Empty means the group named "${DEFAULT_SELF_SERVICE_GROUP_NAME}".`,
  }),
  ownersCanManageJoinRequests: define<boolean>({
    type: bool, default: false, section: 'requests', merge: stricterNo,
    label: 'Owners can manage group membership requests in My Groups',
    description: 'Yes lets users request to join approval groups and lets owners approve or deny. No: approval groups cannot be requested; only owners add members.',
  }),
  restrictMyGroups: define<boolean>({
    type: bool, default: false, section: 'myGroups', merge: stricterYes,
    label: 'Restrict user ability to access groups features in My Groups',
    description: 'Yes hides group features from non-administrators in the My Groups portal only; the API and the admin center are not affected.',
  }),
  ownerAssignment: define<Audience>({
    type: oneOf(AUDIENCES), default: 'All', section: 'owners', merge: stricterAudience,
    label: 'Owners who can assign members as group owners',
    description: 'All / Selected / None: which owners may make a member of their group a co-owner. Administrators always may.',
  }),
  ownerAssignmentGroupId: define<GroupId | null>({
    type: groupRef, default: null, section: 'owners', merge: keepSecond,
    label: 'Group whose owners can assign members as group owners',
    description: `Used when the setting above is Selected. Empty means the group named "${DEFAULT_SELF_SERVICE_GROUP_NAME}".`,
  }),
  maxOwnerJoinPolicy: define<JoinPolicy>({
    type: oneOf(JOIN_POLICIES), default: 'open', section: 'ceiling', merge: stricterPolicy,
    label: 'Most open join policy owners may choose',
    description: 'open: owners may make groups open to join. approval: at most owner-approved. closed: only owners add members. Administrators are not limited; a default above the ceiling is lowered to it.',
  }),
  ownersCanDeleteGroups: define<boolean>({
    type: bool, default: true, section: 'ceiling', merge: stricterNo,
    label: 'Owners can delete their groups',
    description: 'No: only administrators delete groups.',
  }),
  joinRequestExpiryDays: define<number>({
    type: intRange(1, 365), default: 14, section: 'requests', merge: smaller,
    label: 'Pending requests expire after (days)',
    description: 'A request nobody decides in this many days ends as expired.',
  }),
  joinRequestJustificationRequired: define<boolean>({
    type: bool, default: false, section: 'requests', merge: stricterYes,
    label: 'Requesters must give a justification',
    description: 'Yes: a request to join without a justification is refused.',
  }),
  maxMembershipDurationDays: define<number | null>({
    type: nullable(intRange(1, 3650)), default: null, section: 'requests', merge: smallerOrNull,
    label: 'Longest time-bound membership a requester may ask for (days)',
    description: 'Empty: any duration, or permanent. A number: requests must ask for at most this many days.',
  }),
  licenceEnforcement: define<boolean>({
    type: bool, default: false, section: 'licences', merge: stricterYes,
    label: 'Enforce premium licences for requests',
    description: 'Yes: users without a premium licence cannot request to join groups and cannot create groups that need owner approval (as Entra ID P1). They can still create and manage their own groups.',
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K] extends SettingDefinition<infer T> ? T : never;
export type TenantSettings = { readonly [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, key);
}

export function defaultSettings(): TenantSettings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) out[key] = SETTINGS[key].default;
  return out as TenantSettings;
}

/** Validates one raw value for a key. Returns the normalised value or undefined. */
export function parseSettingValue<K extends SettingKey>(key: K, raw: unknown): { ok: true; value: SettingValue<K> } | { ok: false } {
  return (SETTINGS[key].type as ValueType<SettingValue<K>>).parse(raw);
}

/** Stored overrides on top of the defaults; stored values that no longer parse fall back to the default. */
export function resolveSettings(stored: Readonly<Record<string, unknown>>): TenantSettings {
  const out: Record<string, unknown> = { ...defaultSettings() };
  for (const key of SETTING_KEYS) {
    if (!(key in stored)) continue;
    const parsed = parseSettingValue(key, stored[key]);
    if (parsed.ok) out[key] = parsed.value;
  }
  return out as TenantSettings;
}

/** Combines two complete setting sets key by key with each key's merge rule (the stricter wins). */
export function mergeSettings(a: TenantSettings, b: TenantSettings): TenantSettings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const merge = SETTINGS[key].merge as (x: unknown, y: unknown) => unknown;
    out[key] = merge(a[key], b[key]);
  }
  return out as TenantSettings;
}

export function settingSchema(key: SettingKey): Readonly<Record<string, unknown>> {
  return SETTINGS[key].type.schema;
}

export interface SettingDescription {
  readonly value: unknown;
  readonly default: unknown;
  readonly schema: Readonly<Record<string, unknown>>;
  readonly label: string;
  readonly description: string;
  readonly section: string;
}

/** Every key of the registry with its current value, default, type, label and help (API, portal). */
export function describeSettings(values: TenantSettings): Record<SettingKey, SettingDescription> {
  const out: Record<string, SettingDescription> = {};
  for (const key of SETTING_KEYS) {
    const d = SETTINGS[key];
    out[key] = { value: values[key], default: d.default, schema: d.type.schema, label: d.label, description: d.description, section: d.section };
  }
  return out as Record<SettingKey, SettingDescription>;
}

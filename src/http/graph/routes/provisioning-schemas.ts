// The route schemas of `roster.provisioning` (docs/adr/0020): they validate the PATCH body and shape
// every answer — serialized by them, nothing undeclared (never the token or its ciphertext) can leave —
// and the OpenAPI document is generated from them.
import { DEPROVISION_MODES, PROVISIONING_STATES } from '../../../core/domain/apps.js';
import { MAPPABLE_SCIM_ATTRIBUTES, MAPPABLE_USER_FIELDS } from '../../../core/domain/provisioning/mapping.js';

const MAPPING_VALUE = {
  type: 'string', minLength: 1, maxLength: 200,
  description: `A user field (${MAPPABLE_USER_FIELDS.join(', ')}) or a fixed value in double quotes ("Employee")`,
} as const;

export const CONFIG_BODY = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    baseUrl: { type: 'string', minLength: 1, maxLength: 2048 },
    token: { type: 'string', minLength: 1, maxLength: 4096, description: 'Write-only: never returned' },
    userMapping: {
      type: 'object', additionalProperties: false, maxProperties: MAPPABLE_SCIM_ATTRIBUTES.length,
      description: 'The whole mapping (it replaces the one in place): SCIM attribute → user field or fixed value; userName is required',
      properties: Object.fromEntries(MAPPABLE_SCIM_ATTRIBUTES.map((a) => [a, MAPPING_VALUE])),
    },
    deprovision: { type: 'string', enum: [...DEPROVISION_MODES] },
    provisionGroups: { type: 'boolean' },
    reconcileIntervalMinutes: { type: 'integer' },
    state: { type: 'string', enum: ['enabled', 'paused'] },
  },
} as const;

const NULLABLE_STAMP = { type: ['string', 'null'], format: 'date-time' } as const;
const MAPPING = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** GET/PATCH/pause/resume: the configuration and its figures, or `state: notConfigured` with the defaults a setup starts from. */
export const PROVISIONING = {
  type: 'object',
  properties: {
    '@odata.context': { type: 'string' },
    appId: { type: 'string' },
    state: {
      type: 'string', enum: [...PROVISIONING_STATES, 'notConfigured'],
      description: 'notConfigured: no provisioning yet (the other fields show the defaults a setup starts from; no target, no token)',
    },
    baseUrl: { type: ['string', 'null'], description: 'null when not configured' },
    tokenSet: { type: 'boolean', description: 'Whether a token is stored; the token itself is write-only' },
    userMapping: MAPPING,
    defaultUserMapping: { ...MAPPING, description: 'What a new setup sends, and what "reset to defaults" restores' },
    deprovision: { type: 'string', enum: [...DEPROVISION_MODES] },
    provisionGroups: { type: 'boolean' },
    reconcileIntervalMinutes: { type: 'integer' },
    lastReconciledAt: NULLABLE_STAMP,
    consecutiveFailures: { type: 'integer' },
    quarantinedAt: NULLABLE_STAMP,
    lastError: { type: ['string', 'null'] },
    createdDateTime: NULLABLE_STAMP,
    updatedDateTime: NULLABLE_STAMP,
    provisionedUsers: { type: 'integer' },
    activeUsers: { type: 'integer' },
    provisionedGroups: { type: 'integer' },
    pendingJobs: { type: 'integer' },
  },
} as const;

const LOG_ENTRY = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    seq: { type: 'integer' },
    appId: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    operation: { type: 'string', description: 'POST /Users, PATCH /Groups/{id}, …, or reconcile' },
    objectType: { type: ['string', 'null'], enum: ['user', 'group', null] },
    localId: { type: ['string', 'null'], description: "Roster's id of the user or group" },
    localDisplayName: { type: ['string', 'null'], description: 'Its display name now; null when it is gone or you may not see it' },
    localUserPrincipalName: { type: ['string', 'null'], description: 'A user\'s sign-in name now, under the same rule' },
    remoteId: { type: ['string', 'null'], description: "The target's id" },
    status: { type: ['integer', 'null'] },
    outcome: { type: 'string', enum: ['success', 'failure', 'skipped', 'dryRun'] },
    error: { type: ['string', 'null'] },
    durationMs: { type: ['integer', 'null'] },
    attempt: { type: ['integer', 'null'] },
  },
} as const;

/** GET …/log: newest first, each entry with its object's name as far as the caller may see it. */
export const LOG_PAGE = {
  type: 'object',
  properties: {
    '@odata.context': { type: 'string' },
    value: { type: 'array', items: LOG_ENTRY },
    '@odata.nextLink': { type: 'string' },
  },
} as const;

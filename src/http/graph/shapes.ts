// Graph's JSON shapes for Roster's objects: property names, default property sets, `@odata.type` on
// directory objects, `@odata.context`, and Roster's extras as OData instance annotations
// (`@roster.abilities`, `@roster.joinPolicy`, `@roster.myMembership`; docs/adr/0008-abilities-annotation.md,
// docs/adr/0021-owner-restore-and-my-membership.md).
import type { FastifyRequest } from 'fastify';
import type { Group, User } from '../../core/domain/model.js';
import type { GroupView } from '../../core/index.js';
import { assignedLicensesJson } from './directory-shapes.js';

export const GRAPH_VERSION = 'v1.0';

export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/${GRAPH_VERSION}`;
}

export function context(request: FastifyRequest, fragment: string): string {
  return `${baseUrl(request)}/$metadata#${fragment}`;
}

export function groupJson(g: Group): Record<string, unknown> {
  return {
    id: g.id,
    deletedDateTime: g.deletedDateTime,
    classification: g.classification,
    createdDateTime: g.createdDateTime,
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: g.expirationDateTime,
    groupTypes: g.groupTypes,
    isAssignableToRole: g.isAssignableToRole,
    mail: g.mail,
    mailEnabled: g.mailEnabled,
    mailNickname: g.mailNickname,
    membershipRule: g.membershipRule,
    membershipRuleProcessingState: g.membershipRuleProcessingState,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled ? true : null,
    proxyAddresses: g.mail ? [`SMTP:${g.mail}`] : [],
    renewedDateTime: g.renewedDateTime,
    securityEnabled: g.securityEnabled,
    visibility: g.visibility,
  };
}

/** A group as a user sees it: Graph's properties plus what this caller may do (the core's abilities). */
export function groupViewJson(view: GroupView, forUser: boolean): Record<string, unknown> {
  const json = groupJson(view.group);
  if (!forUser) return json;
  return { ...json, '@roster.joinPolicy': view.group.joinPolicy, '@roster.abilities': view.abilities, '@roster.myMembership': view.myMembership };
}

/** Roles (`@roster.roles`) only when the caller may see who holds which role (admins). */
export function userJson(u: User, withRoles = false): Record<string, unknown> {
  return {
    accountEnabled: u.accountEnabled,
    assignedLicenses: assignedLicensesJson(u),
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: u.officeLocation,
    preferredLanguage: null,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
    ...(withRoles ? { '@roster.roles': u.roles } : {}),
  };
}

/** Directory objects in mixed collections (members, memberOf) carry their type. */
export function asDirectoryObject(kind: 'user' | 'group', json: Record<string, unknown>): Record<string, unknown> {
  return { '@odata.type': `#microsoft.graph.${kind}`, ...json };
}

/** Keeps only the `$select`ed properties (and the annotations); id is always kept, as Graph does. */
export function project(json: Record<string, unknown>, select: readonly string[] | undefined): Record<string, unknown> {
  if (!select) return json;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) if (k === 'id' || k.startsWith('@') || select.includes(k)) out[k] = v;
  return out;
}

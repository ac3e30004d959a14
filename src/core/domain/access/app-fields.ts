// What an app may be created or updated with (ADR 0019): names and texts as for groups, links that
// are http(s) URLs (they are shown as links in My Apps, so no javascript: or data:), and app roles
// with unique ids and values, allowed for users only. Pure: ids for new roles come from the caller.
import type { AppRole } from '../apps.js';
import { DomainError } from '../errors.js';
import { MAX_DESCRIPTION, validDisplayName, validOptionalText } from '../validation.js';

export const MAX_URL = 2048;
export const MAX_APP_ROLES = 100;

export interface AppRoleInput {
  id?: string | undefined;
  displayName: string;
  value?: string | null | undefined;
  description?: string | null | undefined;
  isEnabled?: boolean | undefined;
}

export function validUrl(value: string | null | undefined, field: string): string | null {
  const text = validOptionalText(value, field, MAX_URL);
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError('invalidInput', `${field} must be an absolute http or https URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('invalidInput', `${field} must be an absolute http or https URL.`);
  return text;
}

const ROLE_VALUE = /^[\x21-\x7e]{1,120}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Validates roles; `newId` supplies ids for roles given without one. */
export function validAppRoles(roles: readonly AppRoleInput[], newId: () => string): AppRole[] {
  if (roles.length > MAX_APP_ROLES) throw new DomainError('invalidInput', `An application can have at most ${MAX_APP_ROLES} app roles.`);
  const out = roles.map((r): AppRole => {
    const id = (r.id ?? newId()).toLowerCase();
    if (!GUID.test(id) || id === '00000000-0000-0000-0000-000000000000') throw new DomainError('invalidInput', 'An app role id must be a GUID other than the Default Access id.');
    const value = r.value ?? null;
    if (value !== null && !ROLE_VALUE.test(value)) throw new DomainError('invalidInput', 'An app role value must be 1–120 printable ASCII characters without spaces.');
    return {
      id, displayName: validDisplayName(r.displayName), value, description: validOptionalText(r.description, 'description', MAX_DESCRIPTION),
      isEnabled: r.isEnabled ?? true, allowedMemberTypes: ['User'],
    };
  });
  const ids = new Set(out.map((r) => r.id));
  const values = out.map((r) => r.value).filter((v): v is string => v !== null);
  if (ids.size !== out.length) throw new DomainError('invalidInput', 'App role ids must be unique.');
  if (new Set(values).size !== values.length) throw new DomainError('invalidInput', 'App role values must be unique.');
  return out;
}

import { DomainError } from '../../domain/errors.js';
import type { User } from '../../domain/model.js';

export interface UserProfileInput {
  displayName?: string | undefined;
  mail?: string | null | undefined;
  givenName?: string | null | undefined;
  surname?: string | null | undefined;
  department?: string | null | undefined;
  jobTitle?: string | null | undefined;
  companyName?: string | null | undefined;
  officeLocation?: string | null | undefined;
  externalId?: string | null | undefined;
}

type Profile = Pick<User, 'displayName' | 'mail' | 'givenName' | 'surname' | 'department' | 'jobTitle' | 'companyName' | 'officeLocation' | 'externalId'>;
const FIELDS = ['mail', 'givenName', 'surname', 'department', 'jobTitle', 'companyName', 'officeLocation', 'externalId'] as const;

/** The profile after applying the given fields (undefined = unchanged, null or '' = cleared). */
export function userProfile(current: Profile, input: UserProfileInput): Profile {
  const out: Profile = { ...current };
  if (input.displayName !== undefined) {
    const name = input.displayName.trim();
    if (!name || name.length > 256) throw new DomainError('invalidInput', 'displayName must be 1–256 characters.');
    out.displayName = name;
  }
  for (const field of FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null && value.length > 256) throw new DomainError('invalidInput', `${field} must be at most 256 characters.`);
    out[field] = value === null || value.trim() === '' ? null : value.trim();
  }
  return out;
}

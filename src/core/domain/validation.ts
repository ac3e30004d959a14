// Input rules of the model (SPEC §2, FIDELITY §4.6): lengths, mailNickname characters, UPN shape.
import { DomainError } from './errors.js';

export const MAX_DISPLAY_NAME = 256;
export const MAX_MAIL_NICKNAME = 64;
export const MAX_DESCRIPTION = 1024;
export const MAX_JUSTIFICATION = 1000;

// Graph: ASCII 0–127 only, and none of @ ( ) \ [ ] " ; : < > , or space.
const NICKNAME = /^[\x21-\x7e]+$/;
const NICKNAME_FORBIDDEN = /[@()\\[\]";:<>, ]/;

export function validDisplayName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError('invalidInput', 'displayName is required.');
  if (trimmed.length > MAX_DISPLAY_NAME) throw new DomainError('invalidInput', `displayName must be at most ${MAX_DISPLAY_NAME} characters.`);
  return trimmed;
}

export function validMailNickname(nick: string): string {
  if (!nick || nick.length > MAX_MAIL_NICKNAME || !NICKNAME.test(nick) || NICKNAME_FORBIDDEN.test(nick)) {
    throw new DomainError('invalidInput', `mailNickname must be 1–${MAX_MAIL_NICKNAME} ASCII characters without spaces or @ ( ) \\ [ ] " ; : < > ,`);
  }
  return nick;
}

/** A nickname made from a display name when none is given (My Groups asks only for a name). */
export function mailNicknameFrom(displayName: string): string {
  const ascii = displayName.normalize('NFKD').replace(/[^\x21-\x7e]/g, '').replace(/[@()\\[\]";:<>,]/g, '');
  return (ascii || 'group').slice(0, MAX_MAIL_NICKNAME - 5);
}

export function validOptionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (value.length > max) throw new DomainError('invalidInput', `${field} must be at most ${max} characters.`);
  return value.trim() === '' ? null : value;
}

const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validUserPrincipalName(upn: string): string {
  const trimmed = upn.trim();
  if (!UPN.test(trimmed) || trimmed.length > 113) throw new DomainError('invalidInput', 'userPrincipalName must look like alias@domain.');
  return trimmed;
}

export const MIN_PASSWORD_LENGTH = 12;

export function validPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw new DomainError('invalidInput', `The password must be ${MIN_PASSWORD_LENGTH}–256 characters.`);
  }
  return password;
}

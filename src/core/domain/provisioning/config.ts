// Validation of a provisioning configuration (docs/adr/0020): the target URL (https, or http to a
// loopback address only), the mapping, the deprovision mode, the reconcile interval. Pure.
import { DEPROVISION_MODES, type AttributeMapping, type DeprovisionMode } from '../apps.js';
import { DomainError } from '../errors.js';
import { mappingProblem } from './mapping.js';

export const MIN_RECONCILE_MINUTES = 5;
export const MAX_RECONCILE_MINUTES = 10_080;
export const DEFAULT_RECONCILE_MINUTES = 40;
/** As Entra: a user who loses the app is disabled in the target, then deleted. */
export const DEFAULT_DEPROVISION: DeprovisionMode = 'disableThenDelete';
export const MAX_TOKEN_LENGTH = 4096;

/** Why a base URL is refused, or null: https anywhere, http only to loopback, no credentials, query or fragment. */
export function baseUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The base URL is not a URL.';
  }
  if (url.username || url.password) return 'The base URL must not carry credentials.';
  if (url.search || url.hash) return 'The base URL must not have a query or fragment.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'The base URL must use https (http is allowed to a loopback address only).';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function validBaseUrl(raw: string): string {
  const problem = raw.length > 2048 ? 'The base URL is too long.' : baseUrlProblem(raw);
  if (problem) throw new DomainError('invalidInput', problem);
  return raw.replace(/\/+$/, '');
}

export function validToken(raw: string): string {
  if (raw.length < 1 || raw.length > MAX_TOKEN_LENGTH || /[\s]/.test(raw)) {
    throw new DomainError('invalidInput', `The token must be 1–${MAX_TOKEN_LENGTH} characters without spaces.`);
  }
  return raw;
}

export function validMapping(mapping: AttributeMapping): AttributeMapping {
  const problem = mappingProblem(mapping);
  if (problem) throw new DomainError('invalidInput', problem);
  return mapping;
}

export function validDeprovision(mode: string): DeprovisionMode {
  if (!(DEPROVISION_MODES as readonly string[]).includes(mode)) throw new DomainError('invalidInput', `deprovision must be one of ${DEPROVISION_MODES.join(', ')}.`);
  return mode as DeprovisionMode;
}

export function validInterval(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < MIN_RECONCILE_MINUTES || minutes > MAX_RECONCILE_MINUTES) {
    throw new DomainError('invalidInput', `reconcileIntervalMinutes must be ${MIN_RECONCILE_MINUTES}–${MAX_RECONCILE_MINUTES}.`);
  }
  return minutes;
}

import { DomainError, type ReasonCode } from './errors.js';

/** What every policy function returns (SPEC §3): allow, needs-approval or deny, with a reason. */
export type Decision =
  | { readonly outcome: 'allow' }
  | { readonly outcome: 'needsApproval'; readonly reason: ReasonCode }
  | { readonly outcome: 'deny'; readonly reason: ReasonCode };

export const ALLOW: Decision = Object.freeze({ outcome: 'allow' });
export const deny = (reason: ReasonCode): Decision => ({ outcome: 'deny', reason });
export const needsApproval = (reason: ReasonCode): Decision => ({ outcome: 'needsApproval', reason });

export const isAllowed = (d: Decision): boolean => d.outcome === 'allow';

/** Runs checks in order; the first that does not allow decides. */
export function firstDenial(...checks: Array<() => Decision>): Decision {
  for (const check of checks) {
    const d = check();
    if (d.outcome !== 'allow') return d;
  }
  return ALLOW;
}

/** Throws the decision's reason unless it allows. Use cases call this; routes never decide. */
export function enforce(d: Decision): void {
  if (d.outcome !== 'allow') throw new DomainError(d.reason);
}

// An access path as one line, as SPEC §3.10 writes it: "Ann ∈ Sales-EMEA ⊂ Sales → CRM" — the user,
// the group they are a direct member of, the groups it is nested in, then the application(s).
import type { AccessPath, AccessStep } from '../core/domain/apps.js';

export function pathLine(path: AccessPath, nameOf: (step: AccessStep) => string | null): string {
  const name = (s: AccessStep) => nameOf(s) ?? s.id;
  return path.steps.map((step, i) => {
    if (i === 0) return name(step);
    const previous = path.steps[i - 1];
    if (step.kind === 'group') return `${previous?.kind === 'group' ? '⊂' : '∈'} ${name(step)}`;
    return `→ ${name(step)}`;
  }).join(' ');
}

// One access path as SPEC §3.10 writes it: "Ann ∈ Sales-EMEA ⊂ Sales → CRM" — the user, the group
// they are a direct member of, the groups it is nested in, then the application(s) it leads to.
import { Text } from '@mantine/core';
import type { AccessPath, AccessStep } from '../../api/types';

const nameOf = (s: AccessStep) => s.displayName ?? (s['@odata.type'] === '#microsoft.graph.group' ? 'a group you cannot see' : s.id);

export function pathText(path: AccessPath): string {
  return path.steps.map((step, i) => {
    if (i === 0) return nameOf(step);
    const previous = path.steps[i - 1];
    if (step['@odata.type'] === '#microsoft.graph.group') return `${previous?.['@odata.type'] === '#microsoft.graph.group' ? '⊂' : '∈'} ${nameOf(step)}`;
    return `→ ${nameOf(step)}`;
  }).join(' ');
}

/** "assigned directly", or the groups (and other apps) the access comes through, without the user. */
export function viaText(path: AccessPath): string {
  const middle = path.steps.slice(1, -1);
  if (middle.length === 0) return 'assigned to you directly';
  return `through ${middle.map(nameOf).join(' ⊂ ')}`;
}

export function AccessPathLine({ path }: { path: AccessPath }) {
  return <Text size="sm" data-testid="access-path" style={{ overflowWrap: 'anywhere' }}>{pathText(path)}</Text>;
}

// One access path as SPEC §3.10 writes it: "Ann ∈ Sales-EMEA ⊂ Sales → CRM" — the user, the group
// they are a direct member of, the groups it is nested in, then the application(s) it leads to.
import { Text } from '@mantine/core';
import type { AccessPath, AccessStep } from '../../api/types';

const nameOf = (s: AccessStep) => s.displayName ?? (s['@odata.type'] === '#microsoft.graph.group' ? 'a group you cannot see' : s.id ?? 'unknown');

/** The steps after `from`, each with its connector: "∈" into a first group, "⊂" group to group, "→" to an app. */
function joined(path: AccessPath, from: number, to: number): string {
  return path.steps.slice(from, to).map((step, k) => {
    const i = from + k;
    if (i === from) return nameOf(step);
    const previous = path.steps[i - 1];
    if (step['@odata.type'] === '#microsoft.graph.group') return `${previous?.['@odata.type'] === '#microsoft.graph.group' ? '⊂' : '∈'} ${nameOf(step)}`;
    return `→ ${nameOf(step)}`;
  }).join(' ');
}

export const pathText = (path: AccessPath) => joined(path, 0, path.steps.length);

/** "assigned to you directly", or what the access comes through, without the user and the app itself. */
export function viaText(path: AccessPath): string {
  if (path.steps.length <= 2) return 'assigned to you directly';
  return `through ${joined(path, 1, path.steps.length - 1)}`;
}

export function AccessPathLine({ path }: { path: AccessPath }) {
  return <Text size="sm" data-testid="access-path" style={{ overflowWrap: 'anywhere' }}>{pathText(path)}</Text>;
}

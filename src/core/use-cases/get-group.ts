// One group as the caller may see it, with their abilities.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';
import { viewOf, type GroupView } from './support/views.js';

export async function getGroup(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<GroupView> {
  return runUseCase(deps, caller, 'group.read', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId);
    return viewOf(uc, group, rel);
  });
}

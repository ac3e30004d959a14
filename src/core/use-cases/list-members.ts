// A group's direct members as the caller may see them (SPEC §3.9): all, only themselves, or none.
import { DomainError } from '../domain/errors.js';
import type { Membership, MemberType } from '../domain/model.js';
import { memberListVisibility } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export interface MemberListInput {
  groupId: string;
  after?: string | undefined;
  limit?: number | undefined;
  memberType?: MemberType | undefined;
}

export const MAX_PAGE = 999;

export function pageSize(limit: number | undefined, fallback = 100): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new DomainError('invalidInput', `The page size must be 1–${MAX_PAGE}.`);
  return limit;
}

export async function listMembers(deps: CoreDeps, caller: Caller, input: MemberListInput): Promise<Membership[]> {
  return runUseCase(deps, caller, 'member.list', { type: 'group', id: input.groupId }, (uc) => visibleMemberPage(uc, input));
}

/** One page of a group's direct members, as far as the caller may see them (SPEC §3.9). */
export async function visibleMemberPage(uc: UseCaseContext, input: MemberListInput): Promise<Membership[]> {
  const { group, rel } = await loadVisibleGroup(uc, input.groupId);
  const seen = memberListVisibility(uc.policy, group, rel);
  // A caller who may not see members gets an empty page: it hints at neither members nor their number.
  if (seen === 'none') return [];
  if (seen === 'selfOnly') {
    if (uc.actor.kind !== 'user' || (input.after !== undefined && input.after >= uc.actor.id)) return [];
    const own = await uc.scope.memberships.get(group.id, uc.actor.id);
    return own && (!input.memberType || input.memberType === own.memberType) ? [own] : [];
  }
  return uc.scope.memberships.listMembers(group.id, { after: input.after, limit: pageSize(input.limit), memberType: input.memberType });
}

export async function listOwners(deps: CoreDeps, caller: Caller, input: { groupId: string }) {
  return runUseCase(deps, caller, 'owner.list', { type: 'group', id: input.groupId }, async (uc) => {
    const { group } = await loadVisibleGroup(uc, input.groupId);
    // Owners are public within the tenant (whom to ask), for every visibility, as in My Groups.
    return uc.scope.owners.list(group.id);
  });
}

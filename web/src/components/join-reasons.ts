// The one table from the server's join-blocked reason codes (`@roster.abilities.joinBlockedReason`,
// the reason code of the refusal the caller would get by trying) to what the portal says. The portal
// only words the server's decision; it never works out a reason itself.
const JOIN_BLOCKED_TEXT: Record<string, string> = {
  groupClosed: 'Closed: only its owners add members.',
  joinRequestsDisabled: 'Requests to join are turned off in your organisation, so only the owners can add you.',
  licenceRequired: 'Asking to join needs a premium licence. Ask an administrator for one.',
  myGroupsRestricted: 'Group features in My Groups are turned off for your organisation.',
  roleAssignableSelfService: 'Membership gives administrator roles, so a Global Administrator or an owner adds members.',
  dynamicMembership: 'Members are set by a rule (dynamic membership), not by joining.',
  externallyManaged: 'Managed by another system: members are changed there.',
  notSelfServiceKind: 'Mail-enabled security groups and distribution lists are managed by administrators.',
  alreadyMember: "You're a member of this group.",
  pendingRequestExists: 'Your request to join is waiting for an owner.',
  groupNotFound: 'This group is deleted.',
  accountDisabled: 'Your account is disabled.',
};

const FALLBACK = 'You cannot join this group.';

export function joinBlockedText(reason: string | null | undefined): string {
  return (reason && JOIN_BLOCKED_TEXT[reason]) || FALLBACK;
}

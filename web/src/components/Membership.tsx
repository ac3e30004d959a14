// The caller's own membership as the server reports it (@roster.myMembership, ADR 0021): until when
// it lasts, and a warning when the end is close. Labels only; the dates come from the server.
import { Badge, Text } from '@mantine/core';
import type { MyMembership } from '../api/types';

const DAY_MS = 86_400_000;
/** From this many days before the end, the membership is flagged as ending soon. */
export const SOON_DAYS = 14;

export const formatDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Whole days from now until `iso`, rounded up (0 when it has passed). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / DAY_MS));
}

export function expiresInLabel(days: number): string {
  return days === 0 ? 'Expires today' : days === 1 ? 'Expires in 1 day' : `Expires in ${days} days`;
}

/** "Member until 3 Dec 2026", with "Expires in N days" when close; nothing for a lasting membership. */
export function MembershipExpiry({ membership, size = 'sm' }: { membership: MyMembership | null | undefined; size?: 'xs' | 'sm' }) {
  const expires = membership?.expiresDateTime;
  if (!expires) return null;
  const days = daysUntil(expires);
  return (
    <Text size={size} c="dimmed" component="span" data-testid="membership-expiry">
      Member until {formatDate(expires)}
      {days <= SOON_DAYS && <> <Badge component="span" color="red.9" variant="filled" size="sm" ml={4}>{expiresInLabel(days)}</Badge></>}
    </Text>
  );
}

const SOURCE_LABEL: Record<MyMembership['source'], string> = {
  direct: 'added by an owner or administrator', join: 'joined', request: 'approved request', rule: 'membership rule', sync: 'synchronised from another directory',
};

/** One line on the group page: how and since when. */
export function MembershipSince({ membership }: { membership: MyMembership }) {
  return <Text size="xs" c="dimmed">Since {formatDate(membership.addedDateTime)} ({SOURCE_LABEL[membership.source]})</Text>;
}

// My deleted groups: the groups I own that were deleted in the last 30 days, each with the days left
// before it is purged and, when my abilities allow, a Restore button (Entra's owner restore, ADR 0021).
import { Alert, Anchor, Badge, Button, Group as Row, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction, useMyDeletedGroups } from '../api/hooks';
import type { Group } from '../api/types';
import { useSession } from '../auth/session';
import { GroupBadges } from '../components/GroupItems';
import { daysUntil, formatDate } from '../components/Membership';
import { EmptyState, QueryView } from '../components/States';

const RESTORE_WINDOW_MS = 30 * 86_400_000;

function purgeDate(group: Group): string | null {
  return group.deletedDateTime ? new Date(Date.parse(group.deletedDateTime) + RESTORE_WINDOW_MS).toISOString() : null;
}

function DeletedGroupRow({ group, onRestored }: { group: Group; onRestored: (g: Group) => void }) {
  const restore = useAction(() => call(`/v1.0/directory/deletedItems/${graphPath(group.id)}/restore`, { method: 'POST' }),
    [keys.deletedOwned, keys.owned, keys.memberOf, keys.group(group.id)]);
  const purge = purgeDate(group);
  const days = purge ? daysUntil(purge) : null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="my-deleted-group">
      <Row justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Text fw={600} truncate>{group.displayName}</Text>
          {group.deletedDateTime && <Text size="xs" c="dimmed">Deleted {formatDate(group.deletedDateTime)}</Text>}
          <Row gap={6} wrap="wrap">
            <GroupBadges group={group} />
            {days !== null && purge && (
              <Badge variant={days <= 7 ? 'filled' : 'light'} color={days <= 7 ? 'red.9' : 'gray'} size="sm" title={`Purged for good on ${formatDate(purge)}`}>
                {days === 0 ? 'Purged today' : `${days} ${days === 1 ? 'day' : 'days'} left to restore`}
              </Badge>
            )}
          </Row>
        </Stack>
        {group['@roster.abilities']?.restore && (
          <Button size="xs" loading={restore.isPending} aria-label={`Restore ${group.displayName}`}
            onClick={() => restore.mutate(undefined, { onSuccess: () => onRestored(group) })}>Restore</Button>
        )}
      </Row>
      {restore.isError && <Alert mt="xs" color="red" variant="light" role="alert" title="Not restored">{messageOf(restore.error)}</Alert>}
    </Paper>
  );
}

export function MyDeletedGroupsPage() {
  const session = useSession();
  const deleted = useMyDeletedGroups(session.user.id);
  const [restored, setRestored] = useState<Group[]>([]);
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} size="h2">Deleted groups</Title>
      <Text c="dimmed" size="sm">Groups you own that were deleted in the last 30 days. Restoring brings a group back with its owners, members and settings; after 30 days it is gone for good.</Text>
      {restored.map((g) => (
        <Alert key={g.id} color="teal" variant="light" role="status">
          <Text size="sm">Restored: <Anchor component={Link} to={`/groups/${encodeURIComponent(g.id)}`}>{g.displayName}</Anchor></Text>
        </Alert>
      ))}
      <QueryView query={deleted} label="your deleted groups"
        empty={<EmptyState>No deleted groups. When a group you own is deleted, it stays here for 30 days so you can restore it.</EmptyState>}>
        {(groups) => <Stack gap="xs">{groups.map((g) => <DeletedGroupRow key={g.id} group={g} onRestored={(r) => setRestored((list) => [...list, r])} />)}</Stack>}
      </QueryView>
    </Stack>
  );
}

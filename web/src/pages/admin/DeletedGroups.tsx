// Deleted groups: what GET /directory/deletedItems/microsoft.graph.group lists, each restorable
// (POST …/{id}/restore) until it is purged.
import { Alert, Anchor, Button, Group as Row, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDeletedGroups } from '../../api/admin';
import { adminCall, graphPath, messageOf } from '../../api/client';
import type { Group } from '../../api/types';
import { AdminError, AdminPage, LoadMore } from '../../components/admin/AdminPage';
import { GroupBadges } from '../../components/GroupItems';
import { EmptyState, LoadingState } from '../../components/States';

function DeletedRow({ group, onRestored }: { group: Group & { deletedDateTime?: string | null }; onRestored: (g: Group) => void }) {
  const client = useQueryClient();
  const restore = useMutation({
    mutationFn: () => adminCall<Group>(`/v1.0/directory/deletedItems/${graphPath(group.id)}/restore`, { method: 'POST' }),
    onSuccess: async () => { onRestored(group); await client.invalidateQueries({ queryKey: ['admin'] }); },
  });
  return (
    <Paper withBorder radius="md" p="sm" data-testid="deleted-group-row">
      <Row justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Text fw={600} truncate>{group.displayName}</Text>
          {group.deletedDateTime && <Text size="xs" c="dimmed">Deleted {new Date(group.deletedDateTime).toLocaleString()}</Text>}
          <GroupBadges group={group} />
        </Stack>
        <Button size="xs" loading={restore.isPending} onClick={() => restore.mutate()} aria-label={`Restore ${group.displayName}`}>Restore</Button>
      </Row>
      {restore.isError && <Alert mt="xs" color="red" variant="light" role="alert" title="Not restored">{messageOf(restore.error)}</Alert>}
    </Paper>
  );
}

export function DeletedGroupsPage() {
  const deleted = useDeletedGroups();
  const [restored, setRestored] = useState<Group[]>([]);
  const items = deleted.data?.pages.flatMap((p) => p.value) ?? [];
  return (
    <AdminPage title="Deleted groups" intro="Groups deleted in the last 30 days. Restoring brings a group back with its owners and members.">
      {restored.map((g) => (
        <Alert key={g.id} color="teal" variant="light" role="status">
          <Text size="sm">Restored: <Anchor component={Link} to={`/groups/${encodeURIComponent(g.id)}`}>{g.displayName}</Anchor></Text>
        </Alert>
      ))}
      {deleted.isPending ? <LoadingState label="Loading deleted groups" />
        : deleted.isError ? <AdminError error={deleted.error} what="deleted groups" onRetry={() => void deleted.refetch()} />
          : items.length === 0 ? <EmptyState>No deleted groups. A group deleted by its owner or an admin shows here for 30 days.</EmptyState>
            : <Stack gap="xs">{items.map((g) => <DeletedRow key={g.id} group={g} onRestored={(r) => setRestored((list) => [...list, r])} />)}<LoadMore query={deleted} /></Stack>}
    </AdminPage>
  );
}

// All groups: kind filter (security / Microsoft 365 through $filter), search, paging by nextLink, a
// link to each group's page, and delete of the selected groups (one request each, failures listed).
import { Alert, Button, Checkbox, Group as Row, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAdminGroups, type GroupKind } from '../../api/admin';
import { adminCall, graphPath, messageOf } from '../../api/client';
import type { Group } from '../../api/types';
import { AdminError, AdminPage, CountLine, LoadMore } from '../../components/admin/AdminPage';
import { GroupBadges } from '../../components/GroupItems';
import { EmptyState, LoadingState } from '../../components/States';

interface Outcome { deleted: number; failed: Array<{ name: string; message: string }> }

export function AllGroupsPage() {
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<GroupKind>('all');
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const groups = useAdminGroups(debounced, kind);
  const items = groups.data?.pages.flatMap((p) => p.value) ?? [];

  const toggle = (g: Group, on: boolean) => setSelected((s) => {
    const next = new Map(s);
    if (on) next.set(g.id, g.displayName); else next.delete(g.id);
    return next;
  });

  const deleteSelected = async () => {
    setBusy(true);
    const result: Outcome = { deleted: 0, failed: [] };
    for (const [id, name] of selected) {
      try {
        await adminCall(`/v1.0/groups/${graphPath(id)}`, { method: 'DELETE' });
        result.deleted++;
      } catch (error) {
        result.failed.push({ name, message: messageOf(error) });
      }
    }
    setSelected(new Map());
    setOutcome(result);
    setBusy(false);
    await client.invalidateQueries({ queryKey: ['admin'] });
  };

  return (
    <AdminPage title="All groups" intro="Every group of your organisation. Open a group to manage its owners and members; deleted groups can be restored for 30 days."
      actions={<Button component={Link} to="/admin/groups/new">New group</Button>}>
      <Row gap="sm" wrap="wrap" align="flex-end">
        <TextInput label="Search groups" placeholder="Group name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
        <SegmentedControl aria-label="Kind of group" value={kind} onChange={(v) => setKind(v as GroupKind)}
          data={[{ value: 'all', label: 'All' }, { value: 'security', label: 'Security' }, { value: 'm365', label: 'Microsoft 365' }]} />
      </Row>
      {outcome && (
        <Alert color={outcome.failed.length ? 'red' : 'teal'} variant="light" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setOutcome(null)}>
          <Text size="sm" fw={600}>{`${outcome.deleted} deleted${outcome.failed.length ? `, ${outcome.failed.length} not deleted` : ''}.`}</Text>
          {outcome.failed.map((f) => <Text key={f.name} size="sm">{f.name}: {f.message}</Text>)}
        </Alert>
      )}
      {selected.size > 0 && (
        <Paper withBorder p="xs" radius="md" bg="gray.0">
          <Row justify="space-between" wrap="wrap">
            <Text size="sm">{selected.size} selected</Text>
            <Row gap="xs">
              <Button size="xs" variant="default" onClick={() => setSelected(new Map())}>Clear selection</Button>
              <Button size="xs" color="red" loading={busy} onClick={() => void deleteSelected()}>Delete selected</Button>
            </Row>
          </Row>
        </Paper>
      )}
      {groups.isPending ? <LoadingState label="Loading groups" />
        : groups.isError ? <AdminError error={groups.error} what="groups" onRetry={() => void groups.refetch()} />
          : items.length === 0 ? <EmptyState>{debounced.trim() || kind !== 'all' ? 'No group matches. Change the search or the kind.' : 'No groups yet.'}</EmptyState>
            : (
              <Stack gap="xs">
                <CountLine count={groups.data?.pages[0]?.['@odata.count']} shown={items.length} noun="group" />
                {items.map((g) => (
                  <Paper key={g.id} withBorder radius="md" p="sm" data-testid="admin-group-row">
                    <Row wrap="nowrap" align="flex-start" gap="sm">
                      <Checkbox mt={4} aria-label={`Select ${g.displayName}`} checked={selected.has(g.id)} onChange={(e) => toggle(g, e.currentTarget.checked)} />
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Text component={Link} to={`/groups/${encodeURIComponent(g.id)}`} fw={600} c="indigo.8" truncate>{g.displayName}</Text>
                        {g.description && <Text size="sm" c="dimmed" lineClamp={2}>{g.description}</Text>}
                        <GroupBadges group={g} />
                      </Stack>
                    </Row>
                  </Paper>
                ))}
                <LoadMore query={groups} />
              </Stack>
            )}
    </AdminPage>
  );
}

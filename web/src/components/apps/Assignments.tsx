// An application's assignments: who it is given to (users, groups, other applications' audiences),
// with remove, and "Add" with the existing pickers. The buttons come from the app's abilities; a
// refusal (a cycle: 409 naming the loop; a non-security group: 400) is shown as the server said it.
import { Alert, Badge, Button, Group as Row, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { searchWords } from '../../api/admin';
import { appKeys, appPath, appsListPath, useAssignments } from '../../api/apps';
import { adminCall, graphPath, messageOf } from '../../api/client';
import { EVENTUAL } from '../../api/hooks';
import type { Collection, PrincipalType, ServicePrincipal } from '../../api/types';
import { LoadMore } from '../admin/AdminPage';
import { GroupPicker } from '../admin/GroupPicker';
import { UserPicker } from '../admin/UserPicker';
import { EmptyState, ErrorState, LoadingState } from '../States';

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
const KIND_LABEL: Record<PrincipalType, string> = { User: 'User', Group: 'Group', ServicePrincipal: 'Audience of' };

function AppPicker({ exclude, onPick }: { exclude: string; onPick: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(searchWords(search), 250);
  const apps = useQuery({
    queryKey: ['admin', 'appPicker', debounced], enabled: debounced.length > 0,
    queryFn: ({ signal }) => adminCall<Collection<ServicePrincipal>>(appsListPath(debounced), { headers: EVENTUAL, signal }),
  });
  const found = (apps.data?.value ?? []).filter((a) => a.id !== exclude);
  return (
    <Select label="Everyone who has the application" placeholder="Type an application name" searchable value={null}
      data={found.map((a) => ({ value: a.id, label: a.displayName }))}
      onChange={(id) => { if (id) onPick(id); setSearch(''); }}
      searchValue={search} onSearchChange={setSearch} filter={({ options }) => options}
      nothingFoundMessage={debounced ? (apps.isFetching ? 'Searching…' : 'No application found') : 'Type a name to search'}
      comboboxProps={{ withinPortal: true }} />
  );
}

export function Assignments({ app }: { app: ServicePrincipal }) {
  const client = useQueryClient();
  const canAssign = app['@roster.abilities']?.assign === true;
  const list = useAssignments(app.id);
  const [kind, setKind] = useState<PrincipalType>('Group');
  const [group, setGroup] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.value) ?? [];

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await client.invalidateQueries({ queryKey: appKeys.app(app.id) });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const assign = (principalId: string) => run(() => adminCall(`${appPath(app.id)}/appRoleAssignedTo`, { method: 'POST', body: { principalId, resourceId: app.id, appRoleId: DEFAULT_ACCESS } }));
  const unassign = (id: string) => run(() => adminCall(`${appPath(app.id)}/appRoleAssignedTo/${graphPath(id)}`, { method: 'DELETE' }));

  return (
    <Stack gap="sm">
      {canAssign && (
        <Paper withBorder radius="md" p="sm" component="section" aria-label="Add an assignment">
          <Stack gap="xs">
            <SegmentedControl aria-label="Give the application to" value={kind} onChange={(v) => setKind(v as PrincipalType)}
              data={[{ value: 'Group', label: 'A group' }, { value: 'User', label: 'A user' }, { value: 'ServicePrincipal', label: "Another app's audience" }]} />
            {kind === 'User' && <UserPicker label="User" exclude={items.filter((a) => a.principalType === 'User').map((a) => a.principalId)} onPick={(u) => void assign(u.id)} />}
            {kind === 'Group' && (
              <Row align="flex-end" gap="xs">
                <div style={{ flex: 1 }}><GroupPicker label="Security group" description="Members of its nested groups have it too, unless the app excludes them." value={group} onChange={setGroup} /></div>
                <Button disabled={!group} loading={busy} onClick={() => { if (group) void assign(group).then(() => setGroup(null)); }}>Assign</Button>
              </Row>
            )}
            {kind === 'ServicePrincipal' && <AppPicker exclude={app.id} onPick={(id) => void assign(id)} />}
          </Stack>
        </Paper>
      )}
      {error && <Alert color="red" role="alert" title="Not done" withCloseButton closeButtonLabel="Dismiss" onClose={() => setError(null)}>{error}</Alert>}
      {list.isPending ? <LoadingState label="Loading assignments" />
        : list.isError ? <ErrorState title="Could not load the assignments" error={list.error} onRetry={() => void list.refetch()} />
          : items.length === 0 ? <EmptyState>Nobody is given this application yet.{canAssign ? ' Assign it to a group above.' : ''}</EmptyState>
            : (
              <Stack gap="xs">
                {items.map((a) => (
                  <Paper key={a.id} withBorder radius="md" p="sm" data-testid="assignment-row">
                    <Row justify="space-between" wrap="nowrap" gap="xs">
                      <Row gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                        <Badge variant="light">{KIND_LABEL[a.principalType]}</Badge>
                        <Text fw={500} truncate>{a.principalDisplayName ?? a.principalId}</Text>
                      </Row>
                      {canAssign && <Button size="xs" variant="default" color="red" disabled={busy} onClick={() => void unassign(a.id)} aria-label={`Remove ${a.principalDisplayName ?? a.principalId}`}>Remove</Button>}
                    </Row>
                  </Paper>
                ))}
                <LoadMore query={list} />
              </Stack>
            )}
    </Stack>
  );
}

// Users: search (by name or sign-in name), enabled or disabled (one state at a time, filtered on
// accountEnabled), paging by nextLink, create, enable/disable with PATCH accountEnabled, and each
// user's roles and licences shown and edited through their own routes (UserAccess, docs/adr/0022).
import { Alert, Button, Group as Row, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAdminUsers, useDirectoryRoles, useSubscribedSkus, userPath } from '../../api/admin';
import { adminCall, messageOf } from '../../api/client';
import type { User } from '../../api/types';
import { AdminError, AdminPage, CountLine, LoadMore } from '../../components/admin/AdminPage';
import { CreateUser } from '../../components/admin/CreateUser';
import { AccessBadges, UserAccess } from '../../components/admin/UserAccess';
import { EmptyState, LoadingState } from '../../components/States';

function UserRow({ user, enabled }: { user: User; enabled: boolean }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const roles = useDirectoryRoles();
  const skus = useSubscribedSkus();
  const toggle = useMutation({
    mutationFn: () => adminCall(userPath(user.id), { method: 'PATCH', body: { accountEnabled: !enabled } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  return (
    <Paper withBorder radius="md" p="sm" data-testid="user-row">
      <Row justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Text fw={600} truncate>{user.displayName}</Text>
          <Text size="sm" c="dimmed" truncate>{user.userPrincipalName}</Text>
          <AccessBadges user={user} roles={roles.data?.value ?? []} skus={skus.data?.value ?? []} />
        </Stack>
        <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`Roles and licences of ${user.displayName}`}>Roles and licences</Button>
        <Button size="xs" variant={enabled ? 'default' : 'light'} color={enabled ? 'red' : undefined} loading={toggle.isPending}
          onClick={() => toggle.mutate()} aria-label={`${enabled ? 'Disable' : 'Enable'} ${user.displayName}`}>
          {enabled ? 'Disable' : 'Enable'}
        </Button>
      </Row>
      {editing && <UserAccess user={user} opened={editing} onClose={() => setEditing(false)} />}
      {toggle.isError && <Alert mt="xs" color="red" variant="light" role="alert" title="Not done">{messageOf(toggle.error)}</Alert>}
    </Paper>
  );
}

export function UsersPage() {
  const [search, setSearch] = useState('');
  const [state, setState] = useState<'enabled' | 'disabled'>('enabled');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<User | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const users = useAdminUsers(debounced, state === 'enabled');
  const items = users.data?.pages.flatMap((p) => p.value) ?? [];
  return (
    <AdminPage title="Users" intro="People who can sign in to Roster. A disabled user is signed out at once and cannot sign in until enabled again."
      actions={<Button onClick={() => setCreating(true)}>Create a user</Button>}>
      <CreateUser opened={creating} onClose={() => setCreating(false)} onCreated={(u) => { setCreating(false); setCreated(u); }} />
      {created && <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setCreated(null)}>User created: {created.displayName} ({created.userPrincipalName}) can sign in now.</Alert>}
      <Row gap="sm" wrap="wrap" align="flex-end">
        <TextInput label="Search users" placeholder="Name or sign-in name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
        <SegmentedControl aria-label="Account state" value={state} onChange={(v) => setState(v as 'enabled' | 'disabled')}
          data={[{ value: 'enabled', label: 'Enabled' }, { value: 'disabled', label: 'Disabled' }]} />
      </Row>
      {users.isPending ? <LoadingState label="Loading users" />
        : users.isError ? <AdminError error={users.error} what="users" onRetry={() => void users.refetch()} />
          : items.length === 0 ? <EmptyState>{debounced.trim() ? 'Nobody matches this search. Try part of a name or of a sign-in name.' : state === 'disabled' ? 'No disabled users.' : 'No users yet. Create one.'}</EmptyState>
            : (
              <Stack gap="xs">
                <CountLine count={users.data?.pages[0]?.['@odata.count']} shown={items.length} noun={`${state} user`} />
                {items.map((u) => <UserRow key={u.id} user={u} enabled={state === 'enabled'} />)}
                <LoadMore query={users} />
              </Stack>
            )}
    </AdminPage>
  );
}

// Applications: search, paging by nextLink, a link to each app's page, and "New application" (a
// name and a description; the rest is edited on the app's page). The server decides who may create.
import { Alert, Badge, Button, Group as Row, Modal, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApps } from '../../api/apps';
import { adminCall, messageOf } from '../../api/client';
import type { ServicePrincipal } from '../../api/types';
import { AdminError, AdminPage, CountLine, LoadMore } from '../../components/admin/AdminPage';
import { EmptyState, LoadingState } from '../../components/States';

export function AppBadges({ app }: { app: ServicePrincipal }) {
  return (
    <Row gap={4}>
      {app.accountEnabled ? <Badge variant="filled" color="teal.9">Enabled</Badge> : <Badge variant="outline" color="red.9">Disabled</Badge>}
      <Badge variant="light" color="indigo">{app.appRoleAssignmentRequired ? 'Assigned users only' : 'Everyone'}</Badge>
      {!app['@roster.cascadeNestedGroups'] && <Badge variant="light" color="orange.9">Nested groups excluded</Badge>}
      {!app['@roster.visibleToUsers'] && <Badge variant="light" color="gray">Hidden from My Apps</Badge>}
    </Row>
  );
}

function CreateApp({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await adminCall<ServicePrincipal>('/v1.0/servicePrincipals', { method: 'POST', body: { displayName: name.trim(), description: description.trim() || null } });
      await client.invalidateQueries({ queryKey: ['admin', 'apps'] });
      onDone();
      void navigate(`/admin/apps/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={256} data-autofocus />
        <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={1024} autosize minRows={2} />
        <Text size="xs" c="dimmed">New applications are enabled, open only to the users and groups you assign, include members of nested groups, and show in My Apps. You can change each of these on the app's page.</Text>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Row justify="flex-end"><Button type="submit" loading={busy} disabled={!name.trim()}>Create application</Button></Row>
      </Stack>
    </form>
  );
}

export function AppsPage() {
  const [search, setSearch] = useState('');
  const [creating, create] = useDisclosure(false);
  const [debounced] = useDebouncedValue(search, 250);
  const apps = useApps(debounced);
  const items = apps.data?.pages.flatMap((p) => p.value) ?? [];
  return (
    <AdminPage title="Applications" intro="The applications of your organisation: who they are given to, who has them and why, and blocks."
      actions={<Button onClick={create.open}>New application</Button>}>
      <TextInput label="Search applications" placeholder="Application name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      {apps.isPending ? <LoadingState label="Loading applications" />
        : apps.isError ? <AdminError error={apps.error} what="applications" onRetry={() => void apps.refetch()} />
          : items.length === 0 ? <EmptyState>{debounced.trim() ? 'No application matches. Change the search.' : 'No applications yet. Create one, then assign it to groups.'}</EmptyState>
            : (
              <Stack gap="xs">
                <CountLine count={apps.data?.pages[0]?.['@odata.count']} shown={items.length} noun="application" />
                {items.map((a) => (
                  <Paper key={a.id} withBorder radius="md" p="sm" data-testid="admin-app-row">
                    <Stack gap={4}>
                      <Text component={Link} to={`/admin/apps/${encodeURIComponent(a.id)}`} fw={600} c="indigo.8" truncate>{a.displayName}</Text>
                      {a.description && <Text size="sm" c="dimmed" lineClamp={2}>{a.description}</Text>}
                      <AppBadges app={a} />
                    </Stack>
                  </Paper>
                ))}
                <LoadMore query={apps} />
              </Stack>
            )}
      <Modal opened={creating} onClose={create.close} title="New application" closeButtonProps={{ 'aria-label': 'Close' }}>
        <CreateApp onDone={create.close} />
      </Modal>
    </AdminPage>
  );
}

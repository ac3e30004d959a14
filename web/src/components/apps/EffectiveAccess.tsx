// Who has an application: the server's paged, searchable, counted list; each user opens to show every
// path that gives the app ("Ann ∈ Sales-EMEA ⊂ Sales → CRM"), with Block for those the abilities
// allow. Blocked users are listed below with Unblock: a block overrides every path.
import { Alert, Button, Collapse, Group as Row, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { appPath, useBlocks, useEffectiveAccess } from '../../api/apps';
import { adminCall, graphPath, messageOf } from '../../api/client';
import type { EffectiveUser, ServicePrincipal } from '../../api/types';
import { CountLine, LoadMore } from '../admin/AdminPage';
import { EmptyState, ErrorState, LoadingState } from '../States';
import { AccessPathLine } from './AccessPathLine';
import { ExplainAccess } from './ExplainAccess';

function UserRow({ user, canBlock, onBlock, busy }: { user: EffectiveUser; canBlock: boolean; onBlock: () => void; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const id = `paths-${user.id}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="effective-user">
      <Row justify="space-between" wrap="nowrap" gap="xs">
        <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={id} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} truncate>{user.displayName}</Text>
          <Text size="xs" c="dimmed" truncate>{user.userPrincipalName} · {user.paths.length} path{user.paths.length === 1 ? '' : 's'} · {open ? 'hide' : 'show'} why</Text>
        </UnstyledButton>
        {canBlock && <Button size="xs" color="red" variant="light" loading={busy} onClick={onBlock} aria-label={`Block ${user.displayName}`}>Block</Button>}
      </Row>
      <Collapse expanded={open}>
        <Stack gap={2} mt="xs" id={id}>
          {user.paths.map((p, i) => <AccessPathLine key={i} path={p} />)}
        </Stack>
      </Collapse>
    </Paper>
  );
}

function Blocks({ app, canBlock }: { app: ServicePrincipal; canBlock: boolean }) {
  const client = useQueryClient();
  const blocks = useBlocks(app.id);
  const [error, setError] = useState<string | null>(null);
  const items = blocks.data?.pages.flatMap((p) => p.value) ?? [];
  const unblock = async (userId: string) => {
    setError(null);
    try {
      await adminCall(`${appPath(app.id)}/roster.blocks/${graphPath(userId)}`, { method: 'DELETE' });
      await client.invalidateQueries({ queryKey: ['admin', 'app', app.id] });
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (blocks.isPending || items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="blocked-heading">
      <Title order={3} size="h5" id="blocked-heading">Blocked</Title>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {items.map((b) => (
        <Paper key={b.userId} withBorder radius="md" p="sm" bg="red.0" data-testid="blocked-user">
          <Row justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} truncate>{b.userDisplayName ?? b.userId}</Text>
              {b.reason && <Text size="xs">{b.reason}</Text>}
            </Stack>
            {canBlock && <Button size="xs" variant="default" onClick={() => void unblock(b.userId)} aria-label={`Unblock ${b.userDisplayName ?? b.userId}`}>Unblock</Button>}
          </Row>
        </Paper>
      ))}
    </Stack>
  );
}

export function EffectiveAccess({ app }: { app: ServicePrincipal }) {
  const client = useQueryClient();
  const canBlock = app['@roster.abilities']?.block === true;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const access = useEffectiveAccess(app.id, debounced);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = access.data?.pages.flatMap((p) => p.value) ?? [];

  const block = async (userId: string) => {
    setBusy(userId);
    setError(null);
    try {
      await adminCall(`${appPath(app.id)}/roster.blocks`, { method: 'POST', body: { userId } });
      await client.invalidateQueries({ queryKey: ['admin', 'app', app.id] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm">
      {!app.accountEnabled && <Alert color="yellow" role="status">This application is disabled: nobody has it until it is enabled again. The list shows who would.</Alert>}
      <TextInput label="Search people with access" placeholder="Name or sign-in name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      {error && <Alert color="red" role="alert" title="Not done">{error}</Alert>}
      {access.isPending ? <LoadingState label="Loading who has access" />
        : access.isError ? <ErrorState title="Could not load who has access" error={access.error} onRetry={() => void access.refetch()} />
          : items.length === 0 ? <EmptyState>{debounced.trim() ? 'Nobody with access matches.' : 'Nobody you may see has this application. People who have it only through groups whose members are hidden from you are not listed.'}</EmptyState>
            : (
              <Stack gap="xs">
                <CountLine count={access.data?.pages[0]?.['@odata.count']} shown={items.length} noun="user" />
                {items.map((u) => <UserRow key={u.id} user={u} canBlock={canBlock} busy={busy === u.id} onBlock={() => void block(u.id)} />)}
                <LoadMore query={access} />
              </Stack>
            )}
      <Blocks app={app} canBlock={canBlock} />
      <ExplainAccess app={app} />
    </Stack>
  );
}

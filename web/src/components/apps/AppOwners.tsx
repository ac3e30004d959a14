// An application's owners: they manage its assignments and blocks and read who has it, but cannot
// change its owners or delete it (ADR 0019). Adding and removing owners follows the abilities.
import { Alert, Button, Group as Row, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { appKeys, appPath, useAppOwners } from '../../api/apps';
import { adminCall, graphPath, messageOf } from '../../api/client';
import type { ServicePrincipal } from '../../api/types';
import { UserPicker } from '../admin/UserPicker';
import { EmptyState, QueryView } from '../States';

export function AppOwners({ app }: { app: ServicePrincipal }) {
  const client = useQueryClient();
  const owners = useAppOwners(app.id);
  const canManage = app['@roster.abilities']?.manageOwners === true;
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await client.invalidateQueries({ queryKey: appKeys.owners(app.id) });
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const add = (id: string) => run(() => adminCall(`${appPath(app.id)}/owners/$ref`, { method: 'POST', body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` } }));
  const remove = (id: string) => run(() => adminCall(`${appPath(app.id)}/owners/${graphPath(id)}/$ref`, { method: 'DELETE' }));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">Owners manage who is given this application and who is blocked from it.</Text>
      {canManage && <UserPicker label="Add an owner" exclude={owners.data?.map((o) => o.id) ?? []} onPick={(u) => void add(u.id)} />}
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <QueryView query={owners} label="owners" empty={<EmptyState>No owners: only administrators manage this application.</EmptyState>}>
        {(items) => (
          <Stack gap="xs">
            {items.map((o) => (
              <Paper key={o.id} withBorder radius="md" p="sm" data-testid="app-owner">
                <Row justify="space-between" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={600} truncate>{o.displayName}</Text>
                    {o.userPrincipalName && <Text size="xs" c="dimmed" truncate>{o.userPrincipalName}</Text>}
                  </Stack>
                  {canManage && <Button size="xs" variant="default" onClick={() => void remove(o.id)} aria-label={`Remove owner ${o.displayName}`}>Remove</Button>}
                </Row>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

// One application in the admin center: what it is and its switches (Edit), Delete, and tabs —
// assignments, who has it (with paths and blocks), owners, provisioning. Every button follows @roster.abilities.
import { Alert, Button, Group as Row, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { appPath, useApp } from '../../api/apps';
import { adminCall, messageOf } from '../../api/client';
import type { ServicePrincipal } from '../../api/types';
import { AdminError } from '../../components/admin/AdminPage';
import { AppOwners } from '../../components/apps/AppOwners';
import { Assignments } from '../../components/apps/Assignments';
import { EditApp } from '../../components/apps/EditApp';
import { EffectiveAccess } from '../../components/apps/EffectiveAccess';
import { ProvisioningTab } from '../../components/apps/provisioning/ProvisioningTab';
import { LoadingState } from '../../components/States';
import { AppBadges } from './Apps';

export function AppPage() {
  const { id = '' } = useParams();
  const app = useApp(id);
  if (app.isPending) return <LoadingState label="Loading the application" rows={5} />;
  if (app.isError) return <AdminError error={app.error} what="this application" onRetry={() => void app.refetch()} />;
  return <AppDetails app={app.data} />;
}

function AppDetails({ app }: { app: ServicePrincipal }) {
  const abilities = app['@roster.abilities'];
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, edit] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setError(null);
    try {
      await adminCall(appPath(app.id), { method: 'DELETE' });
      await client.invalidateQueries({ queryKey: ['admin', 'apps'] });
      void navigate('/admin/apps');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Stack gap="md" maw={1100}>
      <Stack gap="xs">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">Admin center · Application</Text>
        <Row justify="space-between" wrap="wrap" align="flex-start">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>{app.displayName}</Title>
          <Row gap="xs">
            {abilities?.edit && <Button variant="default" onClick={edit.open}>Edit</Button>}
            {abilities?.delete && <Button color="red" variant="light" onClick={del.open}>Delete</Button>}
          </Row>
        </Row>
        <AppBadges app={app} />
        <Text c={app.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>{app.description ?? 'No description.'}</Text>
      </Stack>
      <Tabs defaultValue="assignments" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="assignments">Assignments</Tabs.Tab>
          {abilities?.readAccess !== false && <Tabs.Tab value="access">Who has access</Tabs.Tab>}
          <Tabs.Tab value="owners">Owners</Tabs.Tab>
          {abilities?.provisioning && <Tabs.Tab value="provisioning">Provisioning</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="assignments" pt="md"><Assignments app={app} /></Tabs.Panel>
        <Tabs.Panel value="access" pt="md"><EffectiveAccess app={app} /></Tabs.Panel>
        <Tabs.Panel value="owners" pt="md"><AppOwners app={app} /></Tabs.Panel>
        <Tabs.Panel value="provisioning" pt="md"><ProvisioningTab app={app} /></Tabs.Panel>
      </Tabs>
      <Modal opened={editing} onClose={edit.close} title="Edit application" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        <EditApp app={app} onDone={edit.close} />
      </Modal>
      <Modal opened={deleting} onClose={del.close} title="Delete this application?" closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack gap="sm">
          <Text size="sm">Everyone loses it at once, and its assignments, owners and blocks are deleted. This cannot be undone.</Text>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Row justify="flex-end">
            <Button variant="default" onClick={del.close}>Keep it</Button>
            <Button color="red.9" onClick={() => void remove()}>Delete application</Button>
          </Row>
        </Stack>
      </Modal>
    </Stack>
  );
}

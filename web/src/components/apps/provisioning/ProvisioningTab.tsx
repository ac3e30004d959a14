// The app page's Provisioning tab (ADR 0020): set it up when none is (the default mapping shown), otherwise
// its state and switches, its settings, the attribute mapping, a dry run and the log. Only callers whose
// app abilities say `provisioning` get here with buttons; the server decides, the page follows.
import { Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useProvisioning } from '../../../api/provisioning';
import type { ServicePrincipal } from '../../../api/types';
import { EmptyState, ErrorState, LoadingState } from '../../States';
import { AttributeMapping } from './AttributeMapping';
import { DryRun } from './DryRun';
import { ProvisioningLog } from './ProvisioningLog';
import { ProvisioningSetup } from './ProvisioningSetup';
import { ProvisioningStatus } from './ProvisioningStatus';

export function ProvisioningTab({ app }: { app: ServicePrincipal }) {
  const canManage = app['@roster.abilities']?.provisioning === true;
  const config = useProvisioning(app.id);
  const [editing, setEditing] = useState(false);
  if (config.isPending) return <LoadingState label="Loading provisioning" />;
  if (config.isError) return <ErrorState title="Could not load provisioning" error={config.error} onRetry={() => void config.refetch()} />;
  if (config.data.state === 'notConfigured') {
    const setup = canManage ? (
      <Paper withBorder radius="md" p="md" component="section" aria-label="Set up provisioning">
        <Stack gap="sm">
          <Text fw={600}>Push this application's users to its own directory</Text>
          <Text size="sm" c="dimmed">Roster creates, updates and removes the accounts of everyone who is assigned the application, over SCIM 2.0, within seconds of a change.</Text>
          <ProvisioningSetup appId={app.id} current={null} />
        </Stack>
      </Paper>
    ) : <EmptyState>Provisioning is not set up for this application. An application administrator or one of its owners can set it up.</EmptyState>;
    return (
      <Stack gap="md">
        {setup}
        <AttributeMapping config={config.data} canManage={false} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <ProvisioningStatus config={config.data} canManage={canManage} onEdit={() => setEditing((e) => !e)} />
      {editing && canManage && (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Edit provisioning settings">
          <ProvisioningSetup key={config.data.updatedDateTime} appId={app.id} current={config.data} onDone={() => setEditing(false)} />
        </Paper>
      )}
      <AttributeMapping config={config.data} canManage={canManage} />
      {canManage && <DryRun appId={app.id} />}
      <ProvisioningLog appId={app.id} />
    </Stack>
  );
}

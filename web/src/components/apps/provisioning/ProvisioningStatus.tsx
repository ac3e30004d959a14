// Where provisioning stands: its state (on, paused, or quarantined after repeated failures — with the
// last error and how many in a row), what it has pushed, and the switches: Enable, Pause, Resume (after
// a quarantine: failures forgotten, a full reconciliation queued) and "Run reconciliation now".
import { Alert, Badge, Button, Group as Row, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { useProvisioningAction, type Provisioning, type ProvisioningState } from '../../../api/provisioning';

const STATE: Record<ProvisioningState, { label: string; color: string; variant: string }> = {
  enabled: { label: 'On', color: 'teal.9', variant: 'filled' },
  paused: { label: 'Paused', color: 'gray', variant: 'light' },
  quarantined: { label: 'Quarantined', color: 'red.9', variant: 'filled' },
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

export function ProvisioningStatus({ config, canManage, onEdit }: { config: Provisioning; canManage: boolean; onEdit: () => void }) {
  const act = useProvisioningAction(config.appId);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setNotice(null);
    try {
      await fn();
      setNotice({ ok: true, text: done });
    } catch (err) {
      setNotice({ ok: false, text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  const state = STATE[config.state];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Provisioning status">
      <Stack gap="sm">
        <Row justify="space-between" wrap="wrap" gap="xs">
          <Row gap="xs">
            <Text fw={600}>Provisioning</Text>
            <Badge color={state.color} variant={state.variant} data-testid="provisioning-state">{state.label}</Badge>
          </Row>
          {canManage && (
            <Row gap="xs">
              {config.state === 'paused' && <Button loading={busy} onClick={() => void run(() => act('', { method: 'PATCH', body: { state: 'enabled' } }), 'Provisioning is on: a full reconciliation is queued.')}>Enable</Button>}
              {config.state === 'quarantined' && <Button loading={busy} onClick={() => void run(() => act('/resume', { method: 'POST' }), 'Resumed: failures forgotten, a full reconciliation is queued.')}>Resume</Button>}
              {config.state !== 'paused' && <Button variant="default" disabled={busy} onClick={() => void run(() => act('/pause', { method: 'POST' }), 'Paused: nothing is sent until it is enabled again.')}>Pause</Button>}
              <Button variant="default" disabled={busy} onClick={() => void run(() => act('/reconcile', { method: 'POST' }), config.state === 'enabled' ? 'A full reconciliation is queued.' : 'A full reconciliation is queued; it runs once provisioning is on.')}>Run reconciliation now</Button>
              <Button variant="subtle" onClick={onEdit}>Edit settings</Button>
            </Row>
          )}
        </Row>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>Target: <Text span ff="monospace" size="sm">{config.baseUrl}</Text> · a token is set</Text>
        {config.state === 'paused' && <Text size="sm" c="dimmed">Paused: changes wait until provisioning is enabled. A dry run shows what it would send.</Text>}
        {config.state === 'quarantined' && (
          <Alert color="red" role="alert" title={`Quarantined after ${config.consecutiveFailures} failures in a row`}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{config.lastError ?? 'No error text was recorded.'}</Text>
            <Text size="sm" mt="xs">Fix the target or the settings (a wrong token is the usual cause), then Resume.</Text>
          </Alert>
        )}
        {config.state !== 'quarantined' && config.lastError && (
          <Alert color="yellow" title={`Last error (${config.consecutiveFailures} failure${config.consecutiveFailures === 1 ? '' : 's'} in a row)`}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{config.lastError}</Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Users provisioned" value={config.provisionedUsers} />
          <Figure label="Active users" value={config.activeUsers} />
          <Figure label="Groups provisioned" value={config.provisionedGroups} />
          <Figure label="Pending changes" value={config.pendingJobs} />
          <Figure label="Last reconciliation" value={when(config.lastReconciledAt)} />
        </SimpleGrid>
        {notice && <Alert color={notice.ok ? 'green' : 'red'} role={notice.ok ? 'status' : 'alert'} withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)}>{notice.text}</Alert>}
      </Stack>
    </Paper>
  );
}

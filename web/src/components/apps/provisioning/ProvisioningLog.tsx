// Every request provisioning sent to the target, newest first: when, what, about whom (by name, with the
// ids beneath), the target's answer, the outcome and its error, how long it took. Paged by the server
// ("Load more").
import { Badge, Button, Code, Group as Row, Paper, Stack, Table, Text } from '@mantine/core';
import { Panel } from './Panel';
import { useMediaQuery } from '@mantine/hooks';
import { useProvisioningLog, type ProvisioningLogEntry } from '../../../api/provisioning';
import { LoadMore } from '../../admin/AdminPage';
import { EmptyState, ErrorState, LoadingState } from '../../States';

// Dark shades: the light green and red badges miss WCAG AA contrast at badge size.
const OUTCOME_STYLE: Record<ProvisioningLogEntry['outcome'], { color: string; variant: string }> = {
  success: { color: 'teal.9', variant: 'filled' }, failure: { color: 'red.9', variant: 'filled' }, skipped: { color: 'gray', variant: 'light' }, dryRun: { color: 'indigo', variant: 'light' },
};

/**
 * Who the entry is about: the name (and a user's sign-in name) as the server gave it, with the ids
 * beneath. No name means the object is gone or the caller may not see it; the server does not say which.
 */
function LoggedObject({ entry: e }: { entry: ProvisioningLogEntry }) {
  if (!e.objectType) return <>—</>;
  const ids = `${e.objectType} ${e.localId ?? ''}${e.remoteId ? ` → ${e.remoteId}` : ''}`.trim();
  return (
    <Stack gap={0} data-testid="provisioning-log-object">
      {e.localDisplayName !== null
        ? <Text size="sm" fw={500}>{e.localDisplayName}</Text>
        : <Text size="sm" fs="italic">{e.objectType === 'user' ? 'A user' : 'A group'} not shown (deleted, or not visible to you)</Text>}
      {e.localUserPrincipalName && <Text size="xs">{e.localUserPrincipalName}</Text>}
      {e.localId !== null && <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>{ids}</Text>}
    </Stack>
  );
}

const when = (e: ProvisioningLogEntry) => new Date(e.at).toLocaleString();
const took = (e: ProvisioningLogEntry) => (e.durationMs === null ? '—' : `${e.durationMs} ms`);
const outcomeBadge = (e: ProvisioningLogEntry) => <Badge {...OUTCOME_STYLE[e.outcome]} styles={{ label: { overflow: 'visible' } }}>{e.outcome}</Badge>;

function LogTable({ items }: { items: ProvisioningLogEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={760} type="native" tabIndex={0} role="region" aria-label="Log entries, scrolling sideways">
      <Table withTableBorder striped fz="sm" aria-label="Requests sent to the target, newest first">
        <Table.Thead>
          <Table.Tr><Table.Th>Time</Table.Th><Table.Th>Operation</Table.Th><Table.Th>Object</Table.Th><Table.Th>HTTP status</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Error</Table.Th><Table.Th>Duration</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-testid="provisioning-log-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e)}</Table.Td>
              <Table.Td><Code>{e.operation}</Code></Table.Td>
              <Table.Td><LoggedObject entry={e} /></Table.Td>
              <Table.Td>{e.status ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{outcomeBadge(e)}</Table.Td>
              {/* A successful reconcile row carries its operation counts here: a note, not an error. */}
              <Table.Td style={{ wordBreak: 'break-word' }} c={e.outcome === 'failure' ? undefined : 'dimmed'}>{e.error ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{took(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** At phone width a seven-column table would scroll sideways with very tall rows: one card per request instead. */
function LogCards({ items }: { items: ProvisioningLogEntry[] }) {
  return (
    <Stack gap="xs" component="ul" aria-label="Requests sent to the target, newest first" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((e) => (
        <Paper key={e.id} component="li" withBorder radius="sm" p="xs" data-testid="provisioning-log-row">
          <Stack gap={4}>
            <Row justify="space-between" wrap="nowrap" align="flex-start">
              <Code style={{ wordBreak: 'break-all' }}>{e.operation}</Code>
              {outcomeBadge(e)}
            </Row>
            <Text size="xs" c="dimmed">{when(e)} · HTTP {e.status ?? '—'} · {took(e)}</Text>
            {e.objectType && <LoggedObject entry={e} />}
            {e.error && <Text size="sm" c={e.outcome === 'failure' ? undefined : 'dimmed'} style={{ wordBreak: 'break-word' }}>{e.error}</Text>}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function ProvisioningLog({ appId }: { appId: string }) {
  const log = useProvisioningLog(appId);
  const narrow = useMediaQuery('(max-width: 48em)');
  const items = log.data?.pages.flatMap((p) => p.value) ?? [];
  return (
    <Panel title="Provisioning log" actions={<Button size="xs" variant="default" loading={log.isRefetching} onClick={() => void log.refetch()}>Refresh</Button>}>
        {log.isPending ? <LoadingState label="Loading the provisioning log" />
          : log.isError ? <ErrorState title="Could not load the provisioning log" error={log.error} onRetry={() => void log.refetch()} />
            : items.length === 0 ? <EmptyState>Nothing has been sent yet. Enable provisioning (or run a reconciliation) and requests appear here.</EmptyState>
              : (
                <>
                  {narrow ? <LogCards items={items} /> : <LogTable items={items} />}
                  <LoadMore query={log} />
                </>
              )}
    </Panel>
  );
}

// The audit log: GET /auditLogs/directoryAudits, newest first, paged by nextLink, with the filters the
// API documents (date range, result, target id). Each row opens to its before/after values.
import { Alert, Badge, Button, Code, Collapse, Group as Row, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useAuditLog, type AuditQuery, type DirectoryAudit } from '../../api/admin';
import { AdminError, AdminPage, LoadMore } from '../../components/admin/AdminPage';
import { EmptyState, LoadingState } from '../../components/States';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(e: DirectoryAudit): string {
  const u = e.initiatedBy.user;
  if (u) return u.displayName ? `${u.displayName} (${u.userPrincipalName ?? u.id})` : u.userPrincipalName ?? u.id;
  return e.initiatedBy.app?.displayName ?? e.initiatedBy.app?.appId ?? 'Roster';
}

function AuditRow({ entry }: { entry: DirectoryAudit }) {
  const [opened, { toggle }] = useDisclosure(false);
  const changes = entry.targetResources.flatMap((t) => t.modifiedProperties);
  const channel = entry.additionalDetails.find((d) => d.key === 'channel')?.value;
  const detailsId = `audit-${entry.id}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="audit-row">
      <Row justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Row gap="xs" wrap="wrap">
            <Text fw={600}>{entry.activityDisplayName}</Text>
            <Badge size="sm" variant="filled" color={entry.result === 'success' ? 'teal.9' : 'red.9'}>{entry.result === 'success' ? 'Success' : 'Failure'}</Badge>
          </Row>
          <Text size="sm" c="dimmed">{new Date(entry.activityDateTime).toLocaleString()} · {actorOf(entry)}{channel ? ` · ${channel}` : ''}</Text>
          {entry.result !== 'success' && entry.resultReason && <Text size="sm">Reason: {entry.resultReason}</Text>}
        </Stack>
        <Button size="xs" variant="subtle" onClick={toggle} aria-expanded={opened} aria-controls={detailsId}>{opened ? 'Hide details' : 'Details'}</Button>
      </Row>
      <Collapse expanded={opened} id={detailsId}>
        <Stack gap="xs" mt="xs">
          {entry.targetResources.map((t) => <Text key={t.id} size="sm">Target: {t.type} <Code>{t.id}</Code></Text>)}
          {changes.length === 0 ? <Text size="sm" c="dimmed">No values recorded for this event.</Text> : (
            <Table.ScrollContainer minWidth={420}>
              <Table withTableBorder striped fz="sm">
                <Table.Thead><Table.Tr><Table.Th>Property</Table.Th><Table.Th>Before</Table.Th><Table.Th>After</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.displayName}>
                      <Table.Td>{c.displayName}</Table.Td>
                      <Table.Td><Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{c.oldValue ?? '—'}</Code></Table.Td>
                      <Table.Td><Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{c.newValue ?? '—'}</Code></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Collapse>
    </Paper>
  );
}

export function AuditLogPage() {
  const [query, setQuery] = useState<AuditQuery>({ since: '', until: '', result: '', targetId: '' });
  const [debounced] = useDebouncedValue(query, 300);
  const log = useAuditLog(debounced);
  const items = log.data?.pages.flatMap((p) => p.value) ?? [];
  const badTarget = query.targetId.trim() !== '' && !UUID.test(query.targetId.trim());
  const set = (patch: Partial<AuditQuery>) => setQuery((q) => ({ ...q, ...patch }));
  return (
    <AdminPage title="Audit log" intro="Every change and every refusal, newest first. The log is sealed: entries cannot be edited or removed.">
      <Row gap="sm" wrap="wrap" align="flex-end">
        <TextInput type="date" label="From" value={query.since} onChange={(e) => set({ since: e.currentTarget.value })} />
        <TextInput type="date" label="To" value={query.until} onChange={(e) => set({ until: e.currentTarget.value })} />
        <Select label="Result" w={150} allowDeselect={false} comboboxProps={{ withinPortal: true }} value={query.result} onChange={(v) => set({ result: (v ?? '') as AuditQuery['result'] })}
          data={[{ value: '', label: 'Any' }, { value: 'success', label: 'Success' }, { value: 'failure', label: 'Failure' }]} />
        <TextInput label="Target id" placeholder="A group or user id" value={query.targetId} onChange={(e) => set({ targetId: e.currentTarget.value })}
          error={badTarget ? 'An id looks like 8-4-4-4-12 hexadecimal digits' : undefined} style={{ flex: '1 1 280px' }} />
      </Row>
      {badTarget && <Alert color="yellow" variant="light">The target filter is ignored until the id is complete.</Alert>}
      {log.isPending ? <LoadingState label="Loading the audit log" />
        : log.isError ? <AdminError error={log.error} what="the audit log" onRetry={() => void log.refetch()} />
          : items.length === 0 ? <EmptyState>No events match these filters. Widen the dates or clear the result and target.</EmptyState>
            : <Stack gap="xs">{items.map((e) => <AuditRow key={e.id} entry={e} />)}<LoadMore query={log} /></Stack>}
    </AdminPage>
  );
}

// "What would provisioning send now?": the server reads the target for real and lists the writes a
// full reconciliation would make (method, path, what the body says), sending none of them.
import { Alert, Badge, Button, Code, Group as Row, Stack, Table, Text } from '@mantine/core';
import { Panel } from './Panel';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { runDryRun, type DryRun as DryRunResult } from '../../../api/provisioning';

const MAX_SUMMARY = 160;

/** One line for a SCIM body: who it is about, or which attributes a PATCH touches. */
export function bodySummary(body: unknown): string {
  if (body === null || body === undefined) return '—';
  if (typeof body !== 'object') return String(body);
  const b = body as Record<string, unknown>;
  if (Array.isArray(b['Operations'])) {
    return (b['Operations'] as Array<Record<string, unknown>>).map((op) => {
      const value = op['value'];
      const target = typeof op['path'] === 'string' ? op['path'] : value && typeof value === 'object' ? Object.keys(value).join(', ') : '';
      return `${String(op['op'] ?? '')} ${target}`.trim();
    }).join('; ');
  }
  const named = ['userName', 'displayName', 'externalId', 'active'].filter((k) => k in b).map((k) => `${k}: ${JSON.stringify(b[k])}`);
  const text = named.length > 0 ? named.join(', ') : JSON.stringify(body);
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}

/** The one-line summary, and the whole body on demand (to check every mapped attribute). */
function PlannedBody({ body, index }: { body: unknown; index: number }) {
  const [open, setOpen] = useState(false);
  if (body === null || body === undefined) return <>—</>;
  const id = `dry-run-body-${index}`;
  return (
    <Stack gap={4} align="flex-start">
      <span>{bodySummary(body)}</span>
      <Button variant="subtle" size="compact-xs" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>{open ? 'Hide the body' : 'Show the body'}</Button>
      {open && <Code block id={id} data-testid="dry-run-body">{JSON.stringify(body, null, 2)}</Code>}
    </Stack>
  );
}

export function DryRun({ appId }: { appId: string }) {
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await runDryRun(appId));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const counts = result ? Object.entries(result.counts).filter(([, n]) => n > 0) : [];
  return (
    <Panel
      title="Dry run"
      description="Reads the target and lists what a reconciliation would send now. Nothing is sent."
      actions={<Button variant="default" loading={busy} onClick={() => void run()}>Run a dry run</Button>}
    >
        {error && <Alert color="red" role="alert" title="The dry run did not run">{error}</Alert>}
        {result && (
          <Stack gap="xs" data-testid="dry-run-result">
            <Alert color="blue" variant="light" role="status" title="Dry run — nothing was sent">
              {result.requests.length === 0 ? 'The target already matches: a reconciliation would send nothing.' : `${result.requests.length} request${result.requests.length === 1 ? '' : 's'} would be sent.`}
              {counts.length > 0 && <Row gap={4} mt={6}>{counts.map(([kind, n]) => <Badge key={kind} variant="light">{kind}: {n}</Badge>)}</Row>}
            </Alert>
            {result.error && <Alert color="red" role="alert" title="The run stopped early">{result.error} Check the base URL and the token, then run it again.</Alert>}
            {result.requests.length > 0 && (
              <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} role="region" aria-label="Planned requests, scrolling sideways">
                <Table withTableBorder striped fz="sm" aria-label="Requests the dry run would send">
                  <Table.Thead><Table.Tr><Table.Th>Method</Table.Th><Table.Th>Path</Table.Th><Table.Th>Body</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {result.requests.map((r, i) => (
                      <Table.Tr key={i}>
                        <Table.Td><Code>{r.method}</Code></Table.Td>
                        <Table.Td style={{ wordBreak: 'break-all' }}>{r.path}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{r.objectType === 'user' && r.localId === null && r.body === null
                          ? <Text size="sm" fs="italic">A user not shown (not visible to you)</Text>
                          : <PlannedBody body={r.body} index={i} />}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
    </Panel>
  );
}

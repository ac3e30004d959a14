// Edits how users are sent: each SCIM attribute with the user field it comes from, or a fixed value.
// Native selects (labelled, keyboard and phone friendly); "Reset to defaults" puts the server's default
// mapping in the form. Saving sends the whole mapping in the one PATCH the API offers; the server
// checks it, and a refusal is shown beside the form with nothing changed.
import { ActionIcon, Alert, Button, Group as Row, NativeSelect, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../../api/client';
import { useProvisioningAction } from '../../../api/provisioning';
import { attributeLabel, FIXED, mappingOf, newRow, rowsOf, SCIM_ATTRIBUTES, USER_FIELDS, type MappingRow } from './mapping-fields';

const SOURCES = [...USER_FIELDS.map(([value, label]) => ({ value, label })), { value: FIXED, label: 'A fixed value…' }];

export function MappingEditor({ appId, mapping, defaults, onDone }: {
  appId: string; mapping: Record<string, string>; defaults: Record<string, string>; onDone: (saved: boolean) => void;
}) {
  const act = useProvisioningAction(appId);
  const [rows, setRows] = useState<MappingRow[]>(() => rowsOf(mapping));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (key: number, patch: Partial<MappingRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = newRow(rows);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = mappingOf(rows);
    if (JSON.stringify(next) === JSON.stringify(mapping)) return onDone(false);
    setBusy(true);
    setError(null);
    try {
      await act('', { method: 'PATCH', body: { userMapping: next } });
      onDone(true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Attribute mapping editor">
      <Stack gap="sm">
        <Text size="sm">userName and externalId find each account in the target, so they come from a user field; active follows accountEnabled.</Text>
        <Table.ScrollContainer minWidth={620} type="native">
          <Table fz="sm" aria-label="Attributes being edited" verticalSpacing={6}>
            <Table.Thead><Table.Tr><Table.Th>SCIM attribute</Table.Th><Table.Th>Comes from</Table.Th><Table.Th>Fixed value</Table.Th><Table.Th pos="relative"><VisuallyHidden>Remove</VisuallyHidden></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const name = attributeLabel(r.attribute).split(' — ')[0];
                const taken = new Set(rows.filter((o) => o.key !== r.key).map((o) => o.attribute));
                return (
                  <Table.Tr key={r.key} data-testid="mapping-row">
                    <Table.Td>
                      <NativeSelect aria-label={`SCIM attribute in row ${i + 1}`} value={r.attribute} onChange={(e) => change(r.key, { attribute: e.currentTarget.value })}
                        data={SCIM_ATTRIBUTES.filter(([a]) => a === r.attribute || !taken.has(a)).map(([value, label]) => ({ value, label }))} />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect aria-label={`Source of ${name}`} value={r.source} data={SOURCES} onChange={(e) => change(r.key, { source: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td>
                      {r.source === FIXED
                        ? <TextInput aria-label={`Fixed value of ${name}`} value={r.fixed} maxLength={198} onChange={(e) => change(r.key, { fixed: e.currentTarget.value })} />
                        : <Text size="sm" c="dimmed">—</Text>}
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red.9" aria-label={`Remove ${name}`} onClick={() => setRows((rs) => rs.filter((o) => o.key !== r.key))}>×</ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Row gap="xs">
          <Button variant="default" size="xs" disabled={!add} onClick={() => add && setRows((rs) => [...rs, add])}>Add an attribute</Button>
          <Button variant="subtle" size="xs" onClick={() => setRows(rowsOf(defaults))}>Reset to defaults</Button>
        </Row>
        {error && <Alert color="red" role="alert" title="Mapping not saved; nothing was changed">{error}</Alert>}
        <Row justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" loading={busy}>Save mapping</Button>
        </Row>
      </Stack>
    </form>
  );
}

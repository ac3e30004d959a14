// How users are sent to the target: each SCIM attribute and the user field (or fixed value) it comes
// from, and what groups carry. Those who manage provisioning edit it once provisioning is set up;
// before that it shows the defaults a setup would send.
import { Alert, Button, Code, Table, Text } from '@mantine/core';
import { Panel } from './Panel';
import { useState } from 'react';
import type { Provisioning, ProvisioningNotConfigured } from '../../../api/provisioning';
import { describeSource } from './mapping-fields';
import { MappingEditor } from './MappingEditor';

export function AttributeMapping({ config, canManage }: { config: Provisioning | ProvisioningNotConfigured; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const configured = config.state !== 'notConfigured';
  const done = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
  };
  return (
    <Panel
      title="Attribute mapping"
      description={configured ? 'What each user is sent as.' : 'What each user would be sent as (the defaults). It can be changed once provisioning is set up.'}
      actions={canManage && configured && !editing && <Button variant="default" onClick={() => { setSaved(false); setEditing(true); }}>Edit mapping</Button>}
    >
        {editing && configured
          ? <MappingEditor appId={config.appId} mapping={config.userMapping} defaults={config.defaultUserMapping} onDone={done} />
          : (
            <Table.ScrollContainer minWidth={320} type="native" tabIndex={0} role="region" aria-label="Attribute mapping, scrolling sideways">
              <Table fz="sm" withTableBorder aria-label="SCIM attributes and where they come from">
                <Table.Thead><Table.Tr><Table.Th>SCIM attribute</Table.Th><Table.Th>Comes from</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {Object.entries(config.userMapping).map(([attribute, source]) => (
                    <Table.Tr key={attribute} data-testid="mapping-entry">
                      <Table.Td style={{ wordBreak: 'break-all' }}><Code>{attribute}</Code></Table.Td>
                      <Table.Td>{describeSource(source)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        {saved && (
          <Alert color="green" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSaved(false)}>
            Mapping saved. {config.state === 'enabled' ? 'A full reconciliation is queued to send the change.' : 'It is used once provisioning is on; a dry run shows it now.'}
          </Alert>
        )}
        <Text size="sm" c="dimmed">Groups are sent with their displayName, Roster's id as externalId, and their members who have the application{configured && !config.provisionGroups ? ' — group provisioning is off in the settings' : ''}.</Text>
    </Panel>
  );
}

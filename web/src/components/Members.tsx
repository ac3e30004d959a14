// Owners and members of a group, as the caller may see them; add, remove and make-owner buttons only
// where the group's abilities say so.
import { ActionIcon, Alert, Avatar, Button, Group as Row, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction, useMembers, useOwners } from '../api/hooks';
import type { DirectoryObject, Group } from '../api/types';
import { PeoplePicker } from './PeoplePicker';
import { initials } from './Shell';
import { EmptyState, ErrorState, LoadingState, QueryView } from './States';

const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

function Person({ object, actions }: { object: DirectoryObject; actions?: React.ReactNode }) {
  const isGroup = object['@odata.type'] === '#microsoft.graph.group';
  return (
    <Row justify="space-between" wrap="nowrap" py={6} gap="xs">
      <Row gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Avatar radius="xl" size="sm" color={isGroup ? 'grape' : 'indigo'}>{initials(object.displayName)}</Avatar>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>{object.displayName}</Text>
          <Text size="xs" c="dimmed" truncate>{isGroup ? 'Group' : object.userPrincipalName}</Text>
        </Stack>
      </Row>
      {actions}
    </Row>
  );
}

export function Owners({ group }: { group: Group }) {
  const owners = useOwners(group.id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="owners-heading">
      <Title order={2} size="h4" id="owners-heading" mb="xs">Owners</Title>
      <QueryView query={owners} label="owners" empty={<EmptyState>This group has no owner. An administrator can assign one.</EmptyState>}>
        {(items) => <Stack gap={0}>{items.map((o) => <Person key={o.id} object={o} />)}</Stack>}
      </QueryView>
    </Paper>
  );
}

export function Members({ group }: { group: Group }) {
  const abilities = group['@roster.abilities'];
  const seeMembers = abilities?.seeMembers === true;
  const members = useMembers(group.id, seeMembers);
  const owners = useOwners(group.id);
  const [picked, setPicked] = useState<string | null>(null);
  const refresh = [keys.members(group.id), keys.owners(group.id), keys.group(group.id)];
  const add = useAction((id: string) => call(`/v1.0/groups/${graphPath(group.id)}/members/$ref`, { method: 'POST', body: ref(id) }), refresh);
  const removeMember = useAction((id: string) => call(`/v1.0/groups/${graphPath(group.id)}/members/${graphPath(id)}/$ref`, { method: 'DELETE' }), refresh);
  const makeOwner = useAction((id: string) => call(`/v1.0/groups/${graphPath(group.id)}/owners/$ref`, { method: 'POST', body: ref(id) }), refresh);
  const ownerIds = owners.data?.map((o) => o.id) ?? [];
  const list = members.data?.pages.flatMap((p) => p.value) ?? [];
  const failure = add.error ?? removeMember.error ?? makeOwner.error;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="members-heading">
      <Title order={2} size="h4" id="members-heading" mb="xs">Members</Title>
      {abilities?.manageMembers && (
        <form onSubmit={(e) => { e.preventDefault(); if (picked) add.mutate(picked, { onSuccess: () => setPicked(null) }); }}>
          <Row align="flex-end" gap="xs" mb="sm" wrap="wrap">
            <div style={{ flex: '1 1 240px' }}><PeoplePicker label="Add a member" value={picked} onChange={setPicked} exclude={list.map((m) => m.id)} /></div>
            <Button type="submit" disabled={!picked} loading={add.isPending}>Add</Button>
          </Row>
        </form>
      )}
      {failure && <Alert color="red" role="alert" mb="sm">{messageOf(failure)}</Alert>}
      {!seeMembers && <EmptyState>Only this group's members and owners can see who is in it.</EmptyState>}
      {seeMembers && members.isPending && <LoadingState label="Loading members" />}
      {seeMembers && members.isError && <ErrorState title="Could not load members" error={members.error} onRetry={() => void members.refetch()} />}
      {seeMembers && members.isSuccess && list.length === 0 && (
        <EmptyState>{abilities?.manageMembers ? 'No members yet. Add people above.' : 'No members yet.'}</EmptyState>
      )}
      <Stack gap={0}>
        {list.map((m) => (
          <Person key={m.id} object={m} actions={(abilities?.manageMembers || (abilities?.assignOwners && !ownerIds.includes(m.id))) && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${m.displayName}`}>⋯</ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {abilities.assignOwners && !ownerIds.includes(m.id) && m['@odata.type'] !== '#microsoft.graph.group' && (
                  <Menu.Item onClick={() => makeOwner.mutate(m.id)}>Make owner</Menu.Item>
                )}
                {abilities.manageMembers && <Menu.Item color="red" onClick={() => removeMember.mutate(m.id)}>Remove from group</Menu.Item>}
              </Menu.Dropdown>
            </Menu>
          )} />
        ))}
      </Stack>
      {members.hasNextPage && <Button mt="xs" variant="default" onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>Show more members</Button>}
    </Paper>
  );
}

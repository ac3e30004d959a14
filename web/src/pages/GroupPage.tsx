// One group: what it is, its policy, owners, members as the caller may see them, my membership, the
// apps it gives (to those the API shows them); for those the abilities allow: edit, delete,
// add/remove members, make owner, decide requests.
import { Alert, Button, Group as Row, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from 'react-router';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction, useGroup, useGroupRequests } from '../api/hooks';
import type { Group } from '../api/types';
import { GroupApps } from '../components/apps/GroupApps';
import { EditGroup } from '../components/EditGroup';
import { GroupBadges, kindOf, POLICY_LABEL } from '../components/GroupItems';
import { JoinAction } from '../components/JoinAction';
import { Members, Owners } from '../components/Members';
import { MembershipExpiry, MembershipSince } from '../components/Membership';
import { ApprovalItem } from '../components/Requests';
import { EmptyState, ErrorState, LoadingState, QueryView } from '../components/States';

export function GroupPage() {
  const { id = '' } = useParams();
  const group = useGroup(id);
  if (group.isPending) return <LoadingState label="Loading the group" rows={5} />;
  if (group.isError) return <ErrorState title="Could not open this group" error={group.error} onRetry={() => void group.refetch()} />;
  return <GroupDetails group={group.data} />;
}

function GroupDetails({ group }: { group: Group }) {
  const abilities = group['@roster.abilities'];
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const leave = useAction(() => call(`/v1.0/groups/${graphPath(group.id)}/leave`, { method: 'POST' }), [keys.group(group.id), keys.memberOf, keys.members(group.id)]);
  const remove = useAction(() => call(`/v1.0/groups/${graphPath(group.id)}`, { method: 'DELETE' }), [keys.owned, keys.memberOf, keys.deletedOwned]);
  const policy = group['@roster.joinPolicy'];
  const membership = group['@roster.myMembership'];
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap="xs">
        <Row justify="space-between" wrap="wrap" align="flex-start">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>{group.displayName}</Title>
          <Row gap="xs">
            {abilities?.edit && <Button variant="default" onClick={edit.open}>Edit</Button>}
            {abilities?.delete && <Button color="red" variant="light" onClick={del.open}>Delete</Button>}
          </Row>
        </Row>
        <GroupBadges group={group} />
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={group.description ? undefined : 'dimmed'}>
          {group.description ?? 'No description.'}
        </Text>
        <Text size="sm" c="dimmed">
          {kindOf(group)} group{policy ? ` · ${POLICY_LABEL[policy]}` : ''}{group.mail ? ` · ${group.mail}` : ''}
        </Text>
      </Stack>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="membership-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="membership-heading">My membership</Title>
          {abilities?.leave ? (
            <Row justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text size="sm">You're a member of this group.</Text>
                <MembershipExpiry membership={membership} />
                {membership && <MembershipSince membership={membership} />}
              </Stack>
              <Button size="sm" variant="default" color="red" loading={leave.isPending} onClick={() => leave.mutate(undefined)}>Leave group</Button>
            </Row>
          ) : <JoinAction group={group} />}
          {leave.isError && <Alert color="red" role="alert">{messageOf(leave.error)}</Alert>}
        </Stack>
      </Paper>

      {abilities?.approve && <GroupRequests groupId={group.id} />}
      <Owners group={group} />
      <Members group={group} />
      <GroupApps groupId={group.id} allowed={abilities?.seeApps === true} />

      <Modal opened={editing} onClose={edit.close} title="Edit group" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        <EditGroup group={group} onDone={edit.close} />
      </Modal>
      <Modal opened={deleting} onClose={del.close} title="Delete this group?" closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack gap="sm">
          <Text size="sm">Members lose what the group gives them at once. Its owners and administrators can restore it for 30 days, from Deleted groups.</Text>
          {remove.isError && <Alert color="red" role="alert">{messageOf(remove.error)}</Alert>}
          <Row justify="flex-end">
            <Button variant="default" onClick={del.close}>Keep it</Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/') })}>Delete group</Button>
          </Row>
        </Stack>
      </Modal>
    </Stack>
  );
}

function GroupRequests({ groupId }: { groupId: string }) {
  const requests = useGroupRequests(groupId, true);
  const pending = { ...requests, data: requests.data?.filter((r) => r.status === 'pending') };
  return (
    <Stack gap="xs" component="section" aria-labelledby="requests-heading">
      <Title order={2} size="h4" id="requests-heading">Requests to join</Title>
      <QueryView query={pending} label="requests to join" empty={<EmptyState>No one is waiting to join.</EmptyState>}>
        {(items) => <Stack gap="xs">{items.map((r) => <ApprovalItem key={r.id} request={r} showGroup={false} />)}</Stack>}
      </QueryView>
    </Stack>
  );
}

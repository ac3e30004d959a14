// Join requests: mine (with cancel) and the ones waiting for my decision (approve/deny with a reason).
// The buttons come from the request's own @roster.abilities; a refused decision (409 when someone
// decided first) is shown as the server said it.
import { Alert, Badge, Button, Group as Row, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction, useGroupName, useUserName } from '../api/hooks';
import type { JoinRequest } from '../api/types';
import { ImpactPreview } from './apps/ImpactPreview';

const STATUS_COLOR: Record<JoinRequest['status'], string> = { pending: 'yellow', approved: 'teal.9', denied: 'red', cancelled: 'gray', expired: 'gray' };

function GroupName({ id }: { id: string }) {
  const group = useGroupName(id);
  return <Text component={Link} to={`/groups/${encodeURIComponent(id)}`} fw={600} c="indigo.8">{group.data?.displayName ?? 'A group'}</Text>;
}

function UserName({ id }: { id: string }) {
  const user = useUserName(id);
  return <>{user.data?.displayName ?? 'Someone'}</>;
}

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function MyRequestItem({ request }: { request: JoinRequest }) {
  const cancel = useAction(() => call(`/v1.0/joinRequests/${graphPath(request.id)}/cancel`, { method: 'POST' }), [keys.myRequests]);
  return (
    <Paper withBorder radius="md" p="sm">
      <Row justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <GroupName id={request.groupId} />
          <Text size="xs" c="dimmed">
            Asked on {when(request.createdDateTime)}{request.requestedDurationDays ? ` for ${request.requestedDurationDays} days` : ''}
            {request.expiresDateTime && request.status === 'pending' ? ` · expires ${when(request.expiresDateTime)}` : ''}
          </Text>
          {request.justification && <Text size="sm">“{request.justification}”</Text>}
          {request.decisionReason && <Text size="sm" c="dimmed">Reason: {request.decisionReason}</Text>}
        </Stack>
        <Row gap="xs">
          <Badge color={STATUS_COLOR[request.status]} variant="filled">{request.status}</Badge>
          {request['@roster.abilities']?.cancel && (
            <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(undefined)}>Withdraw</Button>
          )}
        </Row>
      </Row>
      {cancel.isError && <Alert mt="xs" color="red" role="alert">{messageOf(cancel.error)}</Alert>}
    </Paper>
  );
}

export function ApprovalItem({ request, showGroup = true, groupId }: { request: JoinRequest; showGroup?: boolean; groupId?: string }) {
  const [reason, setReason] = useState('');
  const refresh = [keys.approvals, keys.groupRequests(groupId ?? request.groupId), keys.members(request.groupId), keys.group(request.groupId)];
  const decide = useAction((verb: 'approve' | 'deny') =>
    call(`/v1.0/joinRequests/${graphPath(request.id)}/${verb}`, { method: 'POST', body: reason.trim() ? { reason: reason.trim() } : {} }), refresh);
  const abilities = request['@roster.abilities'];
  const decided = decide.isSuccess;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="approval-item">
      <Stack gap="xs">
        <Row justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}><UserName id={request.requesterId} /></Text>
            {showGroup && <Row gap={4}><Text size="sm">wants to join</Text><GroupName id={request.groupId} /></Row>}
            <Text size="xs" c="dimmed">Asked on {when(request.createdDateTime)}{request.requestedDurationDays ? ` · for ${request.requestedDurationDays} days` : ''}</Text>
          </Stack>
          <Badge color={STATUS_COLOR[request.status]} variant="filled">{request.status}</Badge>
        </Row>
        <Text size="sm">{request.justification ? `“${request.justification}”` : 'No justification given.'}</Text>
        {(abilities?.approve || abilities?.deny) && !decided && (
          <>
            {abilities.approve && request.status === 'pending' && <ImpactPreview requestId={request.id} groupId={request.groupId} />}
            <Textarea label="Reason (optional, the requester sees it)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1024} autosize minRows={1} />
            <Row gap="xs">
              {abilities.approve && <Button size="sm" color="teal.9" loading={decide.isPending && decide.variables === 'approve'} onClick={() => decide.mutate('approve')}>Approve</Button>}
              {abilities.deny && <Button size="sm" color="red" variant="light" loading={decide.isPending && decide.variables === 'deny'} onClick={() => decide.mutate('deny')}>Deny</Button>}
            </Row>
          </>
        )}
        {decided && <Alert color="teal" role="status">{decide.variables === 'approve' ? 'Approved: the requester is now a member.' : 'Denied: the requester has been told.'}</Alert>}
        {decide.isError && <Alert color="red" role="alert" title="Not done">{messageOf(decide.error)}</Alert>}
      </Stack>
    </Paper>
  );
}

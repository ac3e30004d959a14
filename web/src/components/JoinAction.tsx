// Join, request with a justification, or the reason neither is offered — from the group's abilities
// and its join policy annotation as the server returned them.
import { Alert, Button, Group as Row, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction } from '../api/hooks';
import type { Group } from '../api/types';

export function whyNot(group: Group): string {
  const abilities = group['@roster.abilities'];
  if (abilities?.leave) return "You're a member of this group.";
  switch (group['@roster.joinPolicy']) {
    case 'closed': return 'Closed: only its owners add members.';
    case 'approval': return 'You cannot ask to join right now: you may already have a request waiting, or requests are turned off in this organisation.';
    case 'open': return 'You cannot join this group (you may already be in it, or this organisation does not allow it).';
    default: return 'You cannot join this group.';
  }
}

/** How long the requester asks to be a member; an approved request makes the membership end then. */
const DURATIONS = [
  { value: '', label: 'As long as I need it' },
  { value: '7', label: '1 week' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
];

export function JoinAction({ group, compact = false }: { group: Group; compact?: boolean }) {
  const abilities = group['@roster.abilities'];
  const [asking, setAsking] = useState(false);
  const [justification, setJustification] = useState('');
  const [duration, setDuration] = useState('');
  const refresh = [keys.memberOf, keys.myRequests, keys.group(group.id), ['groups', 'search'], keys.members(group.id)];
  const join = useAction(() => call(`/v1.0/groups/${graphPath(group.id)}/join`, { method: 'POST' }), refresh);
  const request = useAction(() => call(`/v1.0/groups/${graphPath(group.id)}/joinRequests`, {
    method: 'POST', body: {
      ...(justification.trim() ? { justification: justification.trim() } : {}),
      ...(duration ? { requestedDurationDays: Number(duration) } : {}),
    },
  }), refresh);

  if (join.isSuccess) return <Alert color="teal" role="status" py={6}>You joined {group.displayName}.</Alert>;
  if (request.isSuccess) return <Alert color="teal" role="status" py={6}>Request sent. An owner will decide; you'll find it under My pending requests.</Alert>;
  const failure = join.error ?? request.error;

  return (
    <Stack gap="xs" align={compact ? 'stretch' : 'flex-start'} style={{ flex: compact ? '0 1 320px' : undefined }}>
      {abilities?.join && <Button size="sm" onClick={() => join.mutate(undefined)} loading={join.isPending} aria-label={`Join ${group.displayName}`}>Join</Button>}
      {abilities?.request && !asking && (
        <Button size="sm" variant="light" onClick={() => setAsking(true)} aria-label={`Request to join ${group.displayName}`}>Request to join</Button>
      )}
      {abilities?.request && asking && (
        <form onSubmit={(e) => { e.preventDefault(); request.mutate(undefined); }} style={{ width: '100%', maxWidth: 560 }}>
          <Stack gap="xs">
            <Textarea label="Why do you need to join?" description="The owners see this when they decide." value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)} maxLength={1024} autosize minRows={2} data-autofocus />
            <NativeSelect label="For how long?" description="If approved, your membership ends after this time." data={DURATIONS}
              value={duration} onChange={(e) => setDuration(e.currentTarget.value)} />
            <Row gap="xs">
              <Button type="submit" size="sm" loading={request.isPending}>Send request</Button>
              <Button size="sm" variant="default" onClick={() => setAsking(false)}>Cancel</Button>
            </Row>
          </Stack>
        </form>
      )}
      {!abilities?.join && !abilities?.request && <Text size="sm" c="dimmed">{whyNot(group)}</Text>}
      {failure && <Alert color="red" role="alert" py={6}>{messageOf(failure)}</Alert>}
    </Stack>
  );
}

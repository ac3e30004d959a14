// Join, request with a justification (and how long), or the reason neither is offered — all from the
// group's abilities as the server returned them (the reason is the server's code, worded in join-reasons.ts).
import { Alert, Button, Group as Row, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction } from '../api/hooks';
import type { Group } from '../api/types';
import { joinBlockedText } from './join-reasons';

/** A quiet note, not an error: the group is fine, it just isn't one the caller can join. */
function BlockedNote({ reason }: { reason: string | null | undefined }) {
  return (
    <Row gap={6} wrap="nowrap" align="flex-start" data-testid="join-blocked" data-reason={reason ?? ''}>
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" 
        style={{ flex: 'none', marginTop: 2, color: 'var(--mantine-color-dimmed)' }}
        fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="12" cy="12" r="10" /><line x1="12" y1="11" x2="12" y2="16" /><line x1="12" y1="8" x2="12.01" y2="8" />
      </svg>
      <Text size="sm" c="dimmed">{joinBlockedText(reason)}</Text>
    </Row>
  );
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
      {!abilities?.join && !abilities?.request && <BlockedNote reason={abilities?.joinBlockedReason} />}
      {failure && <Alert color="red" role="alert" py={6}>{messageOf(failure)}</Alert>}
    </Stack>
  );
}

// Create a group: kind, name, description, who can join and visibility. The server applies the My
// Groups defaults (SPEC §3.3: the creator becomes its owner) and the admins' ceiling on the join policy.
import { Alert, Button, Group as Row, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { call, messageOf } from '../api/client';
import { keys, useAction } from '../api/hooks';
import type { Group, JoinPolicy, Visibility } from '../api/types';

type Kind = 'security' | 'm365';

/** A mail nickname from the name (Graph requires one); the server refuses what it doesn't accept. */
export function nicknameOf(name: string): string {
  const base = name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 40);
  return `${base || 'group'}-${Math.random().toString(36).slice(2, 8)}`;
}

export function CreateGroupPage() {
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('security');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('Public');
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>('open');
  const create = useAction(() => call<Group>('/v1.0/groups', {
    method: 'POST',
    body: {
      displayName: name.trim(),
      description: description.trim() || null,
      mailNickname: nicknameOf(name),
      visibility,
      '@roster.joinPolicy': joinPolicy,
      ...(kind === 'm365' ? { groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false } : { mailEnabled: false, securityEnabled: true }),
    },
  }), [keys.owned, keys.memberOf, ['groups', 'search']]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined, { onSuccess: (group) => void navigate(`/groups/${encodeURIComponent((group as Group).id)}`) });
  };

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">Create a group</Title>
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit} aria-label="New group">
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="kind-label">Kind</Text>
              <SegmentedControl aria-labelledby="kind-label" value={kind} onChange={(v) => { setKind(v as Kind); if (v === 'security' && visibility === 'HiddenMembership') setVisibility('Private'); }}
                data={[{ value: 'security', label: 'Security' }, { value: 'm365', label: 'Microsoft 365' }]} />
              <Text size="xs" c="dimmed">{kind === 'security' ? 'Gives its members access to apps and resources.' : 'A shared mailbox, calendar and files for a team.'}</Text>
            </Stack>
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={256} />
            <Textarea label="Description" description="Say what the group is for, so people know whether to join." value={description}
              onChange={(e) => setDescription(e.currentTarget.value)} maxLength={1024} autosize minRows={3} />
            <Select label="Who can join" value={joinPolicy} onChange={(v) => v && setJoinPolicy(v as JoinPolicy)} allowDeselect={false}
              description="Your organisation may limit how open owners can make a group."
              data={[
                { value: 'open', label: 'Anyone — people join at once' },
                { value: 'approval', label: 'By request — an owner approves each request' },
                { value: 'closed', label: 'Only owners add members' },
              ]} />
            <Select label="Visibility" value={visibility} onChange={(v) => v && setVisibility(v as Visibility)} allowDeselect={false}
              description="Who can see the group's members."
              data={[
                { value: 'Public', label: 'Public — anyone can find it and see its members' },
                { value: 'Private', label: 'Private — anyone can find it; members are visible to members' },
                ...(kind === 'm365' ? [{ value: 'HiddenMembership', label: 'Hidden membership — only owners see members' }] : []),
              ]} />
            <Text size="sm" c="dimmed">You become the group's owner. You can add members and other owners once it exists.</Text>
            {create.isError && <Alert color="red" role="alert" title="Not created">{messageOf(create.error)}</Alert>}
            <Row justify="flex-end">
              <Button variant="default" onClick={() => void navigate(-1)}>Cancel</Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>Create group</Button>
            </Row>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

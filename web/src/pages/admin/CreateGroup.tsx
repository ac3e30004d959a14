// Create a group in the admin center (POST /v1.0/groups on the adminCenter channel): the admin is not
// made its owner (SPEC §3.3, adminCenter row); owners are the people the admin picks, sent as
// owners@odata.bind. Any refusal is the server's, shown as it says.
import { Alert, Button, CloseButton, Group as Row, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { adminCall, messageOf } from '../../api/client';
import type { Group, JoinPolicy, User, Visibility } from '../../api/types';
import { AdminPage } from '../../components/admin/AdminPage';
import { UserPicker } from '../../components/admin/UserPicker';
import { nicknameOf } from '../CreateGroup';

type Kind = 'security' | 'm365';

export function AdminCreateGroupPage() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('security');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>('closed');
  const [visibility, setVisibility] = useState<Visibility>('Private');
  const [owners, setOwners] = useState<Array<Pick<User, 'id' | 'displayName'>>>([]);
  const create = useMutation({
    mutationFn: () => adminCall<Group>('/v1.0/groups', {
      method: 'POST',
      body: {
        displayName: name.trim(), description: description.trim() || null, mailNickname: nicknameOf(name), visibility,
        '@roster.joinPolicy': joinPolicy,
        ...(owners.length ? { 'owners@odata.bind': owners.map((o) => `${globalThis.location.origin}/v1.0/users/${o.id}`) } : {}),
        ...(kind === 'm365' ? { groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false } : { mailEnabled: false, securityEnabled: true }),
      },
    }),
    onSuccess: async (group) => {
      await client.invalidateQueries({ queryKey: ['admin'] });
      void navigate(`/groups/${encodeURIComponent(group.id)}`);
    },
  });
  const addOwner = (user: Pick<User, 'id' | 'displayName'>) => {
    setOwners((list) => (list.some((o) => o.id === user.id) ? list : [...list, user]));
  };
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(); };
  return (
    <AdminPage title="Create a group" intro="Groups created here have no automatic owner: pick the people who will manage it. Without owners, only administrators manage the group.">
      <Paper withBorder radius="md" p="lg" maw={680}>
        <form onSubmit={submit} aria-label="New group">
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="admin-kind-label">Kind</Text>
              <SegmentedControl aria-labelledby="admin-kind-label" value={kind} onChange={(v) => { setKind(v as Kind); if (v === 'security' && visibility === 'HiddenMembership') setVisibility('Private'); }}
                data={[{ value: 'security', label: 'Security' }, { value: 'm365', label: 'Microsoft 365' }]} />
            </Stack>
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={256} />
            <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={1024} autosize minRows={2} />
            <Select label="Who can join" value={joinPolicy} onChange={(v) => v && setJoinPolicy(v as JoinPolicy)} allowDeselect={false} comboboxProps={{ withinPortal: true }}
              data={[
                { value: 'open', label: 'Anyone — people join at once' },
                { value: 'approval', label: 'By request — an owner approves each request' },
                { value: 'closed', label: 'Only owners and admins add members' },
              ]} />
            <Select label="Visibility" value={visibility} onChange={(v) => v && setVisibility(v as Visibility)} allowDeselect={false} comboboxProps={{ withinPortal: true }}
              data={[
                { value: 'Public', label: 'Public — anyone can see its members' },
                { value: 'Private', label: 'Private — members are visible to members and owners' },
                ...(kind === 'm365' ? [{ value: 'HiddenMembership', label: 'Hidden membership — only owners see members' }] : []),
              ]} />
            <Stack gap={6}>
              <UserPicker label="Add an owner" exclude={owners.map((o) => o.id)} onPick={addOwner} />
              {owners.length === 0
                ? <Text size="sm" c="dimmed">No owners yet.</Text>
                : (
                  <Stack gap={4} aria-label="Owners to assign" role="list">
                    {owners.map((o) => (
                      <Row key={o.id} gap="xs" role="listitem" wrap="nowrap">
                        <Text size="sm" truncate>{o.displayName}</Text>
                        <CloseButton size="sm" aria-label={`Remove ${o.displayName} from the owners`} onClick={() => setOwners((list) => list.filter((x) => x.id !== o.id))} />
                      </Row>
                    ))}
                  </Stack>
                )}
            </Stack>
            {create.isError && <Alert color="red" role="alert" title="Not created">{messageOf(create.error)}</Alert>}
            <Row justify="flex-end"><Button type="submit" loading={create.isPending}>Create group</Button></Row>
          </Stack>
        </form>
      </Paper>
    </AdminPage>
  );
}

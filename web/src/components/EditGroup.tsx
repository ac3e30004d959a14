// Edit a group's name, description and visibility (PATCH /v1.0/groups/{id}); shown only with `edit`.
import { Alert, Button, Group as Row, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call, graphPath, messageOf } from '../api/client';
import { keys, useAction } from '../api/hooks';
import type { Group, Visibility } from '../api/types';

export function EditGroup({ group, onDone }: { group: Group; onDone: () => void }) {
  const [name, setName] = useState(group.displayName);
  const [description, setDescription] = useState(group.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(group.visibility ?? 'Public');
  const save = useAction(() => {
    const body: Record<string, unknown> = {};
    if (name.trim() !== group.displayName) body.displayName = name.trim();
    if ((description.trim() || null) !== group.description) body.description = description.trim() || null;
    if (visibility !== group.visibility) body.visibility = visibility;
    return Object.keys(body).length ? call(`/v1.0/groups/${graphPath(group.id)}`, { method: 'PATCH', body }) : Promise.resolve();
  }, [keys.group(group.id), keys.owned, keys.memberOf]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, { onSuccess: onDone });
  };
  const m365 = group.groupTypes.includes('Unified');
  return (
    <form onSubmit={submit} aria-label="Edit group">
      <Stack gap="sm">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={256} data-autofocus />
        <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={1024} autosize minRows={3} />
        <Select label="Visibility" value={visibility} onChange={(v) => v && setVisibility(v as Visibility)} allowDeselect={false}
          description="Changing visibility changes how people join: Public is open, Private needs approval."
          data={[{ value: 'Public', label: 'Public' }, { value: 'Private', label: 'Private' }, ...(m365 || visibility === 'HiddenMembership' ? [{ value: 'HiddenMembership', label: 'Hidden membership' }] : [])]} />
        {save.isError && <Alert color="red" role="alert" title="Not saved">{messageOf(save.error)}</Alert>}
        <Row justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={!name.trim()}>Save</Button>
        </Row>
      </Stack>
    </form>
  );
}

// Create a user (POST /v1.0/users): sign-in name, display name and a first password. Roles and licences
// have routes of their own (SECURITY #10): they are given afterwards from the user's row (UserAccess).
import { Alert, Button, Group as Row, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { adminCall, messageOf } from '../../api/client';
import type { User } from '../../api/types';

export function CreateUser({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const client = useQueryClient();
  const [upn, setUpn] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () => adminCall<User>('/v1.0/users', { method: 'POST', body: { userPrincipalName: upn.trim(), displayName: name.trim(), accountEnabled: true, passwordProfile: { password } } }),
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
      setUpn(''); setName(''); setPassword('');
      onCreated(user);
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(); };
  return (
    <Modal opened={opened} onClose={onClose} title="Create a user" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="User name (sign-in name)" description="For example ana@contoso.example" required value={upn} onChange={(e) => setUpn(e.currentTarget.value)} autoComplete="off" />
          <TextInput label="Display name" required value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" />
          <PasswordInput label="First password" description="Give it to the person; they sign in with it." required value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
          {create.isError && <Alert color="red" variant="light" role="alert" title="The user was not created">{messageOf(create.error)}</Alert>}
          <Row justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create user</Button>
          </Row>
        </Stack>
      </form>
    </Modal>
  );
}

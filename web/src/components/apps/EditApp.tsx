// Edit an application: name, description, home page, and its switches — enabled (a kill switch:
// nobody has it while off), assignment required, nested groups cascade, shown in My Apps. Sends only
// what changed; the server's refusal is shown as it said it.
import { Alert, Button, Group as Row, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { appPath } from '../../api/apps';
import { adminCall, messageOf } from '../../api/client';
import type { ServicePrincipal } from '../../api/types';

export function EditApp({ app, onDone }: { app: ServicePrincipal; onDone: () => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState({
    displayName: app.displayName, description: app.description ?? '', homepage: app.homepage ?? '',
    accountEnabled: app.accountEnabled, appRoleAssignmentRequired: app.appRoleAssignmentRequired,
    cascade: app['@roster.cascadeNestedGroups'], visible: app['@roster.visibleToUsers'],
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    if (form.displayName.trim() !== app.displayName) body['displayName'] = form.displayName.trim();
    if ((form.description.trim() || null) !== app.description) body['description'] = form.description.trim() || null;
    if ((form.homepage.trim() || null) !== app.homepage) body['homepage'] = form.homepage.trim() || null;
    if (form.accountEnabled !== app.accountEnabled) body['accountEnabled'] = form.accountEnabled;
    if (form.appRoleAssignmentRequired !== app.appRoleAssignmentRequired) body['appRoleAssignmentRequired'] = form.appRoleAssignmentRequired;
    if (form.cascade !== app['@roster.cascadeNestedGroups']) body['@roster.cascadeNestedGroups'] = form.cascade;
    if (form.visible !== app['@roster.visibleToUsers']) body['@roster.visibleToUsers'] = form.visible;
    if (Object.keys(body).length === 0) return onDone();
    setBusy(true);
    setError(null);
    try {
      await adminCall(appPath(app.id), { method: 'PATCH', body });
      await client.invalidateQueries({ queryKey: ['admin'] });
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <TextInput label="Name" required value={form.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} maxLength={256} />
        <Textarea label="Description" value={form.description} onChange={(e) => set('description', e.currentTarget.value)} maxLength={1024} autosize minRows={2} />
        <TextInput label="Home page" description="Where My Apps sends users (https://…)" value={form.homepage} onChange={(e) => set('homepage', e.currentTarget.value)} maxLength={2048} />
        <Switch label="Enabled" description="Off: nobody has this application, whatever its assignments say." checked={form.accountEnabled} onChange={(e) => set('accountEnabled', e.currentTarget.checked)} />
        <Switch label="Assignment required" description="Off: every enabled user of the organisation has it." checked={form.appRoleAssignmentRequired} onChange={(e) => set('appRoleAssignmentRequired', e.currentTarget.checked)} />
        <Switch label="Include members of nested groups" description="Off: only direct members of an assigned group have it (as in Entra ID)." checked={form.cascade} onChange={(e) => set('cascade', e.currentTarget.checked)} />
        <Switch label="Show in My Apps" checked={form.visible} onChange={(e) => set('visible', e.currentTarget.checked)} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Row justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={busy} disabled={!form.displayName.trim()}>Save</Button>
        </Row>
      </Stack>
    </form>
  );
}

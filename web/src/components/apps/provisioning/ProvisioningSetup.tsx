// Where an app's users are pushed: the SCIM base URL, the bearer token (write-only: once set the form
// only says so and offers to replace it, it never shows it), what happens to users who lose the app,
// whether groups go too, and how often a full reconciliation runs. Sends only what changed.
import { Alert, Button, Group as Row, NumberInput, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../../api/client';
import { useProvisioningAction, type DeprovisionMode, type Provisioning, type ProvisioningChanges } from '../../../api/provisioning';

const DEPROVISION: Array<{ value: DeprovisionMode; label: string }> = [
  { value: 'disableThenDelete', label: 'Disable, then delete the account' },
  { value: 'disable', label: 'Disable the account only' },
  { value: 'delete', label: 'Delete the account' },
];
const DEFAULT_INTERVAL = 40;

export function ProvisioningSetup({ appId, current, onDone }: { appId: string; current: Provisioning | null; onDone?: () => void }) {
  const act = useProvisioningAction(appId);
  const [baseUrl, setBaseUrl] = useState(current?.baseUrl ?? '');
  const [token, setToken] = useState('');
  const [deprovision, setDeprovision] = useState<DeprovisionMode>(current?.deprovision ?? 'disableThenDelete');
  const [groups, setGroups] = useState(current?.provisionGroups ?? true);
  const [interval, setInterval] = useState<number>(current?.reconcileIntervalMinutes ?? DEFAULT_INTERVAL);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const changes = (): ProvisioningChanges => {
    const body: ProvisioningChanges = {};
    if (!current || baseUrl.trim() !== current.baseUrl) body.baseUrl = baseUrl.trim();
    if (token) body.token = token;
    if (!current || deprovision !== current.deprovision) body.deprovision = deprovision;
    if (!current || groups !== current.provisionGroups) body.provisionGroups = groups;
    if (!current || interval !== current.reconcileIntervalMinutes) body.reconcileIntervalMinutes = interval;
    return body;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = changes();
    setSaved(false);
    if (Object.keys(body).length === 0) return onDone?.();
    setBusy(true);
    setError(null);
    try {
      await act('', { method: 'PATCH', body });
      // The token leaves the page once sent: the server keeps it, the browser forgets it.
      setToken('');
      setSaved(true);
      onDone?.();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const tokenHelp = current
    ? 'A token is set. It is never shown; type a new one only to replace it.'
    : 'The bearer token the target gave Roster. It is stored encrypted and never shown again.';
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Provisioning settings">
      <Stack gap="sm">
        <TextInput label="SCIM base URL" required placeholder="https://scim.example.com/scim/v2" description="The target's SCIM 2.0 endpoint (https; plain http only to this machine)."
          value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} maxLength={2048} />
        <PasswordInput label={current ? 'Replace the bearer token' : 'Bearer token'} required={!current} description={tokenHelp}
          placeholder={current ? 'Leave empty to keep the current token' : undefined} autoComplete="new-password"
          value={token} onChange={(e) => setToken(e.currentTarget.value)} maxLength={4096}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the token' }} />
        <Select label="When a user loses the application" data={DEPROVISION} value={deprovision} allowDeselect={false}
          onChange={(v) => { if (v) setDeprovision(v as DeprovisionMode); }} comboboxProps={{ withinPortal: true }} />
        <Switch label="Provision assigned groups" description="Also create the groups assigned to the application, with their members who have it."
          checked={groups} onChange={(e) => setGroups(e.currentTarget.checked)} />
        <NumberInput label="Full reconciliation every (minutes)" description="5 minutes to 7 days (10080). Changes are pushed within seconds anyway; this repairs drift."
          min={5} max={10080} allowDecimal={false} value={interval} onChange={(v) => setInterval(typeof v === 'number' ? v : Number(v) || DEFAULT_INTERVAL)} />
        {!current && <Alert color="blue" variant="light">Provisioning starts paused: run a dry run to see what it would send, then enable it.</Alert>}
        {error && <Alert color="red" role="alert" title="Not saved">{error}</Alert>}
        {saved && !onDone && <Alert color="green" role="status">Saved.</Alert>}
        <Row justify="flex-end">
          {onDone && current && <Button variant="default" onClick={onDone}>Cancel</Button>}
          <Button type="submit" loading={busy} disabled={!baseUrl.trim() || (!current && !token)}>{current ? 'Save' : 'Set up provisioning'}</Button>
        </Row>
      </Stack>
    </form>
  );
}

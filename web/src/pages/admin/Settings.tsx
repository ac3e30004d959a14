// Tenant settings (SPEC §3.2): every key GET /v1.0/settings describes, grouped by section, with the
// control its schema calls for. Save sends only the changed keys in one PATCH — all or nothing; a
// refusal (400 for a bad value, 403 for a non-admin) is shown with the server's message.
import { Alert, Button, Group as Row, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSaveSettings, useSettings, type SettingsDocument } from '../../api/admin';
import { messageOf } from '../../api/client';
import { AdminError, AdminPage } from '../../components/admin/AdminPage';
import { SettingControl } from '../../components/admin/SettingControl';
import { LoadingState } from '../../components/States';

const SECTIONS: Record<string, string> = {
  creation: 'Group creation', myGroups: 'My Groups', owners: 'Owners', requests: 'Membership requests',
  ceiling: 'Limits for owners', licences: 'Licences',
};

const settingKeys = (doc: SettingsDocument) => Object.keys(doc).filter((k) => !k.startsWith('@'));

export function SettingsPage() {
  const settings = useSettings();
  const save = useSaveSettings();
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [saved, setSaved] = useState<string[] | null>(null);
  const doc = settings.data;
  const changes = doc ? Object.fromEntries(Object.entries(draft).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(doc[k]?.value))) : {};
  const changedKeys = Object.keys(changes);

  const onSave = () => {
    setSaved(null);
    save.mutate(changes, { onSuccess: () => { setSaved(changedKeys.map((k) => doc?.[k]?.label ?? k)); setDraft({}); } });
  };

  const actions = doc && (
    <Row gap="xs">
      <Button variant="default" disabled={changedKeys.length === 0 || save.isPending} onClick={() => { setDraft({}); save.reset(); }}>Discard changes</Button>
      <Button disabled={changedKeys.length === 0} loading={save.isPending} onClick={onSave}>
        {changedKeys.length > 0 ? `Save ${changedKeys.length} change${changedKeys.length === 1 ? '' : 's'}` : 'Save'}
      </Button>
    </Row>
  );

  return (
    <AdminPage title="Tenant settings" actions={actions}
      intro="What people can do with groups in your organisation. Changes take effect on the next request, in My Groups, the admin center and the API alike.">
      {save.isError && <Alert color="red" variant="light" role="alert" title="Nothing was saved">{messageOf(save.error)}</Alert>}
      {saved && <Alert color="teal" variant="light" role="status">Saved: {saved.join(', ')}.</Alert>}
      {settings.isPending ? <LoadingState label="Loading settings" rows={6} />
        : settings.isError ? <AdminError error={settings.error} what="the settings" onRetry={() => void settings.refetch()} />
          : doc && Object.entries(SECTIONS).concat(extraSections(doc)).map(([section, title]) => {
            const keys = settingKeys(doc).filter((k) => doc[k]?.section === section);
            if (keys.length === 0) return null;
            return (
              <Stack key={section} gap="xs" component="section" aria-labelledby={`section-${section}`}>
                <Title order={2} size="h4" id={`section-${section}`}>{title}</Title>
                {keys.map((key) => {
                  const setting = doc[key];
                  if (!setting) return null;
                  const value = key in draft ? draft[key] : setting.value;
                  return <SettingControl key={key} id={key} setting={setting} value={value} changed={key in changes}
                    onChange={(v) => { setSaved(null); setDraft((d) => ({ ...d, [key]: v })); }} />;
                })}
              </Stack>
            );
          })}
      {doc && <Text size="xs" c="dimmed">Every change is recorded in the audit log with its old and new values.</Text>}
    </AdminPage>
  );
}

/** Sections this page has no title for yet still show, under their own name. */
function extraSections(doc: SettingsDocument): Array<[string, string]> {
  const known = new Set(Object.keys(SECTIONS));
  return [...new Set(settingKeys(doc).map((k) => doc[k]?.section ?? ''))].filter((s) => s && !known.has(s)).map((s) => [s, s]);
}

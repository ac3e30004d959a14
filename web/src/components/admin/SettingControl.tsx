// One tenant setting's control, chosen from the schema the server sends (docs/adr/0011): a switch for
// booleans, a select for enums, a number input for integers (empty = none when null is allowed), and a
// group picker for group ids. Help text is the setting's description; its default is shown.
import { Button, Group as Row, NumberInput, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import type { SettingDescription } from '../../api/admin';
import { GroupPicker } from './GroupPicker';

type Schema = Record<string, unknown>;

/** The non-null part of a nullable schema ({ anyOf: [inner, { type: 'null' }] }). */
function inner(schema: Schema): { schema: Schema; nullable: boolean } {
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf)) {
    const rest = (anyOf as Schema[]).filter((s) => s['type'] !== 'null');
    return { schema: rest[0] ?? {}, nullable: rest.length < anyOf.length };
  }
  return { schema, nullable: false };
}

const ENUM_LABELS: Record<string, string> = { All: 'All', Selected: 'Selected', None: 'None', open: 'Open', approval: 'Owner approval', closed: 'Closed' };

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return ENUM_LABELS[value] ?? value;
  return String(value);
}

export function SettingControl({ id, setting, value, changed, onChange }: {
  id: string; setting: SettingDescription; value: unknown; changed: boolean; onChange: (value: unknown) => void;
}) {
  const { schema, nullable } = inner(setting.schema);
  const isDefault = JSON.stringify(value) === JSON.stringify(setting.default);
  const defaultText = setting.default !== null ? formatValue(setting.default) : schema['format'] === 'uuid' ? 'no group' : 'no limit';
  let control;
  if (schema['type'] === 'boolean') {
    control = <Switch label={setting.label} description={setting.description} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
  } else if (Array.isArray(schema['enum'])) {
    control = (
      <Select label={setting.label} description={setting.description} allowDeselect={false} comboboxProps={{ withinPortal: true }}
        data={(schema['enum'] as string[]).map((v) => ({ value: v, label: formatValue(v) }))} value={typeof value === 'string' ? value : null} onChange={(v) => v !== null && onChange(v)} />
    );
  } else if (schema['type'] === 'integer') {
    control = (
      <NumberInput label={setting.label} description={nullable ? `${setting.description} Leave empty for no limit.` : setting.description}
        min={schema['minimum'] as number | undefined} max={schema['maximum'] as number | undefined} allowDecimal={false} clampBehavior="none" styles={{ input: { maxWidth: 200 } }}
        value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : v === '' && nullable ? null : Number(v))} />
    );
  } else if (schema['format'] === 'uuid') {
    control = <GroupPicker label={setting.label} description={setting.description} value={typeof value === 'string' ? value : null} onChange={onChange} />;
  } else {
    control = <Text size="sm">{setting.label}: {formatValue(value)} (this setting cannot be changed here)</Text>;
  }
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`setting-${id}`} bg={changed ? 'indigo.0' : undefined}>
      <Stack gap={6}>
        {control}
        <Row gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">Default: {defaultText}{changed ? ' · not saved yet' : ''}</Text>
          {!isDefault && (
            <Button size="compact-xs" variant="subtle" onClick={() => onChange(setting.default)} aria-label={`Use the default for ${setting.label}`}>
              Use default
            </Button>
          )}
        </Row>
      </Stack>
    </Paper>
  );
}

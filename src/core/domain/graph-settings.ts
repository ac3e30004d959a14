// Graph's views of Roster's settings registry (FIDELITY §4.2, docs/adr/0012): the authorization
// policy's `allowedToCreateSecurityGroups` and the `Group.Unified` directory setting's
// `EnableGroupCreation` / `GroupCreationAllowedGroupId`. Pure: read maps settings to Graph's values,
// write maps Graph's values to a settings patch (or the reason it is refused).
import type { Audience, SettingKey, TenantSettings } from './settings.js';

/** Graph's well-known id of the Group.Unified settings template (also Roster's one settings object). */
export const GROUP_UNIFIED_TEMPLATE_ID = '62375ab9-6b52-47ed-826b-58e47e0e304b';

type Patch = Partial<Record<SettingKey, unknown>>;
export type GraphSettingsPatch = { ok: true; patch: Patch } | { ok: false; detail: string };

/** `allowedToCreateSecurityGroups`: true only when every user may (All); Selected and None read false. */
export function allowedToCreateSecurityGroups(settings: TenantSettings): boolean {
  return settings.securityGroupCreation === 'All';
}

/** true → All; false → None, except that a Selected audience stays Selected (it already is "not everyone"). */
export function securityCreationPatch(settings: TenantSettings, allowed: boolean): Patch {
  if (allowed) return { securityGroupCreation: 'All' };
  return settings.securityGroupCreation === 'Selected' ? {} : { securityGroupCreation: 'None' };
}

export interface UnifiedGroupValues {
  EnableGroupCreation: string;
  GroupCreationAllowedGroupId: string;
}

/** All → "true"; Selected → "false" with the group; None → "false" and no group (Entra's meaning). */
export function unifiedGroupValues(settings: TenantSettings): UnifiedGroupValues {
  const audience: Audience = settings.m365GroupCreation;
  return {
    EnableGroupCreation: audience === 'All' ? 'true' : 'false',
    GroupCreationAllowedGroupId: audience === 'None' ? '' : settings.m365GroupCreationGroupId ?? '',
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Applies Graph's name/value pairs over the current values; only the two supported names are accepted. */
export function unifiedGroupPatch(settings: TenantSettings, values: ReadonlyArray<{ name: string; value: string }>): GraphSettingsPatch {
  const next: UnifiedGroupValues = { ...unifiedGroupValues(settings) };
  for (const { name, value } of values) {
    if (name === 'EnableGroupCreation') {
      if (!/^(true|false)$/i.test(value)) return { ok: false, detail: "'EnableGroupCreation' must be 'true' or 'false'." };
      next.EnableGroupCreation = value.toLowerCase();
    } else if (name === 'GroupCreationAllowedGroupId') {
      if (value !== '' && !UUID.test(value)) return { ok: false, detail: "'GroupCreationAllowedGroupId' must be a group id or empty." };
      next.GroupCreationAllowedGroupId = value.toLowerCase();
    } else {
      return { ok: false, detail: `'${name.slice(0, 100)}' is not supported by Roster.` };
    }
  }
  const groupId = next.GroupCreationAllowedGroupId === '' ? null : next.GroupCreationAllowedGroupId;
  if (next.EnableGroupCreation === 'true') return { ok: true, patch: { m365GroupCreation: 'All', m365GroupCreationGroupId: groupId } };
  return { ok: true, patch: { m365GroupCreation: groupId ? 'Selected' : 'None', m365GroupCreationGroupId: groupId } };
}

// FIDELITY §4.2: Graph's settings views map onto the registry and back.
import { describe, expect, it } from 'vitest';
import { allowedToCreateSecurityGroups, securityCreationPatch, unifiedGroupPatch, unifiedGroupValues } from './graph-settings.js';
import { defaultSettings, type TenantSettings } from './settings.js';

const G = '0b4a5c1e-1111-4222-8333-444455556666';
const with_ = (over: Partial<Record<keyof TenantSettings, unknown>>) => ({ ...defaultSettings(), ...over }) as TenantSettings;

describe('authorizationPolicy ↔ securityGroupCreation', () => {
  it('reads true only for All', () => {
    expect(allowedToCreateSecurityGroups(with_({ securityGroupCreation: 'All' }))).toBe(true);
    expect(allowedToCreateSecurityGroups(with_({ securityGroupCreation: 'Selected' }))).toBe(false);
    expect(allowedToCreateSecurityGroups(with_({ securityGroupCreation: 'None' }))).toBe(false);
  });
  it('writes true → All, false → None, and false keeps Selected', () => {
    expect(securityCreationPatch(with_({ securityGroupCreation: 'None' }), true)).toEqual({ securityGroupCreation: 'All' });
    expect(securityCreationPatch(with_({}), false)).toEqual({ securityGroupCreation: 'None' });
    expect(securityCreationPatch(with_({ securityGroupCreation: 'Selected' }), false)).toEqual({});
  });
});

describe('Group.Unified ↔ m365GroupCreation', () => {
  it('reads All / Selected / None as Entra does', () => {
    expect(unifiedGroupValues(with_({}))).toEqual({ EnableGroupCreation: 'true', GroupCreationAllowedGroupId: '' });
    expect(unifiedGroupValues(with_({ m365GroupCreation: 'Selected', m365GroupCreationGroupId: G }))).toEqual({ EnableGroupCreation: 'false', GroupCreationAllowedGroupId: G });
    expect(unifiedGroupValues(with_({ m365GroupCreation: 'None', m365GroupCreationGroupId: G }))).toEqual({ EnableGroupCreation: 'false', GroupCreationAllowedGroupId: '' });
  });
  it('writes over the current values; a round trip of what was read changes nothing', () => {
    expect(unifiedGroupPatch(with_({}), [{ name: 'EnableGroupCreation', value: 'False' }])).toEqual({ ok: true, patch: { m365GroupCreation: 'None', m365GroupCreationGroupId: null } });
    expect(unifiedGroupPatch(with_({}), [{ name: 'EnableGroupCreation', value: 'false' }, { name: 'GroupCreationAllowedGroupId', value: G.toUpperCase() }])).toEqual({ ok: true, patch: { m365GroupCreation: 'Selected', m365GroupCreationGroupId: G } });
    const selected = with_({ m365GroupCreation: 'Selected', m365GroupCreationGroupId: G });
    const v = unifiedGroupValues(selected);
    expect(unifiedGroupPatch(selected, Object.entries(v).map(([name, value]) => ({ name, value })))).toEqual({ ok: true, patch: { m365GroupCreation: 'Selected', m365GroupCreationGroupId: G } });
  });
  it('refuses unsupported names and bad values', () => {
    expect(unifiedGroupPatch(with_({}), [{ name: 'AllowToAddGuests', value: 'true' }]).ok).toBe(false);
    expect(unifiedGroupPatch(with_({}), [{ name: 'EnableGroupCreation', value: 'yes' }]).ok).toBe(false);
    expect(unifiedGroupPatch(with_({}), [{ name: 'GroupCreationAllowedGroupId', value: 'x' }]).ok).toBe(false);
  });
});

// The settings registry: every key typed, defaulted, validated, and merged with the stricter value winning.
import { describe, expect, it } from 'vitest';
import {
  defaultSettings, isSettingKey, mergeSettings, parseSettingValue, resolveSettings, SETTING_KEYS, SETTINGS, settingSchema, type SettingKey,
} from './settings.js';

const UUID = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';

describe('settings registry', () => {
  it('every key has a label, a description, a schema, and a default its own parser accepts', () => {
    for (const key of SETTING_KEYS) {
      const def = SETTINGS[key];
      expect(def.label.length, key).toBeGreaterThan(0);
      expect(def.description.length, key).toBeGreaterThan(0);
      expect(settingSchema(key), key).toBeTypeOf('object');
      expect(parseSettingValue(key, def.default), key).toEqual({ ok: true, value: def.default });
    }
  });

  it('isSettingKey knows the keys and nothing from the prototype', () => {
    expect(isSettingKey('restrictMyGroups')).toBe(true);
    expect(isSettingKey('noSuchKey')).toBe(false);
    expect(isSettingKey('toString')).toBe(false);
    expect(isSettingKey('__proto__')).toBe(false);
  });

  it('defaults (ADR 0003)', () => {
    expect(defaultSettings()).toEqual({
      securityGroupCreation: 'All', securityGroupCreationGroupId: null, m365GroupCreation: 'All', m365GroupCreationGroupId: null,
      ownersCanManageJoinRequests: false, restrictMyGroups: false, ownerAssignment: 'All', ownerAssignmentGroupId: null,
      maxOwnerJoinPolicy: 'open', ownersCanDeleteGroups: true, joinRequestExpiryDays: 14, joinRequestJustificationRequired: false,
      maxMembershipDurationDays: null, licenceEnforcement: false,
    });
  });
});

describe('parseSettingValue accepts every value of the type and refuses the rest', () => {
  const rows: Array<readonly [SettingKey, unknown, unknown]> = [
    ['securityGroupCreation', 'All', 'All'], ['securityGroupCreation', 'Selected', 'Selected'], ['securityGroupCreation', 'None', 'None'],
    ['securityGroupCreation', 'all', undefined], ['securityGroupCreation', true, undefined], ['securityGroupCreation', null, undefined],
    ['m365GroupCreation', 'None', 'None'], ['ownerAssignment', 'Selected', 'Selected'], ['ownerAssignment', 'Some', undefined],
    ['securityGroupCreationGroupId', UUID, UUID], ['securityGroupCreationGroupId', UUID.toUpperCase(), UUID],
    ['securityGroupCreationGroupId', null, null], ['securityGroupCreationGroupId', 'SSGMSecurityGroupsUsers', undefined],
    ['ownerAssignmentGroupId', 42, undefined],
    ['ownersCanManageJoinRequests', true, true], ['ownersCanManageJoinRequests', false, false], ['ownersCanManageJoinRequests', 'yes', undefined],
    ['restrictMyGroups', 1, undefined],
    ['maxOwnerJoinPolicy', 'open', 'open'], ['maxOwnerJoinPolicy', 'approval', 'approval'], ['maxOwnerJoinPolicy', 'closed', 'closed'], ['maxOwnerJoinPolicy', 'private', undefined],
    ['joinRequestExpiryDays', 1, 1], ['joinRequestExpiryDays', 365, 365], ['joinRequestExpiryDays', 0, undefined], ['joinRequestExpiryDays', 366, undefined],
    ['joinRequestExpiryDays', 1.5, undefined], ['joinRequestExpiryDays', '14', undefined],
    ['maxMembershipDurationDays', null, null], ['maxMembershipDurationDays', 3650, 3650], ['maxMembershipDurationDays', 3651, undefined],
    ['licenceEnforcement', true, true], ['joinRequestJustificationRequired', null, undefined],
  ];
  it.each(rows)('%s = %o → %o', (key, raw, expected) => {
    expect(parseSettingValue(key, raw)).toEqual(expected === undefined ? { ok: false } : { ok: true, value: expected });
  });
});

describe('resolveSettings and mergeSettings', () => {
  it('stored overrides win; unknown keys and values that no longer parse fall back to the default', () => {
    const s = resolveSettings({ restrictMyGroups: true, joinRequestExpiryDays: 9999, removedKey: 1, m365GroupCreation: 'None' });
    expect(s).toEqual({ ...defaultSettings(), restrictMyGroups: true, m365GroupCreation: 'None' });
  });

  it('the stricter value wins, key by key', () => {
    const a = { ...defaultSettings(), securityGroupCreation: 'Selected' as const, restrictMyGroups: true, ownersCanDeleteGroups: false, maxOwnerJoinPolicy: 'approval' as const, joinRequestExpiryDays: 30, maxMembershipDurationDays: 90 };
    const b = { ...defaultSettings(), securityGroupCreation: 'None' as const, ownersCanManageJoinRequests: true, maxOwnerJoinPolicy: 'open' as const, joinRequestExpiryDays: 7, securityGroupCreationGroupId: UUID };
    const m = mergeSettings(a, b);
    expect(m).toMatchObject({
      securityGroupCreation: 'None', restrictMyGroups: true, ownersCanDeleteGroups: false, ownersCanManageJoinRequests: false,
      maxOwnerJoinPolicy: 'approval', joinRequestExpiryDays: 7, maxMembershipDurationDays: 90, securityGroupCreationGroupId: UUID,
    });
    expect(mergeSettings(defaultSettings(), defaultSettings())).toEqual(defaultSettings());
    expect(mergeSettings({ ...defaultSettings(), maxMembershipDurationDays: 10 }, { ...defaultSettings(), maxMembershipDurationDays: 5 }).maxMembershipDurationDays).toBe(5);
  });
});

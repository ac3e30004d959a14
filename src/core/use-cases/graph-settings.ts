// Graph's settings resources over the one registry (docs/adr/0012): reads for anyone signed in,
// writes through updateSettings (administrators, all or nothing, audited).
import { DomainError } from '../domain/errors.js';
import {
  allowedToCreateSecurityGroups, securityCreationPatch, unifiedGroupPatch, unifiedGroupValues, type UnifiedGroupValues,
} from '../domain/graph-settings.js';
import type { Caller, CoreDeps } from '../ports.js';
import { getSettings, updateSettings } from './settings.js';

export async function getAuthorizationPolicy(deps: CoreDeps, caller: Caller): Promise<{ allowedToCreateSecurityGroups: boolean }> {
  return { allowedToCreateSecurityGroups: allowedToCreateSecurityGroups(await getSettings(deps, caller)) };
}

export async function updateAuthorizationPolicy(deps: CoreDeps, caller: Caller, input: { allowedToCreateSecurityGroups?: boolean | undefined }): Promise<void> {
  const current = await getSettings(deps, caller);
  const patch = input.allowedToCreateSecurityGroups === undefined ? {} : securityCreationPatch(current, input.allowedToCreateSecurityGroups);
  // Nothing to change still needs the right to change it.
  await updateSettings(deps, caller, Object.keys(patch).length > 0 ? patch : { securityGroupCreation: current.securityGroupCreation });
}

export async function getUnifiedGroupSettings(deps: CoreDeps, caller: Caller): Promise<UnifiedGroupValues> {
  return unifiedGroupValues(await getSettings(deps, caller));
}

export async function updateUnifiedGroupSettings(deps: CoreDeps, caller: Caller, input: { values: ReadonlyArray<{ name: string; value: string }> }): Promise<void> {
  const current = await getSettings(deps, caller);
  const mapped = unifiedGroupPatch(current, input.values);
  if (!mapped.ok) throw new DomainError('invalidSettingValue', mapped.detail);
  await updateSettings(deps, caller, mapped.patch);
}

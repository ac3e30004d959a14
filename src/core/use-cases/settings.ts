// Tenant settings: read by anyone signed in (clients show what is allowed), changed by admins.
// Changes apply to the next request (Entra takes up to 15 minutes; Roster must not).
import { DomainError } from '../domain/errors.js';
import { decideReadSettings, decideUpdateSettings } from '../domain/policy/directory.js';
import { isSettingKey, parseSettingValue, resolveSettings, type TenantSettings } from '../domain/settings.js';
import { actorId } from '../domain/actor.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function getSettings(deps: CoreDeps, caller: Caller): Promise<TenantSettings> {
  return runUseCase(deps, caller, 'settings.read', { type: 'settings', id: null }, async (uc) => {
    uc.enforce(decideReadSettings(uc.policy));
    // The stored values, not the resolved "Selected" defaults, so a client sees what an admin set.
    return resolveSettings(await uc.scope.settings.getAll());
  });
}

/** Sets several keys at once, all or nothing. A value of `null` on a non-nullable key is refused. */
export async function updateSettings(deps: CoreDeps, caller: Caller, patch: Record<string, unknown>): Promise<TenantSettings> {
  return runUseCase(deps, caller, 'settings.update', { type: 'settings', id: null }, async (uc) => {
    uc.enforce(decideUpdateSettings(uc.policy));
    const before = resolveSettings(await uc.scope.settings.getAll());
    const keys = Object.keys(patch);
    if (keys.length === 0) throw new DomainError('invalidInput', 'No settings given.');
    for (const key of keys) {
      if (!isSettingKey(key)) throw new DomainError('unknownSetting', `'${key.slice(0, 100)}'`);
      const parsed = parseSettingValue(key, patch[key]);
      if (!parsed.ok) throw new DomainError('invalidSettingValue', `'${key}'`);
    }
    for (const key of keys) {
      if (!isSettingKey(key)) continue;
      const parsed = parseSettingValue(key, patch[key]);
      if (parsed.ok) await uc.scope.settings.set(key, parsed.value, actorId(uc.actor), uc.now);
    }
    const after = resolveSettings(await uc.scope.settings.getAll());
    await uc.audit({ action: 'settings.update', targetType: 'settings', targetId: null, before, after });
    return after;
  });
}

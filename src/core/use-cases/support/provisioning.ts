// Views and loading of an app's provisioning (docs/adr/0020): the token never leaves as anything but
// "set"; only admins and the app's owners (ADR 0019's who-may-manage) get this far.
import type { AppId, ProvisioningConfig } from '../../domain/apps.js';
import { DomainError } from '../../domain/errors.js';
import { decideManageApp } from '../../domain/policy/apps.js';
import type { UseCaseContext } from './context.js';
import { loadVisibleApp } from './apps.js';

export interface ProvisioningView extends Omit<ProvisioningConfig, 'tokenCiphertext' | 'tenantId'> {
  tokenSet: true;
}

export interface ProvisioningStatus extends ProvisioningView {
  provisionedUsers: number;
  activeUsers: number;
  provisionedGroups: number;
  pendingJobs: number;
}

export function provisioningView(config: ProvisioningConfig): ProvisioningView {
  const { tokenCiphertext: _token, tenantId: _tenant, ...rest } = config;
  return { ...rest, tokenSet: true };
}

/** The app (which the caller may manage) and its config, or provisioningNotConfigured. */
export async function loadManagedProvisioning(uc: UseCaseContext, appId: AppId): Promise<ProvisioningConfig> {
  const { app, rel } = await loadVisibleApp(uc, appId);
  uc.enforce(decideManageApp(uc.policy, rel));
  const config = await uc.scope.provisioning.configs.get(app.id);
  if (!config) throw new DomainError('provisioningNotConfigured');
  return config;
}

export async function statusOf(uc: UseCaseContext, config: ProvisioningConfig): Promise<ProvisioningStatus> {
  const p = uc.scope.provisioning;
  return {
    ...provisioningView(config),
    provisionedUsers: await p.objects.count(config.appId, 'user'),
    activeUsers: await p.objects.count(config.appId, 'user', true),
    provisionedGroups: await p.objects.count(config.appId, 'group'),
    pendingJobs: await p.jobs.count(config.appId),
  };
}

export const reconcileJob = (appId: AppId) => ({ appId, kind: 'app' as const, objectId: appId });

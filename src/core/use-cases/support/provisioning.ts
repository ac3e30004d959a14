// Views and loading of an app's provisioning (docs/adr/0020): the token never leaves as anything but
// "set"; only admins and the app's owners (ADR 0019's who-may-manage) get this far. An app with no
// provisioning reads as the `notConfigured` state — the defaults a setup would start from — not as an error.
import type { AppId, AttributeMapping, DeprovisionMode, ProvisioningConfig } from '../../domain/apps.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_DEPROVISION, DEFAULT_RECONCILE_MINUTES } from '../../domain/provisioning/config.js';
import { DEFAULT_USER_MAPPING } from '../../domain/provisioning/mapping.js';
import { decideManageApp } from '../../domain/policy/apps.js';
import type { UseCaseContext } from './context.js';
import { loadVisibleApp } from './apps.js';

export interface ProvisioningView extends Omit<ProvisioningConfig, 'tokenCiphertext' | 'tenantId'> {
  tokenSet: true;
}

interface ProvisioningFigures {
  provisionedUsers: number;
  activeUsers: number;
  provisionedGroups: number;
  pendingJobs: number;
  /** What a new setup (or "reset to defaults") sends: SCIM attribute ← user field. */
  defaultUserMapping: AttributeMapping;
}

export interface ProvisioningStatus extends ProvisioningView, ProvisioningFigures {}

/** An app with no provisioning: the settings a setup starts from, no target and no token. */
export interface ProvisioningNotConfigured extends ProvisioningFigures {
  appId: AppId;
  state: 'notConfigured';
  baseUrl: null;
  tokenSet: false;
  userMapping: AttributeMapping;
  deprovision: DeprovisionMode;
  provisionGroups: boolean;
  reconcileIntervalMinutes: number;
  lastReconciledAt: null;
  consecutiveFailures: 0;
  quarantinedAt: null;
  lastError: null;
  createdDateTime: null;
  updatedDateTime: null;
}

export type ProvisioningRead = ProvisioningStatus | ProvisioningNotConfigured;

export function provisioningView(config: ProvisioningConfig): ProvisioningView {
  const { tokenCiphertext: _token, tenantId: _tenant, ...rest } = config;
  return { ...rest, tokenSet: true };
}

/** The app's id once the caller may manage it (appNotFound for an app they may not see, as everywhere). */
export async function loadManagedAppId(uc: UseCaseContext, appId: AppId): Promise<AppId> {
  const { app, rel } = await loadVisibleApp(uc, appId);
  uc.enforce(decideManageApp(uc.policy, rel));
  return app.id;
}

/** The app (which the caller may manage) and its config, or provisioningNotConfigured. */
export async function loadManagedProvisioning(uc: UseCaseContext, appId: AppId): Promise<ProvisioningConfig> {
  const config = await uc.scope.provisioning.configs.get(await loadManagedAppId(uc, appId));
  if (!config) throw new DomainError('provisioningNotConfigured');
  return config;
}

async function figuresOf(uc: UseCaseContext, appId: AppId): Promise<ProvisioningFigures> {
  const p = uc.scope.provisioning;
  return {
    provisionedUsers: await p.objects.count(appId, 'user'),
    activeUsers: await p.objects.count(appId, 'user', true),
    provisionedGroups: await p.objects.count(appId, 'group'),
    pendingJobs: await p.jobs.count(appId),
    defaultUserMapping: DEFAULT_USER_MAPPING,
  };
}

export async function statusOf(uc: UseCaseContext, config: ProvisioningConfig): Promise<ProvisioningStatus> {
  return { ...provisioningView(config), ...(await figuresOf(uc, config.appId)) };
}

export async function notConfiguredStatus(uc: UseCaseContext, appId: AppId): Promise<ProvisioningNotConfigured> {
  return {
    appId, state: 'notConfigured', baseUrl: null, tokenSet: false, userMapping: DEFAULT_USER_MAPPING, deprovision: DEFAULT_DEPROVISION,
    provisionGroups: true, reconcileIntervalMinutes: DEFAULT_RECONCILE_MINUTES, lastReconciledAt: null, consecutiveFailures: 0,
    quarantinedAt: null, lastError: null, createdDateTime: null, updatedDateTime: null, ...(await figuresOf(uc, appId)),
  };
}

export const reconcileJob = (appId: AppId) => ({ appId, kind: 'app' as const, objectId: appId });

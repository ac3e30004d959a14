// Configure outbound SCIM provisioning of an app (docs/adr/0020): target URL, bearer token (sealed
// at once; write-only), attribute mapping, deprovision mode, groups on/off, reconcile interval, and
// whether it runs. Creating needs the URL and token; an update changes only what it names.
// Admins and the app's owners. Turning it on, or changing what is sent, queues a reconciliation.
import type { AttributeMapping, DeprovisionMode, ProvisioningConfig } from '../domain/apps.js';
import { DomainError } from '../domain/errors.js';
import {
  DEFAULT_DEPROVISION, DEFAULT_RECONCILE_MINUTES, validBaseUrl, validDeprovision, validInterval, validMapping, validToken,
} from '../domain/provisioning/config.js';
import { DEFAULT_USER_MAPPING } from '../domain/provisioning/mapping.js';
import { decideManageApp } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';
import { provisioningView, reconcileJob, type ProvisioningView } from './support/provisioning.js';

export interface ConfigureProvisioningInput {
  appId: string;
  baseUrl?: string | undefined;
  /** Write-only: never returned, logged or audited. */
  token?: string | undefined;
  userMapping?: AttributeMapping | undefined;
  deprovision?: DeprovisionMode | undefined;
  provisionGroups?: boolean | undefined;
  reconcileIntervalMinutes?: number | undefined;
  /** On (`enabled`) or off (`paused`); a new config starts paused unless this says otherwise. */
  state?: 'enabled' | 'paused' | undefined;
}

export async function configureProvisioning(deps: CoreDeps, caller: Caller, input: ConfigureProvisioningInput): Promise<ProvisioningView> {
  return runUseCase(deps, caller, 'provisioning.configure', { type: 'provisioning', id: input.appId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideManageApp(uc.policy, rel));
    const before = await uc.scope.provisioning.configs.get(app.id);
    if (!before && (input.baseUrl === undefined || input.token === undefined)) {
      throw new DomainError('invalidInput', 'A new provisioning configuration needs baseUrl and token.');
    }
    if (input.state !== undefined && input.state !== 'enabled' && input.state !== 'paused') throw new DomainError('invalidInput', 'state must be enabled or paused.');
    let tokenCiphertext = before?.tokenCiphertext ?? '';
    if (input.token !== undefined) {
      if (!deps.secretBox) throw new Error('configureProvisioning needs deps.secretBox');
      tokenCiphertext = deps.secretBox.seal(validToken(input.token), `${caller.tenantId}/${app.id}`);
    }
    const state = input.state ?? (before?.state === 'quarantined' ? 'quarantined' : before?.state) ?? 'paused';
    const config: ProvisioningConfig = {
      tenantId: caller.tenantId,
      appId: app.id,
      baseUrl: input.baseUrl !== undefined ? validBaseUrl(input.baseUrl) : (before?.baseUrl ?? ''),
      tokenCiphertext,
      userMapping: input.userMapping !== undefined ? validMapping(input.userMapping) : (before?.userMapping ?? DEFAULT_USER_MAPPING),
      state,
      deprovision: input.deprovision !== undefined ? validDeprovision(input.deprovision) : (before?.deprovision ?? DEFAULT_DEPROVISION),
      provisionGroups: input.provisionGroups ?? before?.provisionGroups ?? true,
      reconcileIntervalMinutes: input.reconcileIntervalMinutes !== undefined ? validInterval(input.reconcileIntervalMinutes) : (before?.reconcileIntervalMinutes ?? DEFAULT_RECONCILE_MINUTES),
      lastReconciledAt: before?.lastReconciledAt ?? null,
      consecutiveFailures: state === 'enabled' ? 0 : (before?.consecutiveFailures ?? 0),
      quarantinedAt: state === 'quarantined' ? (before?.quarantinedAt ?? null) : null,
      lastError: state === 'enabled' && before?.state !== 'enabled' ? null : (before?.lastError ?? null),
      createdDateTime: before?.createdDateTime ?? uc.now,
      updatedDateTime: uc.now,
    };
    await uc.scope.provisioning.configs.put(config);
    const after = { ...provisioningView(config), tokenChanged: input.token !== undefined };
    await uc.audit({ action: 'provisioning.configure', targetType: 'provisioning', targetId: app.id, before: before ? provisioningView(before) : null, after });
    const changedWhatIsSent = input.baseUrl !== undefined || input.token !== undefined || input.userMapping !== undefined
      || input.provisionGroups !== undefined || input.deprovision !== undefined;
    if (config.state === 'enabled' && (before?.state !== 'enabled' || changedWhatIsSent)) {
      if (before?.state !== 'enabled') await uc.scope.provisioning.jobs.releaseApp(app.id, uc.now);
      await uc.scope.provisioning.jobs.enqueue(reconcileJob(app.id), uc.now);
    }
    return provisioningView(config);
  });
}

// Pause, resume (from paused or quarantined: failures forgotten, queued work due now, and a full
// reconciliation) and "reconcile now" of an app's provisioning (docs/adr/0020). Admins and owners.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadManagedProvisioning, provisioningView, reconcileJob, type ProvisioningView } from './support/provisioning.js';

export async function pauseProvisioning(deps: CoreDeps, caller: Caller, input: { appId: string }): Promise<ProvisioningView> {
  return runUseCase(deps, caller, 'provisioning.pause', { type: 'provisioning', id: input.appId }, async (uc) => {
    const config = await loadManagedProvisioning(uc, input.appId);
    await uc.scope.provisioning.configs.setState(config.appId, 'paused', uc.now);
    await uc.audit({ action: 'provisioning.pause', targetType: 'provisioning', targetId: config.appId, before: { state: config.state }, after: { state: 'paused' } });
    return provisioningView({ ...config, state: 'paused', quarantinedAt: null, updatedDateTime: uc.now });
  });
}

export async function resumeProvisioning(deps: CoreDeps, caller: Caller, input: { appId: string }): Promise<ProvisioningView> {
  return runUseCase(deps, caller, 'provisioning.resume', { type: 'provisioning', id: input.appId }, async (uc) => {
    const config = await loadManagedProvisioning(uc, input.appId);
    await uc.scope.provisioning.configs.setState(config.appId, 'enabled', uc.now, null);
    await uc.scope.provisioning.jobs.releaseApp(config.appId, uc.now);
    await uc.scope.provisioning.jobs.enqueue(reconcileJob(config.appId), uc.now);
    await uc.audit({
      action: 'provisioning.resume', targetType: 'provisioning', targetId: config.appId,
      before: { state: config.state, consecutiveFailures: config.consecutiveFailures, lastError: config.lastError }, after: { state: 'enabled' },
    });
    return provisioningView({ ...config, state: 'enabled', consecutiveFailures: 0, quarantinedAt: null, lastError: null, updatedDateTime: uc.now });
  });
}

/** Queues a full reconciliation (it runs when provisioning is on). */
export async function reconcileProvisioningNow(deps: CoreDeps, caller: Caller, input: { appId: string }): Promise<{ queued: true }> {
  return runUseCase(deps, caller, 'provisioning.reconcile', { type: 'provisioning', id: input.appId }, async (uc) => {
    const config = await loadManagedProvisioning(uc, input.appId);
    await uc.scope.provisioning.jobs.enqueue(reconcileJob(config.appId), uc.now);
    await uc.audit({ action: 'provisioning.reconcile', targetType: 'provisioning', targetId: config.appId });
    return { queued: true };
  });
}

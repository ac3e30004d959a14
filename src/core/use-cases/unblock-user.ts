// Lift a block: the user's paths give the app again.
import { DomainError } from '../domain/errors.js';
import { decideManageApp } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function unblockUser(deps: CoreDeps, caller: Caller, input: { appId: string; userId: string }): Promise<void> {
  return runUseCase(deps, caller, 'app.unblock', { type: 'appBlock', id: `${input.appId}/${input.userId}` }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideManageApp(uc.policy, rel));
    const block = await uc.scope.appBlocks.get(app.id, input.userId);
    if (!block || !(await uc.scope.appBlocks.remove(app.id, input.userId))) throw new DomainError('notBlocked');
    await uc.audit({ action: 'app.unblock', targetType: 'appBlock', targetId: app.id, before: block });
    await uc.scope.outbox.enqueue({ topic: 'block.removed', payload: { appId: app.id, userId: input.userId } }, uc.now);
  });
}

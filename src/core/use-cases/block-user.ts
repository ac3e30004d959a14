// Block a user from an app (ADR 0019): overrides every path, including through other apps'
// audiences that include this one. Admins and the app's owners.
import { actorId } from '../domain/actor.js';
import type { AppBlock } from '../domain/apps.js';
import { DomainError } from '../domain/errors.js';
import { decideManageApp } from '../domain/policy/apps.js';
import { MAX_JUSTIFICATION, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function blockUser(deps: CoreDeps, caller: Caller, input: { appId: string; userId: string; reason?: string | null | undefined }): Promise<AppBlock> {
  return runUseCase(deps, caller, 'app.block', { type: 'appBlock', id: `${input.appId}/${input.userId}` }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideManageApp(uc.policy, rel));
    if (!(await uc.scope.users.get(input.userId))) throw new DomainError('userNotFound');
    const block: AppBlock = {
      tenantId: caller.tenantId, appId: app.id, userId: input.userId, reason: validOptionalText(input.reason, 'reason', MAX_JUSTIFICATION),
      createdBy: actorId(uc.actor), createdDateTime: uc.now,
    };
    if (!(await uc.scope.appBlocks.add(block))) throw new DomainError('alreadyBlocked');
    await uc.audit({ action: 'app.block', targetType: 'appBlock', targetId: app.id, after: block });
    await uc.scope.outbox.enqueue({ topic: 'block.added', payload: { appId: app.id, userId: input.userId } }, uc.now);
    return block;
  });
}

// The users blocked from an app: those who read its access.
import type { AppBlock } from '../domain/apps.js';
import { decideReadAppAccess } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { cursorAfter, loadVisibleApp, pageLimit, type AccessPage } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function listBlocks(deps: CoreDeps, caller: Caller, input: { appId: string; after?: string | undefined; limit?: number | undefined }): Promise<AccessPage<AppBlock>> {
  return runUseCase(deps, caller, 'app.block.list', { type: 'application', id: input.appId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideReadAppAccess(uc.policy, rel));
    const limit = pageLimit(input.limit);
    const items = await uc.scope.appBlocks.listByApp(app.id, { after: input.after, limit });
    return { items, nextCursor: cursorAfter(items, limit, (b) => b.userId) };
  });
}

// "Why does this user have this app?" (ADR 0019): every path, shortest first, and the verdict
// (granted, blocked, appDisabled, userDisabled, noPath). Anyone about themselves (for an app they may
// see); about others, those who read the app's access.
import { explainAccess } from '../domain/access/explain.js';
import { DomainError } from '../domain/errors.js';
import { decideExplain } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadVisibleApp, namesOnPaths, type ExplanationView } from './support/apps.js';
import { runUseCase } from './support/context.js';

export async function explainAppAccess(deps: CoreDeps, caller: Caller, input: { appId: string; userId: string }): Promise<ExplanationView> {
  return runUseCase(deps, caller, 'app.explain', { type: 'application', id: input.appId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideExplain(uc.policy, rel, input.userId));
    if (!(await uc.scope.users.get(input.userId))) throw new DomainError('userNotFound');
    const explanation = explainAccess(await uc.scope.access.facts(input.userId), app.id);
    return { ...explanation, names: await namesOnPaths(uc, explanation.paths) };
  });
}

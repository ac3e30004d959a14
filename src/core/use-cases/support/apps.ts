// Loads an app with the caller's relation to it, and the views the app use cases return.
import type { AccessExplanation, AccessPath, AppAssignment, AppId, Application } from '../../domain/apps.js';
import { explainAccess } from '../../domain/access/explain.js';
import { DomainError } from '../../domain/errors.js';
import { decideReadAppAccess, decideSeeApp, NO_APP_RELATION, type AppRelation } from '../../domain/policy/apps.js';
import type { UseCaseContext } from './context.js';

/** The caller's relation to the app. `hasAccess` is read only when it can matter (a user who neither owns nor reads it all). */
export async function appRelationOf(uc: UseCaseContext, app: Application): Promise<AppRelation> {
  const { actor } = uc;
  if (actor.kind !== 'user') return NO_APP_RELATION;
  const isOwner = await uc.scope.apps.isOwner(app.id, actor.id);
  if (isOwner || decideReadAppAccess(uc.policy, { isOwner, hasAccess: false }).outcome === 'allow') return { isOwner, hasAccess: false };
  const facts = await uc.scope.access.facts(actor.id);
  return { isOwner, hasAccess: explainAccess(facts, app.id).verdict === 'granted' };
}

/** The app if the caller may see it at all; appNotFound otherwise (no existence leak). */
export async function loadVisibleApp(uc: UseCaseContext, appId: AppId): Promise<{ app: Application; rel: AppRelation }> {
  const app = await uc.scope.apps.get(appId);
  if (!app) throw new DomainError('appNotFound');
  const rel = await appRelationOf(uc, app);
  uc.enforce(decideSeeApp(uc.policy, app, rel));
  return { app, rel };
}

/** Deletes one assignment of the app, with its audit event and its outbox job (in the caller's transaction). */
export async function removeAssignment(uc: UseCaseContext, app: Application, assignment: AppAssignment): Promise<void> {
  if (!(await uc.scope.appAssignments.delete(assignment.id))) throw new DomainError('assignmentNotFound');
  await uc.audit({ action: 'app.unassign', targetType: 'appAssignment', targetId: assignment.id, before: assignment });
  await uc.scope.outbox.enqueue({ topic: 'assignment.removed', payload: { appId: app.id, principalType: assignment.principalType, principalId: assignment.principalId } }, uc.now);
}

/** A page of items with the keyset cursor of the next page (null on the last) and, when asked, the total. */
export interface AccessPage<T> {
  items: T[];
  nextCursor: string | null;
  count?: number | undefined;
}

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 999;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new DomainError('invalidInput', `The page size must be 1–${MAX_PAGE}.`);
  return limit;
}

export function cursorAfter<T>(items: readonly T[], limit: number, key: (item: T) => string): string | null {
  const last = items[items.length - 1];
  return last !== undefined && items.length === limit ? key(last) : null;
}

/** The groups a set of paths goes through, in the order they first appear (shortest path first). */
export function groupsOnPaths(paths: readonly AccessPath[]): string[] {
  const out: string[] = [];
  for (const p of paths) for (const s of p.steps) if (s.kind === 'group' && !out.includes(s.id)) out.push(s.id);
  return out;
}


/** Display names of every user, group and app the paths step through, so a page can show them without more reads. */
export async function namesOnPaths(uc: UseCaseContext, paths: readonly AccessPath[]): Promise<Record<string, string>> {
  const ids = { user: new Set<string>(), group: new Set<string>(), app: new Set<string>() };
  for (const p of paths) for (const s of p.steps) ids[s.kind].add(s.id);
  const [users, groups, apps] = await Promise.all([
    uc.scope.users.getMany([...ids.user]), uc.scope.groups.getMany([...ids.group]), uc.scope.apps.getMany([...ids.app]),
  ]);
  const out: Record<string, string> = {};
  for (const x of [...users, ...groups, ...apps]) out[x.id] = x.displayName;
  return out;
}

/** An explanation with the display names of what its paths go through. */
export interface ExplanationView extends AccessExplanation {
  names: Record<string, string>;
}

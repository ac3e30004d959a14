// What the caller may do with one application, for the portal's buttons and the API's
// `@roster.abilities` (ADR 0008, 0019): the same decisions the app use cases enforce, never re-derived.
import { decideAdministerApps, decideManageApp, decideReadAppAccess, type AppRelation } from './apps.js';
import type { PolicyContext } from './context.js';

export interface AppAbilities {
  /** Change its properties and switches. */
  readonly edit: boolean;
  readonly delete: boolean;
  /** Add and remove its owners. */
  readonly manageOwners: boolean;
  /** Give it to users, groups and other apps' audiences, and take it back. */
  readonly assign: boolean;
  /** Block and unblock users. */
  readonly block: boolean;
  /** See everyone who has it, with paths, its assignments and blocks. */
  readonly readAccess: boolean;
  /** Configure, pause, resume, reconcile and dry-run its outbound SCIM provisioning; read its log (ADR 0020). */
  readonly provisioning: boolean;
}

export function appAbilities(ctx: PolicyContext, rel: AppRelation): AppAbilities {
  const manage = decideManageApp(ctx, rel).outcome === 'allow';
  const administer = decideAdministerApps(ctx).outcome === 'allow';
  return { edit: manage, delete: administer, manageOwners: administer, assign: manage, block: manage, readAccess: decideReadAppAccess(ctx, rel).outcome === 'allow', provisioning: manage };
}

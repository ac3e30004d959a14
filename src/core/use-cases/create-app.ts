// Create an application (Graph POST /servicePrincipals; ADR 0019): admins and API clients with
// Application.ReadWrite.All. Owners given here are added in the same transaction.
import { actorId } from '../domain/actor.js';
import type { Application } from '../domain/apps.js';
import { validAppRoles, validUrl, type AppRoleInput } from '../domain/access/app-fields.js';
import { DomainError } from '../domain/errors.js';
import { decideAdministerApps } from '../domain/policy/apps.js';
import { MAX_DESCRIPTION, validDisplayName, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export interface CreateAppInput {
  displayName: string;
  /** The application (client) id; a new GUID when absent. Unique in the tenant. */
  appId?: string | undefined;
  description?: string | null | undefined;
  homepage?: string | null | undefined;
  loginUrl?: string | null | undefined;
  logoUrl?: string | null | undefined;
  /** Default true. */
  accountEnabled?: boolean | undefined;
  /** Default true (Roster's default: only those assigned have it). */
  appRoleAssignmentRequired?: boolean | undefined;
  /** Default true. */
  visibleToUsers?: boolean | undefined;
  /** Default true. */
  cascadeNestedGroups?: boolean | undefined;
  appRoles?: AppRoleInput[] | undefined;
  /** User ids made owners at once. */
  ownerIds?: string[] | undefined;
}

const CLIENT_ID = /^[\x21-\x7e]{1,128}$/;

export async function createApp(deps: CoreDeps, caller: Caller, input: CreateAppInput): Promise<Application> {
  return runUseCase(deps, caller, 'app.create', { type: 'application', id: null }, async (uc) => {
    uc.enforce(decideAdministerApps(uc.policy));
    if (input.appId !== undefined && !CLIENT_ID.test(input.appId)) throw new DomainError('invalidInput', 'appId must be 1–128 printable ASCII characters.');
    const app: Application = {
      tenantId: caller.tenantId,
      id: deps.ids.newId(),
      appId: input.appId ?? deps.ids.newId(),
      displayName: validDisplayName(input.displayName),
      description: validOptionalText(input.description, 'description', MAX_DESCRIPTION),
      homepage: validUrl(input.homepage, 'homepage'),
      loginUrl: validUrl(input.loginUrl, 'loginUrl'),
      logoUrl: validUrl(input.logoUrl, 'logoUrl'),
      accountEnabled: input.accountEnabled ?? true,
      appRoleAssignmentRequired: input.appRoleAssignmentRequired ?? true,
      visibleToUsers: input.visibleToUsers ?? true,
      cascadeNestedGroups: input.cascadeNestedGroups ?? true,
      appRoles: validAppRoles(input.appRoles ?? [], () => deps.ids.newId()),
      createdBy: actorId(uc.actor),
      createdDateTime: uc.now,
    };
    await uc.scope.apps.insert(app);
    const owners = [...new Set(input.ownerIds ?? [])];
    const found = await uc.scope.users.getMany(owners);
    if (found.length !== owners.length) throw new DomainError('userNotFound');
    for (const userId of owners) await uc.scope.apps.addOwner({ appId: app.id, userId, addedBy: actorId(uc.actor), addedDateTime: uc.now });
    await uc.audit({ action: 'app.create', targetType: 'application', targetId: app.id, after: { ...app, ownerIds: owners } });
    await uc.scope.outbox.enqueue({ topic: 'app.created', payload: { appId: app.id } }, uc.now);
    return app;
  });
}

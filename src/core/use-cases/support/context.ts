// The frame every use case runs in: one transaction scoped to the caller's tenant, the caller turned
// into a domain Actor, the tenant's settings resolved, and every denial audited (SPEC §3.14).
import type { Actor } from '../../domain/actor.js';
import { enforce, type Decision } from '../../domain/decision.js';
import type { DomainError} from '../../domain/errors.js';
import { isDomainError } from '../../domain/errors.js';
import { LICENCE_SKUS } from '../../domain/model.js';
import { withSelectedGroupDefault, type PolicyContext } from '../../domain/policy/context.js';
import { DEFAULT_SELF_SERVICE_GROUP_NAME, resolveSettings, type TenantSettings } from '../../domain/settings.js';
import type { AuditEventInput, AuditTargetType, Caller, CoreDeps, TenantScope } from '../../ports.js';

export interface UseCaseContext {
  readonly scope: TenantScope;
  readonly caller: Caller;
  readonly actor: Actor;
  readonly settings: TenantSettings;
  readonly policy: PolicyContext;
  readonly now: string;
  readonly deps: CoreDeps;
  /** Throws the decision's reason unless it allows. */
  enforce(decision: Decision): void;
  /** Appends a success audit event in this transaction. */
  audit(event: AuditRecord): Promise<void>;
}

export interface AuditRecord {
  action: string;
  targetType: AuditTargetType;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function loadActor(scope: TenantScope, caller: Caller): Promise<Actor> {
  const p = caller.principal;
  if (p.type === 'system') return { kind: 'system' };
  if (p.type === 'app') return { kind: 'app', id: p.appId, permissions: p.permissions };
  const user = await scope.users.get(p.userId);
  // An unknown or deleted user acts as a disabled one: it can do nothing.
  if (!user) {
    return { kind: 'user', id: p.userId, roles: [], accountEnabled: false, userType: 'Member', hasPremiumLicence: false, transitiveGroupIds: new Set() };
  }
  const groups = await scope.memberships.transitiveGroupIdsOf(user.id);
  return {
    kind: 'user',
    id: user.id,
    roles: user.roles,
    accountEnabled: user.accountEnabled,
    userType: user.userType,
    hasPremiumLicence: user.assignedLicenses.some((sku) => LICENCE_SKUS.includes(sku)),
    transitiveGroupIds: new Set(groups),
  };
}

export async function loadSettings(scope: TenantScope): Promise<TenantSettings> {
  let settings = resolveSettings(await scope.settings.getAll());
  const needsDefault = [
    settings.securityGroupCreation === 'Selected' && settings.securityGroupCreationGroupId === null,
    settings.m365GroupCreation === 'Selected' && settings.m365GroupCreationGroupId === null,
    settings.ownerAssignment === 'Selected' && settings.ownerAssignmentGroupId === null,
  ].some(Boolean);
  if (needsDefault) {
    const [group] = await scope.groups.findByDisplayName(DEFAULT_SELF_SERVICE_GROUP_NAME);
    settings = withSelectedGroupDefault(settings, group?.id ?? null);
  }
  // A "Selected" group that is soft-deleted (or gone) selects nobody: its members keep no rights through it.
  for (const key of ['securityGroupCreationGroupId', 'm365GroupCreationGroupId', 'ownerAssignmentGroupId'] as const) {
    const id = settings[key];
    if (id === null) continue;
    const group = await scope.groups.get(id);
    if (!group || group.deletedDateTime !== null) settings = { ...settings, [key]: null };
  }
  return settings;
}

function actorFields(actor: Actor): Pick<AuditEventInput, 'actorType' | 'actorId'> {
  return actor.kind === 'system' ? { actorType: 'system', actorId: null } : { actorType: actor.kind, actorId: actor.id };
}

function principalFields(caller: Caller): Pick<AuditEventInput, 'actorType' | 'actorId'> {
  const p = caller.principal;
  return p.type === 'system' ? { actorType: 'system', actorId: null } : p.type === 'app' ? { actorType: 'app', actorId: p.appId } : { actorType: 'user', actorId: p.userId };
}

/**
 * Runs a use case in one transaction. A DomainError rolls the change back and is then recorded as a
 * denied attempt in a transaction of its own, so the refusal is audited but changes nothing else.
 */
export async function runUseCase<T>(
  deps: CoreDeps, caller: Caller, action: string, target: { type: AuditTargetType; id: string | null },
  body: (uc: UseCaseContext) => Promise<T>,
): Promise<T> {
  try {
    return await deps.uow.transaction(caller.tenantId, async (scope) => {
      const now = deps.clock.now();
      const actor = await loadActor(scope, caller);
      const settings = await loadSettings(scope);
      const policy: PolicyContext = { actor, settings, channel: caller.channel, now };
      const uc: UseCaseContext = {
        scope, caller, actor, settings, policy, now, deps,
        enforce,
        audit: (e) => scope.audit.append({
          action: e.action, ...actorFields(actor), channel: caller.channel, targetType: e.targetType, targetId: e.targetId,
          outcome: 'success', reason: null, before: e.before ?? null, after: e.after ?? null,
          requestId: caller.requestId ?? null, occurredAt: now,
        }),
      };
      return body(uc);
    });
  } catch (error) {
    if (isDomainError(error)) await auditDenial(deps, caller, action, target, error);
    throw error;
  }
}

async function auditDenial(
  deps: CoreDeps, caller: Caller, action: string, target: { type: AuditTargetType; id: string | null }, error: DomainError,
): Promise<void> {
  if (error.reason === 'tenantNotFound') return;
  await deps.uow.transaction(caller.tenantId, (scope) => scope.audit.append({
    action, ...principalFields(caller), channel: caller.channel, targetType: target.type, targetId: target.id,
    outcome: 'denied', reason: error.reason, before: null, after: null,
    requestId: caller.requestId ?? null, occurredAt: deps.clock.now(),
  }));
}

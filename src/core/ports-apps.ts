// Ports for applications and access (docs/adr/0019): apps with owners, assignments, blocks, and the
// effective-access reads (a page of an audience plan's users; the facts explain walks). Part of the
// core's ports (re-exported by ports.ts); storage implements them.
import type { AppAssignment, AppBlock, AppId, Application, AssignmentId, PrincipalType } from './domain/apps.js';
import type { AudiencePlan } from './domain/access/audience.js';
import type { AccessFacts } from './domain/access/explain.js';
import type { GroupId, Instant, User, UserId } from './domain/model.js';

export interface AppQuery {
  after?: string | undefined;
  limit: number;
  /** Case-insensitive prefix of displayName. */
  search?: string | undefined;
  /** Only these apps (e.g. those a user owns or has). */
  ids?: readonly AppId[] | undefined;
}

export interface AppOwnership {
  appId: AppId;
  userId: UserId;
  addedBy: string | null;
  addedDateTime: Instant;
}

export interface ApplicationRepository {
  get(id: AppId): Promise<Application | null>;
  getMany(ids: readonly AppId[]): Promise<Application[]>;
  /** Every app of the tenant (plans and explain need them all; tenants have hundreds, not millions). */
  listAll(): Promise<Application[]>;
  /** Ordered by id, keyset after `after`. */
  list(query: AppQuery): Promise<Application[]>;
  count(query: Omit<AppQuery, 'after' | 'limit'>): Promise<number>;
  /** Throws DomainError('appIdTaken') when the application (client) id is in use. */
  insert(app: Application): Promise<void>;
  update(app: Application): Promise<void>;
  /** Hard delete: the app, its owners, its assignments (both ways: given and giving), its blocks. */
  delete(id: AppId): Promise<void>;
  isOwner(appId: AppId, userId: UserId): Promise<boolean>;
  listOwners(appId: AppId): Promise<AppOwnership[]>;
  /** False when already an owner. */
  addOwner(ownership: AppOwnership): Promise<boolean>;
  removeOwner(appId: AppId, userId: UserId): Promise<boolean>;
  appIdsOwnedBy(userId: UserId): Promise<AppId[]>;
}

export interface AssignmentQuery {
  after?: string | undefined;
  limit: number;
}

export interface AppAssignmentRepository {
  get(id: AssignmentId): Promise<AppAssignment | null>;
  /** Throws DomainError('alreadyAssigned') when (app, principal, role) exists. */
  insert(assignment: AppAssignment): Promise<void>;
  delete(id: AssignmentId): Promise<boolean>;
  /** Assignments giving the app, ordered by id. */
  listByApp(appId: AppId, query: AssignmentQuery): Promise<AppAssignment[]>;
  countByApp(appId: AppId): Promise<number>;
  /** Assignments the principal receives (a user, a group, or an app's audience), ordered by id. */
  listByPrincipal(principalId: string, query: AssignmentQuery & { principalType?: PrincipalType | undefined }): Promise<AppAssignment[]>;
  /** Every assignment of the tenant, or only those of the given principal types (plans need no user rows). */
  listAll(options?: { principalTypes?: readonly PrincipalType[] | undefined }): Promise<AppAssignment[]>;
  /** Apps given to at least one user directly. */
  appIdsAssignedToUsers(): Promise<AppId[]>;
  /**
   * Serialises audience-edge (app → app) writes per tenant until the transaction ends (PostgreSQL
   * advisory lock, the nesting lock's pattern; SQLite is serial), so two inserts cannot close a loop.
   */
  lockAudienceEdges(): Promise<void>;
  /** Removes every assignment whose principal is this user or group (deletion). Returns them. */
  removeAllOfPrincipal(principalId: string): Promise<AppAssignment[]>;
}

export interface AppBlockRepository {
  get(appId: AppId, userId: UserId): Promise<AppBlock | null>;
  /** False when the user is already blocked. */
  add(block: AppBlock): Promise<boolean>;
  remove(appId: AppId, userId: UserId): Promise<boolean>;
  /** Ordered by user id. */
  listByApp(appId: AppId, query: { after?: string | undefined; limit: number }): Promise<AppBlock[]>;
  listByUser(userId: UserId): Promise<AppBlock[]>;
}

export interface AudienceQuery {
  /** Keyset: users whose id sorts after this. */
  after?: string | undefined;
  limit: number;
  /** Case-insensitive prefix of displayName or userPrincipalName. */
  search?: string | undefined;
}

export interface EffectiveAccessReader {
  /**
   * One page of the plan's distinct users: enabled, not blocked along their term, ordered by id. Each
   * call computes the whole audience (one scan per term), so a caller that needs every user asks for
   * one large page rather than many small ones.
   */
  pageUserIds(plan: AudiencePlan, query: AudienceQuery): Promise<UserId[]>;
  /** The same page as users. */
  pageUsers(plan: AudiencePlan, query: AudienceQuery): Promise<User[]>;
  /** A page and the count (with the search, ignoring the keyset) in one pass. */
  pageWithCount(plan: AudiencePlan, query: AudienceQuery): Promise<{ ids: UserId[]; count: number }>;
  /** Users by id, in the order given (ids that name no user are skipped). */
  usersOf(ids: readonly UserId[]): Promise<User[]>;
  /** How many users the plan reaches (with the search, ignoring the keyset). */
  count(plan: AudiencePlan, query?: Pick<AudienceQuery, 'search'>): Promise<number>;
  /**
   * What explain walks for one user: the user, their direct groups (plus `extraGroupIds` for a
   * hypothetical membership), the nesting edges above them, which of those are deleted, every app
   * and assignment, and the user's blocks.
   */
  facts(userId: UserId, options?: { extraGroupIds?: readonly GroupId[] | undefined }): Promise<AccessFacts>;
  /** The facts of several users in one set of reads, in the order given. */
  factsOfMany(userIds: readonly UserId[]): Promise<AccessFacts[]>;
  /** The group and every group above it through nesting (closure), live or not. */
  selfAndAncestorGroupIds(groupId: GroupId): Promise<GroupId[]>;
}

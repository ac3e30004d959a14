// The interfaces the core needs from the outside world. Storage implements the repositories;
// main.ts supplies the clock and the id generator. Every repository is already scoped to one tenant.
// The audit/outbox/change-feed ports and the credential ports live beside it and are re-exported here.
import type { AppPermission } from './domain/actor.js';
import type {
  AccessTokenRepository, ApiClientRepository, OidcLinkRepository, SessionRepository, SignInThrottleRepository, TokenSecrets,
} from './ports-access.js';
import type { ProvisioningRunner, ProvisioningStore, SecretBox } from './ports-provisioning.js';
import type { AppAssignmentRepository, AppBlockRepository, ApplicationRepository, EffectiveAccessReader } from './ports-apps.js';
import type { AuditLog, ChangeFeed, Outbox } from './ports-records.js';
import type { FilterExpr, ListCursor, OrderBy, SearchExpr } from './domain/list-query.js';
import type {
  Channel, DirectoryRole, Group, GroupId, Instant, JoinRequest, JoinRequestId, JoinRequestStatus, LicenceSeats, LicenceSku,
  Membership, MemberType, Ownership, Tenant, TenantId, User, UserId,
} from './domain/model.js';

export type * from './ports-access.js';
export type * from './ports-records.js';
export type * from './ports-provisioning.js';
export type * from './ports-apps.js';

export interface Clock {
  now(): Instant;
}

export interface IdGenerator {
  /** A new lowercase UUID. */
  newId(): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

export interface Page {
  /** Keyset cursor: return rows whose key sorts after this one. */
  after?: string | undefined;
  limit: number;
}

/** The query language of list reads (src/core/domain/list-query.ts), validated before it reaches storage. */
export interface ListFilter {
  filter?: FilterExpr | undefined;
  /** Graph's $search: every clause's words start tokens of the field. */
  searchTerms?: SearchExpr | undefined;
}

export interface OrderedPage {
  /** Default: by id. With an order the id breaks ties (same direction); NULLs sort first ascending, last descending. */
  orderBy?: OrderBy | undefined;
  /** Keyset cursor for an ordered list: rows after this (order key, id). Use `after` for id order. */
  cursor?: ListCursor | undefined;
}

export interface UserQuery extends Page, ListFilter, OrderedPage {
  /** Case-insensitive prefix of displayName, userPrincipalName, mail, givenName or surname. */
  search?: string | undefined;
}

export interface UserRepository {
  get(id: UserId): Promise<User | null>;
  getByUserPrincipalName(upn: string): Promise<User | null>;
  getMany(ids: readonly UserId[]): Promise<User[]>;
  /** Throws DomainError('userPrincipalNameTaken') when the UPN is in use (case-insensitive). */
  insert(user: User): Promise<void>;
  update(user: User): Promise<void>;
  /** Hard delete: the user, their roles, licences, credentials, app ownerships, blocks and direct app assignments. */
  delete(id: UserId): Promise<void>;
  /** Ordered by id, or by query.orderBy then id. */
  list(query: UserQuery): Promise<User[]>;
  /** All users, or those matching the filter and search. */
  count(query?: ListFilter & { search?: string | undefined }): Promise<number>;
  countWithLicence(sku: LicenceSku): Promise<number>;
  /** Holders of a directory role, ordered by displayName then id. */
  listWithRole(role: DirectoryRole): Promise<User[]>;
  /**
   * Serialises role changes in the tenant until the transaction ends, so two admins removing each
   * other's globalAdmin at once cannot both see the other still there (PostgreSQL advisory lock;
   * SQLite transactions are already serial).
   */
  lockRoles(): Promise<void>;
}

export interface CredentialRepository {
  getPasswordHash(userId: UserId): Promise<string | null>;
  setPasswordHash(userId: UserId, hash: string, at: Instant): Promise<void>;
}

export interface GroupQuery extends Page, ListFilter, OrderedPage {
  /** Case-insensitive prefix of displayName or mailNickname. */
  search?: string | undefined;
  /** false (default): live groups only; true: soft-deleted groups only. */
  deleted?: boolean | undefined;
}

export interface GroupRepository {
  /** Live and soft-deleted groups alike; callers decide what a deleted group means. */
  get(id: GroupId): Promise<Group | null>;
  getMany(ids: readonly GroupId[]): Promise<Group[]>;
  /**
   * Reads the group and locks its row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite
   * transactions are already serial). Membership, ownership and decision use cases call this first,
   * so checks such as "last owner" cannot race.
   */
  lock(id: GroupId): Promise<Group | null>;
  getByMailNickname(mailNickname: string): Promise<Group | null>;
  /** Live groups with exactly this display name (case-insensitive). */
  findByDisplayName(displayName: string): Promise<Group[]>;
  /** Throws DomainError('mailNicknameTaken') when the nickname is in use (case-insensitive, deleted groups too). */
  insert(group: Group): Promise<void>;
  update(group: Group): Promise<void>;
  /** Hard delete: the group, its memberships (both ways), owners, requests and app assignments. */
  purge(id: GroupId): Promise<void>;
  /** Ordered by id, or by query.orderBy then id. */
  list(query: GroupQuery): Promise<Group[]>;
  count(query: Omit<GroupQuery, 'after' | 'limit' | 'orderBy' | 'cursor'>): Promise<number>;
}

export interface MemberPage extends Page {
  memberType?: MemberType | undefined;
}

/** One page of memberOf / transitiveMemberOf: the member's live groups, filtered, after the cursor. */
export interface MemberOfQuery extends ListFilter, OrderedPage {
  /** Also every group above the direct ones, through nesting (transitiveMemberOf). */
  transitive: boolean;
  limit: number;
}

export interface MembershipRepository {
  get(groupId: GroupId, memberId: string): Promise<Membership | null>;
  /** The member's direct memberships in these groups (one page's worth); groups it is not in are skipped. */
  getManyOf(memberId: string, groupIds: readonly GroupId[]): Promise<Membership[]>;
  /** Returns false (and changes nothing) when the membership already exists. Keeps group nesting closure current. */
  add(membership: Membership): Promise<boolean>;
  /** Returns false when there was nothing to remove. */
  remove(groupId: GroupId, memberId: string): Promise<boolean>;
  /** Direct members, keyset-paged by memberId. */
  listMembers(groupId: GroupId, page: MemberPage): Promise<Membership[]>;
  countMembers(groupId: GroupId): Promise<number>;
  /** Direct memberships of a user or group (memberOf). */
  listGroupsOf(memberId: string): Promise<Membership[]>;
  /** Every group the member is in, directly or through nesting. */
  transitiveGroupIdsOf(memberId: string): Promise<GroupId[]>;
  /**
   * Live groups the member is in (directly, or also through nesting), keyset-paged in (orderBy, id)
   * order — by id without an order — with the list query's filter and search on the groups.
   */
  listGroupsOfPage(memberId: string, query: MemberOfQuery): Promise<Group[]>;
  isTransitiveMember(groupId: GroupId, memberId: string): Promise<boolean>;
  /** Groups that contain this group, directly or transitively (not the group itself). */
  ancestorGroupIds(groupId: GroupId): Promise<GroupId[]>;
  /** Removes every membership of a member (user deletion). Returns the group ids it was in. */
  removeAllOfMember(memberId: string): Promise<GroupId[]>;
  /** Memberships whose expiresDateTime has passed. */
  listExpired(now: Instant, limit: number): Promise<Membership[]>;
}

export interface OwnerRepository {
  isOwner(groupId: GroupId, userId: UserId): Promise<boolean>;
  list(groupId: GroupId): Promise<Ownership[]>;
  count(groupId: GroupId): Promise<number>;
  /** Owner counts of many groups in one read (groups without owners are absent). */
  countMany(groupIds: readonly GroupId[]): Promise<Map<GroupId, number>>;
  /** Returns false when already an owner. */
  add(ownership: Ownership): Promise<boolean>;
  remove(groupId: GroupId, userId: UserId): Promise<boolean>;
  groupIdsOwnedBy(userId: UserId): Promise<GroupId[]>;
  removeAllOfUser(userId: UserId): Promise<GroupId[]>;
}

export interface RequestDecisionPatch {
  status: Exclude<JoinRequestStatus, 'pending'>;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedDateTime: Instant;
  membershipExpiresDateTime: Instant | null;
}

export interface RequestQuery extends Page {
  status?: JoinRequestStatus | undefined;
}

export interface JoinRequestRepository {
  get(id: JoinRequestId): Promise<JoinRequest | null>;
  findPending(groupId: GroupId, requesterId: UserId): Promise<JoinRequest | null>;
  /** Throws DomainError('pendingRequestExists') if the requester already has a pending request for the group. */
  insert(request: JoinRequest): Promise<void>;
  /**
   * Conditional update `WHERE status = 'pending'`: true for the one caller that moved it,
   * false for everyone else (the first decision wins, on every engine, under concurrency).
   */
  decide(id: JoinRequestId, patch: RequestDecisionPatch): Promise<boolean>;
  /** Ordered by id. */
  listForGroups(groupIds: readonly GroupId[], query: RequestQuery): Promise<JoinRequest[]>;
  listByRequester(requesterId: UserId, query: RequestQuery): Promise<JoinRequest[]>;
  /** Pending requests whose expiresDateTime has passed. */
  listDue(now: Instant, limit: number): Promise<JoinRequest[]>;
}

export interface SettingsRepository {
  /** The stored overrides, raw. */
  getAll(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown, by: string | null, at: Instant): Promise<void>;
  reset(key: string): Promise<void>;
}

export interface LicenceRepository {
  seats(): Promise<LicenceSeats[]>;
  setSeats(sku: LicenceSku, seats: number): Promise<void>;
  /** Serialises licence assignments in the tenant until the transaction ends, so seats are not oversold. */
  lock(): Promise<void>;
}


/** Everything a use case may touch, scoped to one tenant, inside one transaction. */
export interface TenantScope {
  readonly tenantId: TenantId;
  readonly users: UserRepository;
  readonly credentials: CredentialRepository;
  readonly groups: GroupRepository;
  readonly memberships: MembershipRepository;
  readonly owners: OwnerRepository;
  readonly requests: JoinRequestRepository;
  readonly settings: SettingsRepository;
  readonly licences: LicenceRepository;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly apiClients: ApiClientRepository;
  readonly tokens: AccessTokenRepository;
  readonly changes: ChangeFeed;
  readonly sessions: SessionRepository;
  readonly signInThrottles: SignInThrottleRepository;
  readonly oidcLinks: OidcLinkRepository;
  readonly provisioning: ProvisioningStore;
  readonly apps: ApplicationRepository;
  readonly appAssignments: AppAssignmentRepository;
  readonly appBlocks: AppBlockRepository;
  readonly access: EffectiveAccessReader;
}

export interface TenantDirectory {
  get(id: TenantId): Promise<Tenant | null>;
  list(): Promise<Tenant[]>;
  insert(tenant: Tenant): Promise<void>;
}

export interface UnitOfWork {
  /** Runs fn in one transaction scoped to a tenant; a throw rolls everything back. */
  transaction<T>(tenantId: TenantId, fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  /** Tenants themselves live outside any one tenant's scope. */
  readonly tenants: TenantDirectory;
}

/** Who is calling, as established by an adapter (session, token, CLI, SCIM client). */
export type Principal =
  | { readonly type: 'user'; readonly userId: UserId }
  | { readonly type: 'app'; readonly appId: string; readonly permissions: readonly AppPermission[] }
  | { readonly type: 'system' };

export interface Caller {
  readonly tenantId: TenantId;
  readonly principal: Principal;
  readonly channel: Channel;
  /** Correlates the audit event with the wire request. */
  readonly requestId?: string | undefined;
  /** The access token the caller presented, if any: tokens it creates may not outlive it (docs/adr/0013). */
  readonly tokenId?: string | undefined;
}

export interface CoreDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  /** Needed by the token use cases only (main.ts always supplies it). */
  readonly secrets?: TokenSecrets | undefined;
  /** Seals provisioning tokens (main.ts always supplies it; use cases that need it fail without). */
  readonly secretBox?: SecretBox | undefined;
  /** The provisioning engine's on-demand runs (main.ts supplies it; the dry run fails without). */
  readonly provisioning?: ProvisioningRunner | undefined;
}

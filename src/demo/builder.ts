// Small verbs over the core's use cases for building the demo: every change goes through the same
// rules a user or admin would meet, with the caller the change would really come from.
import type { Caller, Core } from '../core/index.js';
import type { Channel, Group, JoinPolicy, User, Visibility } from '../core/domain/model.js';
import type { PersonSpec } from './people.js';
import type { Random } from './prng.js';

export interface Person extends PersonSpec {
  id: string;
  userPrincipalName: string;
}

export interface SeedStats {
  users: number;
  guests: number;
  disabled: number;
  licensed: number;
  groups: number;
  memberships: number;
  nestedGroups: number;
  pendingRequests: number;
  approvedRequests: number;
  deniedRequests: number;
}

/** A group as the builder needs it: only its id. */
export interface GroupRef {
  id: string;
}

export interface GroupSpec {
  displayName: string;
  description: string;
  kind: 'security' | 'microsoft365';
  via: Channel;
  /** A person creates it through My Groups; otherwise the admin does (adminCenter or api). */
  creator?: Person | undefined;
  owners?: Person[] | undefined;
  joinPolicy?: JoinPolicy | undefined;
  visibility?: Visibility | undefined;
  /** Initial members, added with the group in one step. */
  members?: Person[] | undefined;
}

export class DemoBuilder {
  readonly stats: SeedStats = {
    users: 0, guests: 0, disabled: 0, licensed: 0, groups: 0, memberships: 0, nestedGroups: 0,
    pendingRequests: 0, approvedRequests: 0, deniedRequests: 0,
  };
  private readonly members = new Map<string, Set<string>>();
  private readonly pending = new Map<string, Set<string>>();

  constructor(
    readonly core: Core,
    readonly tenantId: string,
    readonly adminId: string,
    readonly rng: Random,
  ) {}

  admin(channel: Channel = 'adminCenter'): Caller {
    return { tenantId: this.tenantId, principal: { type: 'user', userId: this.adminId }, channel };
  }

  as(person: Pick<Person, 'id'>, channel: Channel = 'myGroups'): Caller {
    return { tenantId: this.tenantId, principal: { type: 'user', userId: person.id }, channel };
  }

  noteUser(user: User): void {
    this.stats.users++;
    if (user.userType === 'Guest') this.stats.guests++;
    if (!user.accountEnabled) this.stats.disabled++;
  }

  async createGroup(spec: GroupSpec): Promise<Group> {
    const caller = spec.creator ? this.as(spec.creator, spec.via) : this.admin(spec.via);
    const { group } = await this.core.createGroup(caller, {
      displayName: spec.displayName,
      description: spec.description,
      ...(spec.kind === 'microsoft365'
        ? { groupTypes: ['Unified'], securityEnabled: false, mailEnabled: true }
        : { securityEnabled: true, mailEnabled: false }),
      joinPolicy: spec.joinPolicy,
      visibility: spec.visibility,
      owners: spec.owners?.map((o) => o.id),
      members: spec.members?.map((m) => m.id),
    });
    this.stats.groups++;
    this.members.set(group.id, new Set());
    for (const m of spec.members ?? []) this.noteMember(group.id, m.id);
    return group;
  }

  isMember(group: GroupRef, memberId: string): boolean {
    return this.members.get(group.id)?.has(memberId) ?? false;
  }

  private noteMember(groupId: string, memberId: string): void {
    this.members.get(groupId)?.add(memberId);
    this.stats.memberships++;
  }

  /** An owner (or the admin, when `by` is omitted) adds people who are not members yet. */
  async addMembers(group: GroupRef, people: readonly Person[], by?: Person): Promise<void> {
    const caller = by ? this.as(by) : this.admin();
    for (const p of people) {
      if (this.isMember(group, p.id)) continue;
      await this.core.addMember(caller, { groupId: group.id, memberId: p.id });
      this.noteMember(group.id, p.id);
    }
  }

  /** Nests `child` in `parent` as the admin. */
  async nest(parent: GroupRef, child: GroupRef): Promise<void> {
    await this.core.addMember(this.admin(), { groupId: parent.id, memberId: child.id });
    this.noteMember(parent.id, child.id);
    this.stats.nestedGroups++;
  }

  /** Makes an existing member a co-owner, as an owner would in My Groups. */
  async addOwner(group: GroupRef, person: Person, by: Person): Promise<void> {
    await this.addMembers(group, [person], by);
    await this.core.addOwner(this.as(by), { groupId: group.id, userId: person.id });
  }

  /** People join an open group themselves. */
  async join(group: GroupRef, people: readonly Person[]): Promise<void> {
    for (const p of people) {
      if (this.isMember(group, p.id) || !p.accountEnabled) continue;
      await this.core.joinGroup(this.as(p), { groupId: group.id });
      this.noteMember(group.id, p.id);
    }
  }

  /**
   * People ask to join an approval group; `decide` says what the owner does with each request
   * (approve, deny, or leave it pending).
   */
  async request(
    group: GroupRef, people: readonly Person[], owner: Person,
    decide: (p: Person, i: number) => 'approve' | 'deny' | 'pending', justification: (p: Person) => string,
  ): Promise<void> {
    let i = 0;
    for (const p of people) {
      if (this.isMember(group, p.id) || !p.accountEnabled || p.id === owner.id || this.pending.get(group.id)?.has(p.id)) continue;
      const request = await this.core.requestToJoin(this.as(p), { groupId: group.id, justification: justification(p) });
      const outcome = decide(p, i++);
      if (outcome === 'pending') {
        this.pending.set(group.id, (this.pending.get(group.id) ?? new Set()).add(p.id));
        this.stats.pendingRequests++;
        continue;
      }
      await this.core.decideJoinRequest(this.as(owner), {
        requestId: request.id, decision: outcome,
        reason: outcome === 'approve' ? this.rng.pick(APPROVE_REASONS) : this.rng.pick(DENY_REASONS),
      });
      if (outcome === 'approve') {
        this.noteMember(group.id, p.id);
        this.stats.approvedRequests++;
      } else {
        this.stats.deniedRequests++;
      }
    }
  }
}

const APPROVE_REASONS = ['Welcome aboard.', 'Approved — confirmed with your manager.', 'Approved for the project.', 'Makes sense, approved.'];
const DENY_REASONS = [
  'This group is for the core team only; please ask your manager to sponsor access.',
  'Access to this group needs a signed NDA first.',
  'Please request the read-only group instead.',
];

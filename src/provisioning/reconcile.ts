// Reconciliation of one app (docs/adr/0020): desired users (scope + mapping) vs the records vs the
// target's users, read page by page; the pure diff decides, this sends it; then every assigned group.
// The dry run is this with a recording client and results that are never committed.
import type { DesiredUser, RecordedObject, RemoteUser } from '../core/domain/provisioning/diff.js';
import { reconcileUsers } from '../core/domain/provisioning/diff.js';
import { about, desiredUser, pushGroup, runUserOperations, applyUser, type PushContext } from './push.js';

const SCOPE_PAGE = 500;
const TARGET_PAGE = 200;

async function desiredUsers(ctx: PushContext): Promise<DesiredUser[]> {
  const out: DesiredUser[] = [];
  let after: string | null = null;
  for (;;) {
    const page: DesiredUser[] = await ctx.uow.transaction(ctx.tenantId, async (s) => {
      const ids = await ctx.access.usersPage(s, ctx.config.appId, after, SCOPE_PAGE);
      const users = await s.users.getMany(ids);
      const byId = new Map(users.map((u) => [u.id, u]));
      after = ids.at(-1) ?? null;
      return ids.flatMap((id) => {
        const user = byId.get(id);
        return user ? [desiredUser(user, ctx.config)] : [];
      });
    });
    out.push(...page);
    if (after === null) return out;
  }
}

async function recordedUsers(ctx: PushContext): Promise<RecordedObject[]> {
  const out: RecordedObject[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.uow.transaction(ctx.tenantId, (s) => s.provisioning.objects.list(ctx.config.appId, 'user', { after, limit: 1000 }));
    out.push(...page.map((o) => ({ localId: o.localId, remoteId: o.remoteId, active: o.active, attributesHash: o.attributesHash })));
    if (page.length < 1000) return out;
    after = page.at(-1)?.localId;
  }
}

async function targetUsers(ctx: PushContext): Promise<RemoteUser[]> {
  const out: RemoteUser[] = [];
  for (let start = 1; ; start += TARGET_PAGE) {
    const page = await ctx.client.listUsers(start, TARGET_PAGE);
    out.push(...page.resources);
    if (page.resources.length === 0 || out.length >= page.totalResults) return out;
  }
}

async function recordedGroupIds(ctx: PushContext): Promise<string[]> {
  const rows = await ctx.uow.transaction(ctx.tenantId, (s) => s.provisioning.objects.list(ctx.config.appId, 'group', { limit: 100_000 }));
  return rows.map((r) => r.localId);
}

/** Reconciles users then groups; operation counts land in ctx.results.counts. */
export async function reconcileApp(ctx: PushContext): Promise<void> {
  about(ctx, 'user', null);
  const [desired, recorded, actual] = [await desiredUsers(ctx), await recordedUsers(ctx), await targetUsers(ctx)];
  const operations = reconcileUsers(desired, recorded, actual, ctx.config.deprovision);
  const desiredById = new Map(desired.map((d) => [d.localId, d]));
  const byUser = new Map<string, typeof operations>();
  for (const op of operations) byUser.set(op.localId, [...(byUser.get(op.localId) ?? []), op]);
  for (const [localId, ops] of byUser) {
    const want = desiredById.get(localId) ?? null;
    const outcome = await runUserOperations(ctx, want, ops);
    // A create that met an account made since the listing, or an update of one deleted since: per-user path.
    if (outcome.restart !== null) await applyUser(ctx, want, outcome.restart === 'lost' ? null : recorded.find((r) => r.localId === localId) ?? null);
  }
  const assigned = ctx.config.provisionGroups
    ? await ctx.uow.transaction(ctx.tenantId, (s) => ctx.access.assignedGroups(s, ctx.config.appId))
    : [];
  for (const groupId of new Set([...assigned, ...(await recordedGroupIds(ctx))])) await pushGroup(ctx, groupId);
}

// What a job changed, held in memory until the job's one closing transaction (or shown by a dry run):
// records to put or drop, and group jobs to queue. Reads of records see these changes first.
import type { AppId } from '../core/domain/apps.js';
import type { ProvisionedObject, ProvisionedObjectType, ProvisioningJobKey, TenantScope } from '../core/ports.js';

const key = (type: ProvisionedObjectType, localId: string) => `${type}:${localId}`;

export class JobResults {
  readonly changes = new Map<string, { type: ProvisionedObjectType; localId: string; object: ProvisionedObject | null }>();
  readonly followUps: ProvisioningJobKey[] = [];
  /** Counts by operation, for the log's summary line and the dry run. */
  readonly counts: Record<string, number> = {};

  constructor(readonly appId: AppId) {}

  put(object: ProvisionedObject): void {
    this.changes.set(key(object.objectType, object.localId), { type: object.objectType, localId: object.localId, object });
  }

  remove(type: ProvisionedObjectType, localId: string): void {
    this.changes.set(key(type, localId), { type, localId, object: null });
  }

  count(operation: string): void {
    this.counts[operation] = (this.counts[operation] ?? 0) + 1;
  }

  /** The record as this job left it: undefined when the job has not touched it. */
  overlay(type: ProvisionedObjectType, localId: string): ProvisionedObject | null | undefined {
    const change = this.changes.get(key(type, localId));
    return change === undefined ? undefined : change.object;
  }

  async commit(scope: TenantScope): Promise<void> {
    for (const change of this.changes.values()) {
      if (change.object) await scope.provisioning.objects.put(change.object);
      else await scope.provisioning.objects.remove(this.appId, change.type, change.localId);
    }
  }
}

// The dry run's client (docs/adr/0020): reads go to the target for real; writes are recorded as the
// requests the live client would send (method, path, body; the token is never part of them) and
// answered with placeholder ids, so the rest of the reconciliation can proceed.
import type { ListPage, RemoteGroup, ScimTarget } from './scim-client.js';
import { filterValue, toRemoteUser } from './scim-client.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface PlannedRequest {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body: unknown;
  /** The local user or group the request is about (null when the caller gave no subject). */
  objectType: 'user' | 'group' | null;
  localId: string | null;
}

type Subject = () => { type: 'user' | 'group'; localId: string } | null;

export function recordingClient(real: ScimTarget, subject: Subject = () => null): { client: ScimTarget; planned: PlannedRequest[] } {
  const planned: PlannedRequest[] = [];
  // Every write is recorded with the object the reconciliation is on at that moment.
  const record = (item: Omit<PlannedRequest, 'objectType' | 'localId'>) => {
    const about = subject();
    planned.push({ ...item, objectType: about?.type ?? null, localId: about?.localId ?? null });
  };
  let next = 0;
  const placeholder = () => `dryrun-${++next}`;
  const isPlaceholder = (id: string) => id.startsWith('dryrun-');
  const patch = (type: string, id: string, operations: unknown[]) =>
    record({ method: 'PATCH', path: `/${type}/${id}`, body: { schemas: [PATCH_OP], Operations: operations } });
  const client: ScimTarget = {
    findUser: (attribute, value) => real.findUser(attribute, value),
    listUsers: (startIndex, count): Promise<ListPage<ReturnType<typeof toRemoteUser>>> => real.listUsers(startIndex, count),
    findGroup: (attribute, value) => real.findGroup(attribute, value),
    groupMemberIds: async (id) => (isPlaceholder(id) ? [] : real.groupMemberIds(id)),
    async createUser(resource) {
      record({ method: 'POST', path: '/Users', body: resource });
      return toRemoteUser({ ...resource, id: placeholder() });
    },
    async replaceUserAttributes(id, resource) {
      const { schemas: _schemas, ...value } = resource;
      patch('Users', id, [{ op: 'replace', value }]);
    },
    async setActive(id, active) {
      patch('Users', id, [{ op: 'replace', path: 'active', value: active }]);
    },
    async deleteUser(id) {
      record({ method: 'DELETE', path: `/Users/${id}`, body: null });
    },
    async createGroup(resource): Promise<RemoteGroup> {
      record({ method: 'POST', path: '/Groups', body: resource });
      return { id: placeholder(), displayName: String(resource.displayName ?? ''), externalId: typeof resource.externalId === 'string' ? resource.externalId : null };
    },
    async renameGroup(id, displayName) {
      patch('Groups', id, [{ op: 'replace', path: 'displayName', value: displayName }]);
    },
    async changeGroupMembers(id, add, remove) {
      const operations: unknown[] = [];
      if (add.length > 0) operations.push({ op: 'add', path: 'members', value: add.map((value) => ({ value })) });
      for (const member of remove) operations.push({ op: 'remove', path: `members[value eq ${filterValue(member)}]` });
      if (operations.length > 0) patch('Groups', id, operations);
    },
    async deleteGroup(id) {
      record({ method: 'DELETE', path: `/Groups/${id}`, body: null });
    },
  };
  return { client, planned };
}

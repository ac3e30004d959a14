import { describe, expect, it } from 'vitest';
import type { DeprovisionMode } from '../apps.js';
import { contains, diffMembers, planUser, reconcileUsers, type DesiredUser, type RecordedObject, type RemoteUser, type UserStep } from './diff.js';

const want = (localId: string, userName = `${localId}@x.org`, active = true): DesiredUser => ({
  localId, hash: `h-${localId}-${active}`,
  resource: { schemas: [], userName, externalId: localId, displayName: localId.toUpperCase(), active },
});
const rec = (localId: string, remoteId: string | null, active = true, hash: string | null = `h-${localId}-true`): RecordedObject => ({ localId, remoteId, active, attributesHash: hash });
const remote = (id: string, userName: string, extra: Record<string, unknown> = {}, active = true): RemoteUser => ({
  id, userName, externalId: (extra.externalId as string | undefined) ?? null, active,
  resource: { id, userName, active, meta: { resourceType: 'User' }, ...extra },
});
const ops = (...list: unknown[]): UserStep => ({ lookup: false, operations: list as never });

describe('planUser', () => {
  const a = want('a');
  const matching = remote('r9', 'a@x.org', { externalId: 'a', displayName: 'A' });
  const cases: Array<[string, DesiredUser | null, RecordedObject | null, RemoteUser | null | undefined, DeprovisionMode, UserStep]> = [
    ['unchanged: nothing to send', a, rec('a', 'r1'), undefined, 'disableThenDelete', ops()],
    ['changed attributes: update', a, rec('a', 'r1', true, 'old'), undefined, 'disableThenDelete',
      ops({ op: 'update', localId: 'a', remoteId: 'r1', resource: a.resource, hash: a.hash })],
    ['was deactivated, back in scope: update', a, rec('a', 'r1', false), undefined, 'disable',
      ops({ op: 'update', localId: 'a', remoteId: 'r1', resource: a.resource, hash: a.hash })],
    ['never provisioned: look it up first', a, null, undefined, 'disableThenDelete', { lookup: true }],
    ['record without remote id: look it up first', a, rec('a', null), undefined, 'disableThenDelete', { lookup: true }],
    ['looked up, absent: create', a, null, null, 'disableThenDelete', ops({ op: 'create', localId: 'a', resource: a.resource, hash: a.hash })],
    ['looked up, found identical: adopt only', a, null, matching, 'disableThenDelete', ops({ op: 'adopt', localId: 'a', remoteId: 'r9', hash: a.hash })],
    ['looked up, found different: adopt and update', a, null, remote('r9', 'a@x.org'), 'disableThenDelete',
      ops({ op: 'adopt', localId: 'a', remoteId: 'r9', hash: a.hash }, { op: 'update', localId: 'a', remoteId: 'r9', resource: a.resource, hash: a.hash })],
    ['looked up, found inactive: adopt and update', a, null, remote('r9', 'a@x.org', { externalId: 'a', displayName: 'A' }, false), 'disable',
      ops({ op: 'adopt', localId: 'a', remoteId: 'r9', hash: a.hash }, { op: 'update', localId: 'a', remoteId: 'r9', resource: a.resource, hash: a.hash })],
    ['out of scope, never provisioned: nothing', null, null, undefined, 'disableThenDelete', ops()],
    ['out of scope, record without remote: forget', null, rec('a', null), undefined, 'disableThenDelete', ops({ op: 'forget', localId: 'a' })],
    ['out of scope, disableThenDelete', null, rec('a', 'r1'), undefined, 'disableThenDelete',
      ops({ op: 'deactivate', localId: 'a', remoteId: 'r1' }, { op: 'delete', localId: 'a', remoteId: 'r1' })],
    ['out of scope, disable', null, rec('a', 'r1'), undefined, 'disable', ops({ op: 'deactivate', localId: 'a', remoteId: 'r1' })],
    ['out of scope, already disabled, disable: nothing', null, rec('a', 'r1', false), undefined, 'disable', ops()],
    ['out of scope, already disabled, disableThenDelete: delete', null, rec('a', 'r1', false), undefined, 'disableThenDelete', ops({ op: 'delete', localId: 'a', remoteId: 'r1' })],
    ['out of scope, delete', null, rec('a', 'r1'), undefined, 'delete', ops({ op: 'delete', localId: 'a', remoteId: 'r1' })],
  ];
  it.each(cases)('%s', (_name, desired, recorded, found, mode, expected) => {
    expect(planUser(desired, recorded, found, mode)).toEqual(expected);
  });
});

describe('reconcileUsers', () => {
  const a = want('a');
  const b = want('b');
  const aRemote = remote('ra', 'A@X.org', { externalId: 'a', displayName: 'A' });
  const summary = (list: ReturnType<typeof reconcileUsers>) => list.map((o) => `${o.op}:${o.localId}${'remoteId' in o ? `→${o.remoteId}` : ''}`);
  const cases: Array<[string, DesiredUser[], RecordedObject[], RemoteUser[], DeprovisionMode, string[]]> = [
    ['nothing anywhere', [], [], [], 'disableThenDelete', []],
    ['in sync', [a], [rec('a', 'ra')], [aRemote], 'disableThenDelete', []],
    ['missing in the target: create', [a, b], [rec('a', 'ra')], [aRemote], 'disableThenDelete', ['create:b']],
    ['recorded but gone from the target: create again', [a], [rec('a', 'gone')], [], 'disableThenDelete', ['create:a']],
    ['unrecorded match by userName (case-insensitive): adopt', [a], [], [aRemote], 'disableThenDelete', ['adopt:a→ra']],
    ['match by externalId', [a], [], [remote('rz', 'other', { externalId: 'a', displayName: 'A' })], 'disableThenDelete', ['adopt:a→rz', 'update:a→rz']],
    ['drifted in the target: update', [a], [rec('a', 'ra')], [remote('ra', 'a@x.org', { externalId: 'a', displayName: 'Changed' })], 'disableThenDelete', ['update:a→ra']],
    ['deactivated in the target: update', [a], [rec('a', 'ra')], [remote('ra', 'a@x.org', { externalId: 'a', displayName: 'A' }, false)], 'disableThenDelete', ['update:a→ra']],
    ['record stale but target right: repair the record', [a], [rec('a', 'ra', true, 'old')], [aRemote], 'disableThenDelete', ['adopt:a→ra']],
    ['no longer desired: deprovision', [], [rec('a', 'ra')], [aRemote], 'disableThenDelete', ['deactivate:a→ra', 'delete:a→ra']],
    ['no longer desired, mode disable', [], [rec('a', 'ra')], [aRemote], 'disable', ['deactivate:a→ra']],
    ['no longer desired, gone from the target: forget', [], [rec('a', 'ra')], [], 'disable', ['forget:a']],
    ['foreign accounts are left alone', [], [], [aRemote, remote('rx', 'someone@else')], 'delete', []],
    ['two desired users never claim one account', [a, want('a2', 'a@x.org')], [], [aRemote], 'disableThenDelete', ['adopt:a→ra', 'create:a2']],
  ];
  it.each(cases)('%s', (_name, desired, recorded, actual, mode, expected) => {
    expect(summary(reconcileUsers(desired, recorded, actual, mode))).toEqual(expected);
  });
});

describe('contains', () => {
  it.each([
    [{ a: 1, b: 2 }, { a: 1 }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ emails: [{ value: 'x', type: 'work', primary: true }, { value: 'y' }] }, { emails: [{ value: 'x', type: 'work' }] }, true],
    [{ emails: [] }, { emails: [{ value: 'x' }] }, false],
    [{ name: { givenName: 'A', familyName: 'B' } }, { name: { givenName: 'A' } }, true],
    [{}, { name: { givenName: 'A' } }, false],
    [{ schemas: ['other'] }, { schemas: ['mine'] }, true],
  ])('%j ⊇ %j → %s', (actual, wanted, expected) => expect(contains(actual, wanted)).toBe(expected));
});

describe('diffMembers', () => {
  it.each([
    [[], [], { add: [], remove: [] }],
    [['a', 'b'], ['b', 'c'], { add: ['a'], remove: ['c'] }],
    [['b', 'a'], [], { add: ['a', 'b'], remove: [] }],
  ])('%j vs %j', (desired, actual, expected) => expect(diffMembers(desired, actual)).toEqual(expected));
});

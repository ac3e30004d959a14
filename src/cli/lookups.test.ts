// Names the CLI takes → ids, on both engines: a name resolves to its object; a name that names nothing
// is the domain's own not-found reason with a detail naming the text, as an unknown id is further on
// (path parity: the CLI's answer maps back to the same reason Graph gives).
import { beforeAll, expect, it } from 'vitest';
import { DomainError, type Caller, type Core } from '../core/index.js';
import { newWorld } from '../core/testing/world.js';
import { describeEachEngine } from '../storage/testing/engines.js';
import { appIdOf, groupIdOf, userIdOf } from './lookups.js';

type Lookup = (core: Core, caller: Caller, text: string) => Promise<string>;

describeEachEngine('CLI name lookups', (getStorage) => {
  let core: Core;
  let system: Caller;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const w = await newWorld(getStorage().uow);
    ({ core, system } = w);
    const ann = await w.newUser('Ann Lookup');
    const sales = await core.createGroup(w.adminCaller(), { displayName: 'Sales Lookup', mailNickname: 'saleslookup', mailEnabled: false, securityEnabled: true, groupTypes: [] });
    const crm = await core.createApp(w.adminCaller(), { displayName: 'CRM Lookup' });
    Object.assign(ids, { ann: ann.id, annUpn: ann.userPrincipalName, sales: sales.group.id, crm: crm.id, crmAppId: crm.appId });
  });

  const cases: Array<[string, Lookup, (i: typeof ids) => string, string | null]> = [
    ['a user by sign-in name', userIdOf, (i) => i['annUpn'] ?? '', 'ann'],
    ['a group by display name', groupIdOf, () => 'Sales Lookup', 'sales'],
    ['an app by display name', appIdOf, () => 'CRM Lookup', 'crm'],
    ['an app by appId', appIdOf, (i) => i['crmAppId'] ?? '', 'crm'],
  ];
  it.each(cases)('%s resolves to its id', async (_name, lookup, text, key) => {
    expect(await lookup(core, system, text(ids))).toBe(ids[key ?? '']);
  });

  const unknown: Array<[string, Lookup, string, string]> = [
    ['a sign-in name nobody has', userIdOf, 'nobody@lookup.example', 'userNotFound'],
    ['a group name nothing has', groupIdOf, 'No Such Group', 'groupNotFound'],
    ['an app name nothing has', appIdOf, 'No Such App', 'appNotFound'],
    ['an app name of 300 characters', appIdOf, 'a'.repeat(300), 'appNotFound'],
  ];
  it.each(unknown)('%s → %s, the detail naming the text', async (_name, lookup, text, reason) => {
    const error = await lookup(core, system, text).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).reason).toBe(reason);
    expect((error as DomainError).detail).toContain(text.slice(0, 120));
  });
});

// The list-query language on both engines: each operator, combinations, null semantics, literal
// matching of LIKE metacharacters, counts, tenant isolation, and ordered keyset paging.
import { expect, it } from 'vitest';
import type { FilterExpr, ListCursor, Literal, OrderBy, SearchExpr } from '../core/domain/list-query.js';
import type { Group, User } from '../core/domain/model.js';
import type { Storage } from './open-storage.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeGroup, makeUser, newTenant } from './testing/fixtures.js';

const str = (value: string): Literal => ({ type: 'string', value });
const bool = (value: boolean): Literal => ({ type: 'boolean', value });
const NULL: Literal = { type: 'null' };
const eq = (field: string, value: Literal): FilterExpr => ({ op: 'eq', field, value });

async function seedGroups(s: Storage) {
  const t = await newTenant(s);
  const g = {
    sales: makeGroup(t, { displayName: 'Sales Team', mailNickname: 'sales', mail: 'sales@contoso.com', groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, visibility: 'Public', joinPolicy: 'open', createdDateTime: at(10), description: 'Quarterly budget and forecasts' }),
    salesEu: makeGroup(t, { displayName: 'sales EU', mailNickname: 'sales-eu', createdDateTime: at(20), classification: 'High' }),
    pct: makeGroup(t, { displayName: '100% Fun_Club', mailNickname: 'fun', createdDateTime: at(30), description: "O'Brien's \\ backslash" }),
    plain: makeGroup(t, { displayName: '100 FunXClub', mailNickname: 'funx', createdDateTime: at(40) }),
    dyn: makeGroup(t, { displayName: 'Dynamic Devs', mailNickname: 'dyn', groupTypes: ['DynamicMembership'], visibility: 'HiddenMembership', createdDateTime: at(50), mail: 'devs@fabrikam.com' }),
    gone: makeGroup(t, { displayName: 'Sales Archive', mailNickname: 'archive', deletedDateTime: at(60) }),
  };
  await inTenant(s, t, async (x) => { for (const grp of Object.values(g)) await x.groups.insert(grp); });
  return { t, g };
}

describeEachEngine('list queries', (getStorage) => {
  it('groups: every operator, combined, with Graph semantics; deleted groups never match', async () => {
    const s = getStorage();
    const { t, g } = await seedGroups(s);
    const names = async (filter: FilterExpr) => (await inTenant(s, t, (x) => x.groups.list({ filter, limit: 50 })))
      .map((x) => x.displayName).sort();
    const cases: Array<[FilterExpr, string[]]> = [
      [eq('displayName', str('sales team')), ['Sales Team']],
      [eq('mailNickname', str('SALES')), ['Sales Team']],
      [eq('id', str(g.dyn.id.toUpperCase())), ['Dynamic Devs']],
      [{ op: 'ne', field: 'displayName', value: str('Sales Team') }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'sales EU']],
      [{ op: 'startsWith', field: 'displayName', value: 'SALES' }, ['Sales Team', 'sales EU']],
      [{ op: 'endsWith', field: 'mail', value: '@CONTOSO.com' }, ['Sales Team']],
      [{ op: 'in', field: 'mailNickname', values: [str('fun'), str('dyn'), str('nope')] }, ['100% Fun_Club', 'Dynamic Devs']],
      [{ op: 'any', field: 'groupTypes', value: str('Unified') }, ['Sales Team']],
      [{ op: 'any', field: 'groupTypes', value: str('dynamicmembership') }, ['Dynamic Devs']],
      [{ op: 'not', arg: { op: 'any', field: 'groupTypes', value: str('Unified') } }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'sales EU']],
      [{ op: 'and', args: [eq('mailEnabled', bool(false)), eq('securityEnabled', bool(true))] }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'sales EU']],
      [{ op: 'or', args: [eq('visibility', str('public')), eq('visibility', str('HiddenMembership'))] }, ['Dynamic Devs', 'Sales Team']],
      [eq('joinPolicy', str('open')), ['Sales Team']],
      [{ op: 'ge', field: 'createdDateTime', value: { type: 'date', value: at(30) } }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs']],
      [{ op: 'and', args: [{ op: 'gt', field: 'createdDateTime', value: { type: 'date', value: at(10) } }, { op: 'lt', field: 'createdDateTime', value: { type: 'date', value: at(40) } }] }, ['100% Fun_Club', 'sales EU']],
      [{ op: 'le', field: 'createdDateTime', value: { type: 'date', value: at(10) } }, ['Sales Team']],
      [eq('classification', NULL), ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'Sales Team']],
      [{ op: 'ne', field: 'classification', value: NULL }, ['sales EU']],
      // OData: a missing value is not equal to 'High', so ne and not(eq) include it
      [{ op: 'ne', field: 'classification', value: str('high') }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'Sales Team']],
      [{ op: 'not', arg: eq('classification', str('High')) }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'Sales Team']],
      [{ op: 'in', field: 'classification', values: [NULL, str('high')] }, ['100 FunXClub', '100% Fun_Club', 'Dynamic Devs', 'Sales Team', 'sales EU']],
      [{ op: 'ge', field: 'displayName', value: str('S') }, ['Sales Team', 'sales EU']],
      // LIKE metacharacters and quotes match literally
      [{ op: 'startsWith', field: 'displayName', value: '100%' }, ['100% Fun_Club']],
      [{ op: 'startsWith', field: 'displayName', value: '100% Fun_' }, ['100% Fun_Club']],
      [{ op: 'endsWith', field: 'displayName', value: '_Club' }, ['100% Fun_Club']],
      [{ op: 'startsWith', field: 'description', value: "O'Brien's \\" }, ['100% Fun_Club']],
      [eq('description', str("o'brien's \\ backslash")), ['100% Fun_Club']],
      [{ op: 'startsWith', field: 'displayName', value: '%' }, []],
      [eq('displayName', str("' or 1=1 --")), []],
    ];
    for (const [filter, expected] of cases) expect(await names(filter), JSON.stringify(filter)).toEqual(expected);
    expect(await inTenant(s, t, (x) => x.groups.list({ filter: eq('displayName', str('Sales Archive')), deleted: true, limit: 5 }))).toHaveLength(1);
  });

  it('groups: $search words start tokens (AND within a clause, AND/OR between clauses); counts use the same filter', async () => {
    const s = getStorage();
    const { t } = await seedGroups(s);
    const clause = (field: string, ...terms: string[]): SearchExpr => ({ op: 'clause', clause: { field, terms } });
    const names = async (searchTerms: SearchExpr) => (await inTenant(s, t, (x) => x.groups.list({ searchTerms, limit: 50 })))
      .map((x) => x.displayName).sort();
    expect(await names(clause('displayName', 'team'))).toEqual(['Sales Team']);
    expect(await names(clause('displayName', 'sal', 'eu'))).toEqual(['sales EU']);
    expect(await names(clause('displayName', 'club'))).toEqual(['100% Fun_Club']);
    expect(await names(clause('displayName', 'eam'))).toEqual([]);
    expect(await names(clause('description', 'budget'))).toEqual(['Sales Team']);
    expect(await names({ op: 'or', args: [clause('displayName', 'dyn'), clause('description', 'forecast')] })).toEqual(['Dynamic Devs', 'Sales Team']);
    expect(await names({ op: 'and', args: [clause('displayName', 'sales'), clause('description', 'forecast')] })).toEqual(['Sales Team']);
    await inTenant(s, t, async (x) => {
      expect(await x.groups.count({ filter: { op: 'startsWith', field: 'displayName', value: 'sales' } })).toBe(2);
      expect(await x.groups.count({ filter: { op: 'startsWith', field: 'displayName', value: 'sales' }, deleted: true })).toBe(1);
      expect(await x.groups.count({ searchTerms: clause('displayName', '100') })).toBe(2);
    });
  });

  it('users: operators on nullable text, booleans, UPN, null semantics and counts', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const ada = makeUser(t, { displayName: 'Ada Lovelace', userPrincipalName: 'Ada@Contoso.com', mail: 'ada@contoso.com', department: 'R&D', companyName: null });
    const bob = makeUser(t, { displayName: 'Bob_Stone', userPrincipalName: 'bob@fabrikam.com', mail: null, department: null, accountEnabled: false, userType: 'Guest' });
    const cy = makeUser(t, { displayName: 'Cy 50%', userPrincipalName: 'cy@contoso.com', department: 'Sales', jobTitle: 'Lead\\Eng' });
    await inTenant(s, t, async (x) => { for (const u of [ada, bob, cy]) await x.users.insert(u); });
    const names = async (filter: FilterExpr) => (await inTenant(s, t, (x) => x.users.list({ filter, limit: 50 }))).map((u) => u.displayName).sort();
    const cases: Array<[FilterExpr, string[]]> = [
      [eq('userPrincipalName', str('ADA@contoso.COM')), ['Ada Lovelace']],
      [{ op: 'endsWith', field: 'userPrincipalName', value: '@contoso.com' }, ['Ada Lovelace', 'Cy 50%']],
      [eq('accountEnabled', bool(false)), ['Bob_Stone']],
      [{ op: 'ne', field: 'accountEnabled', value: bool(true) }, ['Bob_Stone']],
      [eq('userType', str('guest')), ['Bob_Stone']],
      [eq('mail', NULL), ['Bob_Stone']],
      [eq('department', str('r&d')), ['Ada Lovelace']],
      [{ op: 'ne', field: 'department', value: str('Sales') }, ['Ada Lovelace', 'Bob_Stone']],
      [{ op: 'startsWith', field: 'displayName', value: 'Bob_' }, ['Bob_Stone']],
      [{ op: 'startsWith', field: 'displayName', value: 'Bob%' }, []],
      [{ op: 'endsWith', field: 'displayName', value: '50%' }, ['Cy 50%']],
      [eq('jobTitle', str('lead\\eng')), ['Cy 50%']],
      [{ op: 'startsWith', field: 'jobTitle', value: 'Lead\\' }, ['Cy 50%']],
      [{ op: 'or', args: [eq('companyName', NULL), { op: 'not', arg: eq('accountEnabled', bool(true)) }] }, ['Ada Lovelace', 'Bob_Stone']],
    ];
    for (const [filter, expected] of cases) expect(await names(filter), JSON.stringify(filter)).toEqual(expected);
    await inTenant(s, t, async (x) => {
      expect(await x.users.count()).toBe(3);
      expect(await x.users.count({ filter: { op: 'endsWith', field: 'mail', value: '.com' } })).toBe(1);
      expect(await x.users.count({ searchTerms: { op: 'clause', clause: { field: 'userPrincipalName', terms: ['fabrikam'] } } })).toBe(1);
    });
  });

  it('filters never cross tenants', async () => {
    const s = getStorage();
    const a = await seedGroups(s);
    const b = await seedGroups(s);
    const f: FilterExpr = { op: 'startsWith', field: 'displayName', value: 'Sales' };
    const inA = await inTenant(s, a.t, (x) => x.groups.list({ filter: f, limit: 50 }));
    expect(inA.map((g) => g.tenantId)).toEqual([a.t, a.t]);
    expect(await inTenant(s, b.t, (x) => x.groups.count({ filter: { op: 'or', args: [f, eq('id', str(a.g.sales.id))] } }))).toBe(2);
  });

  it('ordered keyset paging over 250 rows visits every row exactly once, both directions, NULLs included', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const users: User[] = [];
    const groups: Group[] = [];
    for (let i = 0; i < 250; i++) {
      // few distinct names (ties broken by id) and a third without a department (NULLs)
      users.push(makeUser(t, { displayName: `Person ${i % 7}`, department: i % 3 === 0 ? null : `Dept ${i % 11}` }));
      groups.push(makeGroup(t, { displayName: `Team ${i % 5}`, createdDateTime: at(i % 13) }));
    }
    await inTenant(s, t, async (x) => {
      for (const u of users) await x.users.insert(u);
      for (const g of groups) await x.groups.insert(g);
    });
    const walk = async <T extends { id: string }>(list: (cursor: ListCursor | undefined) => Promise<T[]>, key: (row: T) => string | null) => {
      const seen: T[] = [];
      let cursor: ListCursor | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await list(cursor);
        seen.push(...page);
        const last = page[page.length - 1];
        if (page.length < 23 || !last) break;
        cursor = { key: key(last), id: last.id };
      }
      return seen;
    };
    for (const direction of ['asc', 'desc'] as const) {
      for (const field of ['department', 'displayName']) {
        const orderBy: OrderBy = { field, direction };
        const seen = await walk((cursor) => inTenant(s, t, (x) => x.users.list({ orderBy, cursor, limit: 23 })),
          (u) => (field === 'department' ? u.department : u.displayName));
        expect(seen).toHaveLength(250);
        expect(new Set(seen.map((u) => u.id)).size).toBe(250);
        const keys = seen.map((u) => (field === 'department' ? u.department : u.displayName));
        const nulls = keys.filter((k) => k === null).length;
        expect(nulls).toBe(field === 'department' ? 84 : 0);
        // NULLs first ascending, last descending
        if (nulls > 0) expect(direction === 'asc' ? keys[0] : keys[keys.length - 1]).toBeNull();
      }
      const orderBy: OrderBy = { field: 'createdDateTime', direction };
      const filter: FilterExpr = { op: 'ne', field: 'displayName', value: str('Team 0') };
      const seen = await walk((cursor) => inTenant(s, t, (x) => x.groups.list({ orderBy, cursor, filter, limit: 23 })), (g) => g.createdDateTime);
      expect(seen).toHaveLength(200);
      expect(new Set(seen.map((g) => g.id)).size).toBe(200);
      const times = seen.map((g) => g.createdDateTime);
      expect(times).toEqual([...times].sort((a, b) => (direction === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
    }
  });
});

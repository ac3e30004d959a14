import { describe, expect, it } from 'vitest';
import type { User } from '../model.js';
import { attributesHash, canonicalJson, DEFAULT_USER_MAPPING, mappingProblem, toScimUser } from './mapping.js';

const user: User = {
  tenantId: 't', id: 'u1', userPrincipalName: 'ada@example.org', displayName: 'Ada Lovelace', mail: 'ada@example.org',
  givenName: 'Ada', surname: 'Lovelace', department: 'Maths', jobTitle: 'Analyst', companyName: null, officeLocation: null,
  accountEnabled: true, userType: 'Member', externalId: null, assignedLicenses: [], roles: [], createdDateTime: '2026-01-01T00:00:00Z',
};

describe('toScimUser', () => {
  it('maps with Entra\'s defaults', () => {
    expect(toScimUser(user)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ada@example.org', externalId: 'u1', displayName: 'Ada Lovelace',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@example.org', type: 'work', primary: true }],
      active: true,
    });
  });

  const cases: Array<[string, Partial<User>, Record<string, string>, Record<string, unknown>]> = [
    ['empty values are left out', { mail: null, givenName: null }, DEFAULT_USER_MAPPING, { emails: undefined, name: { familyName: 'Lovelace' } }],
    ['a disabled user is inactive', { accountEnabled: false }, DEFAULT_USER_MAPPING, { active: false }],
    ['literals in quotes', {}, { userName: 'userPrincipalName', userType: '"Employee"' }, { userType: 'Employee', active: true }],
    ['active defaults to accountEnabled when unmapped', { accountEnabled: false }, { userName: 'mail' }, { active: false, userName: 'ada@example.org' }],
    ['enterprise extension', {}, { userName: 'userPrincipalName', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'department' },
      { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Maths' } }],
  ];
  it.each(cases)('%s', (_name, patch, mapping, expected) => {
    const resource = toScimUser({ ...user, ...patch }, mapping);
    for (const [k, v] of Object.entries(expected)) expect(resource[k]).toEqual(v);
  });
});

describe('mappingProblem', () => {
  const U = { userName: 'userPrincipalName' };
  const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';
  it.each<[string, Record<string, string>, string | null]>([
    ['the defaults', DEFAULT_USER_MAPPING, null],
    ['userName alone', U, null],
    ['userName from another field', { userName: 'mail' }, null],
    ['a fixed value', { ...U, userType: '"Employee"' }, null],
    ['a fixed value with quotes inside', { ...U, title: '"The "best" one"' }, null],
    ['the enterprise extension', { ...U, [ENT]: 'department' }, null],
    ['active from accountEnabled', { ...U, active: 'accountEnabled' }, null],
    ['no userName', { displayName: 'displayName' }, 'The mapping must set userName.'],
    ['nothing at all', {}, 'The mapping must set userName.'],
    ['an unknown SCIM attribute', { ...U, password: 'id' }, 'Unknown SCIM attribute "password".'],
    ['an unknown user field', { userName: 'passwordHash' }, 'Unknown user field "passwordHash" for userName: use a user field, or a fixed value in double quotes.'],
    ['a fixed value missing its closing quote', { ...U, title: '"Boss' }, 'Unknown user field ""Boss" for title: use a user field, or a fixed value in double quotes.'],
    ['userName fixed', { userName: '"fixed"' }, 'userName must come from a user field: a fixed value would give every user the same userName.'],
    ['externalId fixed', { ...U, externalId: '"x"' }, 'externalId must come from a user field: a fixed value would give every user the same externalId.'],
    ['an empty fixed value', { ...U, title: '""' }, 'The fixed value for title is empty.'],
    ['active from a text field', { ...U, active: 'displayName' }, 'active can only come from accountEnabled.'],
    ['active fixed', { ...U, active: '"false"' }, 'active can only come from accountEnabled.'],
    ['accountEnabled as text', { ...U, title: 'accountEnabled' }, 'accountEnabled is true or false: it can only be sent as active, not as title.'],
  ])('%s', (_name, mapping, expected) => expect(mappingProblem(mapping)).toBe(expected));
});

describe('attributesHash', () => {
  it('is stable across key order and changes with any value', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(attributesHash({ a: 1, b: 2 })).toBe(attributesHash({ b: 2, a: 1 }));
    expect(attributesHash(toScimUser(user))).not.toBe(attributesHash(toScimUser({ ...user, displayName: 'Ada L.' })));
    expect(attributesHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});

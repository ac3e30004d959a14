// App fields: links must be http(s), roles unique and well-formed.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { validAppRoles, validUrl, type AppRoleInput } from './app-fields.js';

const ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const fixedId = () => 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('validUrl', () => {
  it.each([
    ['https URL kept', 'https://payroll.example/app', 'https://payroll.example/app'],
    ['http URL kept', 'http://intranet.local', 'http://intranet.local'],
    ['empty → null', '', null],
    ['null → null', null, null],
  ] as const)('%s', (_n, input, expected) => expect(validUrl(input, 'homepage')).toBe(expected));
  it.each([['javascript:alert(1)'], ['data:text/html,x'], ['/relative'], ['not a url']])('%s → invalidInput', (input) => {
    expect(() => validUrl(input, 'homepage')).toThrow(DomainError);
  });
});

describe('validAppRoles', () => {
  it('fills ids and defaults, users only', () => {
    expect(validAppRoles([{ displayName: ' Reader ', value: 'read' }], fixedId)).toEqual([
      { id: fixedId(), displayName: 'Reader', value: 'read', description: null, isEnabled: true, allowedMemberTypes: ['User'] },
    ]);
  });
  it.each([
    ['duplicate ids', [{ id: ID, displayName: 'A' }, { id: ID, displayName: 'B' }]],
    ['duplicate values', [{ displayName: 'A', value: 'x' }, { id: ID, displayName: 'B', value: 'x' }]],
    ['the Default Access id', [{ id: '00000000-0000-0000-0000-000000000000', displayName: 'A' }]],
    ['an id that is no GUID', [{ id: 'admin', displayName: 'A' }]],
    ['a value with a space', [{ displayName: 'A', value: 'a b' }]],
    ['no display name', [{ displayName: ' ' }]],
  ] as Array<[string, AppRoleInput[]]>)('%s → invalidInput', (_n, roles) => {
    expect(() => validAppRoles(roles, fixedId)).toThrow(expect.objectContaining({ reason: 'invalidInput' }));
  });
});

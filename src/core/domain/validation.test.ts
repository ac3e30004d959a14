// Input rules of the model (SPEC §2): lengths, mailNickname characters, UPN shape, passwords.
import { describe, expect, it } from 'vitest';
import {
  mailNicknameFrom, MAX_DISPLAY_NAME, MAX_MAIL_NICKNAME, validDisplayName, validMailNickname, validOptionalText, validPassword, validUserPrincipalName,
} from './validation.js';

const invalid = expect.objectContaining({ reason: 'invalidInput', category: 'invalid' });

describe('displayName (≤ 256)', () => {
  it('trims and accepts up to 256 characters', () => {
    expect(validDisplayName('  Sales  ')).toBe('Sales');
    expect(validDisplayName('x'.repeat(MAX_DISPLAY_NAME))).toHaveLength(256);
  });
  it.each([[''], ['   '], ['x'.repeat(MAX_DISPLAY_NAME + 1)]])('refuses %j', (name) => expect(() => validDisplayName(name)).toThrow(invalid));
});

describe('mailNickname (≤ 64, restricted ASCII)', () => {
  it.each([['sales'], ['sales-emea_2026.x'], ['x'.repeat(MAX_MAIL_NICKNAME)], ['a!#$%&*+/=?^`{|}~']])('accepts %j', (nick) => expect(validMailNickname(nick)).toBe(nick));
  it.each([[''], ['has space'], ['a@b'], ['(x)'], ['a\\b'], ['[x]'], ['"q"'], ['a;b'], ['a:b'], ['<x>'], ['a,b'], ['café'], ['x'.repeat(MAX_MAIL_NICKNAME + 1)]])(
    'refuses %j', (nick) => expect(() => validMailNickname(nick)).toThrow(invalid));
  it('a nickname made from a display name is always valid', () => {
    for (const name of ['Sales EMEA', 'Café (Paris) <team>', '日本語', '@@@', 'x'.repeat(300)]) {
      const nick = mailNicknameFrom(name);
      expect(validMailNickname(nick), name).toBe(nick);
      expect(nick.length).toBeLessThanOrEqual(MAX_MAIL_NICKNAME - 5);
    }
    expect(mailNicknameFrom('日本語')).toBe('group');
  });
});

describe('optional text, UPN, password', () => {
  it('optional text: undefined/null/blank → null, too long refused', () => {
    expect(validOptionalText(undefined, 'd', 5)).toBeNull();
    expect(validOptionalText(null, 'd', 5)).toBeNull();
    expect(validOptionalText('  ', 'd', 5)).toBeNull();
    expect(validOptionalText('abc', 'd', 5)).toBe('abc');
    expect(() => validOptionalText('abcdef', 'd', 5)).toThrow(invalid);
  });
  it.each([['ann@contoso.example'], [' ann@contoso.example ']])('UPN %j accepted', (upn) => expect(validUserPrincipalName(upn)).toBe('ann@contoso.example'));
  it.each([['ann'], ['ann@contoso'], ['a nn@contoso.example'], [`${'a'.repeat(110)}@c.example`]])('UPN %j refused', (upn) => expect(() => validUserPrincipalName(upn)).toThrow(invalid));
  it('passwords are 12–256 characters', () => {
    expect(validPassword('x'.repeat(12))).toHaveLength(12);
    expect(() => validPassword('x'.repeat(11))).toThrow(invalid);
    expect(() => validPassword('x'.repeat(257))).toThrow(invalid);
  });
});

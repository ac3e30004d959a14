import { describe, expect, it } from 'vitest';
import { baseUrlProblem, validDeprovision, validInterval, validToken } from './config.js';

describe('baseUrlProblem', () => {
  it.each([
    ['https://scim.example.org/v2', null],
    ['http://127.0.0.1:8080/scim', null],
    ['http://localhost/scim', null],
    ['http://[::1]:9/scim', null],
    ['http://scim.example.org/v2', 'The base URL must use https (http is allowed to a loopback address only).'],
    ['http://127.0.0.1.evil.org/scim', 'The base URL must use https (http is allowed to a loopback address only).'],
    ['http://10.0.0.1/scim', 'The base URL must use https (http is allowed to a loopback address only).'],
    ['ftp://x/y', 'The base URL must use https (http is allowed to a loopback address only).'],
    ['https://user:pw@x.org/', 'The base URL must not carry credentials.'],
    ['https://x.org/?a=1', 'The base URL must not have a query or fragment.'],
    ['nonsense', 'The base URL is not a URL.'],
  ])('%s → %s', (url, expected) => expect(baseUrlProblem(url)).toBe(expected));
});

describe('field checks', () => {
  it.each([[4, false], [5, true], [40, true], [10_080, true], [10_081, false], [7.5, false]])('interval %s → %s', (n, ok) => {
    if (ok) expect(validInterval(n)).toBe(n);
    else expect(() => validInterval(n)).toThrow(/reconcileIntervalMinutes/);
  });
  it.each([['disableThenDelete', true], ['disable', true], ['delete', true], ['purge', false]])('deprovision %s → %s', (m, ok) => {
    if (ok) expect(validDeprovision(m)).toBe(m);
    else expect(() => validDeprovision(m)).toThrow(/deprovision/);
  });
  it.each([['abc', true], ['', false], ['a b', false], ['x'.repeat(4097), false]])('token %#', (t, ok) => {
    if (ok) expect(validToken(t)).toBe(t);
    else expect(() => validToken(t)).toThrow(/token/);
  });
});

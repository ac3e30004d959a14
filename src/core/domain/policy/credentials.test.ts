// Tokens: who sees and revokes a user's tokens, and how long a token minted with a token may live
// (docs/adr/0013-self-service-tokens.md).
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import { admin, app, ctx, IDS, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideManageTokensOf, userTokenExpiry } from './credentials.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const plain = { id: IDS.other, roles: [] } as const;
const global = { id: IDS.other, roles: ['globalAdmin'] } as const;
const self = { id: IDS.user, roles: [] } as const;

describe('decideManageTokensOf', () => {
  run([
    ['a user, their own tokens → allow', () => decideManageTokensOf(ctx(user()), self), ALLOW],
    ['a user, someone else\'s → deny notAdmin', () => decideManageTokensOf(ctx(user()), plain), deny('notAdmin')],
    ['a disabled user, their own → deny accountDisabled', () => decideManageTokensOf(ctx(user({ accountEnabled: false })), self), deny('accountDisabled')],
    ['a groupsAdmin, someone else\'s → deny notAdmin', () => decideManageTokensOf(ctx(admin('groupsAdmin')), plain), deny('notAdmin')],
    ['a userAdmin, a plain user\'s → allow', () => decideManageTokensOf(ctx(admin('userAdmin')), plain), ALLOW],
    ['a userAdmin, a global admin\'s → deny notAdmin', () => decideManageTokensOf(ctx(admin('userAdmin')), global), deny('notAdmin')],
    ['a userAdmin, an app\'s token (no owner) → deny notAdmin', () => decideManageTokensOf(ctx(admin('userAdmin')), null), deny('notAdmin')],
    ['a globalAdmin, a global admin\'s → allow', () => decideManageTokensOf(ctx(admin('globalAdmin')), global), ALLOW],
    ['a globalAdmin, an app\'s token → allow', () => decideManageTokensOf(ctx(admin('globalAdmin')), null), ALLOW],
    ['a disabled globalAdmin → deny accountDisabled', () => decideManageTokensOf(ctx(admin('globalAdmin', { accountEnabled: false })), plain), deny('accountDisabled')],
    ['an app, even with User.ReadWrite.All → deny notAdmin', () => decideManageTokensOf(ctx(app('User.ReadWrite.All', 'Directory.Read.All')), plain), deny('notAdmin')],
    ['Roster itself → allow', () => decideManageTokensOf(ctx(SYSTEM), global), ALLOW],
  ]);
});

describe('userTokenExpiry: a token never mints one that outlives it', () => {
  const PRESENTED = '2026-06-20T00:00:00.000Z';
  const EARLIER = '2026-06-10T00:00:00.000Z';
  const LATER = '2026-07-01T00:00:00.000Z';
  it.each([
    ['no presented token (CLI, session): as asked', { expires: LATER, explicit: true }, null, ALLOW, LATER],
    ['asked for less than the presented token: as asked', { expires: EARLIER, explicit: true }, PRESENTED, ALLOW, EARLIER],
    ['asked for exactly its expiry: as asked', { expires: PRESENTED, explicit: true }, PRESENTED, ALLOW, PRESENTED],
    ['asked explicitly for longer → deny tokenOutlivesCredential', { expires: LATER, explicit: true }, PRESENTED, deny('tokenOutlivesCredential'), LATER],
    ['the default would outlive it: cut to its expiry', { expires: LATER, explicit: false }, PRESENTED, ALLOW, PRESENTED],
    ['the default within it: the default', { expires: EARLIER, explicit: false }, PRESENTED, ALLOW, EARLIER],
  ] as const)('%s', (_name, requested, presented, decision, expires) => {
    expect(userTokenExpiry(requested, presented)).toEqual({ decision, expires });
  });
});

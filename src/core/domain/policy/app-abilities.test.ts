// The abilities an app is read with follow the decisions its use cases enforce (ADR 0019).
import { expect, it } from 'vitest';
import { admin, app, ctx, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { appAbilities, type AppAbilities } from './app-abilities.js';
import { NO_APP_RELATION, type AppRelation } from './apps.js';

const owner: AppRelation = { isOwner: true, hasAccess: false };
const holder: AppRelation = { isOwner: false, hasAccess: true };
const ALL: AppAbilities = { edit: true, delete: true, manageOwners: true, assign: true, block: true, readAccess: true, provisioning: true };
const NONE: AppAbilities = { edit: false, delete: false, manageOwners: false, assign: false, block: false, readAccess: false, provisioning: false };
const OWNER: AppAbilities = { edit: true, delete: false, manageOwners: false, assign: true, block: true, readAccess: true, provisioning: true };

it.each([
  ['globalAdmin', () => appAbilities(ctx(admin('globalAdmin')), NO_APP_RELATION), ALL],
  ['appAdmin', () => appAbilities(ctx(admin('appAdmin')), NO_APP_RELATION), ALL],
  ['the app\'s owner: manages it, but neither deletes it nor changes its owners', () => appAbilities(ctx(user()), owner), OWNER],
  ['a user who has the app: nothing', () => appAbilities(ctx(user()), holder), NONE],
  ['groupsAdmin (no app role): nothing', () => appAbilities(ctx(admin('groupsAdmin')), NO_APP_RELATION), NONE],
  ['disabled appAdmin: nothing', () => appAbilities(ctx(admin('appAdmin', { accountEnabled: false })), NO_APP_RELATION), NONE],
  ['API client with Application.ReadWrite.All', () => appAbilities(ctx(app('Application.ReadWrite.All')), NO_APP_RELATION), ALL],
  ['API client with Application.Read.All: reads only', () => appAbilities(ctx(app('Application.Read.All')), NO_APP_RELATION), { ...NONE, readAccess: true }],
  ['the system', () => appAbilities(ctx(SYSTEM), NO_APP_RELATION), ALL],
] as const)('%s', (_name, abilities, expected) => expect(abilities()).toEqual(expected));

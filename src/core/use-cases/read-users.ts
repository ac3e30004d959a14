// Reading the directory: any signed-in user sees users (as in Entra); apps need User.Read.All.
// Lists take the query language ($filter, $search, $orderby, $top, $count) and page by keyset cursor.
import { DomainError } from '../domain/errors.js';
import type { ListCursor } from '../domain/list-query.js';
import type { User } from '../domain/model.js';
import { decideReadDirectory } from '../domain/policy/directory.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { nextCursor, repositoryQuery, type ListRequest } from './support/list-page.js';

export async function getUser(deps: CoreDeps, caller: Caller, input: { userId: string }): Promise<User> {
  return runUseCase(deps, caller, 'user.read', { type: 'user', id: input.userId }, async (uc) => {
    uc.enforce(decideReadDirectory(uc.policy));
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    return user;
  });
}

export interface UserPage {
  readonly users: User[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly next: ListCursor | null;
  /** With `count: true`: how many users match the filter and search. */
  readonly count?: number | undefined;
}

export async function listUsers(deps: CoreDeps, caller: Caller, input: ListRequest = {}): Promise<UserPage> {
  return runUseCase(deps, caller, 'user.list', { type: 'user', id: null }, async (uc) => {
    uc.enforce(decideReadDirectory(uc.policy));
    const q = repositoryQuery('users', input);
    const users = await uc.scope.users.list(q);
    const next = nextCursor(users, q.limit, q.orderBy?.field);
    if (!input.count) return { users, next };
    return { users, next, count: await uc.scope.users.count({ filter: q.filter, searchTerms: q.searchTerms }) };
  });
}

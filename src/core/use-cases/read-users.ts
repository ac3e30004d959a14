// Reading the directory: any signed-in user sees users (as in Entra); apps need User.Read.All.
import { DomainError } from '../domain/errors.js';
import type { User } from '../domain/model.js';
import { decideReadDirectory } from '../domain/policy/directory.js';
import type { Caller, CoreDeps } from '../ports.js';
import { pageSize } from './list-members.js';
import { runUseCase } from './support/context.js';

export async function getUser(deps: CoreDeps, caller: Caller, input: { userId: string }): Promise<User> {
  return runUseCase(deps, caller, 'user.read', { type: 'user', id: input.userId }, async (uc) => {
    uc.enforce(decideReadDirectory(uc.policy));
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    return user;
  });
}

export async function listUsers(deps: CoreDeps, caller: Caller, input: { search?: string; after?: string; limit?: number } = {}): Promise<User[]> {
  return runUseCase(deps, caller, 'user.list', { type: 'user', id: null }, async (uc) => {
    uc.enforce(decideReadDirectory(uc.policy));
    return uc.scope.users.list({ search: input.search, after: input.after, limit: pageSize(input.limit) });
  });
}

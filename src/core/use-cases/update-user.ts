// Update a user's profile or enabled flag. Roles and licences have their own use cases
// (directory-roles.ts, licences.ts), so no profile edit can carry them (SECURITY #10).
import { DomainError } from '../domain/errors.js';
import type { User } from '../domain/model.js';
import { decideDisableUser, decideManageUser } from '../domain/policy/directory.js';
import { validPassword, validUserPrincipalName } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { userProfile, type UserProfileInput } from './support/users.js';

export interface UpdateUserInput extends UserProfileInput {
  userId: string;
  userPrincipalName?: string | undefined;
  accountEnabled?: boolean | undefined;
  password?: string | undefined;
}

export async function updateUser(deps: CoreDeps, caller: Caller, input: UpdateUserInput): Promise<User> {
  return runUseCase(deps, caller, 'user.update', { type: 'user', id: input.userId }, async (uc) => {
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    uc.enforce(decideManageUser(uc.policy, user));
    if (input.accountEnabled === false && user.accountEnabled) uc.enforce(decideDisableUser(uc.policy, user));
    const updated: User = {
      ...user,
      ...userProfile(user, input),
      userPrincipalName: input.userPrincipalName !== undefined ? validUserPrincipalName(input.userPrincipalName) : user.userPrincipalName,
      accountEnabled: input.accountEnabled ?? user.accountEnabled,
    };
    if (updated.userPrincipalName.toLowerCase() !== user.userPrincipalName.toLowerCase()
      && await uc.scope.users.getByUserPrincipalName(updated.userPrincipalName)) throw new DomainError('userPrincipalNameTaken');
    await uc.scope.users.update(updated);
    if (input.password !== undefined) {
      await uc.scope.credentials.setPasswordHash(user.id, await deps.passwords.hash(validPassword(input.password)), uc.now);
    }
    await uc.audit({ action: 'user.update', targetType: 'user', targetId: user.id, before: user, after: updated });
    await uc.scope.outbox.enqueue({ topic: 'user.updated', payload: { userId: user.id } }, uc.now);
    return updated;
  });
}

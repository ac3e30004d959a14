// Admins (userAdmin, globalAdmin) and apps with User.ReadWrite.All create users; only global admins give roles.
import { DomainError } from '../domain/errors.js';
import type { DirectoryRole, User, UserType } from '../domain/model.js';
import { decideManageUser } from '../domain/policy/directory.js';
import { decideGrantRoles } from '../domain/policy/roles.js';
import { validPassword, validUserPrincipalName } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { userProfile, type UserProfileInput } from './support/users.js';

export interface CreateUserInput extends UserProfileInput {
  userPrincipalName: string;
  displayName: string;
  accountEnabled?: boolean | undefined;
  userType?: UserType | undefined;
  roles?: DirectoryRole[] | undefined;
  /** Local sign-in password; omitted for users who sign in through OpenID Connect only. */
  password?: string | undefined;
}

export async function createUser(deps: CoreDeps, caller: Caller, input: CreateUserInput): Promise<User> {
  return runUseCase(deps, caller, 'user.create', { type: 'user', id: null }, async (uc) => {
    uc.enforce(decideManageUser(uc.policy, null));
    const roles = [...new Set(input.roles ?? [])].sort();
    uc.enforce(decideGrantRoles(uc.policy, roles));
    const user: User = {
      tenantId: caller.tenantId,
      id: deps.ids.newId(),
      userPrincipalName: validUserPrincipalName(input.userPrincipalName),
      ...userProfile({ mail: null, givenName: null, surname: null, department: null, jobTitle: null, companyName: null, officeLocation: null, externalId: null, displayName: '' }, input),
      displayName: input.displayName.trim(),
      accountEnabled: input.accountEnabled ?? true,
      userType: input.userType ?? 'Member',
      assignedLicenses: [],
      roles,
      createdDateTime: uc.now,
    };
    if (!user.displayName) throw new DomainError('invalidInput', 'displayName is required.');
    await uc.scope.users.insert(user);
    if (input.password !== undefined) {
      await uc.scope.credentials.setPasswordHash(user.id, await deps.passwords.hash(validPassword(input.password)), uc.now);
    }
    await uc.audit({ action: 'user.create', targetType: 'user', targetId: user.id, after: user });
    await uc.scope.outbox.enqueue({ topic: 'user.created', payload: { userId: user.id } }, uc.now);
    return user;
  });
}

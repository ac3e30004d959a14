// OpenID Connect sign-in, after the adapter verified the provider's answer (state, nonce, issuer,
// audience, signature, expiry): find the tenant's user for the identity — by its (issuer, subject) link;
// on first sign-in by verified email when the tenant allows it (then linked); or a new user when the
// tenant allows that — and open a session. Anything else is refused and audited (docs/adr/0017).
import { isUuid } from '../domain/credentials.js';
import { DomainError } from '../domain/errors.js';
import type { Tenant, User } from '../domain/model.js';
import { validUserPrincipalName } from '../domain/validation.js';
import type { CoreDeps, TenantScope } from '../ports.js';
import { auditSignIn, openSession, SIGN_IN_CHANNEL, type SignedIn } from './support/sessions.js';

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface OidcMatchPolicy {
  /** subject: only a linked identity signs in; email: a first sign-in may match a user by verified email. */
  match: 'subject' | 'email';
  createUsers: boolean;
}

export interface OidcSignInInput {
  tenantId: string;
  identity: OidcIdentity;
  policy: OidcMatchPolicy;
  clientKey: string;
  requestId?: string | undefined;
}

type Found = { user: User; how: 'link' | 'email' | 'created' } | { user: null; failure: 'noMatchingUser' | 'emailTaken' | 'linkedElsewhere' };

export async function signInWithOidc(deps: CoreDeps, input: OidcSignInInput): Promise<SignedIn> {
  const tenant = isUuid(input.tenantId) ? await deps.uow.tenants.get(input.tenantId) : null;
  if (!tenant) throw new DomainError('invalidCredentials');
  const { identity } = input;
  const signedIn = await deps.uow.transaction(tenant.id, async (scope) => {
    const found = await findUser(deps, scope, tenant, input);
    const failure = found.user === null ? found.failure : !found.user.accountEnabled ? 'disabled' : null;
    if (failure !== null || found.user === null) {
      await auditSignIn(scope, deps, {
        action: 'auth.signIn', userId: found.user?.id ?? null, outcome: 'denied', requestId: input.requestId,
        after: { method: 'oidc', issuer: identity.issuer, subject: identity.subject, client: input.clientKey, failure },
      });
      return null;
    }
    if (found.how !== 'link') await scope.oidcLinks.link(identity.issuer, identity.subject, found.user.id, deps.clock.now());
    return openSession(deps, scope, tenant, found.user, 'oidc', input);
  });
  if (!signedIn) throw new DomainError('invalidCredentials');
  return signedIn;
}

async function findUser(deps: CoreDeps, scope: TenantScope, tenant: Tenant, input: OidcSignInInput): Promise<Found> {
  const { identity, policy } = input;
  const linked = await scope.oidcLinks.find(identity.issuer, identity.subject);
  if (linked) {
    const user = await scope.users.get(linked);
    if (user) return { user, how: 'link' };
    await scope.oidcLinks.unlink(identity.issuer, identity.subject); // the user was deleted
  }
  const email = identity.emailVerified ? upnOf(identity.email) : null;
  const byEmail = email ? await scope.users.getByUserPrincipalName(email) : null;
  if (byEmail && policy.match === 'email') {
    // One identity per issuer and user: a second subject with a reused address does not take the account over.
    if (await scope.oidcLinks.subjectOf(identity.issuer, byEmail.id)) return { user: null, failure: 'linkedElsewhere' };
    return { user: byEmail, how: 'email' };
  }
  if (!policy.createUsers || !email) return { user: null, failure: 'noMatchingUser' };
  if (byEmail) return { user: null, failure: 'emailTaken' };
  const now = deps.clock.now();
  const user: User = {
    tenantId: tenant.id, id: deps.ids.newId(), userPrincipalName: email, displayName: identity.name?.trim().slice(0, 256) || email,
    mail: email, givenName: null, surname: null, department: null, jobTitle: null, companyName: null, officeLocation: null,
    accountEnabled: true, userType: 'Member', externalId: null, assignedLicenses: [], roles: [], createdDateTime: now,
  };
  await scope.users.insert(user);
  await scope.audit.append({
    action: 'user.create', actorType: 'system', actorId: null, channel: SIGN_IN_CHANNEL, targetType: 'user', targetId: user.id,
    outcome: 'success', reason: null, before: null, after: { ...user, createdBy: 'oidc', issuer: identity.issuer }, requestId: input.requestId ?? null, occurredAt: now,
  });
  await scope.outbox.enqueue({ topic: 'user.created', payload: { userId: user.id } }, now);
  return { user, how: 'created' };
}

function upnOf(email: string | null): string | null {
  if (!email) return null;
  try {
    return validUserPrincipalName(email);
  } catch {
    return null;
  }
}

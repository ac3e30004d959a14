// Premium licences (SPEC §3.13): admins assign them to users up to the tenant's seats.
import { DomainError } from '../domain/errors.js';
import { LICENCE_SKUS, type LicenceSeats, type LicenceSku, type User } from '../domain/model.js';
import { decideManageLicences, decideSetLicenceSeats } from '../domain/policy/directory.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

function validSku(sku: string): LicenceSku {
  if (!(LICENCE_SKUS as readonly string[]).includes(sku)) throw new DomainError('invalidInput', `Unknown licence '${sku}'. Known: ${LICENCE_SKUS.join(', ')}.`);
  return sku as LicenceSku;
}

export interface LicenceChange {
  userId: string;
  add?: readonly string[] | undefined;
  remove?: readonly string[] | undefined;
}

/**
 * Graph's assignLicense: adds and removes in one step, all or nothing. Each added licence needs a free
 * seat; assignments are serialised per tenant so two admins cannot both take the last seat.
 */
export async function changeLicences(deps: CoreDeps, caller: Caller, input: LicenceChange): Promise<User> {
  const add = [...new Set((input.add ?? []).map(validSku))];
  const remove = [...new Set((input.remove ?? []).map(validSku))];
  if (add.some((sku) => remove.includes(sku))) throw new DomainError('invalidInput', 'A licence cannot be both added and removed.');
  const action = add.length > 0 ? 'licence.assign' : 'licence.remove';
  return runUseCase(deps, caller, action, { type: 'licence', id: input.userId }, async (uc) => {
    uc.enforce(decideManageLicences(uc.policy));
    await uc.scope.licences.lock();
    const user = await uc.scope.users.get(input.userId);
    if (!user) throw new DomainError('userNotFound');
    const adding = add.filter((sku) => !user.assignedLicenses.includes(sku));
    const seats = await uc.scope.licences.seats();
    for (const sku of adding) {
      if ((await uc.scope.users.countWithLicence(sku)) >= (seats.find((s) => s.sku === sku)?.seats ?? 0)) throw new DomainError('noSeatsLeft');
    }
    const assigned = [...user.assignedLicenses.filter((sku) => !remove.includes(sku)), ...adding].sort();
    if (assigned.length === user.assignedLicenses.length && assigned.every((sku) => user.assignedLicenses.includes(sku))) return user;
    const updated = { ...user, assignedLicenses: assigned };
    await uc.scope.users.update(updated);
    await uc.audit({ action, targetType: 'licence', targetId: user.id, before: user.assignedLicenses, after: updated.assignedLicenses });
    await uc.scope.outbox.enqueue({ topic: 'user.updated', payload: { userId: user.id } }, uc.now);
    return updated;
  });
}

export async function assignLicence(deps: CoreDeps, caller: Caller, input: { userId: string; sku: string }): Promise<User> {
  return changeLicences(deps, caller, { userId: input.userId, add: [input.sku] });
}

export async function removeLicence(deps: CoreDeps, caller: Caller, input: { userId: string; sku: string }): Promise<User> {
  return changeLicences(deps, caller, { userId: input.userId, remove: [input.sku] });
}

export async function setLicenceSeats(deps: CoreDeps, caller: Caller, input: { sku: string; seats: number }): Promise<LicenceSeats[]> {
  const sku = validSku(input.sku);
  if (!Number.isInteger(input.seats) || input.seats < 0 || input.seats > 10_000_000) throw new DomainError('invalidInput', 'seats must be a whole number from 0.');
  return runUseCase(deps, caller, 'licence.seats', { type: 'licence', id: sku }, async (uc) => {
    uc.enforce(decideSetLicenceSeats(uc.policy));
    const before = await uc.scope.licences.seats();
    if ((await uc.scope.users.countWithLicence(sku)) > input.seats) throw new DomainError('noSeatsLeft', 'More users hold this licence than the new number of seats.');
    await uc.scope.licences.setSeats(sku, input.seats);
    const after = await uc.scope.licences.seats();
    await uc.audit({ action: 'licence.seats', targetType: 'licence', targetId: sku, before, after });
    return after;
  });
}

export async function getLicenceSeats(deps: CoreDeps, caller: Caller): Promise<Array<LicenceSeats & { assigned: number }>> {
  return runUseCase(deps, caller, 'licence.read', { type: 'licence', id: null }, async (uc) => {
    uc.enforce(decideManageLicences(uc.policy));
    const seats = await uc.scope.licences.seats();
    return Promise.all(LICENCE_SKUS.map(async (sku) => ({
      sku, seats: seats.find((s) => s.sku === sku)?.seats ?? 0, assigned: await uc.scope.users.countWithLicence(sku),
    })));
  });
}

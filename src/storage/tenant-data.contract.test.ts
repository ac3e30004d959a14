// Settings, licence seats, the audit log, the outbox and the tenant directory.
import { expect, it } from 'vitest';
import { isUniqueViolation } from './sql-helpers.js';
import { describeEachEngine } from './testing/engines.js';
import { T0, at, inTenant, makeAuditEvent, newId, newTenant } from './testing/fixtures.js';

describeEachEngine('SettingsRepository', (getStorage) => {
  it('stores JSON values, overwrites, resets', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      expect(await x.settings.getAll()).toEqual({});
      await x.settings.set('groups.creation', { security: 'Selected', groupId: 'g1' }, 'admin', at(1));
      await x.settings.set('requests.maxDays', 30, null, at(1));
      await x.settings.set('flag', false, null, at(1));
      await x.settings.set('requests.maxDays', 60, 'admin2', at(2));
      expect(await x.settings.getAll()).toEqual({ 'groups.creation': { security: 'Selected', groupId: 'g1' }, 'requests.maxDays': 60, flag: false });
      await x.settings.reset('requests.maxDays');
      await x.settings.reset('never-set');
      expect(Object.keys(await x.settings.getAll()).sort()).toEqual(['flag', 'groups.creation']);
    });
    const row = await s.db.selectFrom('settings').selectAll().where('tenant_id', '=', t).where('key', '=', 'groups.creation').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ updated_by: 'admin', updated_at: at(1) });
  });
});

describeEachEngine('LicenceRepository', (getStorage) => {
  it('sets and replaces seats per SKU', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      expect(await x.licences.seats()).toEqual([]);
      await x.licences.setSeats('premiumP2', 5);
      await x.licences.setSeats('premiumP1', 10);
      await x.licences.setSeats('premiumP2', 7);
      expect(await x.licences.seats()).toEqual([{ sku: 'premiumP1', seats: 10 }, { sku: 'premiumP2', seats: 7 }]);
    });
  });
});

describeEachEngine('AuditLog', (getStorage) => {
  it('appends with a generated id and lists newest first, optionally by target', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const target = newId();
    const e1 = makeAuditEvent({ occurredAt: at(1), targetId: target });
    const e2 = makeAuditEvent({
      occurredAt: at(3), actorType: 'system', actorId: null, channel: 'system', targetType: 'tenant', targetId: null,
      outcome: 'denied', reason: 'notAdmin', before: null, after: { nested: [1, 'two', { three: true }] }, requestId: null,
    });
    const e3 = makeAuditEvent({ occurredAt: at(2), targetId: target, before: undefined, after: 'text' });
    await inTenant(s, t, async (x) => { for (const e of [e1, e2, e3]) await x.audit.append(e); });
    await inTenant(s, t, async (x) => {
      const all = await x.audit.list({ limit: 10 });
      expect(all.map((e) => e.occurredAt)).toEqual([at(3), at(2), at(1)]);
      expect(all[0]).toEqual({ ...e2, tenantId: t, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(all[1]).toEqual({ ...e3, before: null, tenantId: t, id: expect.any(String) });
      expect(new Set(all.map((e) => e.id)).size).toBe(3);
      const forTarget = await x.audit.list({ limit: 10, targetId: target });
      expect(forTarget.map((e) => e.occurredAt)).toEqual([at(2), at(1)]);
      expect(await x.audit.list({ limit: 1 })).toHaveLength(1);
    });
  });

  it('offers no way to change or remove an event', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const audit = await inTenant(s, t, async (x) => x.audit);
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(audit)).filter((m) => m !== 'constructor').sort();
    // `seal` is the one write besides append: it fills seq and hashes once, only where seq is null (docs/adr/0016).
    expect(methods).toEqual(['append', 'getSealed', 'head', 'horizon', 'list', 'lockChain', 'seal', 'sealed', 'unsealed']);
  });

  it('seals an event once: a second seal of the same event changes nothing', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, (x) => x.audit.append(makeAuditEvent()));
    const [event] = await inTenant(s, t, async (x) => x.audit.unsealed({ below: await x.audit.horizon(), limit: 10 }));
    if (!event) throw new Error('no unsealed event');
    const link = { seq: 1, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
    expect(await inTenant(s, t, (x) => x.audit.seal(event.id, link))).toBe(true);
    expect(await inTenant(s, t, (x) => x.audit.seal(event.id, { ...link, seq: 2, hash: 'b'.repeat(64) }))).toBe(false);
    expect(await inTenant(s, t, (x) => x.audit.getSealed(event.id))).toEqual({ ...event, ...link });
    expect(await inTenant(s, t, (x) => x.audit.head())).toEqual({ seq: 1, hash: link.hash });
    // Another tenant can neither see nor seal it.
    const other = await newTenant(s);
    expect(await inTenant(s, other, (x) => x.audit.getSealed(event.id))).toBeNull();
    expect(await inTenant(s, other, (x) => x.audit.seal(event.id, link))).toBe(false);
  });
});

describeEachEngine('Outbox', (getStorage) => {
  it('enqueues a message available at the given instant', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      await x.outbox.enqueue({ topic: 'scim.provision', payload: { groupId: 'g1', ops: [{ op: 'add' }] } }, at(7));
      await x.outbox.enqueue({ topic: 'mail.notify', payload: {} }, at(8));
    });
    const rows = await s.db.selectFrom('outbox').selectAll().where('tenant_id', '=', t).orderBy('created_at').execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      tenant_id: t, id: expect.stringMatching(/^[0-9a-f-]{36}$/), topic: 'scim.provision', payload: expect.any(String),
      created_at: at(7), available_at: at(7), attempts: 0, done_at: null,
    });
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual({ groupId: 'g1', ops: [{ op: 'add' }] });
  });
});

describeEachEngine('TenantDirectory', (getStorage) => {
  it('inserts, gets and lists tenants by id', async () => {
    const s = getStorage();
    const a = { id: newId(), name: 'Fabrikam', createdDateTime: T0 };
    await s.uow.tenants.insert(a);
    expect(await s.uow.tenants.get(a.id)).toEqual(a);
    expect(await s.uow.tenants.get(newId())).toBeNull();
    const b = await newTenant(s, 'Northwind');
    const ids = (await s.uow.tenants.list()).map((x) => x.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining([a.id, b]));
  });
});

describeEachEngine('isUniqueViolation', (getStorage) => {
  it('recognises primary-key and unique-index violations of the engine, and nothing else', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const caught = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
    const dupTenant = await caught(s.uow.tenants.insert({ id: t, name: 'again', createdDateTime: T0 }));
    expect(isUniqueViolation(dupTenant)).toBe(true);
    const row = { tenant_id: t, user_principal_name: 'A@x', upn_lower: 'a@x', display_name: 'A', account_enabled: 1, user_type: 'Member', created_at: T0 };
    await s.db.insertInto('users').values({ ...row, id: 'u1' }).execute();
    expect(isUniqueViolation(await caught(s.db.insertInto('users').values({ ...row, id: 'u2' }).execute()))).toBe(true);
    const notNull = await caught(s.db.insertInto('users').values({ ...row, id: 'u3', upn_lower: null as unknown as string }).execute());
    expect(notNull).toBeInstanceOf(Error);
    expect(isUniqueViolation(notNull)).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

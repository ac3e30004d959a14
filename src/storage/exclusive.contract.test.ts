// Storage.exclusive: one-time work guarded by a database-wide named lock (first-tenant bootstrap when
// several nodes start together on one PostgreSQL database).
import { expect, it } from 'vitest';
import { describeEachEngine } from './testing/engines.js';
import { newId } from './testing/fixtures.js';

describeEachEngine('Storage.exclusive', (getStorage, engine) => {
  it('runs the work and passes its result and its failure through', async () => {
    const s = getStorage();
    expect(await s.exclusive('test-result', async () => 42)).toBe(42);
    await expect(s.exclusive('test-result', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    // The lock was released after the failure.
    expect(await s.exclusive('test-result', async () => 'again')).toBe('again');
  });

  it.runIf(engine === 'postgres')('check-then-create under the lock happens once, however many start together', async () => {
    const s = getStorage();
    const name = `race-${newId()}`;
    const created: string[] = [];
    const ensure = () => s.exclusive(name, async () => {
      const existing = (await s.uow.tenants.list()).find((t) => t.name === name);
      if (existing) return existing.id;
      await new Promise((r) => setTimeout(r, 20));
      const id = newId();
      await s.uow.tenants.insert({ id, name, createdDateTime: new Date().toISOString() });
      created.push(id);
      return id;
    });
    const ids = await Promise.all(Array.from({ length: 5 }, ensure));
    expect(created).toHaveLength(1);
    expect(new Set(ids)).toEqual(new Set(created));
  });
});

// The tenant's first enabled global administrator: the demo is seeded as them.
import type { Core, ListCursor } from '../core/index.js';

export async function findGlobalAdmin(core: Core, tenantId: string): Promise<string | null> {
  const system = { tenantId, principal: { type: 'system' as const }, channel: 'adminCenter' as const };
  let cursor: ListCursor | undefined;
  for (;;) {
    const page = await core.listUsers(system, { top: 200, filter: { op: 'eq', field: 'accountEnabled', value: { type: 'boolean', value: true } }, cursor });
    const admin = page.users.find((u) => u.roles.includes('globalAdmin'));
    if (admin) return admin.id;
    if (!page.next) return null;
    cursor = page.next;
  }
}

// The tenant's first enabled global administrator: the demo is seeded as them.
import type { Core } from '../core/index.js';

export async function findGlobalAdmin(core: Core, tenantId: string): Promise<string | null> {
  const system = { tenantId, principal: { type: 'system' as const }, channel: 'adminCenter' as const };
  let after: string | undefined;
  for (;;) {
    const page = await core.listUsers(system, { limit: 200, ...(after ? { after } : {}) });
    const admin = page.find((u) => u.accountEnabled && u.roles.includes('globalAdmin'));
    if (admin) return admin.id;
    if (page.length < 200) return null;
    after = page[page.length - 1]?.id;
  }
}

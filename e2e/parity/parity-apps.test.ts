// Path parity for applications, assignments, blocks and effective access (SECURITY #13, docs/adr/0023):
// every case of table-apps.ts through the Graph API with a Global Administrator's token, the same API
// with the administrator's portal session (admin center), and `roster apps` as the system principal,
// on both engines. Same outcome, same reason, same change (or none), each refusal in its own format.
import { afterAll, beforeAll } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { APPS_AREA } from './apps-world.js';
import { startInterfaces, type Interfaces } from './interfaces.js';
import { replayParity } from './runner.js';
import { APP_CASES } from './table-apps.js';

describeEachEngine('path parity: applications and access', (getStorage) => {
  let ifs: Interfaces;
  beforeAll(async () => { ifs = await startInterfaces(getStorage()); });
  afterAll(async () => { await ifs?.close(); });
  replayParity(APPS_AREA, APP_CASES, () => ifs);
});

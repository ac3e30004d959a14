// The core's IdGenerator port: random (v4) UUIDs from Node's CSPRNG.
import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../core/ports.js';

export const uuidGenerator: IdGenerator = {
  newId: () => randomUUID(),
};

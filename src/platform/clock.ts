// The core's Clock port on the system clock.
import type { Clock } from '../core/ports.js';

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
};

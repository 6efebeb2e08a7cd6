// Refusals are values; inside the planner they travel as a thrown `Refused`
// so that deep checks can stop planning one function without threading
// results through every call.

import type { Location } from '../check/types.js';

export type RefusalReason = 'multi-file' | 'macro' | 'conflict' | 'parse-error' | 'manual';

export interface Refusal {
  reason: RefusalReason;
  message: string;
  locations: Location[];
}

export class Refused {
  constructor(readonly refusal: Refusal) {}
}

export function refuse(reason: RefusalReason, message: string, locations: Location[]): never {
  throw new Refused({ reason, message, locations });
}

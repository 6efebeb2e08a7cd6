// Every rule fpcast knows, in the order `fpcast rules` lists them.

import type { Rule } from '../src/check/types.js';
import { methArity } from './meth-arity.js';

export const RULES: Rule[] = [methArity];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

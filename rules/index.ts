// Every rule fpcast knows, in the order `fpcast rules` lists them.

import type { Rule } from '../src/check/types.js';
import { getsetSignature } from './getset-signature.js';
import { declMismatch } from './decl-mismatch.js';
import { methArity } from './meth-arity.js';
import { moduleSlot } from './module-slot.js';
import { protocolSlot } from './protocol-slot.js';
import { specSlot } from './spec-slot.js';
import { typeSlot } from './type-slot.js';

export const RULES: Rule[] = [methArity, getsetSignature, typeSlot, specSlot, protocolSlot, moduleSlot, declMismatch];

/** The rules a run uses: those selected (else every rule not opt-in), less those ignored. */
export function selectedRules({ select, ignore = [] }: { select?: string[]; ignore?: string[] }): Rule[] {
  return RULES.filter((r) => (select ? select.includes(r.id) : !r.optIn) && !ignore.includes(r.id));
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** What every place that takes a rule id says about one fpcast does not know. */
export function unknownRuleMessage(id: string): string {
  return `unknown rule '${id}'; known rules: ${RULES.map((rule) => rule.id).join(', ')} (see 'fpcast rules')`;
}

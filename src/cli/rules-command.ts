// `fpcast rules` and `fpcast rules ID`.

import { RULES, ruleById, unknownRuleMessage } from '../../rules/index.js';
import { UsageError, type Io } from './main.js';

export function printRules(id: string | undefined, io: Io): number {
  if (id === undefined) {
    const width = Math.max(...RULES.map((r) => r.id.length));
    for (const rule of RULES) {
      io.stdout.write(`${rule.id.padEnd(width)}  ${rule.summary}\n${' '.repeat(width)}  fix: ${rule.fix}\n`);
      if (rule.optIn) io.stdout.write(`${' '.repeat(width)}  off by default (--select ${rule.id} to run it): ${rule.optIn}\n`);
    }
    return 0;
  }
  const rule = ruleById(id);
  if (!rule) throw new UsageError(unknownRuleMessage(id));
  io.stdout.write(rule.docs.endsWith('\n') ? rule.docs : rule.docs + '\n');
  return 0;
}

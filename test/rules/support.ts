// Running one table rule over C source held in a string: extract, link, and
// ask the rule what each entry expects, or let the checker judge.

import { check, ruleContext } from '../../src/check/check.js';
import type { Expectation, RuleWarning, TableRule } from '../../src/check/types.js';
import { extractFacts } from '../../src/extract/extract.js';
import { link } from '../../src/index/link.js';

export type Item =
  | { field: string; func: string; typedef: string; what: string; call: string; fieldTypedef?: string }
  | { warning: string; func: string };

function summary(item: Expectation | RuleWarning): Item {
  if ('warning' in item) return { warning: item.warning, func: item.func };
  const out: Item = { field: item.field, func: item.ref.name, typedef: item.signature.typedef, what: item.what, call: item.call };
  if (item.fieldTypedef) out.fieldTypedef = item.fieldTypedef;
  return out;
}

function itemsOf(rule: TableRule, source: string): (Expectation | RuleWarning)[] {
  const index = link([extractFacts('m.c', source)]);
  const ctx = ruleContext(index);
  return index.tables
    .filter((table) => rule.structs.includes(table.struct))
    .flatMap((table) => table.entries.flatMap((entry) => rule.expectations(entry, table, ctx)));
}

/** What `rule` expects of every entry of the tables it reads in `source`. */
export function expectationsOf(rule: TableRule, source: string): Item[] {
  return itemsOf(rule, source).map(summary);
}

/** The raw expectations (for the names of added parameters). */
export function rawExpectationsOf(rule: TableRule, source: string): Expectation[] {
  return itemsOf(rule, source).filter((item): item is Expectation => !('warning' in item));
}

/** The messages of the findings the checker makes with `rule` alone. */
export function findingsOf(rule: TableRule, source: string): string[] {
  return check(link([extractFacts('m.c', source)]), [rule]).findings.map((f) => `${f.severity}: ${f.message}`);
}

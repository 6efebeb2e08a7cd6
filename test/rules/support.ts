// Running one table rule over C source held in a string: extract, link, and
// ask the rule what each entry expects, or let the checker judge; and the
// signature change a fix makes to a function held in a string.

import { TYPEDEFS } from '../../src/abi/cpython.js';
import { check, entryItems, ruleContext } from '../../src/check/check.js';
import type { Expectation, RuleWarning, TableRule } from '../../src/check/types.js';
import { extractFacts } from '../../src/extract/extract.js';
import { applyEdits } from '../../src/fix/edits.js';
import { signatureChange } from '../../src/fix/signature-edits.js';
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
    .flatMap((table) => table.entries.flatMap((entry) => entryItems(rule, entry, table, ctx)));
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

/** The first function of `source` once given `typedef`'s signature (new
 * parameters named `addedNames`, by default the typedef's roles), or
 * `manual: why` when the change needs a human. */
export function changed(source: string, typedef: string, addedNames = TYPEDEFS[typedef].params.map((p) => p.role)): string {
  const [fn] = extractFacts('t.c', source).functions;
  const result = signatureChange(fn, TYPEDEFS[typedef], source, { unusedParam: 'Py_UNUSED({name})', addedNames });
  if ('manual' in result) return `manual: ${result.manual}`;
  return applyEdits(source, result.edits);
}

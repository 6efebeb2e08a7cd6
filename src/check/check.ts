// ProjectIndex → findings. Rules say what each table entry expects; this
// module resolves the functions and compares signatures.

import { METH_FLAGS, MODULE_SLOT_IDS, TYPE_SLOT_IDS } from '../abi/cpython.js';
import { lookupMacro } from '../index/macros.js';
import { resolveDefinitions, type ProjectIndex } from '../index/link.js';
import type { Range } from '../extract/facts.js';
import { evaluate } from './evaluate.js';
import { compareSig, describeMismatches, expectedSig, wasmSigOf } from './signature.js';
import type { Expectation, Finding, Rule, RuleContext } from './types.js';

const KNOWN_CONSTANTS: Record<string, number> = { ...METH_FLAGS, ...TYPE_SLOT_IDS, ...MODULE_SLOT_IDS };

export interface CheckResult {
  findings: Finding[];
  /** Every function slot of every table entry the rules read (matching or not). */
  expectations: Expectation[];
  /** Entries a rule could not judge (a warning says why): their function is
   * used with a shape fpcast does not know, which fixes must respect. */
  unjudged: { func: string; file: string; range: Range }[];
}

export function ruleContext(index: ProjectIndex): RuleContext {
  return {
    index,
    evaluate(expression, file) {
      return evaluate(expression, (name) => {
        if (Object.hasOwn(KNOWN_CONSTANTS, name)) return KNOWN_CONSTANTS[name];
        const macro = lookupMacro(index, name, file);
        return macro && !macro.params ? macro.body : undefined;
      });
    },
  };
}

export function check(index: ProjectIndex, rules: Rule[]): CheckResult {
  const ctx = ruleContext(index);
  const findings: Finding[] = [];
  const expectations: Expectation[] = [];
  const unjudged: CheckResult['unjudged'] = [];
  const warned = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === 'project') {
      findings.push(...rule.run(ctx));
      continue;
    }
    for (const table of index.tables) {
      if (!rule.structs.includes(table.struct)) continue;
      for (const entry of table.entries) {
        for (const item of rule.expectations(entry, table, ctx)) {
          if ('warning' in item) {
            unjudged.push({ func: item.func, file: table.file, range: item.range });
            // One warning per place and message: a table's entries can share one reason.
            const key = `${rule.id}\0${table.file}\0${item.range.start}\0${item.warning}`;
            if (warned.has(key)) continue;
            warned.add(key);
            findings.push({
              rule: rule.id, severity: 'warning', file: table.file, range: item.range, func: item.func,
              message: item.warning, related: [],
            });
            continue;
          }
          if (entry.expandedFrom) {
            const { definition, macro } = entry.expandedFrom;
            item.viaMacro = { file: definition.file, range: definition.range, note: `the entry comes from macro '${macro}', defined here` };
          }
          expectations.push(item);
          findings.push(...judge(index, item));
        }
      }
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start));
  return { findings, expectations, unjudged };
}

/** A finding for every definition of the entry's function that CPython would call wrongly. */
function judge(index: ProjectIndex, expectation: Expectation): Finding[] {
  const findings: Finding[] = [];
  const expected = expectedSig(expectation.signature);
  const definitions = resolveDefinitions(index, expectation.ref.name, expectation.file);
  for (const definition of definitions) {
    const actual = wasmSigOf(definition);
    const mismatches = compareSig(actual, expected);
    if (!mismatches.length) continue;
    const related = [{ file: definition.file, range: definition.nameRange, note: `'${definition.name}' is defined here` }];
    if (expectation.viaMacro) related.push(expectation.viaMacro);
    findings.push({
      rule: expectation.rule,
      severity: 'error',
      file: expectation.file,
      range: expectation.ref.nameRange,
      func: expectation.ref.name,
      message:
        describeMismatches(expectation.what, expectation.ref.name, definition, expectation.signature, expectation.call, mismatches) +
        (definitions.length > 1 ? ` (the definition at ${definition.file}:${definition.line})` : '') +
        (expectation.entry.expandedFrom ? ` (entry from macro '${expectation.entry.expandedFrom.macro}' at ${expectation.entry.expandedFrom.definition.file}:${expectation.entry.expandedFrom.definition.line})` : ''),
      expected,
      actual,
      expectation,
      definition,
      related,
    });
  }
  return findings;
}

// ProjectIndex → findings. Rules say what each table entry expects; this
// module resolves the functions and compares signatures.

import { METH_FLAGS, MODULE_SLOT_IDS, STRUCTS, TYPE_SLOT_IDS } from '../abi/cpython.js';
import { lookupMacro } from '../index/macros.js';
import { macroBodyText } from '../index/preprocess.js';
import { resolveDefinitions, type Located, type ProjectIndex } from '../index/link.js';
import type { EntryFact, Range, TableFact } from '../extract/facts.js';
import { evaluate } from './evaluate.js';
import { compareSig, describeMismatches, expectedSig, wasmSigOf } from './signature.js';
import type { Expectation, Finding, Rule, RuleContext, RuleWarning, TableRule } from './types.js';

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
        return macro && !macro.params ? macroBodyText(macro.body) : undefined;
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
        for (const item of entryItems(rule, entry, table, ctx)) {
          if ('warning' in item) {
            for (const func of item.unjudged ?? [item.func]) unjudged.push({ func, file: table.file, range: item.range });
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

/** What `rule` expects of one entry, or a warning when the entry's fields
 * cannot be trusted to be the ones CPython sees. Asked here, once for every
 * rule, rather than by each rule: a rule that forgot it would judge a
 * function against the wrong flags or slot and "fix" a correct function
 * into a broken one. */
export function entryItems(rule: TableRule, entry: EntryFact, table: Located<TableFact>, ctx: RuleContext): (Expectation | RuleWarning)[] {
  const unreadable = unreadableEntry(entry, table, ctx);
  return unreadable ? [unreadable] : rule.expectations(entry, table, ctx);
}

/** Why the fields of an entry cannot be trusted, if they cannot: a Python 2
 * type layout, or a region inside the initializer that does not parse
 * (`#ifdef` between fields, a macro standing for several). */
function unreadableEntry(entry: EntryFact, table: Located<TableFact>, ctx: RuleContext): RuleWarning | undefined {
  const layout = STRUCTS[table.struct];
  const head = layout.headMacros ? entry.fields[layout.fields[0].name] : undefined;
  const name = layout.isEntryArray ? `an entry of '${table.name}'` : `'${table.name}'`;
  if (head && /^PyObject_HEAD_INIT\b/.test(head.text) && /^(0|NULL)$/.test(entry.fields.tp_name?.text ?? '')) {
    return {
      warning: `${name} is laid out for Python 2: in Python 3 PyObject_HEAD_INIT(...) fills the whole ob_base, so the ob_size after it lands in tp_name and every later field is one slot off; write PyVarObject_HEAD_INIT(NULL, 0) instead of PyObject_HEAD_INIT(NULL) 0, (its slots were not checked)`,
      range: head.range,
      func: table.name,
      // Every function the entry names is used in a way fpcast does not know.
      unjudged: namedFunctions(entry),
    };
  }
  // A head macro written without its comma does not parse, but its place is known.
  const benign = (r: Range) => head !== undefined && head.range.start <= r.start && r.end <= head.range.end;
  // An error region that encloses the whole entry (tree-sitter's recovery
  // wrapping a stretch of the file) leaves the entry itself parsed as a unit.
  const encloses = (r: Range) => r.start <= entry.range.start && entry.range.end <= r.end;
  const error = ctx.index.files.get(table.file)?.parseErrors.find((r) => r.start < entry.range.end && entry.range.start < r.end && !benign(r) && !encloses(r));
  if (!error) return undefined;
  // An entry that names no function (the `{NULL, NULL, 0 0}` that ends a table) has nothing to check.
  const unjudged = namedFunctions(entry);
  if (!unjudged.length) return undefined;
  return {
    warning: `cannot tell which fields of ${name} hold what: part of its initializer does not parse (a preprocessor conditional or a macro between fields?); its functions were not checked`,
    range: error,
    func: table.name,
    unjudged,
  };
}

/** The names an entry's fields spell as functions (through casts, `&`, …). */
function namedFunctions(entry: EntryFact): string[] {
  return [...new Set(Object.values(entry.fields).flatMap((value) => (value.func ? [value.func.name] : [])))];
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

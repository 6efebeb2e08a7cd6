// What rules produce and what later stages consume.

import type { SignatureSpec } from '../abi/cpython.js';
import type { WasmSig } from '../abi/wasm.js';
import type { EntryFact, FuncRefFact, FunctionFact, Range, TableFact } from '../extract/facts.js';
import type { Located, ProjectIndex } from '../index/link.js';

export type Severity = 'error' | 'warning';

export interface Location {
  file: string;
  range: Range;
  note: string;
}

/** One function slot of one table entry, with the signature CPython calls it through. */
export interface Expectation {
  rule: string;
  /** The table's file. */
  file: string;
  table: TableFact;
  entry: EntryFact;
  field: string;
  ref: FuncRefFact;
  /** The whole value written in the field (`(PyCFunction)f`). */
  valueRange: Range;
  signature: SignatureSpec;
  /** Names for parameters fpcast adds, by index. */
  addedNames: string[];
  /** How messages name the slot: `METH_NOARGS method`, `getter`, `tp_clear slot`. */
  what: string;
  /** How CPython calls it, for messages: `(self, NULL)`. */
  call: string;
  /** The C type the field is declared with (`PyCFunction`, `getter`); absent for `void *` fields. */
  fieldTypedef?: string;
  /** Set when the entry came from a macro expansion: where the macro is defined. */
  viaMacro?: Location;
}

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  range: Range;
  func: string;
  message: string;
  expected?: WasmSig;
  actual?: WasmSig;
  /** Absent for findings that cannot be fixed by editing a definition (warnings). */
  expectation?: Expectation;
  definition?: Located<FunctionFact>;
  related: Location[];
  /** Set by rules whose findings can never be fixed automatically (say why). */
  refusal?: { reason: 'multi-file' | 'macro' | 'conflict' | 'manual'; message: string; locations: Location[] };
}

export interface RuleDoc {
  id: string;
  /** Rules that need every file of the tree parsed are off unless selected
   * (`--select ID`, or `select` in pyproject.toml); say why here. */
  optIn?: string;
  /** One line: what it finds. */
  summary: string;
  /** One line: what its fix does. */
  fix: string;
  /** Long form: what it finds, why it traps, example before/after, when it refuses. */
  docs: string;
}

export interface RuleContext {
  index: ProjectIndex;
  /** Value of an integer expression (flags, slot ids) as the C preprocessor
   * would see it from `file`, or a reason why not. */
  evaluate(expression: string, file: string): { value: number } | { unresolved: string };
}

export interface RuleWarning {
  warning: string;
  range: Range;
  func: string;
  /** The functions the warning leaves unjudged, when not just `func` (which
   * may then name the table): fixes must respect their unknown uses. */
  unjudged?: string[];
}

/** A rule that reads the entries of some table structs. */
export interface TableRule extends RuleDoc {
  kind: 'table';
  structs: string[];
  expectations(entry: EntryFact, table: Located<TableFact>, ctx: RuleContext): (Expectation | RuleWarning)[];
}

/** A rule that looks at the project index as a whole. */
export interface ProjectRule extends RuleDoc {
  kind: 'project';
  run(ctx: RuleContext): Finding[];
}

export type Rule = TableRule | ProjectRule;

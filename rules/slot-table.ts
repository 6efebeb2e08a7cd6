// Shared by the rules for CPython's slot tables (type objects, protocol
// structs, getset and module definitions, slot arrays): one function field of
// one entry → the Expectation the checker judges. The expected signature
// always comes from the typedef table in src/abi/cpython.ts; rules only say
// which fields to read and how messages name them.

import { STRUCTS, TYPEDEFS, rolesOf } from '../src/abi/cpython.js';
import { spellParam } from '../src/abi/wasm.js';
import type { Expectation, RuleContext, RuleWarning } from '../src/check/types.js';
import type { EntryFact, FuncRefFact, TableFact } from '../src/extract/facts.js';
import type { Located } from '../src/index/link.js';

export interface Slot {
  /** The entry field holding the function (`tp_repr`, `get`, `pfunc`, `value`). */
  valueField: string;
  /** The slot's field name, for CPython's parameter names (`tp_call`, `Py_mod_exec`). */
  slot: string;
  typedef: string;
  /** How messages name the slot: `tp_repr slot`, `getter`. */
  what: string;
  /** The field's declared type; absent for `void *` fields, which never get a cast. */
  fieldTypedef?: string;
}

function slotExpectation(rule: string, entry: EntryFact, table: Located<TableFact>, slot: Slot): Expectation | undefined {
  const value = entry.fields[slot.valueField];
  if (!value?.func) return undefined;
  const roles = rolesOf(slot.slot, slot.typedef);
  const expectation: Expectation = {
    rule,
    file: table.file,
    table,
    entry,
    field: slot.valueField,
    ref: value.func,
    valueRange: value.range,
    signature: TYPEDEFS[slot.typedef],
    addedNames: roles,
    what: slot.what,
    call: `(${roles.join(', ')})`,
  };
  if (slot.fieldTypedef) expectation.fieldTypedef = slot.fieldTypedef;
  return expectation;
}

/** One expectation per function-pointer field a struct entry fills, the
 * field's typedef taken from the struct's layout. */
export function structFieldExpectations(
  rule: string,
  entry: EntryFact,
  table: Located<TableFact>,
  what: (field: string) => string,
): Expectation[] {
  const expectations: Expectation[] = [];
  for (const field of STRUCTS[table.struct].fields) {
    if (!field.typedef) continue;
    const slot = { valueField: field.name, slot: field.name, typedef: field.typedef, what: what(field.name), fieldTypedef: field.typedef };
    const expectation = slotExpectation(rule, entry, table, slot);
    if (expectation) expectations.push(expectation);
  }
  return expectations;
}

export interface SlotArray {
  /** The entry fields holding the id and the value (`slot`, `pfunc`). */
  idField: string;
  valueField: string;
  /** `type slot`, `module slot`: how warnings name an id. */
  kind: string;
  /** The slot a numeric id names; `typedef` is absent for slots that hold
   * data; undefined for ids CPython does not define. */
  slotOf(id: number): { name: string; slot: string; typedef?: string } | undefined;
}

/** The expectation of one `{id, value}` entry of a slot array (`PyType_Slot`,
 * `PyModuleDef_Slot`), or a warning when the id cannot be told. */
export function slotArrayExpectations(
  rule: string,
  entry: EntryFact,
  table: Located<TableFact>,
  ctx: RuleContext,
  array: SlotArray,
): (Expectation | RuleWarning)[] {
  const func = entry.fields[array.valueField]?.func;
  if (!func) return [];
  const id = entry.fields[array.idField];
  const idText = id?.text ?? '';
  const warning = (text: string): RuleWarning[] => [{ warning: text, range: id?.range ?? func.nameRange, func: func.name }];
  const evaluated = ctx.evaluate(idText || '0', table.file);
  if ('unresolved' in evaluated) {
    // A data value (a doc string, a member table) behind an unknown id has nothing to check.
    if (!namesFunction(ctx, func)) return [];
    return warning(`cannot resolve the ${array.kind} id '${idText}' of '${func.name}' (${evaluated.unresolved}); this entry was not checked`);
  }
  if (evaluated.value === 0) return [];
  const slot = array.slotOf(evaluated.value);
  if (!slot) {
    return warning(`${array.kind} id '${idText}' (${evaluated.value}) of '${func.name}' is not one CPython defines; this entry was not checked`);
  }
  if (!slot.typedef) return [];
  const expectation = slotExpectation(rule, entry, table, {
    valueField: array.valueField,
    slot: slot.slot,
    typedef: slot.typedef,
    what: `${slot.name} slot`,
  });
  return expectation ? [expectation] : [];
}

function namesFunction(ctx: RuleContext, func: FuncRefFact): boolean {
  return ctx.index.functions.has(func.name) || ctx.index.prototypes.has(func.name) || (func.cast !== 'none' && func.cast !== 'address');
}

// ---------------------------------------------------------------------------
// Documentation shared by the slot rules, generated from the same data the
// rules check against so the two cannot drift apart.

/** `int tp_clear(PyObject *self)`: a slot's signature in C, with CPython's parameter names. */
export function spellSlot(slot: string, typedef: string): string {
  const spec = TYPEDEFS[typedef];
  const roles = rolesOf(slot, typedef);
  return `${spellParam(spec.result.ctype, slot)}(${spec.params.map((p, i) => spellParam(p.ctype, roles[i])).join(', ')})`;
}

/** A markdown table of every function field of `structs` and how CPython calls it. */
export function slotTableDocs(structs: string[]): string {
  const rows = structs.flatMap((struct) =>
    STRUCTS[struct].fields
      .filter((field) => field.typedef)
      .map((field) => `| \`${field.name}\` | \`${field.typedef}\` | \`${spellSlot(field.name, field.typedef!)}\` |`),
  );
  return ['| field | typedef | CPython calls it as |', '|---|---|---|', ...rows].join('\n');
}

export const WHY_SLOTS_TRAP = `## Why it traps

CPython calls every slot through its typedef. A native ABI tolerates a
missing trailing argument, an extra one, or a \`void\` function whose result
is read; WebAssembly's \`call_indirect\` compares the exact signature
(parameter count, each parameter's wasm type, the result) and traps with
"function signature mismatch" on the first call. Only the wasm signature
matters: \`MyObject *self\` instead of \`PyObject *self\`, or \`long\` instead of
\`Py_hash_t\`, is fine on wasm32 and not reported.`;

export const SLOT_FIX = `## The fix

Missing trailing parameters are appended, named after CPython's parameter
names and wrapped in \`--unused-param\` (default \`Py_UNUSED({name})\`); unused
extra parameters are removed. A \`void\` function CPython expects to return
\`int\` is changed to return \`int\`: each \`return;\` becomes \`return 0;\` and a
\`return 0;\` is added where the body falls off its end. Same-file prototypes
and direct calls change with the definition.`;

export const SLOT_REFUSALS = `## When it refuses

- the function has a prototype, a call or another entry in another file (\`multi-file\`);
- the definition, a call or the edit is inside a macro body (\`macro\`);
- the function is used elsewhere with another or an unknown shape: a method
  table, another slot, a function pointer, an argument (\`conflict\`);
- the change is not mechanical (\`manual\`): a parameter has the wrong wasm
  type, an extra parameter is used in the body, the function returns a value
  where CPython expects \`void\`, returns \`void\` where CPython expects an
  object, a \`Py_ssize_t\` or a hash, returns \`double\`/\`long long\` where
  CPython expects an \`int\`-sized result, or is a \`void\` function whose
  \`return;\` may mean failure (-1) rather than success (0): one that follows
  a failure test (\`< 0\`, \`== -1\`, \`PyErr_…\`), or any in a function that
  sets or checks Python errors;
- the code around the edit does not parse (\`parse-error\`).

An entry whose initializer does not parse apart from a head macro (a
preprocessor conditional between fields, say) is reported as a warning and
not checked: which function fills which slot cannot be told.`;

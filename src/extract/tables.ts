// Struct initializers of the tables CPython calls through → TableFact.
// Positional elements are mapped to field names with CPython's layouts;
// designated ones name their field. Read with a cursor (see cursor.ts): a
// tree's tables hold thousands of values.
//
// `text` is the file; `masked` the text tree-sitter parsed (see mask.ts),
// which node texts come from.

import { STRUCTS, type StructLayout } from '../abi/cpython.js';
import { declaredName, eachNamed, fieldOf, fieldRange, gotoField, gotoNamed, rangeAt, typeOf, type Cursor } from './cursor.js';
import type { EntryFact, FuncRefFact, Range, TableFact, ValueFact } from './facts.js';
import { assignFields, type InitElement } from './fields.js';

const slice = (s: string, r: Range) => s.slice(r.start, r.end);

/** The table struct the declaration under the cursor names as its type, if
 * any (`PyMethodDef`, `struct PyMethodDef`). */
export function tableStructAt(c: Cursor, masked: string): StructLayout | undefined {
  if (!gotoField(c, 'type')) return undefined;
  let name: string | undefined;
  const type = typeOf(c);
  if (type === 'type_identifier') name = slice(masked, rangeAt(c));
  else if (type === 'struct_specifier' && !fieldRange(c, 'body')) {
    const named = fieldRange(c, 'name');
    if (named) name = slice(masked, named);
  }
  c.gotoParent();
  return name !== undefined && Object.hasOwn(STRUCTS, name) ? STRUCTS[name] : undefined;
}

/** Names that wrap a function as a cast: `_PyCFunction_CAST(f)`, `Py_CAST(...)`-like helpers. */
const CAST_MACRO = /CAST$/;

/** The function the value under the cursor names, through casts, `&`,
 * parentheses and cast macros. */
function funcRefAt(c: Cursor, text: string, masked: string): FuncRefFact | undefined {
  const value = rangeAt(c);
  let casts = 0;
  let address = false;
  let macro = false;
  let depth = 0;
  let ref: FuncRefFact | undefined;
  for (;;) {
    const type = typeOf(c);
    if (type === 'identifier') {
      const nameRange = rangeAt(c);
      const cast = macro ? 'macro' : casts > 1 ? 'laundered' : casts === 1 ? 'cast' : address ? 'address' : 'none';
      ref = { name: slice(masked, nameRange), nameRange, cast };
      if (cast !== 'none') ref.castText = text.slice(value.start, nameRange.start) + '{}' + text.slice(nameRange.end, value.end);
      break;
    }
    if (type === 'cast_expression') {
      casts++;
      if (!gotoField(c, 'value')) break;
      depth++;
      continue;
    }
    if (type === 'parenthesized_expression') {
      if (!gotoNamed(c, (t) => t !== 'comment')) break;
      depth++;
      continue;
    }
    if (type === 'pointer_expression') {
      const operator = fieldRange(c, 'operator');
      if (!operator || slice(masked, operator) !== '&' || !gotoField(c, 'argument')) break;
      address = true;
      depth++;
      continue;
    }
    if (type === 'call_expression') {
      const callee = fieldRange(c, 'function');
      if (callee?.type !== 'identifier' || !CAST_MACRO.test(slice(masked, callee)) || !gotoField(c, 'arguments')) break;
      depth++;
      let count = 0;
      eachNamed(c, (t) => {
        if (t !== 'comment') count++;
      });
      if (count !== 1 || !gotoNamed(c, (t) => t !== 'comment')) break;
      depth++;
      macro = true;
      continue;
    }
    break;
  }
  while (depth--) c.gotoParent();
  return ref;
}

function valueAt(c: Cursor, text: string, masked: string): ValueFact {
  const range = rangeAt(c);
  const value: ValueFact = { range, text: slice(masked, range) };
  const func = funcRefAt(c, text, masked);
  if (func) value.func = func;
  return value;
}

/** Call `visit` with the cursor on each element of the initializer list
 * under it: named children but comments, with ERROR nodes flattened into the
 * elements they hold (a macro entry without a trailing comma parses as an
 * ERROR node followed by the next element). */
function eachElement(c: Cursor, visit: (type: string) => void): void {
  eachNamed(c, (type) => {
    if (type === 'comment') return;
    if (type === 'ERROR') eachNamed(c, (inner) => inner !== 'comment' && visit(inner));
    else visit(type);
  });
}

/** The text of the callee of the call under the cursor. */
const calleeText = (c: Cursor, masked: string): string | undefined => {
  const callee = fieldRange(c, 'function');
  return callee && slice(masked, callee);
};

/** `PyVarObject_HEAD_INIT(NULL, 0)` written without its comma before
 * `.tp_dealloc = f` parses as the assignment `HEAD(...).tp_dealloc = f`:
 * split it back into the head element and the designated one. */
function headThenDesignator(c: Cursor, text: string, masked: string): InitElement<ValueFact>[] | undefined {
  if (!gotoField(c, 'left')) return undefined;
  let head: InitElement<ValueFact> | undefined;
  let field: string | undefined;
  if (typeOf(c) === 'field_expression') {
    const name = fieldRange(c, 'field');
    if (name) field = slice(masked, name);
    if (gotoField(c, 'argument')) {
      if (typeOf(c) === 'call_expression') head = { callee: calleeText(c, masked), value: valueAt(c, text, masked) };
      c.gotoParent();
    }
  }
  c.gotoParent();
  if (!head || !field || !gotoField(c, 'right')) return undefined;
  const value = valueAt(c, text, masked);
  c.gotoParent();
  return [head, { designator: field, value }];
}

/** One struct value's fields (the initializer list under the cursor), positional and designated. */
function entryAt(c: Cursor, layout: StructLayout, text: string, masked: string): EntryFact {
  const range = rangeAt(c);
  const items: InitElement<ValueFact>[] = [];
  eachElement(c, (type) => {
    if (type === 'initializer_pair') {
      let name: string | undefined;
      if (gotoField(c, 'designator')) {
        if (typeOf(c) === 'field_designator' && gotoNamed(c, () => true)) {
          name = slice(masked, rangeAt(c));
          c.gotoParent();
        }
        c.gotoParent();
      }
      if (name && gotoField(c, 'value')) {
        items.push({ designator: name, value: valueAt(c, text, masked) });
        c.gotoParent();
      }
      return;
    }
    const split = type === 'assignment_expression' ? headThenDesignator(c, text, masked) : undefined;
    if (split) {
      items.push(...split);
      return;
    }
    items.push({ callee: type === 'call_expression' ? calleeText(c, masked) : undefined, value: valueAt(c, text, masked) });
  });
  return { range, fields: assignFields(items, layout) };
}

/** An entry written as a macro (the identifier or call under the cursor). */
function macroEntryAt(c: Cursor, type: string, masked: string): EntryFact {
  const range = rangeAt(c);
  if (type === 'identifier') return { range, fields: {}, macro: { name: slice(masked, range), range } };
  const name = calleeText(c, masked) ?? '';
  const args: string[] = [];
  if (gotoField(c, 'arguments')) {
    eachNamed(c, (t) => t !== 'comment' && args.push(slice(masked, rangeAt(c))));
    c.gotoParent();
  }
  return { range, fields: {}, macro: { name, args, range } };
}

/** Table facts for every table-typed declarator of the declaration under the cursor. */
export function tablesAt(c: Cursor, layout: StructLayout, text: string, masked: string, inFunction?: string): TableFact[] {
  const tables: TableFact[] = [];
  const range = rangeAt(c);
  if (!c.gotoFirstChild()) return tables;
  do {
    if (fieldOf(c) !== 'declarator' || typeOf(c) !== 'init_declarator') continue;
    // The declarator: its name, and whether it declares an array.
    let name = '';
    let isArray = false;
    if (gotoField(c, 'declarator')) {
      isArray = typeOf(c) === 'array_declarator';
      name = declaredName(c, masked) ?? '';
      c.gotoParent();
    }
    if (!gotoField(c, 'value')) continue;
    if (typeOf(c) !== 'initializer_list') {
      c.gotoParent();
      continue;
    }
    const entries: EntryFact[] = [];
    if (!isArray) entries.push(entryAt(c, layout, text, masked));
    else {
      eachElement(c, (type) => {
        let moved = false;
        let itemType = type;
        if (type === 'initializer_pair') {
          if (!gotoField(c, 'value')) return;
          moved = true;
          itemType = typeOf(c);
        }
        if (itemType === 'initializer_list') entries.push(entryAt(c, layout, text, masked));
        else if (itemType === 'identifier' || itemType === 'call_expression') entries.push(macroEntryAt(c, itemType, masked));
        if (moved) c.gotoParent();
      });
    }
    c.gotoParent();
    const table: TableFact = { struct: layout.name, name, range, entries };
    if (inFunction) table.inFunction = inFunction;
    tables.push(table);
  } while (c.gotoNextSibling());
  c.gotoParent();
  return tables;
}

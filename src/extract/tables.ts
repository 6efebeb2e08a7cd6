// Struct initializers of the tables CPython calls through → TableFact.
// Positional elements are mapped to field names with CPython's layouts;
// designated ones name their field.

import { STRUCTS, type StructLayout } from '../abi/cpython.js';
import type { EntryFact, FuncRefFact, TableFact, ValueFact } from './facts.js';
import { assignFields, type InitElement } from './fields.js';
import { declaratorIdentifier, elements, rangeOf, type SyntaxNode } from './syntax.js';

/** The table struct a declaration's type names, if any (`PyMethodDef`, `struct PyMethodDef`). */
export function tableStructOf(declaration: SyntaxNode): StructLayout | undefined {
  const type = declaration.childForFieldName('type');
  if (!type) return undefined;
  let name: string | undefined;
  if (type.type === 'type_identifier') name = type.text;
  else if (type.type === 'struct_specifier' && !type.childForFieldName('body')) name = type.childForFieldName('name')?.text;
  return name !== undefined && Object.hasOwn(STRUCTS, name) ? STRUCTS[name] : undefined;
}

/** Names that wrap a function as a cast: `_PyCFunction_CAST(f)`, `Py_CAST(...)`-like helpers. */
const CAST_MACRO = /CAST$/;

export function funcRefOf(value: SyntaxNode, text: string): FuncRefFact | undefined {
  let node: SyntaxNode | null = value;
  let casts = 0;
  let address = false;
  let macro = false;
  while (node) {
    switch (node.type) {
      case 'identifier': {
        const nameRange = rangeOf(node);
        const cast = macro ? 'macro' : casts > 1 ? 'laundered' : casts === 1 ? 'cast' : address ? 'address' : 'none';
        const ref: FuncRefFact = { name: node.text, nameRange, cast };
        if (cast !== 'none') {
          ref.castText = text.slice(value.startIndex, nameRange.start) + '{}' + text.slice(nameRange.end, value.endIndex);
        }
        return ref;
      }
      case 'cast_expression':
        casts++;
        node = node.childForFieldName('value');
        break;
      case 'parenthesized_expression':
        node = node.namedChildren.find((c) => c.type !== 'comment') ?? null;
        break;
      case 'pointer_expression':
        if (node.childForFieldName('operator')?.text !== '&') return undefined;
        address = true;
        node = node.childForFieldName('argument');
        break;
      case 'call_expression': {
        const callee = node.childForFieldName('function');
        const args: SyntaxNode[] = node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
        if (callee?.type !== 'identifier' || !CAST_MACRO.test(callee.text) || args.length !== 1) return undefined;
        macro = true;
        node = args[0];
        break;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

function valueFact(node: SyntaxNode, text: string): ValueFact {
  const value: ValueFact = { range: rangeOf(node), text: node.text };
  const func = funcRefOf(node, text);
  if (func) value.func = func;
  return value;
}

/** `PyVarObject_HEAD_INIT(NULL, 0)` written without its comma before
 * `.tp_dealloc = f` parses as the assignment `HEAD(...).tp_dealloc = f`:
 * split it back into the head element and the designated one. */
function headThenDesignator(element: SyntaxNode): { head: SyntaxNode; field: string; value: SyntaxNode } | undefined {
  if (element.type !== 'assignment_expression') return undefined;
  const left = element.childForFieldName('left');
  const value = element.childForFieldName('right');
  const head = left?.type === 'field_expression' ? left.childForFieldName('argument') : null;
  const field = left?.childForFieldName('field')?.text;
  if (!head || head.type !== 'call_expression' || !field || !value) return undefined;
  return { head, field, value };
}

/** One struct value's fields, positional and designated. */
function entryFact(list: SyntaxNode, layout: StructLayout, text: string): EntryFact {
  const items: InitElement<ValueFact>[] = [];
  for (const element of elements(list)) {
    if (element.type === 'initializer_pair') {
      const designator = element.childForFieldName('designator');
      const value = element.childForFieldName('value');
      const name = designator?.type === 'field_designator' ? designator.namedChildren[0]?.text : undefined;
      if (name && value) items.push({ designator: name, value: valueFact(value, text) });
      continue;
    }
    const split = headThenDesignator(element);
    if (split) {
      items.push({ callee: split.head.childForFieldName('function')?.text, value: valueFact(split.head, text) });
      items.push({ designator: split.field, value: valueFact(split.value, text) });
      continue;
    }
    const callee = element.type === 'call_expression' ? element.childForFieldName('function')?.text : undefined;
    items.push({ callee, value: valueFact(element, text) });
  }
  return { range: rangeOf(list), fields: assignFields(items, layout) };
}

function macroEntry(node: SyntaxNode): EntryFact {
  if (node.type === 'identifier') return { range: rangeOf(node), fields: {}, macro: { name: node.text, range: rangeOf(node) } };
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment').map((a) => a.text) ?? [];
  return { range: rangeOf(node), fields: {}, macro: { name: callee?.text ?? '', args, range: rangeOf(node) } };
}

/** Table facts for every table-typed declarator of `declaration`. */
export function tableFacts(declaration: SyntaxNode, layout: StructLayout, text: string, inFunction?: string): TableFact[] {
  const tables: TableFact[] = [];
  for (const declarator of declaration.childrenForFieldName('declarator')) {
    if (declarator.type !== 'init_declarator') continue;
    const value = declarator.childForFieldName('value');
    if (value?.type !== 'initializer_list') continue;
    const inner = declarator.childForFieldName('declarator');
    const name = declaratorIdentifier(inner)?.text ?? '';
    const isArray = inner?.type === 'array_declarator';
    const entries: EntryFact[] = [];
    if (isArray) {
      for (const element of elements(value)) {
        const item = element.type === 'initializer_pair' ? element.childForFieldName('value') : element;
        if (!item) continue;
        if (item.type === 'initializer_list') entries.push(entryFact(item, layout, text));
        else if (item.type === 'identifier' || item.type === 'call_expression') entries.push(macroEntry(item));
      }
    } else {
      entries.push(entryFact(value, layout, text));
    }
    const table: TableFact = { struct: layout.name, name, range: rangeOf(declaration), entries };
    if (inFunction) table.inFunction = inFunction;
    tables.push(table);
  }
  return tables;
}

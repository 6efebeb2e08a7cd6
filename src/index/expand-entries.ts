// Table entries written as macros (`FOO_METHODDEF`, `METHOD(foo, METH_NOARGS)`)
// → the entries they expand to, so rules judge them like plain entries. Only
// macros defined in the analyzed files can be seen through; the findings point
// at the invocation and at the macro's definition.

import { STRUCTS } from '../abi/cpython.js';
import type { EntryFact, TableFact, ValueFact } from '../extract/facts.js';
import { assignFields, type InitElement } from '../extract/fields.js';
import { funcRefFromText, parseInitializerElements, type InitValue } from './initializer-text.js';
import type { Located, ProjectIndex } from './link.js';
import { lookupMacro } from './macros.js';
import { expandMacros } from './preprocess.js';

export function expandMacroEntries(index: ProjectIndex): void {
  index.tables = index.tables.map((table) => {
    if (!table.entries.some((e) => e.macro)) return table;
    return { ...table, entries: table.entries.flatMap((entry) => [entry, ...expandEntry(index, table, entry)]) };
  });
}

function expandEntry(index: ProjectIndex, table: Located<TableFact>, entry: EntryFact): EntryFact[] {
  const invocation = entry.macro;
  if (!invocation) return [];
  const definition = lookupMacro(index, invocation.name, table.file);
  if (!definition) return [];
  const text = invocation.args ? `${invocation.name}(${invocation.args.join(', ')})` : invocation.name;
  const expanded = expandMacros(text, (name) => lookupMacro(index, name, table.file));
  const layout = STRUCTS[table.struct];
  const entries: EntryFact[] = [];
  for (const element of parseInitializerElements(expanded)) {
    if (element.value.kind !== 'list') continue;
    const items: InitElement<ValueFact>[] = element.value.elements.map((item) => ({
      ...item,
      value: valueFromText(item.value, invocation.range),
    }));
    entries.push({
      range: invocation.range,
      fields: assignFields(items, layout),
      expandedFrom: {
        macro: invocation.name,
        invocation: invocation.range,
        definition: { file: definition.file, range: definition.range, line: definition.line },
      },
    });
  }
  return entries;
}

function valueFromText(value: InitValue, range: ValueFact['range']): ValueFact {
  const text = value.kind === 'expr' ? value.text : '{…}';
  const fact: ValueFact = { range, text };
  const func = value.kind === 'expr' ? funcRefFromText(value.text, range) : undefined;
  if (func) fact.func = func;
  return fact;
}

// Table entries written as macros (`FOO_METHODDEF`, `METHOD(foo, METH_NOARGS)`)
// → the entries they expand to, so rules judge them like plain entries. Only
// macros defined in the analyzed files can be seen through; the findings point
// at the invocation and at the macro's definition.

import { STRUCTS } from '../abi/cpython.js';
import type { EntryFact, MacroFact, TableFact, ValueFact } from '../extract/facts.js';
import { assignFields, type InitElement } from '../extract/fields.js';
import { funcRefFromText, parseInitializerElements, type InitValue } from './initializer-text.js';
import type { Located, ProjectIndex } from './link.js';
import { lookupMacro } from './macros.js';
import { expandMacros } from './preprocess.js';

/** Expansions kept from one linking of a run's files to the next (see expandEntry). */
export type ExpansionCache = Map<string, { lookups: Lookups; entries: EntryFact[] }>;

export function expandMacroEntries(index: ProjectIndex, kept: ExpansionCache = new Map()): void {
  index.tables = index.tables.map((table) => {
    if (!table.entries.some((e) => e.macro)) return table;
    return { ...table, entries: table.entries.flatMap((entry) => [entry, ...expandEntry(index, table, entry, kept)]) };
  });
}

// The prefilter links the files again every round, and most macro entries
// mean the same each time. An expansion is kept with every macro lookup it
// made; it is used again only where those lookups still give the same
// definitions, which it then makes again (so that the prefilter sees them
// asked), and so it is exactly what expanding again would give.

type Lookups = [string, Located<MacroFact> | undefined][];

const sameMacro = (a: Located<MacroFact> | undefined, b: Located<MacroFact> | undefined): boolean =>
  a === b || (!!a && !!b && a.file === b.file && a.range.start === b.range.start && a.range.end === b.range.end && a.line === b.line && a.body === b.body && a.params?.join(',') === b.params?.join(','));

function expandEntry(index: ProjectIndex, table: Located<TableFact>, entry: EntryFact, expansions: ExpansionCache): EntryFact[] {
  const invocation = entry.macro;
  if (!invocation) return [];
  const text = invocation.args ? `${invocation.name}(${invocation.args.join(', ')})` : invocation.name;
  const key = `${table.file}\0${table.struct}\0${invocation.range.start}\0${invocation.range.end}\0${text}`;
  const kept = expansions.get(key);
  if (kept && kept.lookups.every(([name, found]) => sameMacro(lookupMacro(index, name, table.file), found))) return kept.entries;
  const lookups: Lookups = [];
  const lookup = (name: string) => {
    const found = lookupMacro(index, name, table.file);
    lookups.push([name, found]);
    return found;
  };
  const entries = expandAnew(table, invocation, text, lookup);
  expansions.set(key, { lookups, entries });
  return entries;
}

function expandAnew(
  table: Located<TableFact>, invocation: NonNullable<EntryFact['macro']>, text: string, lookup: (name: string) => Located<MacroFact> | undefined,
): EntryFact[] {
  const definition = lookup(invocation.name);
  if (!definition) return [];
  const expanded = expandMacros(text, lookup);
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

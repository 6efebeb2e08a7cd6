// FileFacts[] → ProjectIndex: resolution across files and macro-built entries.

import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import type { ExpansionCache } from '../../src/index/expand-entries.js';
import { link, resolveDefinitions } from '../../src/index/link.js';

const index = (files: Record<string, string>) => link(Object.entries(files).map(([file, text]) => extractFacts(file, text)));

describe('resolveDefinitions', () => {
  const project = index({
    'a/one.c': 'static int helper(void) { return 1; }\nint shared(int x) { return x; }\n',
    'a/two.c': 'int helper(void) { return 2; }\n',
    'b/three.c': 'int shared(void) { return 3; }\n',
    'b/four.c': 'int use(void);\n',
  });

  it('prefers a static definition in the same file', () => {
    expect(resolveDefinitions(project, 'helper', 'a/one.c').map((d) => d.file)).toEqual(['a/one.c']);
  });

  it('otherwise takes the non-static definition', () => {
    expect(resolveDefinitions(project, 'helper', 'b/four.c').map((d) => d.file)).toEqual(['a/two.c']);
  });

  it('picks the nearest of several non-static definitions', () => {
    expect(resolveDefinitions(project, 'shared', 'a/two.c').map((d) => d.file)).toEqual(['a/one.c']);
    expect(resolveDefinitions(project, 'shared', 'b/four.c').map((d) => d.file)).toEqual(['b/three.c']);
  });

  it('finds nothing for names defined nowhere', () => {
    expect(resolveDefinitions(project, 'missing', 'a/one.c')).toEqual([]);
  });
});

describe('link', () => {
  it('indexes every name and follows #include "…" transitively', () => {
    const project = index({
      'm.c': '#include "inc/x.h"\nvoid f(void) { g(); }\n',
      'inc/x.h': '#include "y.h"\nvoid g(void);\n',
      'inc/y.h': '#define Y 1\n',
    });
    expect([...project.includes.get('m.c')!].sort()).toEqual(['inc/x.h', 'inc/y.h']);
    expect(project.calls.get('g')?.map((c) => c.file)).toEqual(['m.c']);
    expect(project.prototypes.get('g')?.map((p) => p.file)).toEqual(['inc/x.h']);
    expect(project.macros.get('Y')?.map((m) => m.file)).toEqual(['inc/y.h']);
  });

  it('rebuilds entries written as macros from included files', () => {
    const project = index({
      'm.c': '#include "clinic/m.c.h"\nstatic PyMethodDef t[] = {\n    FOO_METHODDEF\n    {NULL}\n};\n',
      'clinic/m.c.h': '#define FOO_METHODDEF    \\\n    {"foo", (PyCFunction)foo, METH_NOARGS, NULL},\n',
    });
    const entries = project.tables[0].entries;
    const expanded = entries.find((e) => e.expandedFrom);
    expect(expanded?.expandedFrom).toMatchObject({ macro: 'FOO_METHODDEF', definition: { file: 'clinic/m.c.h' } });
    expect(expanded?.fields.ml_meth.func).toMatchObject({ name: 'foo', cast: 'cast' });
    expect(expanded?.fields.ml_flags.text).toBe('METH_NOARGS');
  });

  it('expands a macro entry again when a macro it reads means something else (linked again, as every prefilter round does)', () => {
    const table = 'm.c';
    const tableText = '#include "m.h"\nstatic PyMethodDef t[] = {\n    FOO_METHODDEF\n    {NULL}\n};\n';
    const header = (flags: string) => `#define FOO_FLAGS ${flags}\n#define FOO_METHODDEF {"foo", (PyCFunction)foo, FOO_FLAGS, NULL},\n`;
    // One run's expansions, kept from one linking to the next.
    const expansions: ExpansionCache = new Map();
    const expandedEntry = (files: Record<string, string>) => {
      const facts = Object.entries(files).map(([file, text]) => extractFacts(file, text));
      return link(facts, { expansions }).tables[0].entries.find((e) => e.expandedFrom);
    };
    const flagsOf = (files: Record<string, string>) => expandedEntry(files)?.fields.ml_flags.text;
    expect(flagsOf({ [table]: tableText, 'm.h': header('METH_NOARGS') })).toBe('METH_NOARGS');
    // The same entry, the same macro, a different macro inside it.
    expect(flagsOf({ [table]: tableText, 'm.h': header('METH_O') })).toBe('METH_O');
    // A macro that was unknown before.
    expect(flagsOf({ [table]: tableText, 'm.h': '#define FOO_METHODDEF {"foo", (PyCFunction)foo, FOO_FLAGS, NULL},\n' })).toBe('FOO_FLAGS');
    expect(flagsOf({ [table]: tableText, 'm.h': header('METH_VARARGS') })).toBe('METH_VARARGS');
    // Nothing changed: the kept expansion serves, the very same entry.
    const kept = expandedEntry({ [table]: tableText, 'm.h': header('METH_VARARGS') });
    expect(expandedEntry({ [table]: tableText, 'm.h': header('METH_VARARGS') })).toBe(kept);
    expect(kept?.fields.ml_flags.text).toBe('METH_VARARGS');
  });
});

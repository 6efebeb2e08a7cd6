// Masking comma-less macro elements before parsing: same length, same lines,
// commas only where an initializer element runs into the next one.

import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import { maskMacroElements } from '../../src/extract/mask.js';

describe('maskMacroElements', () => {
  it('puts a comma in the blank before the element that follows a macro element', () => {
    const source = 'static PyMethodDef m[] = {\n    /* c */\n    A_METHODDEF\n    B_METHODDEF\n    {"x", f, METH_O, NULL},\n    M(g, METH_O)\n    {NULL}\n};\n';
    const masked = maskMacroElements(source);
    expect(masked).toBe('static PyMethodDef m[] = {\n    /* c */\n    A_METHODDEF\n   ,B_METHODDEF\n   ,{"x", f, METH_O, NULL},\n    M(g, METH_O)\n   ,{NULL}\n};\n');
    expect(masked.length).toBe(source.length);
    expect(masked.split('\n').length).toBe(source.split('\n').length);
  });

  it('separates a head macro from the field after it', () => {
    expect(maskMacroElements('PyTypeObject T = {\n    PyVarObject_HEAD_INIT(NULL, 0)\n    .tp_name = "t",\n};')).toBe(
      'PyTypeObject T = {\n    PyVarObject_HEAD_INIT(NULL, 0)\n   ,.tp_name = "t",\n};',
    );
  });

  it('leaves code, nested lists, macro definitions, comments and strings alone', () => {
    for (const source of [
      'void f(void) { Py_BEGIN_ALLOW_THREADS\n    FOO bar;\n    if (x) { y(); }\n}',
      'static PyMethodDef m[] = {\n    {"put", f, METH_O NULL},\n};',
      '#define FOO_METHODDEF \\\n    {"foo", foo, METH_O, NULL},\n',
      'int a[] = {1, 2}; /* A {B */ const char *s = "{ A B {";',
    ]) {
      expect(maskMacroElements(source)).toBe(source);
    }
  });

  it('lets the table after a clinic macro parse entry by entry', () => {
    const source = 'static PyMethodDef m[] = {\n    A_METHODDEF\n\n    {"x", (PyCFunction)fx, METH_VARARGS |\n                           METH_CLASS, PyDoc_STR("x")},\n    {NULL}\n};\n';
    const facts = extractFacts('t.c', source);
    expect(facts.parseErrors).toEqual([]);
    expect(facts.tables[0].entries.map((e) => e.macro?.name ?? e.fields.ml_meth?.func?.name ?? null)).toEqual(['A_METHODDEF', 'fx', null]);
  });

  it('reads a CRLF line splice as an LF one: a #define inside a table ends where it does with LF', () => {
    const lf = 'static PyMethodDef m[] = {\n#define X \\\n    A_METHODDEF B_METHODDEF\n    C_METHODDEF\n    {"x", f, METH_O, NULL},\n    {NULL}\n};\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const masked = maskMacroElements(lf);
    // The directive's continued line is no element: no comma before B_METHODDEF.
    expect(masked).toBe('static PyMethodDef m[] = {\n#define X \\\n    A_METHODDEF B_METHODDEF\n    C_METHODDEF\n   ,{"x", f, METH_O, NULL},\n    {NULL}\n};\n');
    expect(maskMacroElements(crlf)).toBe(masked.replace(/\n/g, '\r\n'));
  });

  it('reads a // comment continued by a backslash to the end of its logical line', () => {
    for (const eol of ['\n', '\r\n']) {
      const source = ['static PyMethodDef m[] = {', '    A_METHODDEF // a comment that goes on \\', '    B_METHODDEF', '    {NULL}', '};', ''].join(eol);
      // B_METHODDEF is part of the comment: the comma goes before `{NULL}` only.
      expect(maskMacroElements(source)).toBe(['static PyMethodDef m[] = {', '    A_METHODDEF // a comment that goes on \\', '    B_METHODDEF', '   ,{NULL}', '};', ''].join(eol));
    }
  });
});

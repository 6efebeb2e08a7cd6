// Masking the text before parsing: same length, same lines; commas only
// where an initializer element runs into the next one, blanks only over the
// conditionals between entries and the attribute macros around names; an
// item masked alike alone and in its whole file.

import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.js';
import { maskMacroElements } from '../../src/extract/mask.js';
import { ITEM, outline } from '../../src/extract/outline.js';
import { corpusSources } from '../support/corpus.js';

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

  it('blanks the conditionals between the entries of an array, keeping length and lines, so that every branch parses cleanly', () => {
    const source = [
      'static PyMethodDef m[] = {',
      '    {"a", fa, METH_O, NULL},',
      '#if defined(HAVE_B) && \\',
      '    defined(HAVE_C)',
      '    {"b", fb, METH_O, NULL},',
      '#else',
      '    {"c", fc, METH_O, NULL},',
      '#endif',
      '    A_METHODDEF',
      '#ifdef HAVE_D',
      '    D_METHODDEF',
      '#endif',
      '    {NULL}',
      '};',
      '',
    ].join('\n');
    const masked = maskMacroElements(source);
    expect(masked.length).toBe(source.length);
    expect(masked.split('\n').map((line) => line.trim())).toEqual(
      ['static PyMethodDef m[] = {', '{"a", fa, METH_O, NULL},', '', '', '{"b", fb, METH_O, NULL},', '', '{"c", fc, METH_O, NULL},', '', 'A_METHODDEF', '', ',D_METHODDEF', '', ',{NULL}', '};', ''],
    );
    const facts = extractFacts('t.c', source);
    expect(facts.parseErrors).toEqual([]);
    expect(facts.tables[0].entries.map((e) => e.macro?.name ?? e.fields.ml_meth?.func?.name ?? null)).toEqual(['fa', 'fb', 'fc', 'A_METHODDEF', 'D_METHODDEF', null]);
  });

  it('blanks a conditional between the fields of a struct only when every field after it is designated', () => {
    const designated = 'static struct PyModuleDef d = {\n    PyModuleDef_HEAD_INIT,\n    "d",\n#ifdef GC\n    .m_traverse = t,\n#endif\n    .m_clear = c,\n};\n';
    expect(maskMacroElements(designated)).toBe(designated.replace('#ifdef GC', '         ').replace('#endif', '      '));
    expect(extractFacts('t.c', designated).parseErrors).toEqual([]);
    // "d" would be read as m_name in one configuration and as m_doc in the other.
    const positional = 'static struct PyModuleDef p = {\n    PyModuleDef_HEAD_INIT,\n#ifdef NAMED\n    "p",\n#endif\n    "doc",\n    .m_clear = c,\n};\n';
    expect(maskMacroElements(positional)).toBe(positional);
    // The same after a head macro, which has no comma.
    const afterHead = 'static PyTypeObject T = {\n    PyVarObject_HEAD_INIT(NULL, 0)\n#ifdef NAMED\n    "t",\n#endif\n    .tp_basicsize = sizeof(T),\n};\n';
    expect(maskMacroElements(afterHead)).toBe(afterHead.replace('    "t"', '   ,"t"'));
  });

  it('leaves a conditional inside an entry, and other directives between entries', () => {
    for (const source of [
      'static PyMethodDef m[] = {\n    {"a", fa,\n#ifdef HAVE_O\n     METH_O,\n#else\n     METH_VARARGS,\n#endif\n     NULL},\n    {NULL}\n};\n',
      'static PyMethodDef m[] = {\n    {"a", fa, METH_O, NULL},\n#define B_METHODDEF\n#include "b.h"\n    {NULL}\n};\n',
      'static int codes[] = {\n    1 +\n#ifdef TWO\n    2 +\n#endif\n    3\n};\n',
    ]) {
      expect(maskMacroElements(source)).toBe(source);
    }
  });

  it('blanks the attribute macros between a complete result type and the function name', () => {
    const source = [
      'static void _Py_NO_RETURN',
      'none_dealloc(PyObject *o)',
      '{',
      '}',
      'PyObject* _Py_HOT_FUNCTION',
      'PyErr_Occurred(void) { return 0; }',
      'static LONG WINAPI handler(int x) { return 0; }',
      'static enum Result PTRCALL HOT convert(int x) { return 0; }',
      'typedef int PTRCALL HANDLER(int state);',
      '',
    ].join('\n');
    const masked = maskMacroElements(source);
    expect(masked).toBe(
      source
        .replace('_Py_NO_RETURN', ' '.repeat(13))
        .replace('_Py_HOT_FUNCTION', ' '.repeat(16))
        .replace('WINAPI', ' '.repeat(6))
        .replace('PTRCALL HOT', ' '.repeat(11))
        .replace('PTRCALL', ' '.repeat(7)),
    );
    const facts = extractFacts('t.c', source);
    expect(facts.parseErrors).toEqual([]);
    expect(facts.functions.map((f) => `${f.result.ctype} ${f.name}`)).toEqual(['void none_dealloc', 'PyObject * PyErr_Occurred', 'LONG handler', 'enum Result convert']);
  });

  it('leaves a type spelled like a macro, a tag, and names inside bodies and parameter lists', () => {
    // (Each has a brace: a text without one is left alone before any of this is looked at.)
    for (const source of [
      'static HCERTSTORE\nopen_store(const char *name) { return 0; }',
      'extern const DWORD flags(void) { return 0; }',
      'struct STATE make_state(int x) { struct STATE s; return s; }',
      'static Py_ssize_t length(PyObject *o) { return 0; }',
      'PyAPI_FUNC(void) _Py_NO_RETURN Py_Exit(int code) { }',
      'static int f(void) { int x = 0; x = FOO bar(x); return x; }',
      'static int g(PyObject *Py_UNUSED(ignored)) { return 0; }',
    ]) {
      expect(maskMacroElements(source)).toBe(source);
    }
  });

  it('blanks an attribute macro after a parameter name, so that the parameter list parses', () => {
    const source = 'static int\ninit(PyObject *self, PyObject *args UNUSED, int n MAYBE_UNUSED)\n{\n    return 0;\n}\n';
    expect(maskMacroElements(source)).toBe(source.replace(' UNUSED,', '       ,').replace(' MAYBE_UNUSED)', '             )'));
    const [init] = extractFacts('t.c', source).functions;
    expect(init.paramList.hasError).toBe(false);
    expect(init.paramList.params.map((p) => `${p.ctype} ${p.name}`)).toEqual(['PyObject * self', 'PyObject * args', 'int n']);
    // The attribute goes with its parameter when one is added or removed after it.
    expect(init.paramList.params.map((p) => source.slice(p.range.start, p.range.end))).toEqual(['PyObject *self', 'PyObject *args UNUSED', 'int n MAYBE_UNUSED']);
  });

  it('leaves a parameter whose name is spelled in capitals', () => {
    for (const source of [
      'int f(int VALUE) { return 0; }',
      'int f(struct state NAME) { return 0; }',
      'int f(unsigned long N, const size NAME) { return 0; }',
      'int f(void *p, size_t N) { return 0; }',
    ]) {
      expect(maskMacroElements(source)).toBe(source);
    }
  });

  it('blanks an attribute macro that starts a head before the type', () => {
    const source = 'NPY_NO_EXPORT PyObject *\narray_ready(PyObject *self)\n{\n    return NULL;\n}\nEXTINLINE mpd_ssize_t adjexp(const mpd_t *dec) { return 0; }\n';
    expect(maskMacroElements(source)).toBe(source.replace('NPY_NO_EXPORT', ' '.repeat(13)).replace('EXTINLINE', ' '.repeat(9)));
    const facts = extractFacts('t.c', source);
    expect(facts.parseErrors).toEqual([]);
    expect(facts.functions.map((f) => `${f.result.ctype} ${f.name}`)).toEqual(['PyObject * array_ready', 'mpd_ssize_t adjexp']);
    for (const alone of ['PyMODINIT_FUNC\nPyInit_x(void) { return 0; }', 'HCERTSTORE open_store(void) { return 0; }', 'DWORD __stdcall f(void) { return 0; }']) {
      expect(maskMacroElements(alone)).toBe(alone);
    }
  });

  it('masks every item of every corpus file alone as it masks the whole file (a part is read as in a whole parse)', () => {
    const diverging: string[] = [];
    let items = 0;
    for (const { file, text } of corpusSources()) {
      const { items: flat, unsure } = outline(text);
      if (unsure !== undefined) continue;
      const whole = maskMacroElements(text);
      for (let k = 0; k < flat.length; k += ITEM.size) {
        const [start, end] = [flat[k + ITEM.start], flat[k + ITEM.end]];
        items++;
        if (maskMacroElements(text, [start, end]).slice(start, end) !== whole.slice(start, end)) diverging.push(`${file}@${start}`);
      }
    }
    expect(items).toBeGreaterThan(500);
    expect(diverging).toEqual([]);
  });

  it('masks an item alike after a brace that the preprocessor leaves unbalanced, and inside extern "C"', () => {
    const source = [
      '#ifdef __cplusplus',
      'extern "C" {',
      '#endif',
      'static int g(int x)',
      '{',
      '#ifdef A',
      '    if (x) {',
      '#else',
      '    if (!x) {',
      '#endif',
      '        return 1;',
      '    }',
      '    return 0;',
      '}',
      'static void _Py_NO_RETURN',
      'die(PyObject *self UNUSED)',
      '{',
      '}',
      '#ifdef __cplusplus',
      '}',
      '#endif',
      '',
    ].join('\n');
    const masked = maskMacroElements(source);
    expect(masked).toBe(source.replace('_Py_NO_RETURN', ' '.repeat(13)).replace(' UNUSED)', '       )'));
  });

  it('reads a // comment continued by a backslash to the end of its logical line', () => {
    for (const eol of ['\n', '\r\n']) {
      const source = ['static PyMethodDef m[] = {', '    A_METHODDEF // a comment that goes on \\', '    B_METHODDEF', '    {NULL}', '};', ''].join(eol);
      // B_METHODDEF is part of the comment: the comma goes before `{NULL}` only.
      expect(maskMacroElements(source)).toBe(['static PyMethodDef m[] = {', '    A_METHODDEF // a comment that goes on \\', '    B_METHODDEF', '   ,{NULL}', '};', ''].join(eol));
    }
  });
});

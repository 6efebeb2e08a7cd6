// Regions tree-sitter cannot parse are reported, never skipped silently: a
// warning per region that could hide a table, one note line per file for the
// rest, a count at the end; none of it changes the exit code.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { unparsedRegionProblems } from '../../src/check/unparsed.js';
import { extractFacts } from '../../src/extract/extract.js';
import { LineIndex } from '../../src/source/source-file.js';
import { runCli } from '../support/cli.js';
import { brokenModule, workDir } from './support.js';

const MODULE = `#include <Python.h>

static PyObject *
m_get(PyObject *self)
{
    int x = ;
    Py_RETURN_NONE;
}

static PyObject *
m_put(PyObject *self, PyObject *arg)
{
    return arg @ 2;
}

static PyMethodDef m_methods[] = {
    {"get", (PyCFunction)m_get, METH_NOARGS, NULL},
    {"put", (PyCFunction)m_put, METH_O NULL},
    {NULL, NULL, 0, NULL}
};

BROKEN(static PyMethodDef hidden[] = { {"h", (PyCFunction)h, METH_NOARGS, NULL}, };
`;

function problemsOf(text: string, file = 'm.c') {
  return unparsedRegionProblems([extractFacts(file, text)], () => new LineIndex(text), RULES);
}

describe('unparsable regions', () => {
  it('a region that could hide a table is a warning naming the table or what it mentions', () => {
    const lines = problemsOf(MODULE).map((p) => `${p.file ?? ''}:${p.line ?? ''}: ${p.severity}: ${p.message}`);
    expect(lines).toEqual([
      "m.c:18: warning: could not parse line 18 (near '{\"put\", (PyCFunction)m_put, METH_O NULL…'; in table 'm_methods'; mentions 'METH_O'); functions and tables there may not have been checked",
      "m.c:22: warning: could not parse line 22 (near 'BROKEN(static PyMethodDef hidden[] = {…'; mentions 'PyMethodDef', 'METH_NOARGS'); functions and tables there may not have been checked",
      "m.c:6: note: could not parse 2 regions: line 6 (near 'int x = ;'; inside function 'm_get'), line 13 (near 'return arg @ 2;'; inside function 'm_put'); functions there may not have been checked",
      ':: note: 4 regions in 1 file could not be parsed (listed above); functions and tables there may not have been checked',
    ]);
  });

  it('a clean file reports nothing', () => {
    expect(problemsOf(brokenModule('clean'))).toEqual([]);
  });

  it('a lone region is one line and no count', () => {
    const problems = problemsOf(brokenModule('one').replace('Py_RETURN_NONE;', 'Py_RETURN_NONE; int y = ;'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'note', line: 6, message: "could not parse line 6 (near 'Py_RETURN_NONE; int y = ;'; inside function 'one_get'); functions there may not have been checked" });
  });

  it('many small regions in a file stay one note line, listing the first few', () => {
    const body = Array.from({ length: 12 }, (_, i) => `static int f${i}(void) { return 1 @ ${i}; }`).join('\n');
    const problems = problemsOf(body + '\n');
    expect(problems).toHaveLength(2);
    expect(problems[0].message).toMatch(/^could not parse 12 regions: line 1 \(near 'static int f0\(void\) \{ return 1 @ 0; \}'; inside function 'f0'\), line 2 \(.*\), .* and 7 more; functions there may not have been checked$/);
    expect(problems[1].message).toMatch(/^12 regions in 1 file could not be parsed/);
  });

  it('goes to stderr through the CLI without changing the exit code or the findings', async () => {
    const root = workDir();
    writeFileSync(path.join(root, 'm.c'), MODULE);
    const r = await runCli(['check', '.'], root);
    expect(r.stderr).toMatch(/^m\.c:22:\d+: warning: could not parse line 22 \(near '.*'; mentions 'PyMethodDef', 'METH_NOARGS'\); functions and tables there may not have been checked$/m);
    expect(r.stderr).toMatch(/^m\.c:6:\d+: note: could not parse 2 regions/m);
    expect(r.stdout).toMatch(/^m\.c:17:\d+: error: METH_NOARGS method 'm_get' takes 1 parameter/m);
    expect(r.code).toBe(1);
  });
});

describe('what counts as a region that could hide a table', () => {
  it('an initialized variable of a table struct, or a flag or slot id; not a mere pointer declaration', () => {
    const relevant = (line: string) => problemsOf(`${line}\n`).some((p) => p.severity === 'warning');
    expect(relevant('BROKEN( static PyTypeObject Foo_Type = { 0 };')).toBe(true);
    expect(relevant('BROKEN( int flags = METH_VARARGS;')).toBe(true);
    expect(relevant('BROKEN( int slot = Py_tp_repr;')).toBe(true);
    expect(relevant('BROKEN( PyTypeObject *type;')).toBe(false);
    expect(relevant('BROKEN( int x;')).toBe(false);
  });
});

// The wasm oracle against real inputs: which registered functions trap in a
// real engine, which don't, and why. Each source is compiled once (beforeAll)
// and its result serves several assertions.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExtension, type WasmEntry, type WasmRun } from './harness.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => ({ [name]: readFileSync(join(FIXTURES, name)) });
const COMPILE_TIMEOUT = 300_000;

function entriesOf(run: WasmRun): WasmEntry[] {
  if (!run.ok) throw new Error(`expected the extension to compile:\n${run.compileError}`);
  return run.entries;
}

/** func -> "status role table" for compact, exact comparisons. */
function summary(run: WasmRun): Record<string, string> {
  return Object.fromEntries(entriesOf(run).map((e) => [e.func, `${e.status} ${e.role} | ${e.table}`]));
}

describe('one correct and one broken registration of each kind', () => {
  let run: WasmRun;
  beforeAll(async () => {
    run = await runExtension(fixture('kinds.c'));
  }, COMPILE_TIMEOUT);

  it('traps exactly the broken ones, each at its own registration', () => {
    expect(summary(run)).toEqual({
      noargs_good: 'ok METH_NOARGS | module kinds methods',
      noargs_bad: 'trap METH_NOARGS | module kinds methods',
      o_good: 'ok METH_O | module kinds methods',
      o_bad: 'trap METH_O | module kinds methods',
      varargs_kw_good: 'ok METH_VARARGS|METH_KEYWORDS | module kinds methods',
      varargs_kw_bad: 'trap METH_VARARGS|METH_KEYWORDS | module kinds methods',
      fast_good: 'ok METH_FASTCALL | module kinds methods',
      fast_bad: 'trap METH_FASTCALL | module kinds methods',
      fastkw_good: 'ok METH_FASTCALL|METH_KEYWORDS | module kinds methods',
      fastkw_bad: 'trap METH_FASTCALL|METH_KEYWORDS | module kinds methods',
      kinds_traverse: 'ok m_traverse | module kinds def',
      kinds_clear_bad: 'trap m_clear | module kinds def',
      kinds_free: 'ok m_free | module kinds def',
      exec_good: 'ok Py_mod_exec | module kinds slots',
      exec_bad: 'trap Py_mod_exec | module kinds slots',
      good_dealloc: 'ok tp_dealloc | type kinds.Good',
      good_traverse: 'ok tp_traverse | type kinds.Good',
      good_clear: 'ok tp_clear | type kinds.Good',
      PyType_GenericNew: 'ok tp_new | type kinds.Good',
      good_add: 'ok nb_add | type kinds.Good tp_as_number',
      good_length: 'ok sq_length | type kinds.Good tp_as_sequence',
      method_good: 'ok METH_METHOD|METH_FASTCALL|METH_KEYWORDS | type kinds.Good tp_methods',
      method_bad: 'trap METH_METHOD|METH_FASTCALL|METH_KEYWORDS | type kinds.Good tp_methods',
      classmethod_good: 'ok METH_NOARGS | type kinds.Good tp_methods',
      get_good: 'ok getter | type kinds.Good tp_getset',
      get_bad: 'trap getter | type kinds.Good tp_getset',
      set_good: 'ok setter | type kinds.Good tp_getset',
      set_bad: 'trap setter | type kinds.Good tp_getset',
      bad_dealloc: 'trap tp_dealloc | type kinds.Bad',
      bad_clear: 'trap tp_clear | type kinds.Bad',
      bad_add: 'trap nb_add | type kinds.Bad tp_as_number',
      bad_length: 'trap sq_length | type kinds.Bad tp_as_sequence',
      spec_repr_good: 'ok Py_tp_repr | spec kinds.GoodSpec slots',
      spec_repr_bad: 'trap Py_tp_repr | spec kinds.BadSpec slots',
      kinds2_clear_good: 'ok m_clear | module kinds2 def',
    });
  });

  it("reports V8's message for a trap", () => {
    const trap = entriesOf(run).find((e) => e.func === 'noargs_bad')!;
    expect(trap.message).toBe('null function or function signature mismatch');
  });

  it('runs each call in isolation: a trapping exec slot only costs a warning during init', () => {
    if (!run.ok) throw new Error('compile failed');
    expect(run.warnings).toEqual([
      'init: PyInit_kinds: multi-phase init (Py_mod_exec #2) failed: null function or function signature mismatch (in fpc_module_exec_slot)',
    ]);
  });
});

describe('a positional PyTypeObject initializer', () => {
  let run: WasmRun;
  beforeAll(async () => {
    run = await runExtension(fixture('positional.c'));
  }, COMPILE_TIMEOUT);

  it('puts every function in the slot its comment names', () => {
    const byFunc = Object.fromEntries(entriesOf(run).map((e) => [e.func, e.role]));
    // pos_X is written in the position of slot X: tp_X, nb_X, sq_X, mp_X, am_X or bf_X.
    const expected = Object.fromEntries(
      Object.keys(byFunc).map((func) => {
        const x = func.replace(/^pos_/, '');
        const prefix = ({ await: 'am', send: 'am', add: 'nb', power: 'nb', negative: 'nb', bool: 'nb', index: 'nb',
          length: 'sq', item: 'sq', ass_item: 'sq', contains: 'sq', subscript: 'mp', ass_subscript: 'mp',
          getbuffer: 'bf', releasebuffer: 'bf' } as Record<string, string>)[x] ?? 'tp';
        return [func, `${prefix}_${x}`];
      }),
    );
    expect(byFunc).toEqual(expected);
    expect(Object.keys(byFunc)).toHaveLength(39);
  });

  it('calls all of them without a trap', () => {
    expect(entriesOf(run).filter((e) => e.status !== 'ok')).toEqual([]);
  });

  it('names the sub-table each slot came from', () => {
    const tables = new Set(entriesOf(run).map((e) => e.table));
    expect([...tables].sort()).toEqual([
      'type positional.Pos',
      'type positional.Pos tp_as_async',
      'type positional.Pos tp_as_buffer',
      'type positional.Pos tp_as_mapping',
      'type positional.Pos tp_as_number',
      'type positional.Pos tp_as_sequence',
    ]);
  });
});

describe('registration paths and trap attribution', () => {
  let run: WasmRun;
  beforeAll(async () => {
    run = await runExtension(fixture('behaviour.c'));
  }, COMPILE_TIMEOUT);

  const entry = (func: string) => entriesOf(run).find((e) => e.func === func)!;

  it('finds PyModule_AddFunctions tables, PyCFunction_NewEx, spec tp_methods/tp_getset and Py_mod_create', () => {
    expect(summary(run)).toMatchObject({
      added_good: 'ok METH_VARARGS | module behaviour functions',
      added_bad: 'trap METH_VARARGS | module behaviour functions',
      single_bad: 'trap METH_O | PyCFunction_New single',
      box_free_bad: 'trap Py_tp_free | spec behaviour.Box slots',
      box_static: 'ok METH_VARARGS|METH_KEYWORDS | type behaviour.Box tp_methods',
      box_class: 'ok METH_O | type behaviour.Box tp_methods',
      box_get: 'ok getter | type behaviour.Box tp_getset',
      create_good: 'ok Py_mod_create | module created slots',
    });
  });

  it('reports a trap inside a body as an error naming the function, not as a signature trap', () => {
    expect(entry('body_traps')).toMatchObject({ status: 'error', message: 'unreachable (in body_traps)' });
    expect(entry('inner_mismatch')).toMatchObject({
      status: 'error',
      message: 'null function or function signature mismatch (in inner_mismatch)',
    });
    // box_dealloc is right; the tp_free it calls is not (and traps on its own as Py_tp_free).
    expect(entry('box_dealloc')).toMatchObject({ status: 'error', role: 'Py_tp_dealloc' });
    expect(entry('box_dealloc').message).toMatch(/signature mismatch \(in box_dealloc\)/);
  });

  it('reports a call to a function nothing defines as an error', () => {
    expect(entry('calls_missing')).toMatchObject({ status: 'error' });
    expect(entry('calls_missing').message).toMatch(/PyFancy_NotInTheMock\(\)/);
  });

  it('treats an unprototyped f() definition as taking no parameters', () => {
    expect(entry('unprototyped')).toMatchObject({ status: 'trap', role: 'METH_NOARGS' });
  });

  it('refuses flag combinations CPython rejects, without calling', () => {
    expect(entry('bad_flags')).toMatchObject({ status: 'error', message: 'bad call flags 0xc (CPython raises SystemError)' });
  });

  it("reports the compiler's warnings for the extension's own files only", () => {
    if (!run.ok) throw new Error('compile failed');
    expect(run.warnings).toHaveLength(2);
    expect(run.warnings[0]).toMatch(/^behaviour\.c:\d+:\d+: warning: call to undeclared function 'PyFancy_NotInTheMock'/);
    expect(run.warnings[1]).toMatch(/^behaviour\.c:\d+:\d+: warning: incompatible integer to pointer conversion/);
  });
});

describe('inputs as they come', () => {
  const module = (methodDef: string, fn: string) => `#include <Python.h>
${fn}
static PyMethodDef m[] = {${methodDef}, {NULL}};
static struct PyModuleDef d = {PyModuleDef_HEAD_INIT, "m", NULL, -1, m};
PyMODINIT_FUNC PyInit_m(void) { return PyModule_Create(&d); }
`;

  it('compiles an uncast mismatched ml_meth (an error in clang 16+) with a warning, and the fix without one', async () => {
    const broken = await runExtension({
      'm.c': module('{"f", f, METH_NOARGS, NULL}', 'static PyObject *f(PyObject *self) { Py_RETURN_NONE; }'),
    });
    const fixed = await runExtension({
      'm.c': module('{"f", f, METH_NOARGS, NULL}', 'static PyObject *f(PyObject *self, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }'),
    });
    if (!broken.ok || !fixed.ok) throw new Error('compile failed');
    expect(broken.entries).toEqual([
      { func: 'f', table: 'module m methods', role: 'METH_NOARGS', status: 'trap', message: 'null function or function signature mismatch' },
    ]);
    expect(broken.warnings).toHaveLength(1);
    expect(broken.warnings[0]).toMatch(/^m\.c:3:\d+: warning: incompatible function pointer types .*\[-Wincompatible-function-pointer-types\]/);
    expect(fixed.entries.map((e) => e.status)).toEqual(['ok']);
    expect(fixed.warnings).toEqual([]);
  }, COMPILE_TIMEOUT);

  it('compiles a file with a UTF-8 BOM, CRLF line ends, Latin-1 in comments, tabs and no final newline', async () => {
    const text = module('{"f", f, METH_O, NULL}', '/* caf\u00e9 \u00bd */\nstatic PyObject *\nf(PyObject *self,\tPyObject *arg)\n{\n\treturn Py_NewRef(arg);\n}')
      .replace(/\n/g, '\r\n')
      .replace(/\r\n$/, '');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'latin1')]);
    expect(bytes.includes(0xe9)).toBe(true); // é as one Latin-1 byte: not valid UTF-8
    const run = await runExtension({ 'latin1.c': bytes });
    expect(entriesOf(run)).toEqual([{ func: 'f', table: 'module m methods', role: 'METH_O', status: 'ok' }]);
  }, COMPILE_TIMEOUT);

  it('makes headers available to #include "..." from subdirectories', async () => {
    const run = await runExtension({
      'src/ext.c': module('{"f", F_IMPL, METH_NOARGS, NULL}', '#include "impl.h"\n#include "common/names.h"'),
      'src/impl.h': 'static PyObject *f_impl(PyObject *self) { Py_RETURN_NONE; }\n',
      'include/common/names.h': '#define F_IMPL (PyCFunction)f_impl\n',
      'include/unused.h': '#error not included\n',
    });
    expect(summary(run)).toEqual({ f_impl: 'trap METH_NOARGS | module m methods' });
  }, COMPILE_TIMEOUT);

  it('keeps C23 f() (no parameters) a trap under -std=c23', async () => {
    const run = await runExtension({ 'm.c': module('{"f", (PyCFunction)f, METH_NOARGS, NULL}', 'static PyObject *f() { Py_RETURN_NONE; }') }, { extraFlags: ['-std=c23'] });
    expect(summary(run)).toEqual({ f: 'trap METH_NOARGS | module m methods' });
  }, COMPILE_TIMEOUT);

  it("returns the compiler's full message when the extension does not compile", async () => {
    const run = await runExtension({ 'broken.c': '#include <Python.h>\nstatic int x = ;\n' });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.compileError).toMatch(/^broken\.c:2:16: error: expected expression/m);
    expect(run.compileError).toContain('static int x = ;');
  }, COMPILE_TIMEOUT);
});

import { describe, expect, it } from 'vitest';
import { moduleSlot } from '../../rules/module-slot.js';
import { expectationsOf, findingsOf } from './support.js';

describe('module-slot', () => {
  it('reads m_traverse, m_clear and m_free of a positional PyModuleDef', () => {
    const source = `
static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT, "counter", NULL, sizeof(counter_state), counter_methods, counter_slots,
    counter_traverse, counter_clear, (freefunc)counter_free,
};`;
    expect(expectationsOf(moduleSlot, source)).toEqual([
      { field: 'm_traverse', func: 'counter_traverse', typedef: 'traverseproc', what: 'm_traverse function', call: '(module, visit, arg)', fieldTypedef: 'traverseproc' },
      { field: 'm_clear', func: 'counter_clear', typedef: 'inquiry', what: 'm_clear function', call: '(module)', fieldTypedef: 'inquiry' },
      { field: 'm_free', func: 'counter_free', typedef: 'freefunc', what: 'm_free function', call: '(module)', fieldTypedef: 'freefunc' },
    ]);
  });

  it('reads a designated PyModuleDef and its PyModuleDef_Slot array', () => {
    const source = `
#define EXEC_SLOT Py_mod_exec
static PyModuleDef_Slot counter_slots[] = {
    {Py_mod_create, counter_create},
    {EXEC_SLOT, counter_exec},
    {2, counter_exec_more},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};
static PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "counter",
    .m_clear = counter_clear,
    .m_slots = counter_slots,
};`;
    expect(expectationsOf(moduleSlot, source).map((e) => ('what' in e ? `${e.what}:${e.func}:${e.typedef}:${e.call}` : e))).toEqual([
      'Py_mod_create slot:counter_create:Py_mod_create:(spec, def)',
      'Py_mod_exec slot:counter_exec:Py_mod_exec:(module)',
      'Py_mod_exec slot:counter_exec_more:Py_mod_exec:(module)',
      'm_clear function:counter_clear:inquiry:(module)',
    ]);
  });

  it('warns about a module slot id it cannot tell', () => {
    const source = `
static int counter_exec(PyObject *m) { return 0; }
static PyModuleDef_Slot slots[] = { {Py_mod_unknown, counter_exec}, {7, counter_exec}, {0, NULL} };`;
    expect(expectationsOf(moduleSlot, source)).toEqual([
      {
        warning: "cannot resolve the module slot id 'Py_mod_unknown' of 'counter_exec' ('Py_mod_unknown' is not defined in the analyzed files); this entry was not checked",
        func: 'counter_exec',
      },
      { warning: "module slot id '7' (7) of 'counter_exec' is not one CPython defines; this entry was not checked", func: 'counter_exec' },
    ]);
  });

  it('finds void exec and clear functions and a create without def, not pointer-only differences', () => {
    const source = `
static void counter_exec(PyObject *module) { }
static PyObject *counter_create(PyObject *spec) { return NULL; }
static void counter_clear(PyObject *module) { }
static int counter_traverse(CounterModule *m, visitproc visit, void *arg) { return 0; }
static void counter_free(PyObject *module) { }
static PyModuleDef_Slot slots[] = { {Py_mod_create, counter_create}, {Py_mod_exec, counter_exec}, {0, NULL} };
static PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT, .m_name = "counter", .m_slots = slots,
    .m_traverse = (traverseproc)counter_traverse, .m_clear = (inquiry)counter_clear, .m_free = (freefunc)counter_free,
};`;
    expect(findingsOf(moduleSlot, source)).toEqual([
      "error: Py_mod_create slot 'counter_create' takes 1 parameter; CPython calls it with 2 (spec, def)",
      "error: Py_mod_exec slot 'counter_exec' returns void; CPython expects int (i32)",
      "error: m_clear function 'counter_clear' returns void; CPython expects int (i32)",
    ]);
  });
});

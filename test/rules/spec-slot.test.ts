import { describe, expect, it } from 'vitest';
import { specSlot } from '../../rules/spec-slot.js';
import { expectationsOf, findingsOf } from './support.js';

describe('spec-slot', () => {
  it('expects the typedef of the slot each id names, for every slot family', () => {
    const source = `
static PyType_Slot Foo_slots[] = {
    {Py_tp_repr, foo_repr},
    {Py_nb_add, (binaryfunc)foo_add},
    {Py_sq_item, foo_item},
    {Py_mp_ass_subscript, foo_ass_subscript},
    {Py_am_send, foo_send},
    {Py_bf_getbuffer, foo_getbuffer},
    {0, NULL},
};`;
    expect(expectationsOf(specSlot, source)).toEqual([
      { field: 'pfunc', func: 'foo_repr', typedef: 'reprfunc', what: 'Py_tp_repr slot', call: '(self)' },
      { field: 'pfunc', func: 'foo_add', typedef: 'binaryfunc', what: 'Py_nb_add slot', call: '(self, other)' },
      { field: 'pfunc', func: 'foo_item', typedef: 'ssizeargfunc', what: 'Py_sq_item slot', call: '(self, index)' },
      { field: 'pfunc', func: 'foo_ass_subscript', typedef: 'objobjargproc', what: 'Py_mp_ass_subscript slot', call: '(self, key, value)' },
      { field: 'pfunc', func: 'foo_send', typedef: 'sendfunc', what: 'Py_am_send slot', call: '(self, value, result)' },
      { field: 'pfunc', func: 'foo_getbuffer', typedef: 'getbufferproc', what: 'Py_bf_getbuffer slot', call: '(self, view, flags)' },
    ]);
  });

  it('reads designated entries and ids written as numbers or through macros', () => {
    const source = `
#define REPR_SLOT Py_tp_repr
#define CALL_SLOT 50
static PyType_Slot Foo_slots[] = {
    {.pfunc = foo_repr, .slot = REPR_SLOT},
    {CALL_SLOT, foo_call},
    {71, foo_traverse},
    {0, 0}
};`;
    expect(expectationsOf(specSlot, source).map((e) => ('what' in e ? `${e.what}:${e.func}:${e.typedef}` : e))).toEqual([
      'Py_tp_repr slot:foo_repr:reprfunc',
      'Py_tp_call slot:foo_call:ternaryfunc',
      'Py_tp_traverse slot:foo_traverse:traverseproc',
    ]);
  });

  it('skips data slots and the sentinel', () => {
    const source = `
static int foo_doc(void) { return 0; }
static PyType_Slot Foo_slots[] = {
    {Py_tp_doc, (void *)foo_doc},
    {Py_tp_methods, foo_methods},
    {Py_tp_members, foo_members},
    {Py_tp_getset, foo_getset},
    {Py_tp_base, &Base_Type},
    {Py_tp_token, Py_TP_USE_SPEC},
    {0, NULL},
};`;
    expect(expectationsOf(specSlot, source)).toEqual([]);
  });

  it('warns about a slot id it cannot evaluate or that CPython does not define', () => {
    const source = `
static PyObject *foo_repr(PyObject *self) { return NULL; }
static PyObject *foo_str(PyObject *self) { return NULL; }
static PyType_Slot Foo_slots[] = {
    {MY_REPR_SLOT, foo_repr},
    {999, foo_str},
    {UNKNOWN_DATA_SLOT, foo_data},
    {0, NULL},
};`;
    expect(expectationsOf(specSlot, source)).toEqual([
      {
        warning: "cannot resolve the type slot id 'MY_REPR_SLOT' of 'foo_repr' ('MY_REPR_SLOT' is not defined in the analyzed files); this entry was not checked",
        func: 'foo_repr',
      },
      { warning: "type slot id '999' (999) of 'foo_str' is not one CPython defines; this entry was not checked", func: 'foo_str' },
    ]);
  });

  it('never asks for a cast: pfunc is void *', () => {
    const source = `static PyType_Slot s[] = { {Py_tp_clear, foo_clear}, {0, NULL} };`;
    expect(expectationsOf(specSlot, source)).toEqual([
      { field: 'pfunc', func: 'foo_clear', typedef: 'inquiry', what: 'Py_tp_clear slot', call: '(self)' },
    ]);
  });

  it('finds count and result mismatches but not pointer-only differences', () => {
    const source = `
static void foo_traverse(FooObject *self, visitproc visit, void *arg) { }
static PyObject *foo_new(PyTypeObject *type, PyObject *args) { return NULL; }
static Py_ssize_t foo_len(FooObject *self) { return 0; }
static FooObject *foo_iter(FooObject *self) { return self; }
static PyType_Slot Foo_slots[] = {
    {Py_tp_traverse, foo_traverse},
    {Py_tp_new, foo_new},
    {Py_mp_length, foo_len},
    {Py_tp_iter, foo_iter},
    {0, NULL},
};`;
    expect(findingsOf(specSlot, source)).toEqual([
      "error: Py_tp_traverse slot 'foo_traverse' returns void; CPython expects int (i32)",
      "error: Py_tp_new slot 'foo_new' takes 2 parameters; CPython calls it with 3 (type, args, kwds)",
    ]);
  });
});

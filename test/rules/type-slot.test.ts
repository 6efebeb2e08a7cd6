import { describe, expect, it } from 'vitest';
import { typeSlot } from '../../rules/type-slot.js';
import { expectationsOf, findingsOf, rawExpectationsOf } from './support.js';

const fields = (source: string) => expectationsOf(typeSlot, source).map((e) => ('field' in e ? `${e.field}:${e.func}:${e.typedef}` : e.warning));

describe('type-slot', () => {
  it('reads a positional initializer after PyVarObject_HEAD_INIT in CPython field order', () => {
    const source = `
static PyTypeObject Foo_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "foo.Foo",                  /* tp_name */
    sizeof(FooObject),          /* tp_basicsize */
    0,                          /* tp_itemsize */
    (destructor)foo_dealloc,    /* tp_dealloc */
    0,                          /* tp_vectorcall_offset */
    0,                          /* tp_getattr */
    0,                          /* tp_setattr */
    0,                          /* tp_as_async */
    (reprfunc)foo_repr,         /* tp_repr */
    0, 0, 0,                    /* tp_as_number, tp_as_sequence, tp_as_mapping */
    (hashfunc)foo_hash,         /* tp_hash */
    0,                          /* tp_call */
    foo_str,                    /* tp_str */
    0, 0, 0,                    /* tp_getattro, tp_setattro, tp_as_buffer */
    Py_TPFLAGS_DEFAULT,         /* tp_flags */
    foo_doc,                    /* tp_doc */
    (traverseproc)foo_traverse, /* tp_traverse */
    (inquiry)foo_clear,         /* tp_clear */
    foo_richcompare,            /* tp_richcompare */
    0,                          /* tp_weaklistoffset */
    foo_iter,                   /* tp_iter */
    foo_iternext,               /* tp_iternext */
    foo_methods,                /* tp_methods */
};`;
    expect(fields(source)).toEqual([
      'tp_dealloc:foo_dealloc:destructor',
      'tp_repr:foo_repr:reprfunc',
      'tp_hash:foo_hash:hashfunc',
      'tp_str:foo_str:reprfunc',
      'tp_traverse:foo_traverse:traverseproc',
      'tp_clear:foo_clear:inquiry',
      'tp_richcompare:foo_richcompare:richcmpfunc',
      'tp_iter:foo_iter:getiterfunc',
      'tp_iternext:foo_iternext:iternextfunc',
    ]);
  });

  it('reads the fields after PyObject_HEAD_INIT as Python 3 does: the macro fills all of ob_base', () => {
    const source = `
static PyTypeObject Old_Type = {
    PyObject_HEAD_INIT(NULL)
    "old.Old",                  /* tp_name */
    sizeof(OldObject),          /* tp_basicsize */
    0,                          /* tp_itemsize */
    old_dealloc,                /* tp_dealloc */
};`;
    expect(fields(source)).toEqual(['tp_dealloc:old_dealloc:destructor']);
  });

  it('warns about Python 2 layout (an ob_size after PyObject_HEAD_INIT) instead of judging shifted slots', () => {
    const source = `
static PyObject *old_getattr(PyObject *self, char *name) { return NULL; }
static PyTypeObject Old_Type = {
    PyObject_HEAD_INIT(NULL)
    0,                          /* ob_size */
    "old.Old",                  /* tp_name */
    sizeof(OldObject),          /* tp_basicsize */
    0,                          /* tp_itemsize */
    old_dealloc,                /* tp_dealloc */
    0,                          /* tp_print */
    old_getattr,                /* tp_getattr */
};`;
    const items = expectationsOf(typeSlot, source);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ func: 'Old_Type', warning: expect.stringContaining("'Old_Type' is laid out for Python 2") });
    expect(findingsOf(typeSlot, source)).toEqual([expect.stringMatching(/^warning: 'Old_Type' is laid out for Python 2/)]);
  });

  it('does not judge an initializer split by a preprocessor conditional, and says so', () => {
    const source = `
static PyTypeObject Compat_Type = {
#if PY_MAJOR_VERSION >= 3
    PyVarObject_HEAD_INIT(NULL, 0)
#else
    PyObject_HEAD_INIT(NULL)
    0,
#endif
    "compat.Compat",
    sizeof(CompatObject),
    0,
    (destructor)compat_dealloc,
    0,
    (getattrfunc)compat_getattr,
};`;
    expect(expectationsOf(typeSlot, source)).toEqual([
      {
        warning: "cannot tell which fields of 'Compat_Type' hold what: part of its initializer does not parse (a preprocessor conditional or a macro between fields?); its functions were not checked",
        func: 'Compat_Type',
      },
    ]);
  });

  it('reads a positional initializer whose head macro has no comma after it (it does not parse, but its place is known)', () => {
    const source = `static PyTypeObject T = {\n    PyVarObject_HEAD_INIT(NULL, 0)\n    "t", 0, 0, t_dealloc,\n};`;
    expect(fields(source)).toEqual(['tp_dealloc:t_dealloc:destructor']);
  });

  it('reads designated slots by name, whatever their order', () => {
    const source = `
static PyTypeObject Bar_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bar.Bar",
    .tp_new = bar_new,
    .tp_init = (initproc)bar_init,
    .tp_call = bar_call,
    .tp_descr_get = bar_get,
    .tp_finalize = bar_finalize,
    .tp_vectorcall = bar_vectorcall,
    .tp_free = PyObject_GC_Del,
    .tp_doc = bar_doc,
};`;
    expect(fields(source)).toEqual([
      'tp_call:bar_call:ternaryfunc',
      'tp_descr_get:bar_get:descrgetfunc',
      'tp_init:bar_init:initproc',
      'tp_new:bar_new:newfunc',
      'tp_free:PyObject_GC_Del:freefunc',
      'tp_finalize:bar_finalize:destructor',
      'tp_vectorcall:bar_vectorcall:vectorcallfunc',
    ]);
  });

  it('names slots and their parameters the way CPython documents them', () => {
    const source = `static PyTypeObject T = { PyVarObject_HEAD_INIT(NULL, 0) .tp_name = "t", .tp_call = c, .tp_clear = k };`;
    const [call, clear] = rawExpectationsOf(typeSlot, source);
    expect([call.what, call.call, call.addedNames]).toEqual(['tp_call slot', '(self, args, kwargs)', ['self', 'args', 'kwargs']]);
    expect([clear.what, clear.call, clear.fieldTypedef]).toEqual(['tp_clear slot', '(self)', 'inquiry']);
  });

  it('finds parameter-count and result mismatches', () => {
    const source = `
static void foo_dealloc(FooObject *self, void *unused) { }
static void foo_clear(FooObject *self) { }
static double foo_hash(FooObject *self) { return 0; }
static PyObject *foo_richcompare(PyObject *a, PyObject *b) { return NULL; }
static int foo_finalize(PyObject *self) { return 0; }
static PyTypeObject Foo_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "foo.Foo",
    .tp_dealloc = (destructor)foo_dealloc,
    .tp_clear = (inquiry)foo_clear,
    .tp_hash = (hashfunc)foo_hash,
    .tp_richcompare = foo_richcompare,
    .tp_finalize = (destructor)foo_finalize,
};`;
    expect(findingsOf(typeSlot, source)).toEqual([
      "error: tp_dealloc slot 'foo_dealloc' takes 2 parameters; CPython calls it with 1 (self)",
      "error: tp_clear slot 'foo_clear' returns void; CPython expects int (i32)",
      "error: tp_hash slot 'foo_hash' returns double (f64); CPython expects Py_hash_t (i32)",
      "error: tp_richcompare slot 'foo_richcompare' takes 2 parameters; CPython calls it with 3 (self, other, op)",
      "error: tp_finalize slot 'foo_finalize' returns int (i32); CPython expects void",
    ]);
  });

  it('does not report pointer-only differences', () => {
    const source = `
static void foo_dealloc(FooObject *self) { }
static long foo_hash(FooObject *self) { return 0; }
static FooObject *foo_iter(FooObject *self) { return self; }
static int foo_traverse(FooObject *self, visitproc visit, FooObject *arg) { return 0; }
static PyObject *foo_new(struct _typeobject *type, PyObject *args, PyObject *kwds) { return NULL; }
static PyTypeObject Foo_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "foo.Foo",
    .tp_dealloc = (destructor)foo_dealloc,
    .tp_hash = (hashfunc)foo_hash,
    .tp_iter = (getiterfunc)foo_iter,
    .tp_traverse = (traverseproc)foo_traverse,
    .tp_new = foo_new,
};`;
    expect(findingsOf(typeSlot, source)).toEqual([]);
  });

  it('reads no other struct', () => {
    expect(typeSlot.structs).toEqual(['PyTypeObject']);
  });
});

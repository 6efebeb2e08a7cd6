/* Every table kind CPython calls through, each function with the right wasm
 * signature. Some differ from the typedefs only in pointer types or in
 * integer spellings that are the same wasm type: none of that is a finding. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *payload;
    long size;
    int exports;
} GadgetObject;

/* ---- a static type, positional ---------------------------------------- */

static void
Gadget_dealloc(GadgetObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->payload);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Gadget_repr(GadgetObject *self)
{
    return PyUnicode_FromFormat("<Gadget %ld>", self->size);
}

static Py_hash_t
Gadget_hash(GadgetObject *self)
{
    return (Py_hash_t)self->size;
}

static PyObject *
Gadget_call(GadgetObject *self, PyObject *args, PyObject *kwargs)
{
    return PyLong_FromLong(self->size);
}

static PyObject *
Gadget_getattro(GadgetObject *self, PyObject *name)
{
    return PyObject_GenericGetAttr((PyObject *)self, name);
}

static int
Gadget_setattro(GadgetObject *self, PyObject *name, PyObject *value)
{
    return PyObject_GenericSetAttr((PyObject *)self, name, value);
}

static int
Gadget_traverse(GadgetObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->payload);
    return 0;
}

static int
Gadget_clear(GadgetObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static PyObject *
Gadget_richcompare(GadgetObject *self, PyObject *other, int op)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static GadgetObject *
Gadget_iter(GadgetObject *self)
{
    Py_INCREF(self);
    return self;
}

static PyObject *
Gadget_iternext(GadgetObject *self)
{
    return NULL;
}

static PyObject *
Gadget_get_size(GadgetObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(self->size);
}

static int
Gadget_set_size(GadgetObject *self, PyObject *value, void *closure)
{
    self->size = value == NULL ? 0 : PyLong_AsLong(value);
    return PyErr_Occurred() ? -1 : 0;
}

static PyGetSetDef Gadget_getset[] = {
    {"size", (getter)Gadget_get_size, (setter)Gadget_set_size, "size", NULL},
    {.name = "size_ro", .get = (getter)Gadget_get_size},
    {NULL}
};

static int
Gadget_init(GadgetObject *self, PyObject *args, PyObject *kwds)
{
    return 0;
}

static PyObject *
Gadget_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* ---- protocol structs --------------------------------------------------- */

static PyObject *
Gadget_add(PyObject *a, PyObject *b)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
Gadget_pow(PyObject *a, PyObject *b, PyObject *Py_UNUSED(mod))
{
    Py_RETURN_NOTIMPLEMENTED;
}

static int
Gadget_bool(GadgetObject *self)
{
    return self->size != 0;
}

static PyNumberMethods Gadget_as_number = {
    Gadget_add,                 /* nb_add */
    0,                          /* nb_subtract */
    0,                          /* nb_multiply */
    0,                          /* nb_remainder */
    0,                          /* nb_divmod */
    Gadget_pow,                 /* nb_power */
    0,                          /* nb_negative */
    0,                          /* nb_positive */
    0,                          /* nb_absolute */
    (inquiry)Gadget_bool,       /* nb_bool */
};

static Py_ssize_t
Gadget_length(GadgetObject *self)
{
    return self->size;
}

static PyObject *
Gadget_item(GadgetObject *self, Py_ssize_t i)
{
    return PyLong_FromSsize_t(i);
}

static int
Gadget_ass_item(GadgetObject *self, long i, PyObject *value)
{
    return 0;
}

static int
Gadget_contains(GadgetObject *self, PyObject *value)
{
    return 0;
}

static PySequenceMethods Gadget_as_sequence = {
    .sq_length = (lenfunc)Gadget_length,
    .sq_item = (ssizeargfunc)Gadget_item,
    .sq_ass_item = (ssizeobjargproc)Gadget_ass_item,
    .sq_contains = (objobjproc)Gadget_contains,
};

static PyObject *
Gadget_subscript(GadgetObject *self, PyObject *key)
{
    return Py_NewRef(key);
}

static int
Gadget_ass_subscript(GadgetObject *self, PyObject *key, PyObject *value)
{
    return 0;
}

static PyMappingMethods Gadget_as_mapping = {
    (lenfunc)Gadget_length,
    (binaryfunc)Gadget_subscript,
    (objobjargproc)Gadget_ass_subscript,
};

static PyObject *
Gadget_await(GadgetObject *self)
{
    return Py_NewRef((PyObject *)self);
}

static PyAsyncMethods Gadget_as_async = {
    .am_await = (unaryfunc)Gadget_await,
};

static int
Gadget_getbuffer(GadgetObject *self, Py_buffer *view, int flags)
{
    self->exports++;
    return PyBuffer_FillInfo(view, (PyObject *)self, &self->size, sizeof(self->size), 1, flags);
}

static void
Gadget_releasebuffer(GadgetObject *self, Py_buffer *Py_UNUSED(view))
{
    self->exports--;
}

static PyBufferProcs Gadget_as_buffer = {
    (getbufferproc)Gadget_getbuffer,
    (releasebufferproc)Gadget_releasebuffer,
};

static PyTypeObject GadgetType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "gadget.Gadget",                /* tp_name */
    sizeof(GadgetObject),           /* tp_basicsize */
    0,                              /* tp_itemsize */
    (destructor)Gadget_dealloc,     /* tp_dealloc */
    0,                              /* tp_vectorcall_offset */
    0,                              /* tp_getattr */
    0,                              /* tp_setattr */
    &Gadget_as_async,               /* tp_as_async */
    (reprfunc)Gadget_repr,          /* tp_repr */
    &Gadget_as_number,              /* tp_as_number */
    &Gadget_as_sequence,            /* tp_as_sequence */
    &Gadget_as_mapping,             /* tp_as_mapping */
    (hashfunc)Gadget_hash,          /* tp_hash */
    (ternaryfunc)Gadget_call,       /* tp_call */
    0,                              /* tp_str */
    (getattrofunc)Gadget_getattro,  /* tp_getattro */
    (setattrofunc)Gadget_setattro,  /* tp_setattro */
    &Gadget_as_buffer,              /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, /* tp_flags */
    "A gadget.",                    /* tp_doc */
    (traverseproc)Gadget_traverse,  /* tp_traverse */
    (inquiry)Gadget_clear,          /* tp_clear */
    (richcmpfunc)Gadget_richcompare, /* tp_richcompare */
    0,                              /* tp_weaklistoffset */
    (getiterfunc)Gadget_iter,       /* tp_iter */
    (iternextfunc)Gadget_iternext,  /* tp_iternext */
    0,                              /* tp_methods */
    0,                              /* tp_members */
    Gadget_getset,                  /* tp_getset */
    0,                              /* tp_base */
    0,                              /* tp_dict */
    0,                              /* tp_descr_get */
    0,                              /* tp_descr_set */
    0,                              /* tp_dictoffset */
    (initproc)Gadget_init,          /* tp_init */
    0,                              /* tp_alloc */
    Gadget_new,                     /* tp_new */
};

/* ---- a heap type from a spec -------------------------------------------- */

typedef struct {
    PyObject_HEAD
    double value;
} KnobObject;

static void
Knob_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *
Knob_str(KnobObject *self)
{
    return PyFloat_FromDouble(self->value);
}

static PyObject *
Knob_negative(KnobObject *self)
{
    return PyFloat_FromDouble(-self->value);
}

static Py_ssize_t
Knob_len(PyObject *self)
{
    return 1;
}

static PyType_Slot Knob_slots[] = {
    {Py_tp_dealloc, Knob_dealloc},
    {Py_tp_str, Knob_str},
    {Py_tp_doc, (void *)"A knob."},
    {Py_tp_getset, Gadget_getset},
    {Py_nb_negative, Knob_negative},
    {Py_mp_length, Knob_len},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL},
};

static PyType_Spec Knob_spec = {
    .name = "gadget.Knob",
    .basicsize = sizeof(KnobObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Knob_slots,
};

/* ---- the module ---------------------------------------------------------- */

static int
gadget_exec(PyObject *module)
{
    if (PyType_Ready(&GadgetType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "Gadget", (PyObject *)&GadgetType) < 0) {
        return -1;
    }
    PyObject *knob = PyType_FromSpec(&Knob_spec);
    if (knob == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, "Knob", knob);
    Py_DECREF(knob);
    return rc;
}

static int
gadget_traverse(PyObject *module, visitproc visit, void *arg)
{
    return 0;
}

static int
gadget_clear(PyObject *module)
{
    return 0;
}

static void
gadget_free(void *module)
{
}

static PyModuleDef_Slot gadget_slots[] = {
    {Py_mod_exec, gadget_exec},
    {0, NULL}
};

static struct PyModuleDef gadget_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "gadget",
    .m_size = 0,
    .m_slots = gadget_slots,
    .m_traverse = gadget_traverse,
    .m_clear = gadget_clear,
    .m_free = gadget_free,
};

PyMODINIT_FUNC
PyInit_gadget(void)
{
    return PyModuleDef_Init(&gadget_module);
}

/* A static type written positionally, every field commented, in the style
 * of the old "Noddy" tutorial. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *first;
    PyObject *last;
    Py_ssize_t position;
} NoddyObject;

/* BROKEN: a destructor with a second parameter nobody passes. */
static void
Noddy_dealloc(NoddyObject *self)
{
    Py_XDECREF(self->first);
    Py_XDECREF(self->last);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* OK: reprfunc. */
static PyObject *
Noddy_repr(NoddyObject *self)
{
    return PyUnicode_FromFormat("<Noddy %zd>", self->position);
}

/* OK: long and Py_hash_t are both i32 on wasm32. */
static long
Noddy_hash(NoddyObject *self)
{
    return (long)self->position;
}

/* BROKEN: tp_call without kwargs, and not cast. */
static PyObject *
Noddy_call(NoddyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    return PyLong_FromSsize_t(PyTuple_GET_SIZE(args) + self->position);
}

/* OK: traverseproc. */
static int
Noddy_traverse(NoddyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->first);
    Py_VISIT(self->last);
    return 0;
}

/* BROKEN: tp_clear written as void. */
static int
Noddy_clear(NoddyObject *self)
{
    Py_CLEAR(self->first);
    Py_CLEAR(self->last);
    return 0;
}

/* OK: richcmpfunc. */
static PyObject *
Noddy_richcompare(PyObject *a, PyObject *b, int op)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* OK: getiterfunc and iternextfunc. */
static PyObject *
Noddy_iter(PyObject *self)
{
    return Py_NewRef(self);
}

static PyObject *
Noddy_iternext(NoddyObject *self)
{
    if (self->position >= 3) {
        return NULL;
    }
    return PyLong_FromSsize_t(self->position++);
}

/* BROKEN: tp_init without kwds. */
static int
Noddy_init(NoddyObject *self, PyObject *args, PyObject *Py_UNUSED(kwds))
{
    PyObject *first = NULL, *last = NULL;
    if (!PyArg_ParseTuple(args, "|OO", &first, &last)) {
        return -1;
    }
    Py_XSETREF(self->first, Py_XNewRef(first));
    Py_XSETREF(self->last, Py_XNewRef(last));
    return 0;
}

static PyTypeObject NoddyType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "noddy.Noddy",                  /* tp_name */
    sizeof(NoddyObject),            /* tp_basicsize */
    0,                              /* tp_itemsize */
    (destructor)Noddy_dealloc,      /* tp_dealloc */
    0,                              /* tp_vectorcall_offset */
    0,                              /* tp_getattr */
    0,                              /* tp_setattr */
    0,                              /* tp_as_async */
    (reprfunc)Noddy_repr,           /* tp_repr */
    0,                              /* tp_as_number */
    0,                              /* tp_as_sequence */
    0,                              /* tp_as_mapping */
    (hashfunc)Noddy_hash,           /* tp_hash */
    (ternaryfunc)Noddy_call,        /* tp_call */
    0,                              /* tp_str */
    0,                              /* tp_getattro */
    0,                              /* tp_setattro */
    0,                              /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, /* tp_flags */
    "Noddy objects",                /* tp_doc */
    (traverseproc)Noddy_traverse,   /* tp_traverse */
    (inquiry)Noddy_clear,           /* tp_clear */
    Noddy_richcompare,              /* tp_richcompare */
    0,                              /* tp_weaklistoffset */
    Noddy_iter,                     /* tp_iter */
    (iternextfunc)Noddy_iternext,   /* tp_iternext */
    0,                              /* tp_methods */
    0,                              /* tp_members */
    0,                              /* tp_getset */
    0,                              /* tp_base */
    0,                              /* tp_dict */
    0,                              /* tp_descr_get */
    0,                              /* tp_descr_set */
    0,                              /* tp_dictoffset */
    (initproc)Noddy_init,           /* tp_init */
    0,                              /* tp_alloc */
    PyType_GenericNew,              /* tp_new */
};

static struct PyModuleDef noddy_module = {
    PyModuleDef_HEAD_INIT,
    "noddy",
    "A positional PyTypeObject.",
    -1,
};

PyMODINIT_FUNC
PyInit_noddy(void)
{
    if (PyType_Ready(&NoddyType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&noddy_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Noddy", (PyObject *)&NoddyType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* Functions used in two tables. When the two uses call them with different
 * signatures, fixing one use breaks the other: fpcast refuses and names
 * both. When both uses agree, the fix serves both. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t pos;
    Py_ssize_t end;
} WalkerObject;

static PyTypeObject WalkerType;
static PyTypeObject ReverseWalkerType;

/* CONFLICT: tp_iternext calls it with (self); the METH_NOARGS __next__
 * method calls it with (self, NULL). */
static PyObject *
Walker_next(WalkerObject *self)
{
    if (self->pos >= self->end) {
        return NULL;
    }
    return PyLong_FromSsize_t(self->pos++);
}

/* CONFLICT: tp_repr calls it with (self); the getter with (self, closure). */
static PyObject *
Walker_describe(WalkerObject *self)
{
    return PyUnicode_FromFormat("<Walker %zd/%zd>", self->pos, self->end);
}

/* BROKEN, and fixable: both types use it as tp_iter, one in its
 * initializer and one by assignment; both call it with (self). */
static PyObject *
Walker_iter(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(self);
}

static PyMethodDef Walker_methods[] = {
    {"__next__", (PyCFunction)Walker_next, METH_NOARGS, "Next position."},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef Walker_getset[] = {
    {"description", (getter)Walker_describe, NULL, "What the walker is at.", NULL},
    {NULL}
};

static PyTypeObject WalkerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "walker.Walker",
    .tp_basicsize = sizeof(WalkerObject),
    .tp_repr = (reprfunc)Walker_describe,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = (getiterfunc)Walker_iter,
    .tp_iternext = (iternextfunc)Walker_next,
    .tp_methods = Walker_methods,
    .tp_getset = Walker_getset,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject ReverseWalkerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "walker.ReverseWalker",
    .tp_basicsize = sizeof(WalkerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef walker_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "walker",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_walker(void)
{
    ReverseWalkerType.tp_iter = Walker_iter;
    if (PyType_Ready(&WalkerType) < 0 || PyType_Ready(&ReverseWalkerType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&walker_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Walker", (PyObject *)&WalkerType) < 0
        || PyModule_AddObjectRef(module, "ReverseWalker", (PyObject *)&ReverseWalkerType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* The methods live in spam_impl.c behind spam.h; the table is here. */
#include "spam.h"

/* METH_NOARGS method wrapper: CPython calls it (self, NULL). */
static PyObject *
Spam_count_noargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Spam_count((SpamObject *)self);
}

/* METH_VARARGS|METH_KEYWORDS method wrapper: CPython calls it (self, args, kwargs). */
static PyObject *
Spam_add_varargs_keywords(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    return Spam_add((SpamObject *)self, args);
}

static PyMethodDef Spam_methods[] = {
    {"count", (PyCFunction)Spam_count_noargs, METH_NOARGS, NULL},
    {"add", (PyCFunction)(void(*)(void))Spam_add_varargs_keywords, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject SpamType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "spam.Spam",
    .tp_basicsize = sizeof(SpamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_methods = Spam_methods,
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, NULL,
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    if (PyType_Ready(&SpamType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&spam_module);
    if (m != NULL && PyModule_AddObjectRef(m, "Spam", (PyObject *)&SpamType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* The table names functions defined in another file; their prototype lives
 * in a header. Fixing them would change three files, so fpcast refuses. */
#include <Python.h>
#include "impl.h"

/* METH_NOARGS method wrapper: CPython calls it (self, NULL). */
static PyObject *
multi_reset_noargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return multi_reset(self);
}

/* METH_NOARGS method wrapper: CPython calls it (self, NULL). */
static PyObject *
multi_status_noargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return multi_status(self);
}

static PyMethodDef multi_methods[] = {
    {"reset", (PyCFunction)multi_reset_noargs, METH_NOARGS, NULL},
    {"status", (PyCFunction)multi_status_noargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef multi_module = {
    PyModuleDef_HEAD_INIT, "multi", NULL, -1, multi_methods,
};

PyMODINIT_FUNC
PyInit_multi(void)
{
    PyObject *m = PyModule_Create(&multi_module);
    Py_XDECREF(multi_reset(m));
    return m;
}

/* tree-sitter cannot parse this parameter list (it cannot see what the
 * BSD-style __unused macro expands to, and fpcast reads past attribute
 * macros only when they are spelled in capitals), so fpcast will not edit
 * it. */
#include <Python.h>

#ifndef __unused
#define __unused __attribute__((unused))
#endif

static PyObject *
broken_status(PyObject *self __unused)
{
    return PyLong_FromLong(0);
}

static PyObject *
broken_fine(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(1);
}

static PyMethodDef broken_methods[] = {
    {"status", (PyCFunction)broken_status, METH_NOARGS, NULL},
    {"fine", (PyCFunction)broken_fine, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef broken_module = {
    PyModuleDef_HEAD_INIT, "broken", NULL, -1, broken_methods,
};

PyMODINIT_FUNC
PyInit_broken(void)
{
    return PyModule_Create(&broken_module);
}

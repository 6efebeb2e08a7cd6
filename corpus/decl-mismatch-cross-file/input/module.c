/* Calls through helpers.h: natively fine, in wasm each call to a
 * mis-declared helper is linked to a trapping stub. */
#include <Python.h>
#include "helpers.h"

static PyObject *
mod_reset(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    helper_reset(module);
    Py_RETURN_NONE;
}

static PyObject *
mod_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return helper_count(module);
}

static PyMethodDef mod_methods[] = {
    {"reset", mod_reset, METH_NOARGS, NULL},
    {"count", mod_count, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef mod_module = {
    PyModuleDef_HEAD_INIT, "decl", NULL, -1, mod_methods,
};

PyMODINIT_FUNC
PyInit_decl(void)
{
    return PyModule_Create(&mod_module);
}

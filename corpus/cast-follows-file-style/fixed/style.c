/* This file casts its non-PyCFunction entries with _PyCFunction_CAST, so the
 * cast fpcast adds must be that one too. */
#include <Python.h>

static PyObject *
style_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_RETURN_NONE;
}

static PyObject *
style_open(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    Py_RETURN_NONE;
}

static PyMethodDef style_methods[] = {
    {"find", _PyCFunction_CAST(style_find), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"open", _PyCFunction_CAST(style_open), METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef style_module = {
    PyModuleDef_HEAD_INIT, "style", NULL, -1, style_methods,
};

PyMODINIT_FUNC
PyInit_style(void)
{
    return PyModule_Create(&style_module);
}

/* `f(void)` and `f()` take no parameters at all; the fix writes the full list. */
#include <Python.h>

static PyObject *
lists_void(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
lists_empty(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
lists_o(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(arg))
{
    Py_RETURN_NONE;
}

static PyMethodDef lists_methods[] = {
    {"void", (PyCFunction)lists_void, METH_NOARGS, NULL},
    {"empty", (PyCFunction)lists_empty, METH_NOARGS, NULL},
    {"o", (PyCFunction)lists_o, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef lists_module = {
    PyModuleDef_HEAD_INIT, "lists", NULL, -1, lists_methods,
};

PyMODINIT_FUNC
PyInit_lists(void)
{
    return PyModule_Create(&lists_module);
}

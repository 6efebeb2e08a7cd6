/* The function is called from inside a macro body: adding an argument
 * there is an edit inside a macro, which fpcast refuses. */
#include <Python.h>

static PyObject *macro_reset(PyObject *self);

#define RESET_AND_RETURN(obj) do { Py_XDECREF(macro_reset(obj)); Py_RETURN_NONE; } while (0)

static PyObject *
macro_reset(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyObject *
macro_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    RESET_AND_RETURN(self);
}

static PyMethodDef macro_methods[] = {
    {"reset", (PyCFunction)macro_reset, METH_NOARGS, NULL},
    {"clear", (PyCFunction)macro_clear, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef macro_module = {
    PyModuleDef_HEAD_INIT, "macro", NULL, -1, macro_methods,
};

PyMODINIT_FUNC
PyInit_macro(void)
{
    return PyModule_Create(&macro_module);
}

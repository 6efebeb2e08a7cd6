/* A same-file prototype and direct calls (nested, and spread over lines) all
 * change with the definition. */
#include <Python.h>

static PyObject *calls_reset(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *calls_reset(PyObject *, PyObject *);

static PyObject *
calls_reset_twice(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_XDECREF(calls_reset(self, NULL));
    PyObject *result = PyTuple_Pack(1,
                                    calls_reset(
                                        self, NULL));
    Py_XDECREF(result);
    return calls_reset(calls_reset(self, NULL) ? self : self, NULL);
}

static PyObject *
calls_reset(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyMethodDef calls_methods[] = {
    {"reset", (PyCFunction)calls_reset, METH_NOARGS, NULL},
    {"reset_twice", (PyCFunction)calls_reset_twice, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef calls_module = {
    PyModuleDef_HEAD_INIT, "calls", NULL, -1, calls_methods,
};

PyMODINIT_FUNC
PyInit_calls(void)
{
    return PyModule_Create(&calls_module);
}

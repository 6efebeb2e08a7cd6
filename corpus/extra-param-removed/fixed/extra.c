/* Extra parameters CPython never passes are removed when the body does not
 * use them; direct calls drop the matching argument. */
#include <Python.h>

static PyObject *
extra_run(PyObject *self, PyObject *args)
{
    return Py_NewRef(args);
}

static PyObject *
extra_size(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}

static PyObject *
extra_run_twice(PyObject *self, PyObject *args)
{
    Py_XDECREF(extra_run(self, args));
    return extra_run(self, args);
}

static PyMethodDef extra_methods[] = {
    {"run", (PyCFunction)extra_run, METH_VARARGS, NULL},
    {"size", (PyCFunction)extra_size, METH_NOARGS, NULL},
    {"run_twice", extra_run_twice, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef extra_module = {
    PyModuleDef_HEAD_INIT, "extra", NULL, -1, extra_methods,
};

PyMODINIT_FUNC
PyInit_extra(void)
{
    return PyModule_Create(&extra_module);
}

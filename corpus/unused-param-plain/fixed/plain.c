/* A project without an unused-parameter macro. */
#include <Python.h>

static PyObject *
plain_now(PyObject *self, PyObject *ignored)
{
    return PyFloat_FromDouble(0.0);
}

static PyObject *
plain_sum(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyLong_FromLong(0);
}

static PyMethodDef plain_methods[] = {
    {"now", (PyCFunction)plain_now, METH_NOARGS, NULL},
    {"sum", (PyCFunction)(void(*)(void))plain_sum, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef plain_module = {
    PyModuleDef_HEAD_INIT, "plain", NULL, -1, plain_methods,
};

PyMODINIT_FUNC
PyInit_plain(void)
{
    return PyModule_Create(&plain_module);
}

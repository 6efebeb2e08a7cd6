/* The other extension's `module_status` is correct for its table. */
#include <Python.h>

PyObject *
module_status(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyMethodDef b_methods[] = {
    {"status", (PyCFunction)module_status, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef b_module = {
    PyModuleDef_HEAD_INIT, "b", NULL, -1, b_methods,
};

PyMODINIT_FUNC
PyInit_b(void)
{
    return PyModule_Create(&b_module);
}

/* A numpy-style module: its own macro marks unused parameters. */
#include <Python.h>

#define NPY_UNUSED(x) __NPY_UNUSED_TAGGED ## x __attribute__((unused))

static PyObject *
array_version(PyObject *NPY_UNUSED(self), PyObject *NPY_UNUSED(ignored))
{
    return PyLong_FromLong(2);
}

static PyMethodDef array_methods[] = {
    {"version", (PyCFunction)array_version, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef array_module = {
    PyModuleDef_HEAD_INIT, "npy", NULL, -1, array_methods,
};

PyMODINIT_FUNC
PyInit_npy(void)
{
    return PyModule_Create(&array_module);
}

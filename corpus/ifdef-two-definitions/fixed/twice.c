/* The same function defined twice under #ifdef/#else: each definition is
 * judged and fixed. */
#include <Python.h>

#ifdef USE_FAST_PATH
static PyObject *
twice_status(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(1);
}
#else
static PyObject *
twice_status(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}
#endif

static PyMethodDef twice_methods[] = {
    {"status", (PyCFunction)twice_status, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef twice_module = {
    PyModuleDef_HEAD_INIT, "twice", NULL, -1, twice_methods,
};

PyMODINIT_FUNC
PyInit_twice(void)
{
    return PyModule_Create(&twice_module);
}

/* The table names functions defined in another file; their prototype lives
 * in a header. Fixing them would change three files, so fpcast refuses. */
#include <Python.h>
#include "impl.h"

static PyMethodDef multi_methods[] = {
    {"reset", (PyCFunction)multi_reset, METH_NOARGS, NULL},
    {"status", (PyCFunction)multi_status, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef multi_module = {
    PyModuleDef_HEAD_INIT, "multi", NULL, -1, multi_methods,
};

PyMODINIT_FUNC
PyInit_multi(void)
{
    PyObject *m = PyModule_Create(&multi_module);
    Py_XDECREF(multi_reset(m));
    return m;
}

/* Two extensions in one repository both define a non-static
 * `module_status`; each table means its own. */
#include <Python.h>

PyObject *
module_status(PyObject *self)
{
    return PyLong_FromLong(1);
}

static PyMethodDef a_methods[] = {
    {"status", (PyCFunction)module_status, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef a_module = {
    PyModuleDef_HEAD_INIT, "a", NULL, -1, a_methods,
};

PyMODINIT_FUNC
PyInit_a(void)
{
    return PyModule_Create(&a_module);
}

#include <Python.h>

static PyObject *mod_x(PyObject *self
#ifdef X
, int x
#endif
);

static PyObject *
mod_x(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"x", (PyCFunction)mod_x, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef proto_module = {
    PyModuleDef_HEAD_INIT, "proto", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_proto(void)
{
    return PyModule_Create(&proto_module);
}

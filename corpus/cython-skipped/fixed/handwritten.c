/* A hand-written file next to the generated one is still checked. */
#include <Python.h>

static PyObject *hand_status(PyObject *self, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }

static PyMethodDef hand_methods[] = {
    {"status", (PyCFunction)hand_status, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef hand_module = {
    PyModuleDef_HEAD_INIT, "handwritten", NULL, -1, hand_methods,
};

PyMODINIT_FUNC
PyInit_handwritten(void)
{
    return PyModule_Create(&hand_module);
}

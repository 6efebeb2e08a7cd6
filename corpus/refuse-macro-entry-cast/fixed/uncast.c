/* The helper macro names the function without a cast. Adding kwargs makes
 * it incompatible with PyCFunction, so the entry would need a cast inside the
 * macro body: fpcast refuses rather than edit a macro. */
#include <Python.h>

#define PLAIN_METHOD(name, flags) {#name, plain_##name, flags, NULL}

static PyObject *
plain_open(PyObject *self, PyObject *args)
{
    Py_RETURN_NONE;
}

static PyObject *
plain_close(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyMethodDef plain_methods[] = {
    PLAIN_METHOD(open, METH_VARARGS | METH_KEYWORDS),
    PLAIN_METHOD(close, METH_NOARGS),
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef plain_module = {
    PyModuleDef_HEAD_INIT, "uncast", NULL, -1, plain_methods,
};

PyMODINIT_FUNC
PyInit_uncast(void)
{
    return PyModule_Create(&plain_module);
}

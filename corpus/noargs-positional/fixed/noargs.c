/* The famous case: METH_NOARGS and METH_O functions written with one parameter. */
#include <Python.h>

static PyObject *
noargs_hello(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("hello");
}

static PyObject *
noargs_ignore(PyObject *self, PyObject *Py_UNUSED(arg))
{
    Py_RETURN_NONE;
}

static PyObject *
noargs_fine(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyMethodDef noargs_methods[] = {
    {"hello", (PyCFunction)noargs_hello, METH_NOARGS, "Say hello."},
    {"ignore", (PyCFunction)noargs_ignore, METH_O, "Ignore the argument."},
    {"fine", noargs_fine, METH_NOARGS, "Correct already."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef noargs_module = {
    PyModuleDef_HEAD_INIT, "noargs", NULL, -1, noargs_methods,
};

PyMODINIT_FUNC
PyInit_noargs(void)
{
    return PyModule_Create(&noargs_module);
}

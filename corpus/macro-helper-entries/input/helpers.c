/* Entries built with the project's own helper macros (stringizing, token
 * pasting, flags through a macro) are judged like plain entries. */
#include <Python.h>

#define SPAM_METHOD(name, flags) {#name, (PyCFunction)(void(*)(void))spam_##name, flags, NULL}
#define SPAM_NOARGS(name) SPAM_METHOD(name, METH_NOARGS)
#define SPAM_KW_FLAGS (METH_VARARGS | METH_KEYWORDS)

static PyObject *
spam_reset(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyObject *
spam_load(PyObject *self, PyObject *args)
{
    Py_RETURN_NONE;
}

static PyObject *
spam_ok(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyMethodDef spam_methods[] = {
    SPAM_NOARGS(reset),
    SPAM_METHOD(load, SPAM_KW_FLAGS),
    SPAM_METHOD(ok, METH_O),
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "helpers", NULL, -1, spam_methods,
};

PyMODINIT_FUNC
PyInit_helpers(void)
{
    return PyModule_Create(&spam_module);
}

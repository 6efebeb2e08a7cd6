/* Argument-Clinic style: the table entries are FOO_METHODDEF macros from a
 * generated header the module #includes. The entries are judged through the
 * macros; the definitions are plain C in this file, so they can be fixed. */
#include <Python.h>

static PyObject *spam_clear(PyObject *self);
static PyObject *spam_size(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *spam_find(PyObject *self, PyObject *args);

#include "clinic/spam.c.h"

static PyObject *
spam_clear(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyObject *
spam_size(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}

static PyObject *
spam_find(PyObject *self, PyObject *args)
{
    Py_RETURN_NONE;
}

static PyMethodDef spam_methods[] = {
    SPAM_CLEAR_METHODDEF
    SPAM_SIZE_METHODDEF
    SPAM_FIND_METHODDEF
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, spam_methods,
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    return PyModule_Create(&spam_module);
}

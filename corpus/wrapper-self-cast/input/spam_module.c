/* The methods live in spam_impl.c behind spam.h; the table is here. */
#include "spam.h"

static PyMethodDef Spam_methods[] = {
    {"count", (PyCFunction)Spam_count, METH_NOARGS, NULL},
    {"add", (PyCFunction)(void(*)(void))Spam_add, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject SpamType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "spam.Spam",
    .tp_basicsize = sizeof(SpamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_methods = Spam_methods,
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, NULL,
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    if (PyType_Ready(&SpamType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&spam_module);
    if (m != NULL && PyModule_AddObjectRef(m, "Spam", (PyObject *)&SpamType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

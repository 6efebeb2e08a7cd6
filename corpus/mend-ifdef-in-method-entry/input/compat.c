/* Entries whose fields are split by a preprocessor conditional. tree-sitter
 * sees both branches at once, so which text fills which field cannot be
 * told: fpcast must warn and leave the functions alone, not read the
 * directive's name as the flags and "fix" a correct function. */
#include <Python.h>

/* OK for METH_VARARGS, which both branches select. */
static PyObject *
compat_parse(PyObject *self, PyObject *args)
{
    return Py_NewRef(args);
}

/* OK: the full getter signature. */
static PyObject *
compat_get_size(PyObject *self, void *closure)
{
    return PyLong_FromLong(0);
}

/* OK: the full setter signature. */
static int
compat_set_size(PyObject *self, PyObject *value, void *closure)
{
    return 0;
}

static PyMethodDef compat_methods[] = {
    {"parse", (PyCFunction)compat_parse,
#ifdef METH_FASTCALL
     METH_VARARGS,
#else
     METH_VARARGS,
#endif
     "parse(args)"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef compat_getset[] = {
    {"size", (getter)compat_get_size,
#ifdef Py_LIMITED_API
     NULL,
#else
     (setter)compat_set_size,
#endif
     "the size", NULL},
    {NULL}
};

static PyTypeObject Compat_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "compat.Compat",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_getset = compat_getset,
};

static struct PyModuleDef compat_module = {
    PyModuleDef_HEAD_INIT, "compat", NULL, -1, compat_methods,
};

PyMODINIT_FUNC
PyInit_compat(void)
{
    if (PyType_Ready(&Compat_Type) < 0)
        return NULL;
    return PyModule_Create(&compat_module);
}

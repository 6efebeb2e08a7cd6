/* A flags macro written over two lines with a backslash continuation: the
 * preprocessor joins the lines, and so must fpcast, or the entry it selects
 * goes unchecked behind an "unexpected '\'" warning. */
#include <Python.h>

#define PARSE_FLAGS METH_VARARGS \
                    | METH_KEYWORDS

/* BROKEN: PARSE_FLAGS is METH_VARARGS|METH_KEYWORDS, so CPython passes kwargs too. */
static PyObject *
flags_parse(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    return Py_NewRef(args);
}

static PyMethodDef flags_methods[] = {
    {"parse", (PyCFunction)(void(*)(void))flags_parse, PARSE_FLAGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef flags_module = {
    PyModuleDef_HEAD_INIT, "flags", NULL, -1, flags_methods,
};

PyMODINIT_FUNC
PyInit_flags(void)
{
    return PyModule_Create(&flags_module);
}

/* Flags written through object-like macros are resolved; flags fpcast
 * cannot resolve are a warning, never silence. */
#include <Python.h>

#define KW_FLAGS (METH_VARARGS | METH_KEYWORDS)
#define NOARGS_FLAGS METH_NOARGS
#define CLASS_NOARGS (NOARGS_FLAGS | METH_CLASS)

static PyObject *
flags_parse(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    return Py_NewRef(args);
}

static PyObject *
flags_make(PyObject *cls, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
flags_other(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyMethodDef flags_methods[] = {
    {"parse", (PyCFunction)(void(*)(void))flags_parse, KW_FLAGS, NULL},
    {"make", (PyCFunction)flags_make, CLASS_NOARGS, NULL},
    {"other", (PyCFunction)flags_other, FLAGS_FROM_ELSEWHERE, NULL},
    /* Broken for METH_NOARGS, but also named by the entry above, whose shape
     * fpcast cannot know: fixing it for this entry could break that one. */
    {"other_noargs", (PyCFunction)flags_other, METH_NOARGS, NULL},
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

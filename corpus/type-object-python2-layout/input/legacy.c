/* A type object still laid out for Python 2: PyObject_HEAD_INIT(NULL)
 * followed by ob_size. In Python 3 the macro fills the whole ob_base, so
 * the 0 lands in tp_name and every later field is one slot off: the
 * getattr function sits in tp_setattr, the str function in tp_getattro.
 * Changing those functions would be wrong; the layout is what to fix. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long value;
} LegacyObject;

static void
legacy_dealloc(LegacyObject *self)
{
    PyObject_Free(self);
}

/* OK: getattrfunc takes a char *. */
static PyObject *
legacy_getattr(LegacyObject *self, char *name)
{
    if (strcmp(name, "value") == 0) {
        return PyLong_FromLong(self->value);
    }
    PyErr_SetString(PyExc_AttributeError, name);
    return NULL;
}

/* Would be BROKEN as tp_setattr: written as void. */
static void
legacy_setattr(LegacyObject *self, char *name, PyObject *v)
{
    self->value = v == NULL ? 0 : PyLong_AsLong(v);
}

/* Would be BROKEN as tp_str: a second parameter. */
static PyObject *
legacy_str(LegacyObject *self, PyObject *args)
{
    return PyUnicode_FromFormat("legacy(%ld)", self->value);
}

static PyTypeObject Legacy_Type = {
    PyObject_HEAD_INIT(NULL)
    0,                                  /* ob_size */
    "legacy.Legacy",                    /* tp_name */
    sizeof(LegacyObject),               /* tp_basicsize */
    0,                                  /* tp_itemsize */
    (destructor)legacy_dealloc,         /* tp_dealloc */
    0,                                  /* tp_print */
    (getattrfunc)legacy_getattr,        /* tp_getattr */
    (setattrfunc)legacy_setattr,        /* tp_setattr */
    0,                                  /* tp_compare */
    0,                                  /* tp_repr */
    0,                                  /* tp_as_number */
    0,                                  /* tp_as_sequence */
    0,                                  /* tp_as_mapping */
    0,                                  /* tp_hash */
    0,                                  /* tp_call */
    (reprfunc)legacy_str,               /* tp_str */
    0,                                  /* tp_getattro */
    0,                                  /* tp_setattro */
    0,                                  /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT,                 /* tp_flags */
    "Legacy objects",                   /* tp_doc */
};

static PyMethodDef legacy_methods[] = {
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef legacy_module = {
    PyModuleDef_HEAD_INIT, "legacy", NULL, -1, legacy_methods
};

PyMODINIT_FUNC
PyInit_legacy(void)
{
    PyObject *m;

    Legacy_Type.tp_new = PyType_GenericNew;
    if (PyType_Ready(&Legacy_Type) < 0)
        return NULL;
    m = PyModule_Create(&legacy_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&Legacy_Type);
    PyModule_AddObject(m, "Legacy", (PyObject *)&Legacy_Type);
    return m;
}

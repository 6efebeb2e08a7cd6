/* A type object from the Python 2 era, ported to Python 3 by dropping the
 * ob_size after PyObject_HEAD_INIT(NULL) (which fills the whole ob_base in
 * Python 3) and keeping the old field names in the comments. */
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

/* BROKEN: setattrfunc written as void. */
static int
legacy_setattr(LegacyObject *self, char *name, PyObject *v)
{
    self->value = v == NULL ? 0 : PyLong_AsLong(v);
    return 0;
}

/* BROKEN: reprfunc with a second parameter. */
static PyObject *
legacy_str(LegacyObject *self)
{
    return PyUnicode_FromFormat("legacy(%ld)", self->value);
}

static PyTypeObject Legacy_Type = {
    PyObject_HEAD_INIT(NULL)
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

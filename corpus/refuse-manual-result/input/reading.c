/* Result mismatches fpcast reports but does not change: turning them into
 * the result CPython expects means deciding what to return, which is a
 * human's call. */
#include <Python.h>
#include <stdint.h>

typedef struct {
    PyObject_HEAD
    double value;
    double scale;
} ReadingObject;

/* REFUSED: a destructor returning int where CPython expects void. */
static int
Reading_dealloc(ReadingObject *self)
{
    PyObject_Free(self);
    return 0;
}

/* REFUSED: a 64-bit hash (i64) where CPython expects Py_hash_t (i32). */
static int64_t
Reading_hash(ReadingObject *self)
{
    return (int64_t)(self->value * 1000.0);
}

/* REFUSED: a length computed as double (f64) where CPython expects
 * Py_ssize_t (i32). */
static double
Reading_length(ReadingObject *self)
{
    return self->value / self->scale;
}

static PyObject *
Reading_get_scale(ReadingObject *self, void *closure)
{
    return PyFloat_FromDouble(self->scale);
}

/* REFUSED: a void setter that raises and leaves with a bare return: that
 * return must become -1, the others 0. */
static void
Reading_set_scale(ReadingObject *self, PyObject *value, void *closure)
{
    double scale = value == NULL ? 1.0 : PyFloat_AsDouble(value);
    if (scale == 0.0) {
        PyErr_SetString(PyExc_ValueError, "scale must not be zero");
        return;
    }
    self->scale = scale;
}

static PyGetSetDef Reading_getset[] = {
    {"scale", (getter)Reading_get_scale, (setter)Reading_set_scale, "unit scale", NULL},
    {NULL}
};

static PySequenceMethods Reading_as_sequence = {
    .sq_length = (lenfunc)Reading_length,
};

static PyTypeObject ReadingType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "reading.Reading",
    .tp_basicsize = sizeof(ReadingObject),
    .tp_dealloc = (destructor)Reading_dealloc,
    .tp_as_sequence = &Reading_as_sequence,
    .tp_hash = (hashfunc)Reading_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = Reading_getset,
    .tp_new = PyType_GenericNew,
};

/* REFUSED: Py_mod_exec written as void whose early return follows a
 * failure test: there it must return -1, not 0. */
static void
reading_exec(PyObject *module)
{
    if (PyModule_AddIntConstant(module, "PRECISION", 3) < 0)
        return;
    PyModule_AddObjectRef(module, "Reading", (PyObject *)&ReadingType);
}

static PyModuleDef_Slot reading_slots[] = {
    {Py_mod_exec, reading_exec},
    {0, NULL}
};

static struct PyModuleDef reading_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "reading",
    .m_slots = reading_slots,
};

PyMODINIT_FUNC
PyInit_reading(void)
{
    if (PyType_Ready(&ReadingType) < 0) {
        return NULL;
    }
    return PyModuleDef_Init(&reading_module);
}

/* A fixed-size ring buffer with designated sequence and mapping methods. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define RING_SIZE 8

typedef struct {
    PyObject_HEAD
    PyObject *items[RING_SIZE];
    Py_ssize_t start;
} RingObject;

/* OK: lenfunc. */
static Py_ssize_t
Ring_length(RingObject *self)
{
    return RING_SIZE;
}

/* OK: ssizeargfunc. */
static PyObject *
Ring_item(RingObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= RING_SIZE) {
        PyErr_SetString(PyExc_IndexError, "ring index out of range");
        return NULL;
    }
    PyObject *item = self->items[(self->start + i) % RING_SIZE];
    return Py_NewRef(item ? item : Py_None);
}

/* BROKEN: sq_ass_item written as void (CPython has made i non-negative). */
static int
Ring_ass_item(RingObject *self, Py_ssize_t i, PyObject *value)
{
    Py_XSETREF(self->items[(self->start + i) % RING_SIZE], Py_XNewRef(value));
    return 0;
}

/* BROKEN: sq_contains with a third parameter nobody passes. */
static int
Ring_contains(RingObject *self, PyObject *value)
{
    for (Py_ssize_t i = 0; i < RING_SIZE; i++) {
        if (self->items[i] == value) {
            return 1;
        }
    }
    return 0;
}

/* BROKEN, not mechanically: sq_repeat's count is a Py_ssize_t (i32), not
 * a long long (i64); the body must be checked by hand. */
static PyObject *
Ring_repeat(RingObject *self, long long count)
{
    return PyLong_FromLongLong(count * RING_SIZE);
}

/* OK: binaryfunc. */
static PyObject *
Ring_subscript(RingObject *self, PyObject *key)
{
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return Ring_item(self, i);
}

/* BROKEN, not mechanically: mp_ass_subscript written as void, and its
 * early return follows an error, where it must return -1, not 0. */
static void
Ring_ass_subscript(RingObject *self, PyObject *key, PyObject *value)
{
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred())
        return;
    Ring_ass_item(self, i, value);
}

static PySequenceMethods Ring_as_sequence = {
    .sq_length = (lenfunc)Ring_length,
    .sq_item = (ssizeargfunc)Ring_item,
    .sq_ass_item = (ssizeobjargproc)Ring_ass_item,
    .sq_contains = (objobjproc)Ring_contains,
    .sq_repeat = (ssizeargfunc)Ring_repeat,
};

static PyMappingMethods Ring_as_mapping = {
    .mp_length = (lenfunc)Ring_length,
    .mp_subscript = (binaryfunc)Ring_subscript,
    .mp_ass_subscript = (objobjargproc)Ring_ass_subscript,
};

static PyTypeObject RingType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ring.Ring",
    .tp_basicsize = sizeof(RingObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_sequence = &Ring_as_sequence,
    .tp_as_mapping = &Ring_as_mapping,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef ring_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ring",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_ring(void)
{
    if (PyType_Ready(&RingType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&ring_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Ring", (PyObject *)&RingType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

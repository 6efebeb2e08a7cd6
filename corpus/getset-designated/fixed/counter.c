/* A heap type whose PyGetSetDef entries use designated initializers, some
 * cast and some not. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long value;
    long limit;
} CounterObject;

/* BROKEN: cast getter without closure. */
static PyObject *
Counter_get_value(CounterObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(self->value);
}

/* BROKEN: cast setter without closure. */
static int
Counter_set_value(CounterObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    long v = PyLong_AsLong(value);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    self->value = v;
    return 0;
}

/* BROKEN: uncast getter taking PyObject *; after the fix it matches
 * getter exactly and needs no cast. */
static PyObject *
Counter_get_doubled(PyObject *op, void *Py_UNUSED(closure))
{
    CounterObject *self = (CounterObject *)op;
    return PyLong_FromLong(2 * self->value);
}

/* BROKEN: uncast getter taking CounterObject *; after the fix it needs
 * the (getter) cast. */
static PyObject *
Counter_get_limit(CounterObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(self->limit);
}

/* OK. */
static int
Counter_set_limit(CounterObject *self, PyObject *value, void *closure)
{
    self->limit = PyLong_AsLong(value);
    return PyErr_Occurred() ? -1 : 0;
}

static PyGetSetDef Counter_getset[] = {
    {.name = "value", .get = (getter)Counter_get_value, .set = (setter)Counter_set_value, .doc = "current value"},
    {.name = "doubled", .get = Counter_get_doubled, .doc = "twice the value"},
    {
        .name = "limit",
        .get = (getter)Counter_get_limit,
        .set = (setter)Counter_set_limit,
    },
    {NULL}
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_getset, Counter_getset},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL},
};

static PyType_Spec Counter_spec = {
    .name = "counter.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Counter_slots,
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "counter",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_counter(void)
{
    PyObject *module = PyModule_Create(&counter_module);
    if (module == NULL) {
        return NULL;
    }
    PyObject *type = PyType_FromSpec(&Counter_spec);
    if (type == NULL || PyModule_AddObjectRef(module, "Counter", type) < 0) {
        Py_XDECREF(type);
        Py_DECREF(module);
        return NULL;
    }
    Py_DECREF(type);
    return module;
}

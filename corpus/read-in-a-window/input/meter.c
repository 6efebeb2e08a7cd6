/* Functions that tree-sitter cannot read on their own, in a file long
 * enough that fpcast reads them with their neighbours rather than parse the
 * whole file: a getter right after a macro call written without a ';'
 * (CPython's _decimal.c writes its getters so), and a method whose
 * conditional closes a brace in each branch. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long level;
    long count;
} MeterObject;

#define METER_GETTER(field)                                   \
    static PyObject *                                         \
    Meter_get_##field(MeterObject *self, void *closure)       \
    {                                                         \
        return PyLong_FromLong(self->field);                  \
    }

/* OK: the full getter signature. */
static PyObject *
Meter_get_half(MeterObject *self, void *closure)
{
    return PyLong_FromLong(self->level / 2);
}

METER_GETTER(level)
/* BROKEN: a getter without its closure, right after a macro call. */
static PyObject *
Meter_get_count(MeterObject *self)
{
    return PyLong_FromLong(self->count);
}

/* OK: the full setter signature. */
static int
Meter_set_level(MeterObject *self, PyObject *value, void *closure)
{
    self->level = value ? PyLong_AsLong(value) : 0;
    return 0;
}

/* OK: helpers the methods use. */
static long
meter_clamp(long value)
{
    return value < 0 ? 0 : value;
}

static long
meter_double(long value)
{
    return value * 2;
}

static long
meter_square(long value)
{
    return value * value;
}

/* BROKEN: METH_NOARGS without its second parameter; each branch of the
 * conditional closes the brace the if opened. */
static PyObject *
meter_reading(PyObject *self)
{
    if (self != NULL) {
#ifdef METER_FAST
        return PyLong_FromLong(meter_double(1));
    }
#else
        return PyLong_FromLong(meter_square(2));
    }
#endif
    return PyLong_FromLong(0);
}

/* OK: the full METH_O signature. */
static PyObject *
meter_clamped(PyObject *self, PyObject *arg)
{
    return PyLong_FromLong(meter_clamp(PyLong_AsLong(arg)));
}

/* OK: the full METH_NOARGS signature. */
static PyObject *
meter_zero(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}

/* OK: the full METH_VARARGS signature. */
static PyObject *
meter_sum(PyObject *self, PyObject *args)
{
    long a = 0, b = 0;
    if (!PyArg_ParseTuple(args, "|ll", &a, &b))
        return NULL;
    return PyLong_FromLong(a + b);
}

static PyGetSetDef Meter_getset[] = {
    {"half", (getter)Meter_get_half, NULL, NULL, NULL},
    {"level", (getter)Meter_get_level, (setter)Meter_set_level, NULL, NULL},
    {"count", (getter)Meter_get_count, NULL, NULL, NULL},
    {NULL}
};

static PyTypeObject MeterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "meter.Meter",
    .tp_basicsize = sizeof(MeterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = Meter_getset,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef meter_methods[] = {
    {"reading", (PyCFunction)meter_reading, METH_NOARGS, NULL},
    {"clamped", meter_clamped, METH_O, NULL},
    {"zero", meter_zero, METH_NOARGS, NULL},
    {"sum", meter_sum, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef meter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "meter",
    .m_size = -1,
    .m_methods = meter_methods,
};

PyMODINIT_FUNC
PyInit_meter(void)
{
    if (PyType_Ready(&MeterType) < 0)
        return NULL;
    return PyModule_Create(&meter_module);
}

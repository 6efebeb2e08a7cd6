/* Attribute macros between a function's result type and its name, as
 * CPython (_Py_HOT_FUNCTION, _Py_NO_SANITIZE_UNDEFINED) and expat (PTRCALL)
 * write them, after a parameter's name, as libmpdec does (UNUSED), and
 * before the type, as numpy does (NPY_NO_EXPORT). C has no declaration
 * with two names in a row there, so tree-sitter cannot read these heads as
 * written; fpcast must still judge and fix every function, and report no
 * unparsable line. */
#include <Python.h>

#if defined(__GNUC__) || defined(__clang__)
#  define CLOCK_HOT __attribute__((hot))
#else
#  define CLOCK_HOT
#endif
#define CLOCK_CALL
#define CLOCK_UNUSED __attribute__((unused))
#define CLOCK_LOCAL static

typedef struct {
    PyObject_HEAD
    long ticks;
} ClockObject;

/* BROKEN: METH_NOARGS without its second parameter. */
static PyObject * CLOCK_HOT
clock_now(PyObject *self)
{
    return PyLong_FromLong(0);
}

/* BROKEN: a getter without its closure; not static, as CPython writes
 * PyObject* _Py_HOT_FUNCTION PyErr_Occurred(void). */
PyObject* CLOCK_HOT
Clock_get_ticks(ClockObject *self)
{
    return PyLong_FromLong(self->ticks);
}

/* BROKEN: a setter without its closure. */
static int CLOCK_CALL
Clock_set_ticks(ClockObject *self, PyObject *value)
{
    self->ticks = value ? PyLong_AsLong(value) : 0;
    return 0;
}

/* BROKEN: tp_clear written as void, behind a macro that starts the head. */
CLOCK_LOCAL void
Clock_clear(ClockObject *self)
{
    self->ticks = 0;
}

/* BROKEN: m_clear written as void. */
static void CLOCK_CALL
clock_clear(PyObject *module)
{
}

/* BROKEN: METH_NOARGS without its second parameter; the attribute after
 * the parameter's name, as libmpdec writes it. */
static PyObject *
clock_zero(PyObject *self CLOCK_UNUSED)
{
    return PyLong_FromLong(0);
}

/* OK: the full METH_O signature. */
static PyObject * CLOCK_HOT CLOCK_CALL
clock_echo(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyGetSetDef Clock_getset[] = {
    {"ticks", (getter)Clock_get_ticks, (setter)Clock_set_ticks, NULL, NULL},
    {NULL}
};

static PyTypeObject ClockType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "clock.Clock",
    .tp_basicsize = sizeof(ClockObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = Clock_getset,
    .tp_clear = (inquiry)Clock_clear,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef clock_methods[] = {
    {"now", (PyCFunction)clock_now, METH_NOARGS, NULL},
    {"echo", clock_echo, METH_O, NULL},
    {"zero", (PyCFunction)clock_zero, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef clock_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "clock",
    .m_size = -1,
    .m_methods = clock_methods,
    .m_clear = (inquiry)clock_clear,
};

PyMODINIT_FUNC
PyInit_clock(void)
{
    if (PyType_Ready(&ClockType) < 0)
        return NULL;
    return PyModule_Create(&clock_module);
}

/* Preprocessor conditionals between the entries of a method table and
 * between the designated fields of a module definition, as CPython's own
 * modules write them (signalmodule.c, _cursesmodule.c). tree-sitter reads
 * every branch; fpcast must judge every function they register and report
 * no unparsable line. A conditional before a positional field is another
 * matter (the field's place would be unknown): mend-ifdef-in-method-entry. */
#include <Python.h>

typedef struct {
    long peak;
} gauge_state;

/* BROKEN: METH_NOARGS without its second parameter. */
static PyObject *
gauge_reset(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

/* BROKEN: METH_NOARGS without its second parameter, in an optional entry. */
static PyObject *
gauge_peak(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    gauge_state *state = PyModule_GetState(self);
    return PyLong_FromLong(state->peak);
}

/* OK: METH_O, in the other branch. */
static PyObject *
gauge_read(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

/* OK. */
static int
gauge_traverse(PyObject *module, visitproc visit, void *arg)
{
    return 0;
}

/* BROKEN: m_clear written as void, in an optional field. */
static int
gauge_clear(PyObject *module)
{
    gauge_state *state = PyModule_GetState(module);
    state->peak = 0;
    return 0;
}

static PyMethodDef gauge_methods[] = {
    {"reset", (PyCFunction)gauge_reset, METH_NOARGS, NULL},
#ifdef GAUGE_PEAK
    {"peak", (PyCFunction)gauge_peak, METH_NOARGS, NULL},
#else
    {"read", gauge_read, METH_O, NULL},
#endif
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef gauge_module = {
    PyModuleDef_HEAD_INIT,
    "gauge",
    .m_size = sizeof(gauge_state),
    .m_methods = gauge_methods,
#ifdef GAUGE_GC
    .m_traverse = gauge_traverse,
    .m_clear = (inquiry)gauge_clear,
#endif
};

PyMODINIT_FUNC
PyInit_gauge(void)
{
    return PyModule_Create(&gauge_module);
}

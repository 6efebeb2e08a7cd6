/* Mismatches no mechanical edit can fix: fpcast refuses and says why. */
#include <Python.h>

/* Uses kwds, which METH_VARARGS never passes. */
static PyObject *
manual_kwds(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL) {
        return Py_NewRef(kwds);
    }
    return Py_NewRef(args);
}

/* METH_O passes a PyObject *, not a double. */
static PyObject *
manual_double(PyObject *self, double value)
{
    return PyFloat_FromDouble(value);
}

/* METH_NOARGS must return a PyObject *. */
static void
manual_void(PyObject *self, PyObject *Py_UNUSED(ignored))
{
}

static PyMethodDef manual_methods[] = {
    {"kwds", (PyCFunction)manual_kwds, METH_VARARGS, NULL},
    {"double", (PyCFunction)manual_double, METH_O, NULL},
    {"void", (PyCFunction)manual_void, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef manual_module = {
    PyModuleDef_HEAD_INIT, "manual", NULL, -1, manual_methods,
};

PyMODINIT_FUNC
PyInit_manual(void)
{
    return PyModule_Create(&manual_module);
}

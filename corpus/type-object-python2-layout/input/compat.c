/* Python 2 and 3 from one source: preprocessor conditionals inside the
 * initializers. fpcast reads one text, not one configuration, so it cannot
 * tell which positional element fills which slot and says so. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double value;
} NumObject;

static PyObject *
num_add(PyObject *a, PyObject *b)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
num_remainder(PyObject *a, PyObject *b)
{
    Py_RETURN_NOTIMPLEMENTED;
}

#if PY_MAJOR_VERSION < 3
static PyObject *
num_divide(PyObject *a, PyObject *b)
{
    Py_RETURN_NOTIMPLEMENTED;
}
#endif

static void
num_dealloc(NumObject *self)
{
    PyObject_Free(self);
}

static PyNumberMethods num_as_number = {
    num_add,                    /* nb_add */
    0,                          /* nb_subtract */
    0,                          /* nb_multiply */
#if PY_MAJOR_VERSION < 3
    num_divide,                 /* nb_divide */
#endif
    num_remainder,              /* nb_remainder */
};

static PyTypeObject NumType = {
#if PY_MAJOR_VERSION >= 3
    PyVarObject_HEAD_INIT(NULL, 0)
#else
    PyObject_HEAD_INIT(NULL)
    0,                          /* ob_size */
#endif
    "compat.Num",               /* tp_name */
    sizeof(NumObject),          /* tp_basicsize */
    0,                          /* tp_itemsize */
    (destructor)num_dealloc,    /* tp_dealloc */
    0,                          /* tp_print */
    0,                          /* tp_getattr */
    0,                          /* tp_setattr */
    0,                          /* tp_compare */
    0,                          /* tp_repr */
    &num_as_number,             /* tp_as_number */
};

#if PY_MAJOR_VERSION >= 3
static struct PyModuleDef compat_module = {
    PyModuleDef_HEAD_INIT, "compat", NULL, -1, NULL
};

PyMODINIT_FUNC
PyInit_compat(void)
{
    PyObject *m;

    NumType.tp_new = PyType_GenericNew;
    if (PyType_Ready(&NumType) < 0)
        return NULL;
    m = PyModule_Create(&compat_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&NumType);
    PyModule_AddObject(m, "Num", (PyObject *)&NumType);
    return m;
}
#endif

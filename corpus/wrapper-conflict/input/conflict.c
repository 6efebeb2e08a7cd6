/* Functions with other uses that expect another shape: fixing them for the
 * method table would break those uses. */
#include <Python.h>

typedef PyObject *(*callback_t)(PyObject *);

static callback_t saved_callback;

static void
register_callback(callback_t callback)
{
    saved_callback = callback;
}

/* Also stored in a function pointer of type callback_t. */
static PyObject *
conflict_stored(PyObject *self)
{
    Py_RETURN_NONE;
}

/* Also passed as an argument. */
static PyObject *
conflict_passed(PyObject *self)
{
    Py_RETURN_NONE;
}

/* Listed twice with different flags. */
static PyObject *
conflict_twice(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyMethodDef conflict_methods[] = {
    {"stored", (PyCFunction)conflict_stored, METH_NOARGS, NULL},
    {"passed", (PyCFunction)conflict_passed, METH_NOARGS, NULL},
    {"twice_o", (PyCFunction)conflict_twice, METH_O, NULL},
    {"twice_kw", (PyCFunction)(void(*)(void))conflict_twice, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef conflict_module = {
    PyModuleDef_HEAD_INIT, "conflict", NULL, -1, conflict_methods,
};

PyMODINIT_FUNC
PyInit_conflict(void)
{
    callback_t direct = conflict_stored;
    saved_callback = direct;
    register_callback(conflict_passed);
    return PyModule_Create(&conflict_module);
}

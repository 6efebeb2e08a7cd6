/* helpers.c never includes helpers.h, so no compiler sees the disagreement. */
#include <Python.h>

int
helper_reset(PyObject *module)
{
    return 0;
}

PyObject *
helper_lookup(PyObject *module, PyObject *key)
{
    return Py_NewRef(key);
}

PyObject *
helper_count(PyObject *module)
{
    return PyLong_FromLong(3);
}

#include "impl.h"

PyObject *
multi_reset(PyObject *module)
{
    Py_RETURN_NONE;
}

PyObject *
multi_status(PyObject *module)
{
    return PyLong_FromLong(1);
}

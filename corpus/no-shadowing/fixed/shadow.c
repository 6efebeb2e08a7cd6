/* The role name of the new parameter is already taken in the function, so
 * the new parameter gets another one. */
#include <Python.h>

static int ignored = 0;

static PyObject *
shadow_count(PyObject *self, PyObject *Py_UNUSED(ignored2))
{
    ignored++;
    return PyLong_FromLong(ignored);
}

static PyObject *
shadow_kw(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs3))
{
    PyObject *kwargs = NULL;
    PyObject *kwargs2 = args;
    return Py_NewRef(kwargs ? kwargs : kwargs2);
}

static PyMethodDef shadow_methods[] = {
    {"count", (PyCFunction)shadow_count, METH_NOARGS, NULL},
    {"kw", (PyCFunction)(void(*)(void))shadow_kw, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef shadow_module = {
    PyModuleDef_HEAD_INIT, "shadow", NULL, -1, shadow_methods,
};

PyMODINIT_FUNC
PyInit_shadow(void)
{
    return PyModule_Create(&shadow_module);
}

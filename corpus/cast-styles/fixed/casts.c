/* Every way a table names its function, each one broken. */
#include <Python.h>

static PyObject *by_name(PyObject *self, PyObject *Py_UNUSED(arg)) { Py_RETURN_NONE; }
static PyObject *by_address(PyObject *self, PyObject *Py_UNUSED(arg)) { Py_RETURN_NONE; }
static PyObject *by_cast(PyObject *self, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }
static PyObject *by_keywords_cast(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs)) { Py_RETURN_NONE; }
static PyObject *by_laundering(PyObject *self, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }
static PyObject *by_macro(PyObject *self, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }
/* Uncast and correct for PyCFunction today; with kwargs added it no longer
 * is, so the fix must add a cast to keep the file compiling cleanly. */
static PyObject *by_name_keywords(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs)) { Py_RETURN_NONE; }

static PyMethodDef cast_methods[] = {
    {"name", by_name, METH_O, NULL},
    {"address", &by_address, METH_O, NULL},
    {"cast", (PyCFunction)by_cast, METH_NOARGS, NULL},
    {"keywords_cast", (PyCFunction)(PyCFunctionWithKeywords)by_keywords_cast, METH_VARARGS | METH_KEYWORDS, NULL},
    {"laundering", (PyCFunction)(void(*)(void))by_laundering, METH_NOARGS, NULL},
    {"macro", _PyCFunction_CAST(by_macro), METH_NOARGS, NULL},
    {"name_keywords", (PyCFunction)(PyCFunctionWithKeywords)by_name_keywords, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef cast_module = {
    PyModuleDef_HEAD_INIT, "casts", NULL, -1, cast_methods,
};

PyMODINIT_FUNC
PyInit_casts(void)
{
    return PyModule_Create(&cast_module);
}

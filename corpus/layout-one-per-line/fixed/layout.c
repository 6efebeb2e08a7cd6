/* Parameter lists laid out one per line keep that layout; comments inside
 * the list stay where they are. */
#include <Python.h>

static PyObject *
layout_get(PyObject *self,          /* the module */
           PyObject *args,
           PyObject *Py_UNUSED(kwargs))          /* a tuple */
{
    Py_RETURN_NONE;
}

static PyObject *
layout_put(
    PyObject *self,
    PyObject *const *args,
    Py_ssize_t Py_UNUSED(nargs)
)
{
    Py_RETURN_NONE;
}

static PyObject *
layout_tabs(
	PyObject *self,
	PyObject *Py_UNUSED(ignored)
)
{
	Py_RETURN_NONE;
}

static PyObject *
layout_inline(PyObject *self /* unused */, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyMethodDef layout_methods[] = {
    {"get", (PyCFunction)(void(*)(void))layout_get, METH_VARARGS | METH_KEYWORDS, NULL},
    {"put", (PyCFunction)(void(*)(void))layout_put, METH_FASTCALL, NULL},
    {"tabs", (PyCFunction)layout_tabs, METH_NOARGS, NULL},
    {"inline", (PyCFunction)layout_inline, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef layout_module = {
    PyModuleDef_HEAD_INIT, "layout", NULL, -1, layout_methods,
};

PyMODINIT_FUNC
PyInit_layout(void)
{
    return PyModule_Create(&layout_module);
}

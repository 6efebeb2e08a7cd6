/* Designated entries, a `static struct PyMethodDef` table and a table local
 * to the init function. */
#include <Python.h>

static PyObject *
des_keys(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs))
{
    return PyList_New(0);
}

static PyObject *
des_size(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}

static PyObject *
des_late(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static struct PyMethodDef des_methods[] = {
    {
        .ml_name = "keys",
        .ml_meth = (PyCFunction)(void(*)(void))des_keys,
        .ml_flags = METH_VARARGS | METH_KEYWORDS,
        .ml_doc = "Return the keys.",
    },
    {.ml_flags = METH_NOARGS, .ml_name = "size", .ml_meth = (PyCFunction)des_size},
    {NULL}
};

static struct PyModuleDef des_module = {
    .m_base = PyModuleDef_HEAD_INIT,
    .m_name = "designated",
    .m_size = -1,
    .m_methods = des_methods,
};

PyMODINIT_FUNC
PyInit_designated(void)
{
    static PyMethodDef late_methods[] = {
        {"late", (PyCFunction)des_late, METH_NOARGS, NULL},
        {NULL, NULL, 0, NULL},
    };
    PyObject *m = PyModule_Create(&des_module);
    if (m != NULL && PyModule_AddFunctions(m, late_methods) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

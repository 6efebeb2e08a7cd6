/* One broken function for each call shape CPython has. */
#include <Python.h>

/* METH_VARARGS, written with no args parameter. */
static PyObject *shape_varargs(PyObject *self, PyObject *Py_UNUSED(args)) { Py_RETURN_NONE; }

/* METH_VARARGS | METH_KEYWORDS, written without kwargs. */
static PyObject *shape_keywords(PyObject *self, PyObject *args, PyObject *Py_UNUSED(kwargs)) { Py_RETURN_NONE; }

/* METH_FASTCALL, written without nargs. */
static PyObject *shape_fast(PyObject *self, PyObject *const *args, Py_ssize_t Py_UNUSED(nargs)) { Py_RETURN_NONE; }

/* METH_FASTCALL | METH_KEYWORDS, written without kwnames. */
static PyObject *shape_fast_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *Py_UNUSED(kwnames)) { Py_RETURN_NONE; }

/* METH_METHOD | METH_FASTCALL | METH_KEYWORDS, written with only self and cls. */
static PyObject *shape_method(PyObject *self, PyTypeObject *cls, PyObject *const *Py_UNUSED(args), size_t Py_UNUSED(nargs), PyObject *Py_UNUSED(kwnames)) { Py_RETURN_NONE; }

/* METH_O with METH_STATIC: still (self, arg). */
static PyObject *shape_static(PyObject *null, PyObject *Py_UNUSED(arg)) { Py_RETURN_NONE; }

/* METH_NOARGS with METH_CLASS and METH_COEXIST in another order. */
static PyObject *shape_class(PyObject *cls, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }

static PyMethodDef shape_methods[] = {
    {"varargs", (PyCFunction)shape_varargs, METH_VARARGS, NULL},
    {"keywords", (PyCFunction)(void(*)(void))shape_keywords, METH_VARARGS | METH_KEYWORDS, NULL},
    {"fast", (PyCFunction)(void(*)(void))shape_fast, METH_FASTCALL, NULL},
    {"fast_kw", (PyCFunction)(void(*)(void))shape_fast_kw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"method", (PyCFunction)(void(*)(void))shape_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"static_o", (PyCFunction)shape_static, METH_STATIC | METH_O, NULL},
    {"cls", (PyCFunction)shape_class, METH_COEXIST | METH_NOARGS | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef shape_module = {
    PyModuleDef_HEAD_INIT, "shapes", NULL, -1, shape_methods,
};

PyMODINIT_FUNC
PyInit_shapes(void)
{
    return PyModule_Create(&shape_module);
}

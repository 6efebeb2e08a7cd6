/* Correct code: every flag kind and every way of naming the function.
 * fpcast must report nothing here. */
#include <Python.h>

#define CLASS_FLAGS (METH_NOARGS | METH_CLASS)

typedef struct {
    PyObject_HEAD
    int value;
} CleanObject;

static PyObject *c_varargs(PyObject *self, PyObject *args) { Py_RETURN_NONE; }
static PyObject *c_keywords(PyObject *self, PyObject *args, PyObject *kwargs) { Py_RETURN_NONE; }
static PyObject *c_noargs(PyObject *self, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }
static PyObject *c_o(PyObject *self, PyObject *arg) { return Py_NewRef(arg); }
static PyObject *c_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { Py_RETURN_NONE; }
static PyObject *c_fast_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) { Py_RETURN_NONE; }
static PyObject *c_method(PyObject *self, PyTypeObject *cls, PyObject *const *args, size_t nargs, PyObject *kwnames) { Py_RETURN_NONE; }
static PyObject *c_typed_self(CleanObject *self, PyObject *Py_UNUSED(ignored)) { return PyLong_FromLong(self->value); }
static PyObject *c_class(PyObject *cls, PyObject *Py_UNUSED(ignored)) { Py_RETURN_NONE; }
static PyObject *c_static(PyObject *Py_UNUSED(null), PyObject *arg) { return Py_NewRef(arg); }

static PyMethodDef clean_methods[] = {
    {"varargs", c_varargs, METH_VARARGS, NULL},
    {"keywords", (PyCFunction)c_keywords, METH_VARARGS | METH_KEYWORDS, NULL},
    {"keywords2", (PyCFunction)(void(*)(void))c_keywords, METH_KEYWORDS | METH_VARARGS, NULL},
    {"noargs", &c_noargs, METH_NOARGS, NULL},
    {"o", (PyCFunction)c_o, METH_O, NULL},
    {"fast", _PyCFunction_CAST(c_fast), METH_FASTCALL, NULL},
    {"fast_kw", (PyCFunction)(void(*)(void))c_fast_kw, METH_FASTCALL|METH_KEYWORDS, NULL},
    {"method", (PyCFunction)(void(*)(void))c_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"typed", (PyCFunction)c_typed_self, METH_NOARGS, NULL},
    {"cls", (PyCFunction)c_class, CLASS_FLAGS, NULL},
    {"static_o", c_static, METH_O | METH_STATIC, NULL},
    {"coexist", (PyCFunction)c_o, METH_COEXIST | METH_O, NULL},
    {.ml_name = "designated", .ml_meth = (PyCFunction)c_keywords, .ml_flags = METH_VARARGS | METH_KEYWORDS},
    {NULL, NULL, 0, NULL}
};

static struct PyMethodDef struct_methods[] = {
    {"varargs", (PyCFunction)c_varargs, (METH_VARARGS), NULL},
    {NULL}
};

static PyTypeObject CleanType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "clean.Clean",
    .tp_basicsize = sizeof(CleanObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = struct_methods,
};

static struct PyModuleDef clean_module = {
    PyModuleDef_HEAD_INIT, "clean", NULL, -1, clean_methods,
};

PyMODINIT_FUNC
PyInit_clean(void)
{
    PyMethodDef local_methods[] = {
        {"local", (PyCFunction)c_noargs, METH_NOARGS, NULL},
        {NULL}
    };
    PyObject *m = PyModule_Create(&clean_module);
    if (m == NULL || PyType_Ready(&CleanType) < 0) {
        return NULL;
    }
    PyModule_AddFunctions(m, local_methods);
    return m;
}

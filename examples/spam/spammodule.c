/* spam: a small extension module with the mistakes fpcast exists for.
 *
 * Natively every function below works. Built for WebAssembly (Pyodide,
 * CPython's wasm32 targets), each entry marked BROKEN traps with
 * "function signature mismatch" the first time Python calls it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *items;
    Py_ssize_t calls;
} SpamObject;

/* ---- module functions ------------------------------------------------ */

/* BROKEN: METH_NOARGS functions are called as f(module, NULL). */
static PyObject *
spam_version(PyObject *module)
{
    return PyUnicode_FromString("1.0");
}

/* OK: METH_NOARGS with the unused second parameter. */
static PyObject *
spam_ping(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

/* OK: METH_O. */
static PyObject *
spam_echo(PyObject *module, PyObject *arg)
{
    return Py_NewRef(arg);
}

/* BROKEN: METH_VARARGS|METH_KEYWORDS functions also receive kwargs. */
static PyObject *
spam_system(PyObject *module, PyObject *args)
{
    const char *command;
    if (!PyArg_ParseTuple(args, "s", &command)) {
        return NULL;
    }
    return PyLong_FromLong(0);
}

/* OK: METH_FASTCALL. */
static PyObject *
spam_count(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return PyLong_FromSsize_t(nargs);
}

/* BROKEN: written with no parameters at all. */
static PyObject *
spam_reset(void)
{
    Py_RETURN_NONE;
}

static PyMethodDef spam_functions[] = {
    {"version", (PyCFunction)spam_version, METH_NOARGS, "Return the version."},
    {"ping", spam_ping, METH_NOARGS, "Do nothing."},
    {"echo", spam_echo, METH_O, "Return the argument."},
    {"system", (PyCFunction)(void(*)(void))spam_system, METH_VARARGS | METH_KEYWORDS, "Run a command."},
    {"count", _PyCFunction_CAST(spam_count), METH_FASTCALL, "Count the arguments."},
    {"reset", (PyCFunction)spam_reset, METH_NOARGS, "Reset the module."},
    {NULL, NULL, 0, NULL}
};

/* ---- the Spam type ---------------------------------------------------- */

/* BROKEN: METH_NOARGS method without its second parameter; the direct call
 * in spam_clear_twice must change with it. */
static PyObject *
Spam_clear(SpamObject *self)
{
    Py_CLEAR(self->items);
    self->calls++;
    Py_RETURN_NONE;
}

/* OK: METH_O method; SpamObject * instead of PyObject * is fine in wasm. */
static PyObject *
Spam_append(SpamObject *self, PyObject *item)
{
    self->calls++;
    return PyList_Append(self->items, item) < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *
Spam_clear_twice(SpamObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_XDECREF(Spam_clear(self));
    return Spam_clear(self);
}

static PyMethodDef Spam_methods[] = {
    {"clear", (PyCFunction)Spam_clear, METH_NOARGS, "Drop every item."},
    {"append", (PyCFunction)Spam_append, METH_O, "Add an item."},
    {"clear_twice", (PyCFunction)Spam_clear_twice, METH_NOARGS, "Drop every item, twice."},
    {NULL}
};

static PyTypeObject SpamType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "spam.Spam",
    .tp_basicsize = sizeof(SpamObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_methods = Spam_methods,
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "spam",
    .m_doc = "An example of what fpcast finds and fixes.",
    .m_size = -1,
    .m_methods = spam_functions,
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    if (PyType_Ready(&SpamType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&spam_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Spam", (PyObject *)&SpamType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* CPython's own style writes PyVarObject_HEAD_INIT without a comma; when a
 * designated field follows directly, tree-sitter reads the two as one
 * expression. The slot right after the head must still be judged. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *payload;
} HeadlessObject;

/* destructor takes only self. */
static void
headless_dealloc(HeadlessObject *self)
{
    Py_XDECREF(self->payload);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
headless_repr(HeadlessObject *self)
{
    return PyUnicode_FromString("<headless>");
}

static PyTypeObject HeadlessType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_dealloc = (destructor)headless_dealloc,
    .tp_name = "headless.Headless",
    .tp_basicsize = sizeof(HeadlessObject),
    .tp_repr = (reprfunc)headless_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef headless_module = {
    PyModuleDef_HEAD_INIT, "headless", NULL, -1, NULL,
};

PyMODINIT_FUNC
PyInit_headless(void)
{
    if (PyType_Ready(&HeadlessType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&headless_module);
    if (m != NULL && PyModule_AddObjectRef(m, "Headless", (PyObject *)&HeadlessType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* Result types written through the project's own macros. fpcast cannot see
 * what EXPORTAPI(void) or MY_INLINE expand to, so it cannot tell the result
 * from void; it must stay quiet rather than report a correct function. */
#include <Python.h>

#define EXPORTAPI(RTYPE) RTYPE
#define MY_INLINE inline

typedef struct {
    PyObject_HEAD
    PyObject *payload;
} ThingObject;

/* OK: returns void, through EXPORTAPI. */
static EXPORTAPI(void)
Thing_dealloc(PyObject *self)
{
    Py_XDECREF(((ThingObject *)self)->payload);
    Py_TYPE(self)->tp_free(self);
}

/* OK: returns void, after a project macro fpcast reads as the type. */
static MY_INLINE void
Thing_finalize(PyObject *self)
{
    Py_CLEAR(((ThingObject *)self)->payload);
}

static PyTypeObject Thing_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "thing.Thing",
    .tp_basicsize = sizeof(ThingObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = Thing_dealloc,
    .tp_finalize = Thing_finalize,
};

static struct PyModuleDef thing_module = {
    PyModuleDef_HEAD_INIT, "thing", NULL, -1, NULL,
};

PyMODINIT_FUNC
PyInit_thing(void)
{
    PyObject *module;
    if (PyType_Ready(&Thing_Type) < 0)
        return NULL;
    module = PyModule_Create(&thing_module);
    if (module != NULL && PyModule_AddObjectRef(module, "Thing", (PyObject *)&Thing_Type) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* Functions written as void where CPython reads an int result: tp_clear,
 * a setter, m_clear and Py_mod_exec. Every bare return becomes return 0,
 * and a return 0 closes every body that falls off its end. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *entries;
    long limit;
} CacheObject;

typedef struct {
    PyObject *default_cache;
} cache_state;

static void cache_exec(PyObject *module);

/* BROKEN: tp_clear written as void, with an early return. */
static void
Cache_clear(CacheObject *self)
{
    if (self->entries == NULL)
        return;
    Py_CLEAR(self->entries);
}

/* OK: calls Cache_clear for its effect only. */
static void
Cache_dealloc(CacheObject *self)
{
    PyObject_GC_UnTrack(self);
    Cache_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* OK. */
static int
Cache_traverse(CacheObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->entries);
    return 0;
}

/* OK. */
static PyObject *
Cache_get_limit(CacheObject *self, void *closure)
{
    return PyLong_FromLong(self->limit);
}

/* BROKEN: a one-line setter written as void. */
static void Cache_set_limit(CacheObject *self, PyObject *value, void *closure) { self->limit = value ? PyLong_AsLong(value) : 0; }

static PyGetSetDef Cache_getset[] = {
    {"limit", (getter)Cache_get_limit, (setter)Cache_set_limit, "maximum size", NULL},
    {NULL}
};

static PyTypeObject CacheType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cache.Cache",
    .tp_basicsize = sizeof(CacheObject),
    .tp_dealloc = (destructor)Cache_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Cache_traverse,
    .tp_clear = (inquiry)Cache_clear,
    .tp_getset = Cache_getset,
    .tp_new = PyType_GenericNew,
};

/* BROKEN: m_clear written as void, returning from inside a block. */
static void
cache_module_clear(PyObject *module)
{
    cache_state *state = PyModule_GetState(module);
    if (state != NULL) {
        Py_CLEAR(state->default_cache);
        return;
    }
}

static PyModuleDef_Slot cache_slots[] = {
    {Py_mod_exec, cache_exec},
    {0, NULL},
};

static struct PyModuleDef cache_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "cache",
    .m_size = sizeof(cache_state),
    .m_slots = cache_slots,
    .m_clear = (inquiry)cache_module_clear,
};

/* BROKEN: Py_mod_exec written as void (declared above the slots). */
static void
cache_exec(PyObject *module)
{
    cache_state *state = PyModule_GetState(module);
    state->default_cache = NULL;
    PyModule_AddObjectRef(module, "Cache", (PyObject *)&CacheType);
    return;
}

PyMODINIT_FUNC
PyInit_cache(void)
{
    if (PyType_Ready(&CacheType) < 0) {
        return NULL;
    }
    return PyModuleDef_Init(&cache_module);
}

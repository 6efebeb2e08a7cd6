/* A static type with designated slots, as most modern extensions write it. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *items;
    Py_ssize_t next;
} QueueObject;

static PyTypeObject QueueType;

/* BROKEN: tp_new without kwds. */
static PyObject *
Queue_new(PyTypeObject *type, PyObject *args)
{
    QueueObject *self = (QueueObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->items = PyList_New(0);
    self->next = 0;
    return (PyObject *)self;
}

/* OK: destructor. */
static void
Queue_dealloc(QueueObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->items);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* OK: traverseproc. */
static int
Queue_traverse(QueueObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->items);
    return 0;
}

/* BROKEN: iternextfunc with an extra parameter copied from a method. */
static PyObject *
Queue_iternext(QueueObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->items == NULL || self->next >= PyList_GET_SIZE(self->items)) {
        return NULL;
    }
    return Py_NewRef(PyList_GET_ITEM(self->items, self->next++));
}

/* BROKEN: descriptor __get__ without the owner type. */
static PyObject *
Queue_descr_get(PyObject *self, PyObject *obj)
{
    return Py_NewRef(obj == NULL ? self : obj);
}

/* OK: getattrofunc. */
static PyObject *
Queue_getattro(PyObject *self, PyObject *name)
{
    return PyObject_GenericGetAttr(self, name);
}

/* OK: destructor for tp_finalize. */
static void
Queue_finalize(PyObject *self)
{
}

static PyTypeObject QueueType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "queue.Queue",
    .tp_basicsize = sizeof(QueueObject),
    .tp_dealloc = (destructor)Queue_dealloc,
    .tp_getattro = Queue_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = PyDoc_STR("A queue."),
    .tp_traverse = (traverseproc)Queue_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Queue_iternext,
    .tp_descr_get = Queue_descr_get,
    .tp_finalize = Queue_finalize,
    .tp_new = Queue_new,
    .tp_free = PyObject_GC_Del,
};

static struct PyModuleDef queue_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "queue",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_queue(void)
{
    if (PyType_Ready(&QueueType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&queue_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Queue", (PyObject *)&QueueType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

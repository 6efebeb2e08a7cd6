/* An async iterator (positional PyAsyncMethods) and a buffer exporter
 * (designated PyBufferProcs). */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long remaining;
} TickerObject;

typedef struct {
    PyObject_HEAD
    char data[16];
    int exports;
} ChunkObject;

/* OK: unaryfunc. */
static PyObject *
Ticker_await(TickerObject *self)
{
    return Py_NewRef((PyObject *)self);
}

/* BROKEN: am_aiter copied from a METH_NOARGS __aiter__ method. */
static PyObject *
Ticker_aiter(TickerObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef((PyObject *)self);
}

/* OK: unaryfunc. */
static PyObject *
Ticker_anext(TickerObject *self)
{
    if (self->remaining <= 0) {
        PyErr_SetNone(PyExc_StopAsyncIteration);
        return NULL;
    }
    return PyLong_FromLong(self->remaining--);
}

/* OK: sendfunc. */
static PySendResult
Ticker_send(TickerObject *self, PyObject *value, PyObject **result)
{
    *result = PyLong_FromLong(self->remaining);
    return PYGEN_RETURN;
}

static PyAsyncMethods Ticker_as_async = {
    (unaryfunc)Ticker_await,    /* am_await */
    (unaryfunc)Ticker_aiter,    /* am_aiter */
    (unaryfunc)Ticker_anext,    /* am_anext */
    (sendfunc)Ticker_send,      /* am_send */
};

/* BROKEN: bf_getbuffer without the flags argument. */
static int
Chunk_getbuffer(ChunkObject *self, Py_buffer *view)
{
    if (PyBuffer_FillInfo(view, (PyObject *)self, self->data, sizeof(self->data), 1, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    self->exports++;
    return 0;
}

/* BROKEN: bf_releasebuffer without the view. */
static void
Chunk_releasebuffer(ChunkObject *self)
{
    self->exports--;
}

static PyBufferProcs Chunk_as_buffer = {
    .bf_getbuffer = (getbufferproc)Chunk_getbuffer,
    .bf_releasebuffer = (releasebufferproc)Chunk_releasebuffer,
};

static PyTypeObject TickerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bytesource.Ticker",
    .tp_basicsize = sizeof(TickerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_async = &Ticker_as_async,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject ChunkType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bytesource.Chunk",
    .tp_basicsize = sizeof(ChunkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_buffer = &Chunk_as_buffer,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef bytesource_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "bytesource",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_bytesource(void)
{
    if (PyType_Ready(&TickerType) < 0 || PyType_Ready(&ChunkType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&bytesource_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Ticker", (PyObject *)&TickerType) < 0
        || PyModule_AddObjectRef(module, "Chunk", (PyObject *)&ChunkType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

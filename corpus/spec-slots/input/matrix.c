/* A heap type built from a PyType_Spec. Its slots are `void *`, so no
 * compiler ever checks these signatures. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t rows;
    Py_ssize_t cols;
    PyObject *data;
} MatrixObject;

/* OK: destructor. */
static void
Matrix_dealloc(MatrixObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->data);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

/* OK: traverseproc. */
static int
Matrix_traverse(MatrixObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->data);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

/* BROKEN: tp_clear written as void. */
static void
Matrix_clear(MatrixObject *self)
{
    Py_CLEAR(self->data);
}

/* OK: reprfunc. */
static PyObject *
Matrix_repr(MatrixObject *self)
{
    return PyUnicode_FromFormat("<Matrix %zdx%zd>", self->rows, self->cols);
}

/* BROKEN: nb_negative copied from a METH_NOARGS method. */
static PyObject *
Matrix_neg(MatrixObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* BROKEN: nb_matrix_multiply copied from nb_power, third parameter unused. */
static PyObject *
Matrix_matmul(PyObject *a, PyObject *b, PyObject *mod)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* OK: lenfunc. */
static Py_ssize_t
Matrix_len(MatrixObject *self)
{
    return self->rows;
}

/* OK: int and Py_ssize_t are both i32 on wasm32. */
static PyObject *
Matrix_item(MatrixObject *self, int row)
{
    if (row < 0 || row >= self->rows) {
        PyErr_SetString(PyExc_IndexError, "row out of range");
        return NULL;
    }
    return PyLong_FromLong(row);
}

static PyType_Slot Matrix_slots[] = {
    {Py_tp_dealloc, Matrix_dealloc},
    {Py_tp_traverse, Matrix_traverse},
    {Py_tp_clear, Matrix_clear},
    {Py_tp_repr, Matrix_repr},
    {Py_tp_doc, (void *)PyDoc_STR("A matrix.")},
    {Py_nb_negative, Matrix_neg},
    {Py_nb_matrix_multiply, Matrix_matmul},
    {Py_sq_length, Matrix_len},
    {Py_sq_item, Matrix_item},
    {Py_mp_length, (lenfunc)Matrix_len},
    {0, NULL},
};

static PyType_Spec Matrix_spec = {
    "matrix.Matrix",
    sizeof(MatrixObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    Matrix_slots,
};

static struct PyModuleDef matrix_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "matrix",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_matrix(void)
{
    PyObject *module = PyModule_Create(&matrix_module);
    if (module == NULL) {
        return NULL;
    }
    PyObject *type = PyType_FromSpec(&Matrix_spec);
    if (type == NULL || PyModule_AddObjectRef(module, "Matrix", type) < 0) {
        Py_XDECREF(type);
        Py_DECREF(module);
        return NULL;
    }
    Py_DECREF(type);
    return module;
}

/* A 2-D vector with a positional PyNumberMethods, every slot commented. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double x, y;
} VecObject;

static PyTypeObject VecType;

static PyObject *
vec_new_xy(double x, double y)
{
    VecObject *v = PyObject_New(VecObject, &VecType);
    if (v != NULL) {
        v->x = x;
        v->y = y;
    }
    return (PyObject *)v;
}

/* OK: binaryfunc. */
static PyObject *
vec_add(PyObject *a, PyObject *b)
{
    if (!PyObject_TypeCheck(a, &VecType) || !PyObject_TypeCheck(b, &VecType)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    VecObject *u = (VecObject *)a, *v = (VecObject *)b;
    return vec_new_xy(u->x + v->x, u->y + v->y);
}

/* OK: binaryfunc. */
static PyObject *
vec_sub(PyObject *a, PyObject *b)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* BROKEN: nb_power without the modulo argument. */
static PyObject *
vec_pow(PyObject *base, PyObject *exponent)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* OK: unaryfunc. */
static PyObject *
vec_neg(VecObject *self)
{
    return vec_new_xy(-self->x, -self->y);
}

/* BROKEN: nb_absolute with a parameter nobody passes. */
static PyObject *
vec_abs(VecObject *self, PyObject *unused)
{
    return PyFloat_FromDouble(self->x * self->x + self->y * self->y);
}

/* OK: inquiry. */
static int
vec_bool(VecObject *self)
{
    return self->x != 0.0 || self->y != 0.0;
}

/* BROKEN: nb_inplace_power without the modulo argument. */
static PyObject *
vec_ipow(PyObject *self, PyObject *exponent)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyNumberMethods vec_as_number = {
    vec_add,                    /* nb_add */
    vec_sub,                    /* nb_subtract */
    0,                          /* nb_multiply */
    0,                          /* nb_remainder */
    0,                          /* nb_divmod */
    vec_pow,                    /* nb_power */
    (unaryfunc)vec_neg,         /* nb_negative */
    0,                          /* nb_positive */
    (unaryfunc)vec_abs,         /* nb_absolute */
    (inquiry)vec_bool,          /* nb_bool */
    0,                          /* nb_invert */
    0,                          /* nb_lshift */
    0,                          /* nb_rshift */
    0,                          /* nb_and */
    0,                          /* nb_xor */
    0,                          /* nb_or */
    0,                          /* nb_int */
    0,                          /* nb_reserved */
    0,                          /* nb_float */
    0,                          /* nb_inplace_add */
    0,                          /* nb_inplace_subtract */
    0,                          /* nb_inplace_multiply */
    0,                          /* nb_inplace_remainder */
    (ternaryfunc)vec_ipow,      /* nb_inplace_power */
};

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "vec.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_number = &vec_as_number,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef vec_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "vec",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_vec(void)
{
    if (PyType_Ready(&VecType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&vec_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Vec", (PyObject *)&VecType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

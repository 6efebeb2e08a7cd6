/* A Point type whose attributes are PyGetSetDef entries written
 * positionally, the way most older extensions spell them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double x;
    double y;
    PyObject *label;
} PointObject;

/* BROKEN: getter without the closure parameter. */
static PyObject *
Point_get_x(PointObject *self, void *Py_UNUSED(closure))
{
    return PyFloat_FromDouble(self->x);
}

/* BROKEN: setter without closure, returning void. */
static int
Point_set_x(PointObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    self->x = value == NULL ? 0.0 : PyFloat_AsDouble(value);
    return 0;
}

/* OK: the full getter signature. */
static PyObject *
Point_get_y(PointObject *self, void *closure)
{
    return PyFloat_FromDouble(self->y);
}

/* OK: the full setter signature. */
static int
Point_set_y(PointObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete y");
        return -1;
    }
    self->y = PyFloat_AsDouble(value);
    return 0;
}

/* BROKEN: read-only attribute whose getter forgets closure, with a
 * prototype ahead of the table. */
static PyObject *Point_get_label(PointObject *self, void *Py_UNUSED(closure));

/* OK: one getter serves two attributes through its closure. */
static PyObject *
Point_get_coordinate(PointObject *self, void *closure)
{
    return PyFloat_FromDouble(closure == NULL ? self->x : self->y);
}

static PyGetSetDef Point_getset[] = {
    {"x", (getter)Point_get_x, (setter)Point_set_x, "x coordinate", NULL},
    {"y", (getter)Point_get_y, (setter)Point_set_y, "y coordinate", NULL},
    {"label", (getter)Point_get_label, NULL, "label or None", NULL},
    {"first", (getter)Point_get_coordinate, NULL, "first coordinate", NULL},
    {"second", (getter)Point_get_coordinate, NULL, "second coordinate", (void *)1},
    {NULL}  /* Sentinel */
};

static PyObject *
Point_get_label(PointObject *self, void *Py_UNUSED(closure))
{
    if (self->label == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(self->label);
}

static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "point.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_getset = Point_getset,
};

static struct PyModuleDef point_module = {
    PyModuleDef_HEAD_INIT, "point", "Points with getset attributes.", -1, NULL,
};

PyMODINIT_FUNC
PyInit_point(void)
{
    if (PyType_Ready(&PointType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&point_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Point", (PyObject *)&PointType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* CPython's own layout: clinic macros (which carry their own comma) mixed
 * with hand-written entries, and #ifdef between entries. tree-sitter cannot
 * read a macro name followed by `{` as C; fpcast still reads every entry. */
#include <Python.h>

static PyObject *dates_date_fromtimestamp(PyObject *cls, PyObject *ts);
static PyObject *dates_date_today(PyObject *cls, PyObject *Py_UNUSED(ignored));

#include "clinic/dates.c.h"

static PyObject *
dates_date_fromtimestamp(PyObject *cls, PyObject *ts)
{
    return Py_NewRef(ts);
}

static PyObject *
dates_date_today(PyObject *cls, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
dates_date_fromordinal(PyObject *cls, PyObject *args)
{
    Py_RETURN_NONE;
}

static PyObject *
dates_date_ctime(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
dates_date_weekday(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(0);
}

static PyMethodDef dates_methods[] = {

    /* Class methods: */
    DATES_DATE_FROMTIMESTAMP_METHODDEF
    DATES_DATE_TODAY_METHODDEF

    {"fromordinal", (PyCFunction)dates_date_fromordinal,      METH_VARARGS |
                                                              METH_CLASS,
     PyDoc_STR("int -> date corresponding to a proleptic Gregorian ordinal.")},

    /* Instance methods: */
#ifdef HAVE_CTIME
    {"ctime", (PyCFunction)dates_date_ctime, METH_NOARGS,
     PyDoc_STR("Return ctime() style string.")},
#endif
    {"weekday", (PyCFunction)dates_date_weekday, METH_NOARGS,
     PyDoc_STR("Return the day of the week as an integer.")},
    {NULL, NULL}
};

static struct PyModuleDef dates_module = {
    PyModuleDef_HEAD_INIT, "dates", NULL, -1, dates_methods,
};

PyMODINIT_FUNC
PyInit_dates(void)
{
    return PyModule_Create(&dates_module);
}

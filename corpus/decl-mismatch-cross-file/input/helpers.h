#ifndef HELPERS_H
#define HELPERS_H
#include <Python.h>

/* Declared returning void, but helpers.c defines it returning int. */
void helper_reset(PyObject *module);

/* Declared with one parameter, defined with two. */
PyObject *helper_lookup(PyObject *module);

/* Matches its definition. */
PyObject *helper_count(PyObject *module);

#endif

#ifndef MULTI_IMPL_H
#define MULTI_IMPL_H
#include <Python.h>

PyObject *multi_reset(PyObject *module);
PyObject *multi_status(PyObject *module);

#endif

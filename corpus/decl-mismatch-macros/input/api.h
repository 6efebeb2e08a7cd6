#ifndef API_H
#define API_H
#include <Python.h>

#ifndef EXPORTAPI
#  define EXPORTAPI(type) type
#endif

/* Declared returning int through PyAPI_FUNC; api.c defines it returning void. */
PyAPI_FUNC(int) api_flush(PyObject *module);

/* Matches: PyAPI_FUNC(void) is void. */
PyAPI_FUNC(void) api_clear(PyObject *module);

/* Matches: PyAPI_FUNC(PyObject *) is a pointer. */
PyAPI_FUNC(PyObject *) api_lookup(PyObject *module, PyObject *key);

/* A project's own export macro: its result cannot be read, so it is no
 * evidence against the void definition. */
EXPORTAPI(void) api_reset(PyObject *module);

#endif

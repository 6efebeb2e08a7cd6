#include "api.h"

typedef struct {
    PyObject *module;
} state_t;

/* Py_BEGIN_ALLOW_THREADS followed by a call reads, to tree-sitter, as a
 * declaration of the called function returning Py_BEGIN_ALLOW_THREADS. */
static PyObject *
user_work(state_t *state, PyObject *key)
{
    PyObject *found;
    Py_BEGIN_ALLOW_THREADS
    api_clear(state->module);
    Py_END_ALLOW_THREADS
    found = api_lookup(state->module, key);
    Py_BEGIN_ALLOW_THREADS
    api_lookup(state->module, key);
    Py_END_ALLOW_THREADS
    api_reset(state->module);
    return found;
}

/* A module with per-module state and multi-phase initialization: a
 * positional PyModuleDef and its PyModuleDef_Slot array. */
#include <Python.h>

typedef struct {
    PyObject *counts;
    long calls;
} tally_state;

/* BROKEN: Py_mod_create without the module definition. */
static PyObject *
tally_create(PyObject *spec)
{
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_NewObject(name);
    Py_DECREF(name);
    return module;
}

/* BROKEN: Py_mod_exec written as void. */
static void
tally_exec(PyObject *module)
{
    tally_state *state = PyModule_GetState(module);
    state->counts = NULL;
    state->calls = 0;
    PyModule_AddIntConstant(module, "VERSION", 2);
}

/* OK: traverseproc. */
static int
tally_traverse(PyObject *module, visitproc visit, void *arg)
{
    tally_state *state = PyModule_GetState(module);
    Py_VISIT(state->counts);
    return 0;
}

/* BROKEN: m_clear written as void. */
static void
tally_clear(PyObject *module)
{
    tally_state *state = PyModule_GetState(module);
    Py_CLEAR(state->counts);
}

/* OK: freefunc takes a void *; PyObject * is the same in wasm. */
static void
tally_free(PyObject *module)
{
    tally_clear(module);
}

static PyModuleDef_Slot tally_slots[] = {
    {Py_mod_create, tally_create},
    {Py_mod_exec, tally_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef tally_module = {
    PyModuleDef_HEAD_INIT,
    "tally",
    "Counts things, per module.",
    sizeof(tally_state),
    NULL,
    tally_slots,
    tally_traverse,
    (inquiry)tally_clear,
    (freefunc)tally_free,
};

PyMODINIT_FUNC
PyInit_tally(void)
{
    return PyModuleDef_Init(&tally_module);
}

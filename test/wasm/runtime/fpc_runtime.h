/*
 * fpcast wasm harness: what the mock C-API (pymock.c) and the driver
 * (driver.c) share.  The mock records registrations the way CPython sees
 * them at run time; the driver turns the records into callable entries.
 */
#ifndef FPCAST_RUNTIME_H
#define FPCAST_RUNTIME_H

#include "Python.h"

/* Marks the mock's own type objects, which are never recorded. */
#define FPC_BUILTIN_TAG 0x46504331u

typedef struct {
    PyObject_HEAD
    PyObject *md_dict;
    PyModuleDef *md_def;
    void *md_state;
    PyObject *md_weaklist;
    PyObject *md_name;
} fpc_module;

/* What a module spec looks like to Py_mod_create: only `name` matters. */
typedef struct {
    PyObject_HEAD
    PyObject *name;
} fpc_spec;

enum fpc_record_kind {
    FPC_REC_MODDEF = 1,   /* PyModuleDef: m_methods, m_slots, m_traverse/m_clear/m_free */
    FPC_REC_METHODS,      /* PyMethodDef array added with PyModule_AddFunctions */
    FPC_REC_METHOD1,      /* one PyMethodDef given to PyCFunction_New* */
    FPC_REC_TYPE,         /* static PyTypeObject (PyType_Ready, AddType, AddObject) */
    FPC_REC_SPEC          /* PyType_Spec given to PyType_From*Spec* */
};

typedef struct {
    int kind;
    const void *ptr;
    PyObject *self;        /* module of a def, receiver of a method table */
    PyTypeObject *type;    /* type created from a spec; defining class of a method table */
    char owner[160];       /* readable name of where a method table was registered */
    PyTypeObject snap;     /* a static type as the extension wrote it, before PyType_Ready */
} fpc_record;

extern fpc_record *fpc_records;
extern int fpc_nrecords;

void fpc_record_moddef(PyModuleDef *def, PyObject *module);
void fpc_record_methods(int kind, PyMethodDef *ml, PyObject *self, PyTypeObject *cls, const char *owner);
void fpc_record_type(PyTypeObject *type);
void fpc_record_spec(PyType_Spec *spec, PyTypeObject *type, PyObject *module);
int fpc_is_spec_type(PyTypeObject *type);

/* Call shapes: one per function-pointer type CPython calls through. */
enum fpc_kind {
    FPC_K_NONE = 0,
    FPC_K_DATA,            /* slot holds data, not a function */
    FPC_K_TABLE_METHODS,   /* Py_tp_methods: walk the PyMethodDef table */
    FPC_K_TABLE_GETSET,    /* Py_tp_getset: walk the PyGetSetDef table */
    FPC_K_METH_VARARGS,
    FPC_K_METH_VARARGS_KW,
    FPC_K_METH_NOARGS,
    FPC_K_METH_O,
    FPC_K_METH_FASTCALL,
    FPC_K_METH_FASTCALL_KW,
    FPC_K_METH_METHOD,
    FPC_K_BAD_FLAGS,
    FPC_K_GETTER,
    FPC_K_SETTER,
    FPC_K_DESTRUCTOR,      /* void (*)(PyObject *) */
    FPC_K_FREE,            /* freefunc */
    FPC_K_INQUIRY,         /* int (*)(PyObject *) */
    FPC_K_UNARY,           /* unaryfunc, reprfunc, getiterfunc, iternextfunc */
    FPC_K_BINARY,          /* binaryfunc on (self, self) */
    FPC_K_SUBSCRIPT,       /* binaryfunc on (self, key) */
    FPC_K_GETATTRO,        /* getattrofunc */
    FPC_K_POWER,           /* ternaryfunc (self, other, None) */
    FPC_K_CALL,            /* ternaryfunc (self, args, kwargs) */
    FPC_K_DESCR_GET,       /* descrgetfunc */
    FPC_K_DESCR_SET,       /* descrsetfunc */
    FPC_K_INIT,            /* initproc */
    FPC_K_SETATTRO,        /* setattrofunc */
    FPC_K_ASS_SUBSCRIPT,   /* objobjargproc */
    FPC_K_NEW,             /* newfunc */
    FPC_K_ALLOC,           /* allocfunc */
    FPC_K_HASH,            /* hashfunc */
    FPC_K_LEN,             /* lenfunc */
    FPC_K_RICHCMP,         /* richcmpfunc */
    FPC_K_GETATTR,         /* getattrfunc */
    FPC_K_SETATTR,         /* setattrfunc */
    FPC_K_SSIZEARG,        /* ssizeargfunc */
    FPC_K_SSIZEOBJARG,     /* ssizeobjargproc */
    FPC_K_OBJOBJ,          /* objobjproc */
    FPC_K_TRAVERSE,        /* traverseproc */
    FPC_K_VECTORCALL,      /* vectorcallfunc */
    FPC_K_GETBUFFER,       /* getbufferproc */
    FPC_K_RELEASEBUFFER,   /* releasebufferproc */
    FPC_K_SEND,            /* sendfunc */
    FPC_K_MOD_CREATE,      /* PyObject *(*)(PyObject *spec, PyModuleDef *def) */
    FPC_K_MOD_EXEC         /* int (*)(PyObject *module) */
};

/* Where a slot lives: in PyTypeObject itself or in one of its sub-tables. */
enum fpc_where { FPC_W_TYPE, FPC_W_ASYNC, FPC_W_NUMBER, FPC_W_SEQUENCE, FPC_W_MAPPING, FPC_W_BUFFER, FPC_W_NONE };

typedef struct {
    const char *name;   /* field name: "tp_repr", "nb_add"; the PyType_Slot id is "Py_" + name */
    int id;             /* PyType_Slot id */
    int where;
    int offset;         /* offset of the field inside its struct, or -1 */
    int kind;
} fpc_slot;

extern const fpc_slot fpc_slots[];
extern const int fpc_nslots;
const fpc_slot *fpc_slot_by_id(int id);
void **fpc_slot_field(PyTypeObject *type, const fpc_slot *slot);

/* Dummy objects. */
PyObject *fpc_instance(PyTypeObject *type);
PyObject *fpc_new_module(const char *name, PyModuleDef *def);
PyObject *fpc_new_spec(const char *name);
PyObject *fpc_dummy_args(void);
PyObject *fpc_dummy_kwargs(void);
PyObject *const *fpc_dummy_vector(void);

/* Multi-phase init, shared by PyModule_FromDefAndSpec/ExecDef and the driver. */
PyObject *fpc_module_create(PyModuleDef *def, PyObject *spec);
int fpc_module_exec_slot(PyObject *module, PyModuleDef *def, int nth);
int fpc_module_exec_count(PyModuleDef *def);

const char *fpc_err_message(void);

#endif

/*
 * fpcast wasm harness: a mock of CPython's C-API for wasm32.
 *
 * Everything an extension's function tables touch (struct layouts, field
 * order, slot ids, flag values, function-pointer typedefs) follows CPython
 * 3.11+ exactly, because the whole point is to call every registered function
 * through the pointer type CPython uses.  test/wasm/abi.test.ts checks the
 * layouts, typedefs and constants against the host's real headers.
 *
 * The rest of the API has just enough behaviour for module init and function
 * bodies to run on dummy objects; its implementation is runtime/pymock.c.
 *
 * Conventions the ABI test relies on: struct bodies declare one field per
 * line; function-pointer typedefs sit on one line each.
 */
#ifndef FPCAST_MOCK_PYTHON_H
#define FPCAST_MOCK_PYTHON_H

#define FPCAST_MOCK_PYTHON 1

/* What CPython's Python.h pulls in, so extensions that rely on it compile. */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ version */

#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 11
#define PY_MICRO_VERSION 7
#define PY_RELEASE_LEVEL_FINAL 0xF
#define PY_RELEASE_LEVEL 0xF
#define PY_RELEASE_SERIAL 0
#define PY_VERSION "3.11.7"
#define PY_VERSION_HEX 0x030B07F0
#define PYTHON_API_VERSION 1013
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_VERSION 3
#define PYTHON_ABI_STRING "3"

/* ------------------------------------------------------------------ port */

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;
typedef wchar_t Py_UNICODE;
typedef int Py_ssize_clean_t;

#define PY_LONG_LONG long long
#define PY_INT32_T int32_t
#define PY_UINT32_T uint32_t
#define PY_INT64_T int64_t
#define PY_UINT64_T uint64_t
#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_LLONG_MAX LLONG_MAX
#define PY_LLONG_MIN LLONG_MIN
#define PY_ULLONG_MAX ULLONG_MAX
#define SIZEOF_VOID_P 4
#define SIZEOF_SIZE_T 4
#define SIZEOF_LONG 4
#define SIZEOF_INT 4
#define SIZEOF_LONG_LONG 8
#define SIZEOF_PY_HASH_T 4
#define SIZEOF_WCHAR_T 4
#define HAVE_LONG_LONG 1
#define HAVE_UNISTD_H 1
#define HAVE_STDINT_H 1

#define PyAPI_FUNC(RTYPE) RTYPE
#define PyAPI_DATA(RTYPE) extern RTYPE
#define PyMODINIT_FUNC __attribute__((visibility("default"))) PyObject *
#define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_IMPORTED_SYMBOL
#define Py_LOCAL_SYMBOL
#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#define Py_ALIGNED(x) __attribute__((aligned(x)))
#define Py_NO_RETURN __attribute__((__noreturn__))
#define _Py_NO_RETURN Py_NO_RETURN
#define Py_UNREACHABLE() __builtin_unreachable()
#define _Py_NULL NULL
#define _Py_CAST(type, expr) ((type)(expr))
#define _Py_STATIC_CAST(type, expr) ((type)(expr))
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define Py_ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)
#define _Py_XSTRINGIFY(x) #x
#define Py_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)
#define Py_BUILD_ASSERT(cond) ((void)sizeof(char[1 - 2 * !(cond)]))
#define Py_BUILD_ASSERT_EXPR(cond) (sizeof(char[1 - 2 * !(cond)]) - 1)
#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)
#define Py_HUGE_VAL HUGE_VAL
#define Py_NAN ((double)NAN)
#define Py_MATH_PI 3.14159265358979323846
#define Py_MATH_E 2.7182818284590452354
#define Py_FORCE_EXPANSION(X) X
#define Py_UNUSED(name) _unused_ ## name __attribute__((unused))
#define _Py_COMP_DIAG_PUSH
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS
#define _Py_COMP_DIAG_POP

#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)
#define PyDoc_STR(str) str

/* ------------------------------------------------------------------ objects */

typedef struct _typeobject PyTypeObject;
typedef struct _object PyObject;

struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
};

typedef struct PyVarObject {
    PyObject ob_base;
    Py_ssize_t ob_size;
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
#define _PyObject_HEAD_EXTRA
#define _PyObject_EXTRA_INIT
#define PyObject_HEAD_INIT(type) { _PyObject_EXTRA_INIT 1, type },
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) size },
#define _PyObject_CAST(op) ((PyObject *)(op))
#define _PyVarObject_CAST(op) ((PyVarObject *)(op))
#define _PyType_CAST(op) ((PyTypeObject *)(op))

/* Plain lvalue macros: more lenient than 3.11's inline functions, which is
 * what we want for a harness that must accept old code. */
#define Py_REFCNT(ob) (_PyObject_CAST(ob)->ob_refcnt)
#define Py_TYPE(ob) (_PyObject_CAST(ob)->ob_type)
#define Py_SIZE(ob) (_PyVarObject_CAST(ob)->ob_size)
#define Py_SET_REFCNT(ob, refcnt) ((void)(Py_REFCNT(ob) = (refcnt)))
#define Py_SET_TYPE(ob, type) ((void)(Py_TYPE(ob) = (type)))
#define Py_SET_SIZE(ob, size) ((void)(Py_SIZE(ob) = (size)))
#define Py_IS_TYPE(ob, type) (Py_TYPE(ob) == (type))
#define Py_Is(x, y) ((x) == (y))

/* Function-pointer typedefs: CPython's spelling, one per line. */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);
typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*_PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *, size_t, PyObject *);
typedef PyObject *(*wrapperfunc)(PyObject *self, PyObject *args, void *wrapped);
typedef void (*PyCapsule_Destructor)(PyObject *);

typedef _PyCFunctionFast PyCFunctionFast;
typedef _PyCFunctionFastWithKeywords PyCFunctionFastWithKeywords;

typedef enum {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1
} PySendResult;

typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value, PyObject **result);

typedef struct bufferinfo {
    void *buf;
    PyObject *obj;
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;

typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);

typedef struct PyNumberMethods {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct PySequenceMethods {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct PyMappingMethods {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct PyAsyncMethods {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct PyBufferProcs {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

typedef struct PyMethodDef PyMethodDef;
typedef struct PyMemberDef PyMemberDef;
typedef struct PyGetSetDef PyGetSetDef;
typedef struct PyModuleDef PyModuleDef;

struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name;
    Py_ssize_t tp_basicsize;
    Py_ssize_t tp_itemsize;
    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;
    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;
    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;
    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;
    getiterfunc tp_iter;
    iternextfunc tp_iternext;
    PyMethodDef *tp_methods;
    PyMemberDef *tp_members;
    PyGetSetDef *tp_getset;
    PyTypeObject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    PyObject *tp_subclasses;
    PyObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
};

typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name;
    PyObject *ht_slots;
    PyObject *ht_qualname;
    void *ht_cached_keys;
    PyObject *ht_module;
    char *_ht_tpname;
    void *_spec_cache_getitem;
} PyHeapTypeObject;

typedef struct PyType_Slot {
    int slot;
    void *pfunc;
} PyType_Slot;

typedef struct PyType_Spec {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots;
} PyType_Spec;

/* Py_TPFLAGS_* */
#define Py_TPFLAGS_MANAGED_DICT (1 << 4)
#define Py_TPFLAGS_SEQUENCE (1 << 5)
#define Py_TPFLAGS_MAPPING (1 << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define _Py_TPFLAGS_HAVE_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT (Py_TPFLAGS_HAVE_STACKLESS_EXTENSION | 0)
#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define Py_TPFLAGS_HAVE_INDEX 0
#define Py_TPFLAGS_HAVE_ITER 0
#define Py_TPFLAGS_HAVE_NEWBUFFER 0
#define Py_TPFLAGS_CHECKTYPES 0

/* Slot ids for PyType_Slot (CPython's typeslots.h numbering). */
#define Py_bf_getbuffer 1
#define Py_bf_releasebuffer 2
#define Py_mp_ass_subscript 3
#define Py_mp_length 4
#define Py_mp_subscript 5
#define Py_nb_absolute 6
#define Py_nb_add 7
#define Py_nb_and 8
#define Py_nb_bool 9
#define Py_nb_divmod 10
#define Py_nb_float 11
#define Py_nb_floor_divide 12
#define Py_nb_index 13
#define Py_nb_inplace_add 14
#define Py_nb_inplace_and 15
#define Py_nb_inplace_floor_divide 16
#define Py_nb_inplace_lshift 17
#define Py_nb_inplace_multiply 18
#define Py_nb_inplace_or 19
#define Py_nb_inplace_power 20
#define Py_nb_inplace_remainder 21
#define Py_nb_inplace_rshift 22
#define Py_nb_inplace_subtract 23
#define Py_nb_inplace_true_divide 24
#define Py_nb_inplace_xor 25
#define Py_nb_int 26
#define Py_nb_invert 27
#define Py_nb_lshift 28
#define Py_nb_multiply 29
#define Py_nb_negative 30
#define Py_nb_or 31
#define Py_nb_positive 32
#define Py_nb_power 33
#define Py_nb_remainder 34
#define Py_nb_rshift 35
#define Py_nb_subtract 36
#define Py_nb_true_divide 37
#define Py_nb_xor 38
#define Py_sq_ass_item 39
#define Py_sq_concat 40
#define Py_sq_contains 41
#define Py_sq_inplace_concat 42
#define Py_sq_inplace_repeat 43
#define Py_sq_item 44
#define Py_sq_length 45
#define Py_sq_repeat 46
#define Py_tp_alloc 47
#define Py_tp_base 48
#define Py_tp_bases 49
#define Py_tp_call 50
#define Py_tp_clear 51
#define Py_tp_dealloc 52
#define Py_tp_del 53
#define Py_tp_descr_get 54
#define Py_tp_descr_set 55
#define Py_tp_doc 56
#define Py_tp_getattr 57
#define Py_tp_getattro 58
#define Py_tp_hash 59
#define Py_tp_init 60
#define Py_tp_is_gc 61
#define Py_tp_iter 62
#define Py_tp_iternext 63
#define Py_tp_methods 64
#define Py_tp_new 65
#define Py_tp_repr 66
#define Py_tp_richcompare 67
#define Py_tp_setattr 68
#define Py_tp_setattro 69
#define Py_tp_str 70
#define Py_tp_traverse 71
#define Py_tp_members 72
#define Py_tp_getset 73
#define Py_tp_free 74
#define Py_nb_matrix_multiply 75
#define Py_nb_inplace_matrix_multiply 76
#define Py_am_await 77
#define Py_am_aiter 78
#define Py_am_anext 79
#define Py_tp_finalize 80
#define Py_am_send 81
#define Py_tp_vectorcall 82
#define Py_tp_token 83

/* rich comparison ops */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

/* buffer flags */
#define PyBUF_MAX_NDIM 64
#define PyBUF_SIMPLE 0
#define PyBUF_WRITABLE 0x0001
#define PyBUF_WRITEABLE PyBUF_WRITABLE
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)
#define PyBUF_C_CONTIGUOUS (0x0020 | PyBUF_STRIDES)
#define PyBUF_F_CONTIGUOUS (0x0040 | PyBUF_STRIDES)
#define PyBUF_ANY_CONTIGUOUS (0x0080 | PyBUF_STRIDES)
#define PyBUF_INDIRECT (0x0100 | PyBUF_STRIDES)
#define PyBUF_CONTIG (PyBUF_ND | PyBUF_WRITABLE)
#define PyBUF_CONTIG_RO (PyBUF_ND)
#define PyBUF_STRIDED (PyBUF_STRIDES | PyBUF_WRITABLE)
#define PyBUF_STRIDED_RO (PyBUF_STRIDES)
#define PyBUF_RECORDS (PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_RECORDS_RO (PyBUF_STRIDES | PyBUF_FORMAT)
#define PyBUF_FULL (PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_FULL_RO (PyBUF_INDIRECT | PyBUF_FORMAT)
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200

/* ------------------------------------------------------------------ methods, members, getset */

struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
};

#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_STACKLESS 0x0000
#define METH_METHOD 0x0200

#define _PyCFunction_CAST(func) ((PyCFunction)(void(*)(void))(func))
#define _PyCFunctionWithKeywords_CAST(func) ((PyCFunctionWithKeywords)(void(*)(void))(func))

struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
};

struct PyMemberDef {
    const char *name;
    int type;
    Py_ssize_t offset;
    int flags;
    const char *doc;
};

/* 3.12 spellings of the member types (structmember.h has the old T_* ones) */
#define Py_T_SHORT 0
#define Py_T_INT 1
#define Py_T_LONG 2
#define Py_T_FLOAT 3
#define Py_T_DOUBLE 4
#define Py_T_STRING 5
#define _Py_T_OBJECT 6
#define Py_T_CHAR 7
#define Py_T_BYTE 8
#define Py_T_UBYTE 9
#define Py_T_USHORT 10
#define Py_T_UINT 11
#define Py_T_ULONG 12
#define Py_T_STRING_INPLACE 13
#define Py_T_BOOL 14
#define Py_T_OBJECT_EX 16
#define Py_T_LONGLONG 17
#define Py_T_ULONGLONG 18
#define Py_T_PYSSIZET 19
#define _Py_T_NONE 20
#define Py_READONLY 1
#define Py_AUDIT_READ 2
#define _Py_WRITE_RESTRICTED 4
#define Py_RELATIVE_OFFSET 8

/* ------------------------------------------------------------------ modules */

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT { PyObject_HEAD_INIT(_Py_NULL) _Py_NULL, 0, _Py_NULL, }

typedef struct PyModuleDef_Slot {
    int slot;
    void *value;
} PyModuleDef_Slot;

#define Py_mod_create 1
#define Py_mod_exec 2
#define Py_mod_multiple_interpreters 3
#define Py_mod_gil 4
#define Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED ((void *)0)
#define Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED ((void *)1)
#define Py_MOD_PER_INTERPRETER_GIL_SUPPORTED ((void *)2)
#define Py_MOD_GIL_USED ((void *)0)
#define Py_MOD_GIL_NOT_USED ((void *)1)

struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};

/* ------------------------------------------------------------------ builtin object layouts */

typedef struct {
    PyObject_VAR_HEAD
    PyObject *ob_item[1];
} PyTupleObject;

typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

typedef struct {
    double real;
    double imag;
} Py_complex;

typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;
    char ob_sval[1];
} PyBytesObject;

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    Py_ssize_t ob_exports;
} PyByteArrayObject;

typedef struct _longobject {
    PyObject_VAR_HEAD
    long long fpc_value;
} PyLongObject;

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t hash;
    char *fpc_utf8;
} PyUnicodeObject;

typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;
    uint64_t ma_version_tag;
    void *fpc_items;
    Py_ssize_t fpc_alloc;
} PyDictObject;

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
} PySliceObject;

typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;
    PyObject *m_module;
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

typedef struct {
    PyCFunctionObject func;
    PyTypeObject *mm_class;
} PyCMethodObject;

typedef struct {
    PyObject_HEAD
    PyObject *args;
    PyObject *notes;
    PyObject *traceback;
    PyObject *context;
    PyObject *cause;
    char suppress_context;
} PyBaseExceptionObject;

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;
typedef struct _frame PyFrameObject;
typedef struct _code PyCodeObject;

/* ------------------------------------------------------------------ builtin types and singletons */

PyAPI_DATA(PyTypeObject) PyType_Type;
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;
PyAPI_DATA(PyTypeObject) PySuper_Type;
PyAPI_DATA(PyTypeObject) PyLong_Type;
PyAPI_DATA(PyTypeObject) PyBool_Type;
PyAPI_DATA(PyTypeObject) PyFloat_Type;
PyAPI_DATA(PyTypeObject) PyComplex_Type;
PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyDict_Type;
PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(PyTypeObject) PyRange_Type;
PyAPI_DATA(PyTypeObject) PyModule_Type;
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;
PyAPI_DATA(PyTypeObject) PyCFunction_Type;
PyAPI_DATA(PyTypeObject) PyCMethod_Type;
PyAPI_DATA(PyTypeObject) PyCapsule_Type;
PyAPI_DATA(PyTypeObject) PyMemoryView_Type;
PyAPI_DATA(PyTypeObject) PyProperty_Type;
PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;
PyAPI_DATA(PyTypeObject) PyFunction_Type;
PyAPI_DATA(PyTypeObject) PyMethod_Type;
PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;
PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;

PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
PyAPI_DATA(PyObject) _Py_EllipsisObject;
PyAPI_DATA(PyLongObject) _Py_FalseStruct;
PyAPI_DATA(PyLongObject) _Py_TrueStruct;

#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_Ellipsis (&_Py_EllipsisObject)
#define Py_False ((PyObject *)&_Py_FalseStruct)
#define Py_True ((PyObject *)&_Py_TrueStruct)
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)

/* ------------------------------------------------------------------ reference counting */

/* Mock objects are never deallocated (each harness call runs in a fresh
 * instance), and NULL is tolerated, so bodies running on dummy objects
 * do not wander into freed memory. */
static inline void _fpc_incref(PyObject *op) { if (op) op->ob_refcnt++; }
static inline void _fpc_decref(PyObject *op) { if (op && op->ob_refcnt > 1) op->ob_refcnt--; }
static inline PyObject *_Py_NewRef(PyObject *op) { _fpc_incref(op); return op; }
static inline PyObject *_Py_XNewRef(PyObject *op) { _fpc_incref(op); return op; }

#define Py_INCREF(op) _fpc_incref(_PyObject_CAST(op))
#define Py_DECREF(op) _fpc_decref(_PyObject_CAST(op))
#define Py_XINCREF(op) _fpc_incref(_PyObject_CAST(op))
#define Py_XDECREF(op) _fpc_decref(_PyObject_CAST(op))
#define Py_NewRef(op) _Py_NewRef(_PyObject_CAST(op))
#define Py_XNewRef(op) _Py_XNewRef(_PyObject_CAST(op))
#define Py_CLEAR(op) \
    do { \
        PyObject *_py_tmp = _PyObject_CAST(op); \
        if (_py_tmp != NULL) { \
            (op) = NULL; \
            Py_DECREF(_py_tmp); \
        } \
    } while (0)
#define Py_SETREF(dst, src) \
    do { \
        PyObject *_py_tmp = _PyObject_CAST(dst); \
        (dst) = (src); \
        Py_DECREF(_py_tmp); \
    } while (0)
#define Py_XSETREF(dst, src) \
    do { \
        PyObject *_py_tmp = _PyObject_CAST(dst); \
        (dst) = (src); \
        Py_XDECREF(_py_tmp); \
    } while (0)
#define Py_VISIT(op) \
    do { \
        if (op) { \
            int vret = visit(_PyObject_CAST(op), arg); \
            if (vret) \
                return vret; \
        } \
    } while (0)

PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);

/* No deferred deallocation in the mock: the trashcan is just a block. */
#define Py_TRASHCAN_BEGIN(op, dealloc) do {
#define Py_TRASHCAN_END } while (0);
#define Py_TRASHCAN_SAFE_BEGIN(op) {
#define Py_TRASHCAN_SAFE_END(op) }

#define Py_RETURN_NONE return Py_NewRef(Py_None)
#define Py_RETURN_TRUE return Py_NewRef(Py_True)
#define Py_RETURN_FALSE return Py_NewRef(Py_False)
#define Py_RETURN_NOTIMPLEMENTED return Py_NewRef(Py_NotImplemented)
#define Py_RETURN_RICHCOMPARE(val1, val2, op) \
    do { \
        int _fpc_r; \
        switch (op) { \
        case Py_EQ: _fpc_r = (val1) == (val2); break; \
        case Py_NE: _fpc_r = (val1) != (val2); break; \
        case Py_LT: _fpc_r = (val1) < (val2); break; \
        case Py_GT: _fpc_r = (val1) > (val2); break; \
        case Py_LE: _fpc_r = (val1) <= (val2); break; \
        case Py_GE: _fpc_r = (val1) >= (val2); break; \
        default: Py_UNREACHABLE(); \
        } \
        if (_fpc_r) Py_RETURN_TRUE; else Py_RETURN_FALSE; \
    } while (0)

/* ------------------------------------------------------------------ type checks */

PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *);
#define PyType_HasFeature(t, f) ((((PyTypeObject *)(t))->tp_flags & (f)) != 0)
#define PyType_FastSubclass(t, f) PyType_HasFeature(t, f)
#define PyObject_TypeCheck(ob, type) (Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), (type)))
#define PyType_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
#define PyType_CheckExact(op) Py_IS_TYPE(op, &PyType_Type)
#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE(op, &PyLong_Type)
#define PyBool_Check(x) Py_IS_TYPE(x, &PyBool_Type)
#define PyFloat_Check(op) PyObject_TypeCheck(op, &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE(op, &PyFloat_Type)
#define PyComplex_Check(op) PyObject_TypeCheck(op, &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE(op, &PyComplex_Type)
#define PyUnicode_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE(op, &PyUnicode_Type)
#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE(op, &PyBytes_Type)
#define PyByteArray_Check(op) PyObject_TypeCheck(op, &PyByteArray_Type)
#define PyByteArray_CheckExact(op) Py_IS_TYPE(op, &PyByteArray_Type)
#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE(op, &PyTuple_Type)
#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE(op, &PyList_Type)
#define PyDict_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE(op, &PyDict_Type)
#define PySet_Check(op) PyObject_TypeCheck(op, &PySet_Type)
#define PyFrozenSet_Check(op) PyObject_TypeCheck(op, &PyFrozenSet_Type)
#define PyAnySet_Check(op) (PySet_Check(op) || PyFrozenSet_Check(op))
#define PySlice_Check(op) Py_IS_TYPE(op, &PySlice_Type)
#define PyModule_Check(op) PyObject_TypeCheck(op, &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE(op, &PyModule_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck(op, &PyCFunction_Type)
#define PyCapsule_CheckExact(op) Py_IS_TYPE(op, &PyCapsule_Type)
#define PyMemoryView_Check(op) Py_IS_TYPE(op, &PyMemoryView_Type)
#define PyExceptionClass_Check(x) (PyType_Check(x) && PyType_FastSubclass((PyTypeObject *)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))
#define PyExceptionInstance_Check(x) PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)
#define PyExceptionInstance_Class(x) _PyObject_CAST(Py_TYPE(x))

/* ------------------------------------------------------------------ memory */

PyAPI_FUNC(void *) PyMem_Malloc(size_t);
PyAPI_FUNC(void *) PyMem_Calloc(size_t, size_t);
PyAPI_FUNC(void *) PyMem_Realloc(void *, size_t);
PyAPI_FUNC(void) PyMem_Free(void *);
PyAPI_FUNC(void *) PyMem_RawMalloc(size_t);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t, size_t);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *, size_t);
PyAPI_FUNC(void) PyMem_RawFree(void *);
PyAPI_FUNC(void *) PyObject_Malloc(size_t);
PyAPI_FUNC(void *) PyObject_Calloc(size_t, size_t);
PyAPI_FUNC(void *) PyObject_Realloc(void *, size_t);
PyAPI_FUNC(void) PyObject_Free(void *);
#define PyMem_MALLOC(n) PyMem_Malloc(n)
#define PyMem_REALLOC(p, n) PyMem_Realloc((p), (n))
#define PyMem_FREE(p) PyMem_Free(p)
#define PyMem_New(type, n) ((type *)PyMem_Malloc((size_t)(n) * sizeof(type)))
#define PyMem_NEW(type, n) PyMem_New(type, n)
#define PyMem_Resize(p, type, n) ((p) = (type *)PyMem_Realloc((p), (size_t)(n) * sizeof(type)))
#define PyMem_RESIZE(p, type, n) PyMem_Resize(p, type, n)
/* Object-like, as in CPython, so `.tp_free = PyObject_Del` works. */
#define PyMem_Del PyMem_Free
#define PyMem_DEL PyMem_Free
#define PyObject_MALLOC PyObject_Malloc
#define PyObject_REALLOC PyObject_Realloc
#define PyObject_FREE PyObject_Free
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

/* ------------------------------------------------------------------ object creation, GC */

PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NEW(type, typeobj) PyObject_New(type, typeobj)
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_NEW_VAR(type, typeobj, n) PyObject_NewVar(type, typeobj, n)
#define PyObject_INIT(op, typeobj) PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
PyAPI_FUNC(void) PyObject_GC_Track(void *);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *);
PyAPI_FUNC(void) PyObject_GC_Del(void *);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
#define PyObject_IS_GC(o) PyType_HasFeature(Py_TYPE(o), Py_TPFLAGS_HAVE_GC)

PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *, PyType_Spec *, PyObject *);
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *, int);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *, PyModuleDef *);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *);
PyAPI_FUNC(PyObject *) _PyType_Lookup(PyTypeObject *, PyObject *);

PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *, void *);
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *);
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *);
PyAPI_FUNC(void) PyObject_CallFinalizer(PyObject *);
PyAPI_FUNC(int) PyObject_CallFinalizerFromDealloc(PyObject *);
PyAPI_FUNC(PyObject **) _PyObject_GetDictPtr(PyObject *);

/* ------------------------------------------------------------------ generic object protocol */

PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Format(PyObject *, PyObject *);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Type(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyObject_Size(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyObject_Length(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyObject_LengthHint(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyObject_GetItem(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_SetItem(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelItem(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelItemString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *);
PyAPI_FUNC(int) _PyObject_LookupAttr(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttrString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_IsInstance(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_IsSubclass(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);
PyAPI_FUNC(int) PyObject_Print(PyObject *, FILE *, int);
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetIter(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAIter(PyObject *);
PyAPI_FUNC(PyObject *) PyIter_Next(PyObject *);
PyAPI_FUNC(int) PyIter_Check(PyObject *);
PyAPI_FUNC(int) PyAIter_Check(PyObject *);
PyAPI_FUNC(PySendResult) PyIter_Send(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(PyObject *) PySeqIter_New(PyObject *);
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *, PyObject *);
PyAPI_FUNC(int) Py_ReprEnter(PyObject *);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *);
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

/* calls */
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
#define PyVectorcall_NARGS(n) ((Py_ssize_t)((size_t)(n) & ~PY_VECTORCALL_ARGUMENTS_OFFSET))
PyAPI_FUNC(PyObject *) PyObject_Call(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_CallObject(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_CallNoArgs(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_CallOneArg(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_CallFunction(PyObject *, const char *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethod(PyObject *, const char *, const char *, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallFunction_SizeT(PyObject *, const char *, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallMethod_SizeT(PyObject *, const char *, const char *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallFunctionObjArgs(PyObject *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethodObjArgs(PyObject *, PyObject *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethodNoArgs(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_CallMethodOneArg(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Vectorcall(PyObject *, PyObject *const *, size_t, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_VectorcallDict(PyObject *, PyObject *const *, size_t, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_VectorcallMethod(PyObject *, PyObject *const *, size_t, PyObject *);
PyAPI_FUNC(PyObject *) PyVectorcall_Call(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyEval_CallObjectWithKeywords(PyObject *, PyObject *, PyObject *);
#define PyEval_CallObject(callable, arg) PyEval_CallObjectWithKeywords((callable), (arg), NULL)
#define _PyObject_Vectorcall PyObject_Vectorcall
#define _PyObject_CallNoArg PyObject_CallNoArgs

/* buffers */
PyAPI_FUNC(int) PyObject_CheckBuffer(PyObject *);
PyAPI_FUNC(int) PyObject_GetBuffer(PyObject *, Py_buffer *, int);
PyAPI_FUNC(void) PyBuffer_Release(Py_buffer *);
PyAPI_FUNC(int) PyBuffer_FillInfo(Py_buffer *, PyObject *, void *, Py_ssize_t, int, int);
PyAPI_FUNC(int) PyBuffer_IsContiguous(const Py_buffer *, char);
PyAPI_FUNC(int) PyBuffer_ToContiguous(void *, const Py_buffer *, Py_ssize_t, char);
PyAPI_FUNC(void *) PyBuffer_GetPointer(const Py_buffer *, const Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *, Py_ssize_t, int);
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *);
PyAPI_FUNC(PyObject *) PyMemoryView_GetContiguous(PyObject *, int, char);

/* numbers */
PyAPI_FUNC(int) PyNumber_Check(PyObject *);
PyAPI_FUNC(int) PyIndex_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Add(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Subtract(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Multiply(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_MatrixMultiply(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_FloorDivide(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_TrueDivide(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Remainder(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Divmod(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Power(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Negative(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Positive(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Absolute(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Invert(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Lshift(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Rshift(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_And(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Xor(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Or(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceAdd(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceSubtract(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceMultiply(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Index(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyNumber_AsSsize_t(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Long(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Float(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_ToBase(PyObject *, int);

PyAPI_FUNC(PyObject *) PyLong_FromLong(long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *);
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *, char **, int);
PyAPI_FUNC(long) PyLong_AsLong(PyObject *);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *);
PyAPI_FUNC(int) _PyLong_AsInt(PyObject *);

PyAPI_FUNC(PyObject *) PyBool_FromLong(long);

PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double);
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *);
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *);
PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)

PyAPI_FUNC(PyObject *) PyComplex_FromDoubles(double, double);
PyAPI_FUNC(PyObject *) PyComplex_FromCComplex(Py_complex);
PyAPI_FUNC(double) PyComplex_RealAsDouble(PyObject *);
PyAPI_FUNC(double) PyComplex_ImagAsDouble(PyObject *);
PyAPI_FUNC(Py_complex) PyComplex_AsCComplex(PyObject *);

/* ------------------------------------------------------------------ str, bytes */

#define PyUnicode_1BYTE_KIND 1
#define PyUnicode_2BYTE_KIND 2
#define PyUnicode_4BYTE_KIND 4
#define PyUnicode_WCHAR_KIND 0
PyAPI_FUNC(PyObject *) PyUnicode_New(Py_ssize_t, Py_UCS4);
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *);
PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *, ...);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *, va_list);
PyAPI_FUNC(PyObject *) PyUnicode_FromWideChar(const wchar_t *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_FromKindAndData(int, const void *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *, Py_ssize_t, const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefault(const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefaultAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocale(const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeFSDefault(PyObject *);
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *);
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *, const char *, const char *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_AsWideChar(PyObject *, wchar_t *, Py_ssize_t);
PyAPI_FUNC(wchar_t *) PyUnicode_AsWideCharString(PyObject *, Py_ssize_t *);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *, PyObject *);
PyAPI_FUNC(void) PyUnicode_Append(PyObject **, PyObject *);
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *, PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *, PyObject *, PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyUnicode_Compare(PyObject *, PyObject *);
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *, const char *);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t, int);
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *, Py_UCS4, Py_ssize_t, Py_ssize_t, int);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *);
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **);
PyAPI_FUNC(int) PyUnicode_FSConverter(PyObject *, void *);
PyAPI_FUNC(int) PyUnicode_FSDecoder(PyObject *, void *);
#define PyUnicode_READY(op) 0
#define PyUnicode_GET_LENGTH(op) Py_SIZE(op)
#define PyUnicode_GET_SIZE(op) Py_SIZE(op)
#define PyUnicode_KIND(op) PyUnicode_1BYTE_KIND
#define PyUnicode_DATA(op) ((void *)((PyUnicodeObject *)(op))->fpc_utf8)
#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_IS_ASCII(op) 1
#define PyUnicode_IS_COMPACT_ASCII(op) 1
#define PyUnicode_MAX_CHAR_VALUE(op) 0x7f
#define PyUnicode_READ(kind, data, index) ((Py_UCS4)((const Py_UCS1 *)(data))[(index)])
#define PyUnicode_WRITE(kind, data, index, value) ((void)(((Py_UCS1 *)(data))[(index)] = (Py_UCS1)(value)))
#define PyUnicode_READ_CHAR(op, index) PyUnicode_ReadChar(_PyObject_CAST(op), (index))
#define _PyUnicode_AsString PyUnicode_AsUTF8

PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *);
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *, ...);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *);
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *, char **, Py_ssize_t *);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
PyAPI_FUNC(void) PyBytes_Concat(PyObject **, PyObject *);
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **, PyObject *);
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **, Py_ssize_t);
#define PyBytes_AS_STRING(op) (((PyBytesObject *)(op))->ob_sval)
#define PyBytes_GET_SIZE(op) Py_SIZE(op)

PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *);
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *, Py_ssize_t);
#define PyByteArray_AS_STRING(op) (((PyByteArrayObject *)(op))->ob_start)
#define PyByteArray_GET_SIZE(op) Py_SIZE(op)

/* ------------------------------------------------------------------ containers */

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t, ...);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) _PyTuple_Resize(PyObject **, Py_ssize_t);
#define PyTuple_GET_ITEM(op, i) (((PyTupleObject *)(op))->ob_item[(i)])
#define PyTuple_SET_ITEM(op, i, v) ((void)(((PyTupleObject *)(op))->ob_item[(i)] = (v)))
#define PyTuple_GET_SIZE(op) Py_SIZE(op)

PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t);
PyAPI_FUNC(int) PyList_Append(PyObject *, PyObject *);
PyAPI_FUNC(int) PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyList_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Sort(PyObject *);
PyAPI_FUNC(int) PyList_Reverse(PyObject *);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *);
#define PyList_GET_ITEM(op, i) (((PyListObject *)(op))->ob_item[(i)])
#define PyList_SET_ITEM(op, i, v) ((void)(((PyListObject *)(op))->ob_item[(i)] = (v)))
#define PyList_GET_SIZE(op) Py_SIZE(op)

PyAPI_FUNC(PyObject *) PyDict_New(void);
PyAPI_FUNC(int) PyDict_SetItem(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_SetItemString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(PyObject *) PyDict_GetItem(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyDict_GetItemString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyDict_GetItemWithError(PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_DelItem(PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_DelItemString(PyObject *, const char *);
PyAPI_FUNC(int) PyDict_Contains(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyDict_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Keys(PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Values(PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Items(PyObject *);
PyAPI_FUNC(int) PyDict_Next(PyObject *, Py_ssize_t *, PyObject **, PyObject **);
PyAPI_FUNC(PyObject *) PyDict_Copy(PyObject *);
PyAPI_FUNC(int) PyDict_Update(PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_Merge(PyObject *, PyObject *, int);
PyAPI_FUNC(void) PyDict_Clear(PyObject *);
PyAPI_FUNC(PyObject *) PyDict_SetDefault(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyDictProxy_New(PyObject *);
#define PyDict_GET_SIZE(op) (((PyDictObject *)(op))->ma_used)

PyAPI_FUNC(PyObject *) PySet_New(PyObject *);
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *);
PyAPI_FUNC(int) PySet_Add(PyObject *, PyObject *);
PyAPI_FUNC(int) PySet_Discard(PyObject *, PyObject *);
PyAPI_FUNC(int) PySet_Contains(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *);
PyAPI_FUNC(int) PySet_Clear(PyObject *);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *);
#define PySet_GET_SIZE(op) PySet_Size(op)

PyAPI_FUNC(PyObject *) PySlice_New(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PySlice_Unpack(PyObject *, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *, Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *, Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);

PyAPI_FUNC(int) PySequence_Check(PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Size(PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Length(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PySequence_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PySequence_DelItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PySequence_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PySequence_Concat(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PySequence_Repeat(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PySequence_Tuple(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_List(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_Fast(PyObject *, const char *);
PyAPI_FUNC(int) PySequence_Contains(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Index(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Count(PyObject *, PyObject *);
#define PySequence_Fast_GET_SIZE(o) (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i) (PyList_Check(o) ? PyList_GET_ITEM(o, i) : PyTuple_GET_ITEM(o, i))
#define PySequence_Fast_ITEMS(o) (PyList_Check(o) ? ((PyListObject *)(o))->ob_item : ((PyTupleObject *)(o))->ob_item)
#define PySequence_ITEM(o, i) PySequence_GetItem(o, i)

PyAPI_FUNC(int) PyMapping_Check(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyMapping_Size(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyMapping_Length(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_Keys(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_Values(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_Items(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_GetItemString(PyObject *, const char *);
PyAPI_FUNC(int) PyMapping_SetItemString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyMapping_HasKey(PyObject *, PyObject *);
PyAPI_FUNC(int) PyMapping_HasKeyString(PyObject *, const char *);

/* ------------------------------------------------------------------ functions, capsules, descriptors, weakrefs */

PyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *, PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_NewEx(PyMethodDef *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyCMethod_New(PyMethodDef *, PyObject *, PyObject *, PyTypeObject *);
PyAPI_FUNC(PyCFunction) PyCFunction_GetFunction(PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_GetSelf(PyObject *);
PyAPI_FUNC(int) PyCFunction_GetFlags(PyObject *);
#define PyCFunction_GET_FUNCTION(func) (((PyCFunctionObject *)(func))->m_ml->ml_meth)
#define PyCFunction_GET_SELF(func) (((PyCFunctionObject *)(func))->m_self)
#define PyCFunction_GET_FLAGS(func) (((PyCFunctionObject *)(func))->m_ml->ml_flags)
PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *, PyMethodDef *);
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *, PyMethodDef *);
PyAPI_FUNC(PyObject *) PyDescr_NewGetSet(PyTypeObject *, PyGetSetDef *);
PyAPI_FUNC(PyObject *) PyDescr_NewMember(PyTypeObject *, PyMemberDef *);
PyAPI_FUNC(PyObject *) PyInstanceMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyMember_GetOne(const char *, PyMemberDef *);
PyAPI_FUNC(int) PyMember_SetOne(char *, PyMemberDef *, PyObject *);

PyAPI_FUNC(PyObject *) PyCapsule_New(void *, const char *, PyCapsule_Destructor);
PyAPI_FUNC(void *) PyCapsule_GetPointer(PyObject *, const char *);
PyAPI_FUNC(PyCapsule_Destructor) PyCapsule_GetDestructor(PyObject *);
PyAPI_FUNC(const char *) PyCapsule_GetName(PyObject *);
PyAPI_FUNC(void *) PyCapsule_GetContext(PyObject *);
PyAPI_FUNC(int) PyCapsule_IsValid(PyObject *, const char *);
PyAPI_FUNC(int) PyCapsule_SetPointer(PyObject *, void *);
PyAPI_FUNC(int) PyCapsule_SetDestructor(PyObject *, PyCapsule_Destructor);
PyAPI_FUNC(int) PyCapsule_SetName(PyObject *, const char *);
PyAPI_FUNC(int) PyCapsule_SetContext(PyObject *, void *);
PyAPI_FUNC(void *) PyCapsule_Import(const char *, int);

PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *);
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GetObject(ref)
#define PyWeakref_Check(op) 0

/* ------------------------------------------------------------------ errors */

PyAPI_FUNC(void) PyErr_SetString(PyObject *, const char *);
PyAPI_FUNC(void) PyErr_SetObject(PyObject *, PyObject *);
PyAPI_FUNC(void) PyErr_SetNone(PyObject *);
PyAPI_FUNC(PyObject *) PyErr_Format(PyObject *, const char *, ...);
PyAPI_FUNC(PyObject *) PyErr_FormatV(PyObject *, const char *, va_list);
PyAPI_FUNC(PyObject *) PyErr_NoMemory(void);
PyAPI_FUNC(int) PyErr_BadArgument(void);
PyAPI_FUNC(void) PyErr_BadInternalCall(void);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrno(PyObject *);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilename(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObject(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObjects(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyErr_Occurred(void);
PyAPI_FUNC(void) PyErr_Clear(void);
PyAPI_FUNC(void) PyErr_Fetch(PyObject **, PyObject **, PyObject **);
PyAPI_FUNC(void) PyErr_Restore(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(void) PyErr_NormalizeException(PyObject **, PyObject **, PyObject **);
PyAPI_FUNC(PyObject *) PyErr_GetHandledException(void);
PyAPI_FUNC(void) PyErr_SetHandledException(PyObject *);
PyAPI_FUNC(void) PyErr_GetExcInfo(PyObject **, PyObject **, PyObject **);
PyAPI_FUNC(void) PyErr_SetExcInfo(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyErr_GivenExceptionMatches(PyObject *, PyObject *);
PyAPI_FUNC(int) PyErr_ExceptionMatches(PyObject *);
PyAPI_FUNC(PyObject *) PyErr_NewException(const char *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyErr_NewExceptionWithDoc(const char *, const char *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *, const char *, Py_ssize_t);
PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *, Py_ssize_t, const char *, ...);
PyAPI_FUNC(int) PyErr_ResourceWarning(PyObject *, Py_ssize_t, const char *, ...);
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *, const char *, const char *, int, const char *, PyObject *);
#define PyErr_Warn(category, msg) PyErr_WarnEx(category, msg, 1)
PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int);
PyAPI_FUNC(void) PyErr_WriteUnraisable(PyObject *);
PyAPI_FUNC(void) PyErr_Display(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyErr_CheckSignals(void);
PyAPI_FUNC(void) PyErr_SetInterrupt(void);
PyAPI_FUNC(PyObject *) PyException_GetTraceback(PyObject *);
PyAPI_FUNC(int) PyException_SetTraceback(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyException_GetCause(PyObject *);
PyAPI_FUNC(void) PyException_SetCause(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyException_GetContext(PyObject *);
PyAPI_FUNC(void) PyException_SetContext(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyException_GetArgs(PyObject *);
PyAPI_FUNC(void) PyException_SetArgs(PyObject *, PyObject *);
PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *);
PyAPI_FUNC(void) _PyErr_BadInternalCall(const char *, int);
Py_NO_RETURN PyAPI_FUNC(void) Py_FatalError(const char *);

#define FPC_EXCEPTIONS(X) \
    X(BaseException) X(BaseExceptionGroup) X(Exception) X(StopIteration) X(StopAsyncIteration) \
    X(GeneratorExit) X(ArithmeticError) X(LookupError) X(AssertionError) X(AttributeError) \
    X(BufferError) X(EOFError) X(FloatingPointError) X(OSError) X(ImportError) \
    X(ModuleNotFoundError) X(IndexError) X(KeyError) X(KeyboardInterrupt) X(MemoryError) \
    X(NameError) X(OverflowError) X(RuntimeError) X(RecursionError) X(NotImplementedError) \
    X(SyntaxError) X(IndentationError) X(TabError) X(ReferenceError) X(SystemError) \
    X(SystemExit) X(TypeError) X(UnboundLocalError) X(UnicodeError) X(UnicodeEncodeError) \
    X(UnicodeDecodeError) X(UnicodeTranslateError) X(ValueError) X(ZeroDivisionError) \
    X(BlockingIOError) X(BrokenPipeError) X(ChildProcessError) X(ConnectionError) \
    X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError) \
    X(FileExistsError) X(FileNotFoundError) X(InterruptedError) X(IsADirectoryError) \
    X(NotADirectoryError) X(PermissionError) X(ProcessLookupError) X(TimeoutError) \
    X(EnvironmentError) X(IOError) X(Warning) X(UserWarning) X(DeprecationWarning) \
    X(PendingDeprecationWarning) X(SyntaxWarning) X(RuntimeWarning) X(FutureWarning) \
    X(ImportWarning) X(UnicodeWarning) X(BytesWarning) X(ResourceWarning) X(EncodingWarning)
#define FPC_DECLARE_EXC(name) PyAPI_DATA(PyObject *) PyExc_##name;
FPC_EXCEPTIONS(FPC_DECLARE_EXC)
#undef FPC_DECLARE_EXC

/* ------------------------------------------------------------------ argument parsing, building */

#define PY_CXX_CONST
typedef struct _PyArg_Parser {
    int initialized;
    const char *format;
    const char *const *keywords;
    const char *fname;
    const char *custom_msg;
    int pos;
    int min;
    int max;
    PyObject *kwtuple;
    struct _PyArg_Parser *next;
} _PyArg_Parser;

PyAPI_FUNC(int) PyArg_Parse(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *, const char *, va_list);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, va_list);
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *);
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t, Py_ssize_t, ...);
PyAPI_FUNC(int) _PyArg_ParseTuple_SizeT(PyObject *, const char *, ...);
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywords_SizeT(PyObject *, PyObject *, const char *, char **, ...);
PyAPI_FUNC(int) _PyArg_ParseStack(PyObject *const *, Py_ssize_t, const char *, ...);
PyAPI_FUNC(int) _PyArg_ParseStackAndKeywords(PyObject *const *, Py_ssize_t, PyObject *, _PyArg_Parser *, ...);
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywordsFast(PyObject *, PyObject *, _PyArg_Parser *, ...);
PyAPI_FUNC(int) _PyArg_UnpackStack(PyObject *const *, Py_ssize_t, const char *, Py_ssize_t, Py_ssize_t, ...);
PyAPI_FUNC(PyObject *const *) _PyArg_UnpackKeywords(PyObject *const *, Py_ssize_t, PyObject *, PyObject *, _PyArg_Parser *, int, int, int, PyObject **);
PyAPI_FUNC(int) _PyArg_CheckPositional(const char *, Py_ssize_t, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) _PyArg_NoKeywords(const char *, PyObject *);
PyAPI_FUNC(int) _PyArg_NoKwnames(const char *, PyObject *);
PyAPI_FUNC(int) _PyArg_NoPositional(const char *, PyObject *);
PyAPI_FUNC(void) _PyArg_BadArgument(const char *, const char *, const char *, PyObject *);
#define Py_CLEANUP_SUPPORTED 0x20000

PyAPI_FUNC(PyObject *) Py_BuildValue(const char *, ...);
PyAPI_FUNC(PyObject *) _Py_BuildValue_SizeT(const char *, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *, va_list);

/* ------------------------------------------------------------------ modules */

PyAPI_DATA(PyTypeObject) PyModuleDef_Type;
PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *, int);
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *);
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *, PyObject *, int);
#define PyModule_FromDefAndSpec(module, spec) PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *, PyModuleDef *);
PyAPI_FUNC(PyObject *) PyModule_New(const char *);
PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *);
PyAPI_FUNC(int) PyModule_AddObject(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *, const char *, long);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *, const char *, const char *);
PyAPI_FUNC(int) PyModule_AddType(PyObject *, PyTypeObject *);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *, PyMethodDef *);
PyAPI_FUNC(int) PyModule_SetDocString(PyObject *, const char *);
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *);
PyAPI_FUNC(int) PyState_AddModule(PyObject *, PyModuleDef *);
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *);

PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleNoBlock(const char *);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *, PyObject *, PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *);
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *);
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *);
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *);

/* ------------------------------------------------------------------ interpreter, threads, misc */

typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE);
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);
PyAPI_FUNC(int) PyGILState_Check(void);
PyAPI_FUNC(PyThreadState *) PyEval_SaveThread(void);
PyAPI_FUNC(void) PyEval_RestoreThread(PyThreadState *);
PyAPI_FUNC(void) PyEval_InitThreads(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *);
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void);
#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save; _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }

PyAPI_FUNC(int) Py_IsInitialized(void);
PyAPI_FUNC(int) Py_AtExit(void (*)(void));
PyAPI_FUNC(const char *) Py_GetVersion(void);
PyAPI_FUNC(int) Py_GetRecursionLimit(void);
PyAPI_FUNC(PyObject *) PySys_GetObject(const char *);
PyAPI_FUNC(int) PySys_SetObject(const char *, PyObject *);
PyAPI_FUNC(void) PySys_WriteStdout(const char *, ...);
PyAPI_FUNC(void) PySys_WriteStderr(const char *, ...);
PyAPI_FUNC(void) PySys_FormatStdout(const char *, ...);
PyAPI_FUNC(void) PySys_FormatStderr(const char *, ...);
PyAPI_FUNC(int) PySys_Audit(const char *, const char *, ...);
PyAPI_FUNC(int) PyOS_snprintf(char *, size_t, const char *, ...);
PyAPI_FUNC(int) PyOS_vsnprintf(char *, size_t, const char *, va_list);
PyAPI_FUNC(double) PyOS_string_to_double(const char *, char **, PyObject *);
PyAPI_FUNC(char *) PyOS_double_to_string(double, char, int, int, int *);
PyAPI_FUNC(long) PyOS_strtol(const char *, char **, int);
PyAPI_FUNC(unsigned long) PyOS_strtoul(const char *, char **, int);
PyAPI_FUNC(int) PyOS_stricmp(const char *, const char *);
PyAPI_FUNC(int) PyOS_mystricmp(const char *, const char *);
PyAPI_FUNC(int) PyOS_InterruptOccurred(void);
PyAPI_FUNC(Py_hash_t) _Py_HashBytes(const void *, Py_ssize_t);
#define Py_DTSF_SIGN 0x01
#define Py_DTSF_ADD_DOT_0 0x02
#define Py_DTSF_ALT 0x04
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2
#define PyOS_strnicmp strncasecmp

/* ------------------------------------------------------------------ identifiers, struct sequences, files */

typedef struct _Py_Identifier {
    const char *string;
    Py_ssize_t index;
} _Py_Identifier;
#define _Py_static_string_init(value) { .string = (value), .index = -1 }
#define _Py_static_string(varname, value) static _Py_Identifier varname = _Py_static_string_init(value)
#define _Py_IDENTIFIER(varname) _Py_static_string(PyId_##varname, #varname)
PyAPI_FUNC(PyObject *) _PyUnicode_FromId(_Py_Identifier *);
PyAPI_FUNC(PyObject *) _PyObject_GetAttrId(PyObject *, _Py_Identifier *);
PyAPI_FUNC(int) _PyObject_SetAttrId(PyObject *, _Py_Identifier *, PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_CallMethodId(PyObject *, _Py_Identifier *, const char *, ...);
PyAPI_FUNC(PyObject *) _PyObject_CallMethodIdObjArgs(PyObject *, _Py_Identifier *, ...);
PyAPI_FUNC(PyObject *) _PyDict_GetItemId(PyObject *, _Py_Identifier *);
PyAPI_FUNC(int) _PyDict_SetItemId(PyObject *, _Py_Identifier *, PyObject *);

typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;
typedef struct PyStructSequence_Desc {
    const char *name;
    const char *doc;
    PyStructSequence_Field *fields;
    int n_in_sequence;
} PyStructSequence_Desc;
PyAPI_DATA(const char *const) PyStructSequence_UnnamedField;
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *);
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *, PyStructSequence_Desc *);
PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *, PyStructSequence_Desc *);
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *);
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *, Py_ssize_t);
#define PyStructSequence_SET_ITEM(op, i, v) PyStructSequence_SetItem((op), (i), (v))
#define PyStructSequence_GET_ITEM(op, i) PyStructSequence_GetItem((op), (i))
typedef PyTupleObject PyStructSequence;

PyAPI_FUNC(int) PyFile_WriteString(const char *, PyObject *);
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *, int);
#define Py_PRINT_RAW 1
#define Py_VA_COPY va_copy

#ifdef __cplusplus
}
#endif

#endif /* FPCAST_MOCK_PYTHON_H */

/*
 * fpcast wasm harness: the mock C-API behind include/Python.h.
 *
 * Two jobs.  First, record registrations the way CPython would see them at
 * run time (module defs, method tables, types, specs) so the driver can
 * call every registered function.  Second, give function bodies running on
 * dummy objects something harmless to talk to: every call succeeds where it
 * reasonably can, objects are never freed (each harness call runs in a
 * fresh wasm instance), NULL is tolerated.
 */
#include "fpc_runtime.h"
#include "pythread.h"

/* ====================================================================== allocation */

static void *fpc_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p) {
        fputs("fpcast mock: out of memory\n", stderr);
        abort();
    }
    return p;
}

static PyObject *fpc_object(PyTypeObject *type, size_t size)
{
    PyObject *o = fpc_alloc(size < sizeof(PyObject) ? sizeof(PyObject) : size);
    o->ob_refcnt = 1;
    o->ob_type = type;
    return o;
}

void *PyMem_Malloc(size_t n) { return malloc(n ? n : 1); }
void *PyMem_Calloc(size_t n, size_t m) { return calloc(n ? n : 1, m ? m : 1); }
void *PyMem_Realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
/* Freeing is a no-op: bodies on dummy objects may free what they never allocated. */
void PyMem_Free(void *p) { (void)p; }
void *PyMem_RawMalloc(size_t n) { return PyMem_Malloc(n); }
void *PyMem_RawCalloc(size_t n, size_t m) { return PyMem_Calloc(n, m); }
void *PyMem_RawRealloc(void *p, size_t n) { return PyMem_Realloc(p, n); }
void PyMem_RawFree(void *p) { (void)p; }
void *PyObject_Malloc(size_t n) { return PyMem_Malloc(n); }
void *PyObject_Calloc(size_t n, size_t m) { return PyMem_Calloc(n, m); }
void *PyObject_Realloc(void *p, size_t n) { return PyMem_Realloc(p, n); }
void PyObject_Free(void *p) { (void)p; }
void PyObject_GC_Del(void *p) { (void)p; }
void PyObject_GC_Track(void *p) { (void)p; }
void PyObject_GC_UnTrack(void *p) { (void)p; }
int PyObject_GC_IsTracked(PyObject *o) { (void)o; return 0; }
int PyObject_GC_IsFinalized(PyObject *o) { (void)o; return 0; }
Py_ssize_t PyGC_Collect(void) { return 0; }
void Py_IncRef(PyObject *o) { _fpc_incref(o); }
void Py_DecRef(PyObject *o) { _fpc_decref(o); }

/* ====================================================================== builtin types */

static void fpc_object_dealloc(PyObject *self)
{
    /* What object.__dealloc__ does: hand the memory to the type's tp_free. */
    PyTypeObject *t = Py_TYPE(self);
    if (t && t->tp_free)
        t->tp_free(self);
}

static int fpc_object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    (void)self; (void)args; (void)kwds;
    return 0;
}

/* Builtin types carry the generic slots extensions call directly
 * (PyList_Type.tp_init(...), PyBaseObject_Type.tp_dealloc(...)). */
#define FPC_TYPE_INIT(pyname, size, flags, base) \
    { PyVarObject_HEAD_INIT(&PyType_Type, 0) \
      .tp_name = (pyname), \
      .tp_basicsize = (size), \
      .tp_dealloc = fpc_object_dealloc, \
      .tp_repr = PyObject_Repr, \
      .tp_hash = PyObject_Hash, \
      .tp_str = PyObject_Str, \
      .tp_getattro = PyObject_GenericGetAttr, \
      .tp_setattro = PyObject_GenericSetAttr, \
      .tp_flags = Py_TPFLAGS_READY | Py_TPFLAGS_BASETYPE | (flags), \
      .tp_richcompare = PyObject_RichCompare, \
      .tp_base = (base), \
      .tp_init = fpc_object_init, \
      .tp_alloc = PyType_GenericAlloc, \
      .tp_new = PyType_GenericNew, \
      .tp_free = PyObject_Free, \
      .tp_version_tag = FPC_BUILTIN_TAG }

PyTypeObject PyType_Type = FPC_TYPE_INIT("type", sizeof(PyHeapTypeObject), Py_TPFLAGS_TYPE_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PyBaseObject_Type = FPC_TYPE_INIT("object", sizeof(PyObject), 0, NULL);
PyTypeObject PySuper_Type = FPC_TYPE_INIT("super", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyLong_Type = FPC_TYPE_INIT("int", sizeof(PyLongObject), Py_TPFLAGS_LONG_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PyBool_Type = FPC_TYPE_INIT("bool", sizeof(PyLongObject), Py_TPFLAGS_LONG_SUBCLASS, &PyLong_Type);
PyTypeObject PyFloat_Type = FPC_TYPE_INIT("float", sizeof(PyFloatObject), 0, &PyBaseObject_Type);
PyTypeObject PyComplex_Type = FPC_TYPE_INIT("complex", sizeof(PyComplexObject), 0, &PyBaseObject_Type);
PyTypeObject PyUnicode_Type = FPC_TYPE_INIT("str", sizeof(PyUnicodeObject), Py_TPFLAGS_UNICODE_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PyBytes_Type = FPC_TYPE_INIT("bytes", sizeof(PyBytesObject), Py_TPFLAGS_BYTES_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PyByteArray_Type = FPC_TYPE_INIT("bytearray", sizeof(PyByteArrayObject), 0, &PyBaseObject_Type);
PyTypeObject PyTuple_Type = FPC_TYPE_INIT("tuple", sizeof(PyTupleObject), Py_TPFLAGS_TUPLE_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PyList_Type = FPC_TYPE_INIT("list", sizeof(PyListObject), Py_TPFLAGS_LIST_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PyDict_Type = FPC_TYPE_INIT("dict", sizeof(PyDictObject), Py_TPFLAGS_DICT_SUBCLASS, &PyBaseObject_Type);
PyTypeObject PySet_Type = FPC_TYPE_INIT("set", sizeof(PyDictObject), 0, &PyBaseObject_Type);
PyTypeObject PyFrozenSet_Type = FPC_TYPE_INIT("frozenset", sizeof(PyDictObject), 0, &PyBaseObject_Type);
PyTypeObject PySlice_Type = FPC_TYPE_INIT("slice", sizeof(PySliceObject), 0, &PyBaseObject_Type);
PyTypeObject PyRange_Type = FPC_TYPE_INIT("range", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyModule_Type = FPC_TYPE_INIT("module", sizeof(fpc_module), 0, &PyBaseObject_Type);
PyTypeObject PyModuleDef_Type = FPC_TYPE_INIT("moduledef", sizeof(PyModuleDef), 0, &PyBaseObject_Type);
PyTypeObject PyCFunction_Type = FPC_TYPE_INIT("builtin_function_or_method", sizeof(PyCMethodObject), 0, &PyBaseObject_Type);
PyTypeObject PyCMethod_Type = FPC_TYPE_INIT("builtin_method", sizeof(PyCMethodObject), 0, &PyCFunction_Type);
PyTypeObject PyCapsule_Type = FPC_TYPE_INIT("PyCapsule", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyMemoryView_Type = FPC_TYPE_INIT("memoryview", sizeof(PyObject) + sizeof(Py_buffer), 0, &PyBaseObject_Type);
PyTypeObject PyProperty_Type = FPC_TYPE_INIT("property", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyClassMethod_Type = FPC_TYPE_INIT("classmethod", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyStaticMethod_Type = FPC_TYPE_INIT("staticmethod", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyFunction_Type = FPC_TYPE_INIT("function", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyMethod_Type = FPC_TYPE_INIT("method", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PySeqIter_Type = FPC_TYPE_INIT("iterator", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);
PyTypeObject PyEllipsis_Type = FPC_TYPE_INIT("ellipsis", sizeof(PyObject), 0, &PyBaseObject_Type);
PyTypeObject _PyNone_Type = FPC_TYPE_INIT("NoneType", sizeof(PyObject), 0, &PyBaseObject_Type);
PyTypeObject _PyNotImplemented_Type = FPC_TYPE_INIT("NotImplementedType", sizeof(PyObject), 0, &PyBaseObject_Type);
static PyTypeObject fpc_spec_type = FPC_TYPE_INIT("ModuleSpec", sizeof(fpc_spec), 0, &PyBaseObject_Type);
static PyTypeObject fpc_weakref_type = FPC_TYPE_INIT("weakref", sizeof(PyObject) + 16, 0, &PyBaseObject_Type);

#define FPC_IMMORTAL (1 << 28)
PyObject _Py_NoneStruct = { FPC_IMMORTAL, &_PyNone_Type };
PyObject _Py_NotImplementedStruct = { FPC_IMMORTAL, &_PyNotImplemented_Type };
PyObject _Py_EllipsisObject = { FPC_IMMORTAL, &PyEllipsis_Type };
PyLongObject _Py_FalseStruct = { { { FPC_IMMORTAL, &PyBool_Type }, 0 }, 0 };
PyLongObject _Py_TrueStruct = { { { FPC_IMMORTAL, &PyBool_Type }, 1 }, 1 };

/* Exception classes: one type object each; all derive from Exception, which
 * derives from BaseException (fixed up at start-up, see fpc_exceptions_init). */
#define FPC_EXC_FLAGS (Py_TPFLAGS_BASE_EXC_SUBCLASS)
static PyTypeObject fpc_exc_Exception_type_;
#define FPC_DEFINE_EXC_TYPE(name) \
    static PyTypeObject fpc_exc_##name##_type_ = \
        FPC_TYPE_INIT(#name, sizeof(PyBaseExceptionObject), FPC_EXC_FLAGS, &fpc_exc_Exception_type_);
FPC_EXCEPTIONS(FPC_DEFINE_EXC_TYPE)
#undef FPC_DEFINE_EXC_TYPE
__attribute__((constructor)) static void fpc_exceptions_init(void)
{
    fpc_exc_Exception_type_.tp_base = &fpc_exc_BaseException_type_;
    fpc_exc_BaseException_type_.tp_base = &PyBaseObject_Type;
}
#define FPC_DEFINE_EXC(name) PyObject *PyExc_##name = (PyObject *)&fpc_exc_##name##_type_;
FPC_EXCEPTIONS(FPC_DEFINE_EXC)
#undef FPC_DEFINE_EXC

/* ====================================================================== errors and formatting */

static PyObject *fpc_err_type;
static PyObject *fpc_err_value;
static char fpc_err_text[1024];

static const char *fpc_type_name(PyTypeObject *t)
{
    return t && t->tp_name ? t->tp_name : "?";
}

static const char *fpc_text(PyObject *o)
{
    static char buf[64];
    if (!o)
        return "<NULL>";
    if (Py_TYPE(o) && PyUnicode_Check(o))
        return ((PyUnicodeObject *)o)->fpc_utf8;
    if (Py_TYPE(o) && PyBytes_Check(o))
        return ((PyBytesObject *)o)->ob_sval;
    if (Py_TYPE(o) && PyLong_Check(o)) {
        snprintf(buf, sizeof buf, "%lld", ((PyLongObject *)o)->fpc_value);
        return buf;
    }
    if (o == Py_None)
        return "None";
    if (Py_TYPE(o) && PyType_Check(o))
        return fpc_type_name((PyTypeObject *)o);
    snprintf(buf, sizeof buf, "<%s object>", fpc_type_name(Py_TYPE(o)));
    return buf;
}

/* printf with CPython's extra conversions (%U %S %R %A %V %T %N). */
static size_t fpc_vformat(char *out, size_t cap, const char *fmt, va_list *ap)
{
    size_t n = 0;
#define FPC_PUTS(s) \
    do { \
        const char *_s = (s); \
        for (; *_s; _s++) { \
            if (n + 1 < cap) out[n] = *_s; \
            n++; \
        } \
    } while (0)
    for (const char *p = fmt; p && *p; p++) {
        if (*p != '%') {
            if (n + 1 < cap)
                out[n] = *p;
            n++;
            continue;
        }
        p++;
        if (*p == '%') {
            if (n + 1 < cap)
                out[n] = '%';
            n++;
            continue;
        }
        char spec[40] = "%";
        size_t sl = 1;
        while (*p && strchr("-+ #0", *p) && sl < 8)
            spec[sl++] = *p++;
        if (*p == '*') {
            sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%d", va_arg(*ap, int));
            p++;
        }
        while (*p >= '0' && *p <= '9' && sl < 20)
            spec[sl++] = *p++;
        if (*p == '.') {
            spec[sl++] = *p++;
            if (*p == '*') {
                sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%d", va_arg(*ap, int));
                p++;
            }
            while (*p >= '0' && *p <= '9' && sl < 30)
                spec[sl++] = *p++;
        }
        int len = 0; /* 1 l, 2 ll, 3 z, 4 t, 5 j, 6 h */
        if (*p == 'l') { len = 1; p++; if (*p == 'l') { len = 2; p++; } }
        else if (*p == 'z') { len = 3; p++; }
        else if (*p == 't') { len = 4; p++; }
        else if (*p == 'j') { len = 5; p++; }
        else if (*p == 'h') { len = 6; p++; if (*p == 'h') p++; }
        char tmp[128];
        char conv = *p;
        if (!conv)
            break;
        switch (conv) {
        case 'd': case 'i': {
            long long v = len == 2 || len == 5 ? va_arg(*ap, long long)
                        : len == 1 ? va_arg(*ap, long)
                        : len == 3 || len == 4 ? (long long)va_arg(*ap, Py_ssize_t)
                        : va_arg(*ap, int);
            spec[sl] = 0;
            strcat(spec, "lld");
            snprintf(tmp, sizeof tmp, spec, v);
            FPC_PUTS(tmp);
            break;
        }
        case 'u': case 'x': case 'X': case 'o': {
            unsigned long long v = len == 2 || len == 5 ? va_arg(*ap, unsigned long long)
                                 : len == 1 ? va_arg(*ap, unsigned long)
                                 : len == 3 || len == 4 ? (unsigned long long)va_arg(*ap, size_t)
                                 : va_arg(*ap, unsigned int);
            spec[sl] = 0;
            char c2[4] = { 'l', 'l', conv, 0 };
            strcat(spec, c2);
            snprintf(tmp, sizeof tmp, spec, v);
            FPC_PUTS(tmp);
            break;
        }
        case 'f': case 'F': case 'g': case 'G': case 'e': case 'E': {
            double v = va_arg(*ap, double);
            spec[sl++] = conv;
            spec[sl] = 0;
            snprintf(tmp, sizeof tmp, spec, v);
            FPC_PUTS(tmp);
            break;
        }
        case 'c': {
            char c[2] = { (char)va_arg(*ap, int), 0 };
            FPC_PUTS(c);
            break;
        }
        case 's': {
            const char *s = va_arg(*ap, const char *);
            FPC_PUTS(s ? s : "(null)");
            break;
        }
        case 'p': {
            snprintf(tmp, sizeof tmp, "%p", va_arg(*ap, void *));
            FPC_PUTS(tmp);
            break;
        }
        case 'U': case 'S': case 'R': case 'A':
            FPC_PUTS(fpc_text(va_arg(*ap, PyObject *)));
            break;
        case 'V': {
            PyObject *o = va_arg(*ap, PyObject *);
            const char *s = va_arg(*ap, const char *);
            FPC_PUTS(o ? fpc_text(o) : s ? s : "(null)");
            break;
        }
        case 'T': case 'N': {
            PyObject *o = va_arg(*ap, PyObject *);
            FPC_PUTS(o ? fpc_type_name(conv == 'T' ? Py_TYPE(o) : (PyTypeObject *)o) : "NULL");
            break;
        }
        default:
            break;
        }
    }
    if (cap)
        out[n < cap ? n : cap - 1] = 0;
    return n;
#undef FPC_PUTS
}

static void fpc_set_error(PyObject *type, const char *text)
{
    fpc_err_type = type ? type : PyExc_SystemError;
    fpc_err_value = NULL;
    snprintf(fpc_err_text, sizeof fpc_err_text, "%s: %s", fpc_text(fpc_err_type), text ? text : "");
}

const char *fpc_err_message(void) { return fpc_err_type ? fpc_err_text : ""; }

void PyErr_SetString(PyObject *type, const char *msg) { fpc_set_error(type, msg); }
void PyErr_SetObject(PyObject *type, PyObject *value)
{
    fpc_set_error(type, value ? fpc_text(value) : "");
    fpc_err_value = value;
}
void PyErr_SetNone(PyObject *type) { fpc_set_error(type, ""); }
PyObject *PyErr_FormatV(PyObject *type, const char *fmt, va_list ap)
{
    char buf[512];
    va_list cp;
    va_copy(cp, ap);
    fpc_vformat(buf, sizeof buf, fmt, &cp);
    va_end(cp);
    fpc_set_error(type, buf);
    return NULL;
}
PyObject *PyErr_Format(PyObject *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyErr_FormatV(type, fmt, ap);
    va_end(ap);
    return NULL;
}
PyObject *PyErr_NoMemory(void) { fpc_set_error(PyExc_MemoryError, ""); return NULL; }
int PyErr_BadArgument(void) { fpc_set_error(PyExc_TypeError, "bad argument type for built-in operation"); return 0; }
void PyErr_BadInternalCall(void) { fpc_set_error(PyExc_SystemError, "bad argument to internal function"); }
void _PyErr_BadInternalCall(const char *file, int line) { (void)file; (void)line; PyErr_BadInternalCall(); }
PyObject *PyErr_SetFromErrno(PyObject *type) { fpc_set_error(type, strerror(errno)); return NULL; }
PyObject *PyErr_SetFromErrnoWithFilename(PyObject *type, const char *f) { fpc_set_error(type, f); return NULL; }
PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *type, PyObject *f) { fpc_set_error(type, fpc_text(f)); return NULL; }
PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *type, PyObject *f, PyObject *g) { (void)g; return PyErr_SetFromErrnoWithFilenameObject(type, f); }
PyObject *PyErr_Occurred(void) { return fpc_err_type; }
void PyErr_Clear(void) { fpc_err_type = NULL; fpc_err_value = NULL; fpc_err_text[0] = 0; }
void PyErr_Fetch(PyObject **t, PyObject **v, PyObject **tb)
{
    if (t) *t = fpc_err_type;
    if (v) *v = fpc_err_value;
    if (tb) *tb = NULL;
    fpc_err_type = NULL;
    fpc_err_value = NULL;
}
void PyErr_Restore(PyObject *t, PyObject *v, PyObject *tb) { (void)tb; fpc_err_type = t; fpc_err_value = v; }
void PyErr_NormalizeException(PyObject **t, PyObject **v, PyObject **tb) { (void)t; (void)v; (void)tb; }
PyObject *PyErr_GetHandledException(void) { return NULL; }
void PyErr_SetHandledException(PyObject *e) { (void)e; }
void PyErr_GetExcInfo(PyObject **t, PyObject **v, PyObject **tb) { if (t) *t = NULL; if (v) *v = NULL; if (tb) *tb = NULL; }
void PyErr_SetExcInfo(PyObject *t, PyObject *v, PyObject *tb) { (void)t; (void)v; (void)tb; }
int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc)
{
    if (!given || !exc)
        return 0;
    if (Py_TYPE(exc) && PyTuple_Check(exc)) {
        for (Py_ssize_t i = 0; i < Py_SIZE(exc); i++)
            if (PyErr_GivenExceptionMatches(given, PyTuple_GET_ITEM(exc, i)))
                return 1;
        return 0;
    }
    if (given == exc)
        return 1;
    if (Py_TYPE(given) && PyType_Check(given) && Py_TYPE(exc) && PyType_Check(exc))
        return PyType_IsSubtype((PyTypeObject *)given, (PyTypeObject *)exc);
    return 0;
}
int PyErr_ExceptionMatches(PyObject *exc) { return PyErr_GivenExceptionMatches(fpc_err_type, exc); }
PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    (void)dict;
    PyTypeObject *t = (PyTypeObject *)fpc_object(&PyType_Type, sizeof(PyHeapTypeObject));
    t->tp_name = name;
    t->tp_basicsize = sizeof(PyBaseExceptionObject);
    t->tp_flags = Py_TPFLAGS_READY | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS;
    t->tp_base = base && Py_TYPE(base) && PyType_Check(base) ? (PyTypeObject *)base : &fpc_exc_Exception_type_;
    t->tp_alloc = PyType_GenericAlloc;
    t->tp_new = PyType_GenericNew;
    t->tp_free = PyObject_Free;
    t->tp_dealloc = fpc_object_dealloc;
    t->tp_version_tag = FPC_BUILTIN_TAG;
    return (PyObject *)t;
}
PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict)
{
    (void)doc;
    return PyErr_NewException(name, base, dict);
}
int PyErr_WarnEx(PyObject *c, const char *m, Py_ssize_t s) { (void)c; (void)m; (void)s; return 0; }
int PyErr_WarnFormat(PyObject *c, Py_ssize_t s, const char *f, ...) { (void)c; (void)s; (void)f; return 0; }
int PyErr_ResourceWarning(PyObject *c, Py_ssize_t s, const char *f, ...) { (void)c; (void)s; (void)f; return 0; }
int PyErr_WarnExplicit(PyObject *c, const char *m, const char *f, int l, const char *mod, PyObject *r)
{
    (void)c; (void)m; (void)f; (void)l; (void)mod; (void)r;
    return 0;
}
void PyErr_Print(void) { if (fpc_err_type) fprintf(stderr, "%s\n", fpc_err_text); PyErr_Clear(); }
void PyErr_PrintEx(int x) { (void)x; PyErr_Print(); }
void PyErr_WriteUnraisable(PyObject *o) { (void)o; PyErr_Clear(); }
void PyErr_Display(PyObject *a, PyObject *b, PyObject *c) { (void)a; (void)b; (void)c; }
int PyErr_CheckSignals(void) { return 0; }
void PyErr_SetInterrupt(void) {}
PyObject *PyException_GetTraceback(PyObject *e) { (void)e; return NULL; }
int PyException_SetTraceback(PyObject *e, PyObject *tb) { (void)e; (void)tb; return 0; }
PyObject *PyException_GetCause(PyObject *e) { (void)e; return NULL; }
void PyException_SetCause(PyObject *e, PyObject *c) { (void)e; (void)c; }
PyObject *PyException_GetContext(PyObject *e) { (void)e; return NULL; }
void PyException_SetContext(PyObject *e, PyObject *c) { (void)e; (void)c; }
PyObject *PyException_GetArgs(PyObject *e) { (void)e; return PyTuple_New(0); }
void PyException_SetArgs(PyObject *e, PyObject *a) { (void)e; (void)a; }
int PyTraceBack_Here(PyFrameObject *f) { (void)f; return 0; }
void Py_FatalError(const char *msg)
{
    fprintf(stderr, "Fatal Python error: %s\n", msg);
    abort();
}

/* ====================================================================== numbers */

static PyObject *fpc_long(long long v)
{
    PyLongObject *o = (PyLongObject *)fpc_object(&PyLong_Type, sizeof(PyLongObject));
    o->fpc_value = v;
    Py_SET_SIZE(o, v != 0);
    return (PyObject *)o;
}

static long long fpc_as_ll(PyObject *o)
{
    if (!o || !Py_TYPE(o))
        return 0;
    if (PyLong_Check(o))
        return ((PyLongObject *)o)->fpc_value;
    if (PyFloat_Check(o))
        return (long long)((PyFloatObject *)o)->ob_fval;
    return 0;
}

static double fpc_as_double(PyObject *o)
{
    if (!o || !Py_TYPE(o))
        return 0.0;
    if (PyFloat_Check(o))
        return ((PyFloatObject *)o)->ob_fval;
    if (PyLong_Check(o))
        return (double)((PyLongObject *)o)->fpc_value;
    return 0.0;
}

PyObject *PyLong_FromLong(long v) { return fpc_long(v); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return fpc_long((long long)v); }
PyObject *PyLong_FromLongLong(long long v) { return fpc_long(v); }
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) { return fpc_long((long long)v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return fpc_long(v); }
PyObject *PyLong_FromSize_t(size_t v) { return fpc_long((long long)v); }
PyObject *PyLong_FromDouble(double v) { return fpc_long((long long)v); }
PyObject *PyLong_FromVoidPtr(void *p) { return fpc_long((long long)(uintptr_t)p); }
PyObject *PyLong_FromString(const char *s, char **end, int base) { return fpc_long(strtoll(s ? s : "0", end, base)); }
long PyLong_AsLong(PyObject *o) { return (long)fpc_as_ll(o); }
long PyLong_AsLongAndOverflow(PyObject *o, int *ovf) { if (ovf) *ovf = 0; return (long)fpc_as_ll(o); }
long long PyLong_AsLongLong(PyObject *o) { return fpc_as_ll(o); }
long long PyLong_AsLongLongAndOverflow(PyObject *o, int *ovf) { if (ovf) *ovf = 0; return fpc_as_ll(o); }
unsigned long PyLong_AsUnsignedLong(PyObject *o) { return (unsigned long)fpc_as_ll(o); }
unsigned long long PyLong_AsUnsignedLongLong(PyObject *o) { return (unsigned long long)fpc_as_ll(o); }
unsigned long PyLong_AsUnsignedLongMask(PyObject *o) { return (unsigned long)fpc_as_ll(o); }
unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *o) { return (unsigned long long)fpc_as_ll(o); }
Py_ssize_t PyLong_AsSsize_t(PyObject *o) { return (Py_ssize_t)fpc_as_ll(o); }
size_t PyLong_AsSize_t(PyObject *o) { return (size_t)fpc_as_ll(o); }
double PyLong_AsDouble(PyObject *o) { return fpc_as_double(o); }
void *PyLong_AsVoidPtr(PyObject *o) { return (void *)(uintptr_t)fpc_as_ll(o); }
int _PyLong_AsInt(PyObject *o) { return (int)fpc_as_ll(o); }
PyObject *PyBool_FromLong(long v) { return Py_NewRef(v ? Py_True : Py_False); }

PyObject *PyFloat_FromDouble(double v)
{
    PyFloatObject *o = (PyFloatObject *)fpc_object(&PyFloat_Type, sizeof(PyFloatObject));
    o->ob_fval = v;
    return (PyObject *)o;
}
PyObject *PyFloat_FromString(PyObject *s) { return PyFloat_FromDouble(strtod(fpc_text(s), NULL)); }
double PyFloat_AsDouble(PyObject *o) { return fpc_as_double(o); }
double PyFloat_GetMax(void) { return DBL_MAX; }
double PyFloat_GetMin(void) { return DBL_MIN; }

PyObject *PyComplex_FromDoubles(double re, double im)
{
    PyComplexObject *o = (PyComplexObject *)fpc_object(&PyComplex_Type, sizeof(PyComplexObject));
    o->cval.real = re;
    o->cval.imag = im;
    return (PyObject *)o;
}
PyObject *PyComplex_FromCComplex(Py_complex c) { return PyComplex_FromDoubles(c.real, c.imag); }
double PyComplex_RealAsDouble(PyObject *o) { return o && Py_TYPE(o) && PyComplex_Check(o) ? ((PyComplexObject *)o)->cval.real : fpc_as_double(o); }
double PyComplex_ImagAsDouble(PyObject *o) { return o && Py_TYPE(o) && PyComplex_Check(o) ? ((PyComplexObject *)o)->cval.imag : 0.0; }
Py_complex PyComplex_AsCComplex(PyObject *o)
{
    Py_complex c = { PyComplex_RealAsDouble(o), PyComplex_ImagAsDouble(o) };
    return c;
}

int PyNumber_Check(PyObject *o) { return o && Py_TYPE(o) && (PyLong_Check(o) || PyFloat_Check(o) || PyComplex_Check(o)); }
int PyIndex_Check(PyObject *o) { return o && Py_TYPE(o) && PyLong_Check(o); }
#define FPC_BINOP(name) PyObject *name(PyObject *a, PyObject *b) { (void)b; return fpc_long(fpc_as_ll(a)); }
FPC_BINOP(PyNumber_Add)
FPC_BINOP(PyNumber_Subtract)
FPC_BINOP(PyNumber_Multiply)
FPC_BINOP(PyNumber_MatrixMultiply)
FPC_BINOP(PyNumber_FloorDivide)
FPC_BINOP(PyNumber_TrueDivide)
FPC_BINOP(PyNumber_Remainder)
FPC_BINOP(PyNumber_Divmod)
FPC_BINOP(PyNumber_Lshift)
FPC_BINOP(PyNumber_Rshift)
FPC_BINOP(PyNumber_And)
FPC_BINOP(PyNumber_Xor)
FPC_BINOP(PyNumber_Or)
FPC_BINOP(PyNumber_InPlaceAdd)
FPC_BINOP(PyNumber_InPlaceSubtract)
FPC_BINOP(PyNumber_InPlaceMultiply)
#undef FPC_BINOP
PyObject *PyNumber_Power(PyObject *a, PyObject *b, PyObject *c) { (void)b; (void)c; return fpc_long(fpc_as_ll(a)); }
PyObject *PyNumber_Negative(PyObject *a) { return fpc_long(-fpc_as_ll(a)); }
PyObject *PyNumber_Positive(PyObject *a) { return fpc_long(fpc_as_ll(a)); }
PyObject *PyNumber_Absolute(PyObject *a) { long long v = fpc_as_ll(a); return fpc_long(v < 0 ? -v : v); }
PyObject *PyNumber_Invert(PyObject *a) { return fpc_long(~fpc_as_ll(a)); }
PyObject *PyNumber_Index(PyObject *a) { return fpc_long(fpc_as_ll(a)); }
Py_ssize_t PyNumber_AsSsize_t(PyObject *a, PyObject *exc) { (void)exc; return (Py_ssize_t)fpc_as_ll(a); }
PyObject *PyNumber_Long(PyObject *a) { return fpc_long(fpc_as_ll(a)); }
PyObject *PyNumber_Float(PyObject *a) { return PyFloat_FromDouble(fpc_as_double(a)); }
PyObject *PyNumber_ToBase(PyObject *a, int base) { (void)base; return PyUnicode_FromString(fpc_text(a)); }

/* ====================================================================== str, bytes, bytearray */

static PyObject *fpc_str(const char *s, Py_ssize_t n)
{
    if (n < 0)
        n = s ? (Py_ssize_t)strlen(s) : 0;
    PyUnicodeObject *o = (PyUnicodeObject *)fpc_object(&PyUnicode_Type, sizeof(PyUnicodeObject) + (size_t)n + 1);
    o->fpc_utf8 = (char *)(o + 1);
    if (s && n)
        memcpy(o->fpc_utf8, s, (size_t)n);
    Py_SET_SIZE(o, n);
    o->hash = -1;
    return (PyObject *)o;
}

static const char *fpc_utf8(PyObject *o, Py_ssize_t *size)
{
    const char *s = "";
    Py_ssize_t n = 0;
    if (o && Py_TYPE(o) && PyUnicode_Check(o)) {
        s = ((PyUnicodeObject *)o)->fpc_utf8;
        n = Py_SIZE(o);
    } else if (o && Py_TYPE(o) && PyBytes_Check(o)) {
        s = ((PyBytesObject *)o)->ob_sval;
        n = Py_SIZE(o);
    }
    if (size)
        *size = n;
    return s;
}

static PyObject *fpc_bytes(const char *s, Py_ssize_t n)
{
    if (n < 0)
        n = s ? (Py_ssize_t)strlen(s) : 0;
    PyBytesObject *o = (PyBytesObject *)fpc_object(&PyBytes_Type, sizeof(PyBytesObject) + (size_t)n + 1);
    if (s && n)
        memcpy(o->ob_sval, s, (size_t)n);
    Py_SET_SIZE(o, n);
    o->ob_shash = -1;
    return (PyObject *)o;
}

static PyObject *fpc_bytearray(const char *s, Py_ssize_t n)
{
    PyByteArrayObject *o = (PyByteArrayObject *)fpc_object(&PyByteArray_Type, sizeof(PyByteArrayObject));
    o->ob_bytes = fpc_alloc((size_t)(n > 0 ? n : 0) + 1);
    o->ob_start = o->ob_bytes;
    o->ob_alloc = n + 1;
    if (s && n > 0)
        memcpy(o->ob_bytes, s, (size_t)n);
    Py_SET_SIZE(o, n > 0 ? n : 0);
    return (PyObject *)o;
}

static PyObject *fpc_vstr(const char *fmt, va_list ap)
{
    char buf[2048];
    va_list cp;
    va_copy(cp, ap);
    fpc_vformat(buf, sizeof buf, fmt, &cp);
    va_end(cp);
    return fpc_str(buf, -1);
}

PyObject *PyUnicode_New(Py_ssize_t n, Py_UCS4 maxchar) { (void)maxchar; return fpc_str(NULL, n < 0 ? 0 : n); }
PyObject *PyUnicode_FromString(const char *s) { return fpc_str(s, -1); }
PyObject *PyUnicode_FromStringAndSize(const char *s, Py_ssize_t n) { return fpc_str(s, n < 0 ? 0 : n); }
PyObject *PyUnicode_FromFormatV(const char *fmt, va_list ap) { return fpc_vstr(fmt, ap); }
PyObject *PyUnicode_FromFormat(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyObject *r = fpc_vstr(fmt, ap);
    va_end(ap);
    return r;
}
PyObject *PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t n)
{
    if (n < 0)
        n = w ? (Py_ssize_t)wcslen(w) : 0;
    PyObject *o = fpc_str(NULL, n);
    for (Py_ssize_t i = 0; i < n; i++)
        ((PyUnicodeObject *)o)->fpc_utf8[i] = (char)w[i];
    return o;
}
PyObject *PyUnicode_FromOrdinal(int c) { char s[2] = { (char)c, 0 }; return fpc_str(s, 1); }
PyObject *PyUnicode_FromObject(PyObject *o) { return fpc_str(fpc_text(o), -1); }
PyObject *PyUnicode_FromEncodedObject(PyObject *o, const char *e, const char *err) { (void)e; (void)err; return fpc_str(fpc_text(o), -1); }
PyObject *PyUnicode_FromKindAndData(int kind, const void *d, Py_ssize_t n)
{
    PyObject *o = fpc_str(NULL, n < 0 ? 0 : n);
    for (Py_ssize_t i = 0; i < n; i++)
        ((PyUnicodeObject *)o)->fpc_utf8[i] = kind == 4 ? (char)((const Py_UCS4 *)d)[i]
                                             : kind == 2 ? (char)((const Py_UCS2 *)d)[i]
                                             : (char)((const Py_UCS1 *)d)[i];
    return o;
}
PyObject *PyUnicode_Decode(const char *s, Py_ssize_t n, const char *e, const char *err) { (void)e; (void)err; return fpc_str(s, n); }
PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *err) { (void)err; return fpc_str(s, n); }
PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t n, const char *err) { (void)err; return fpc_str(s, n); }
PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t n, const char *err) { (void)err; return fpc_str(s, n); }
PyObject *PyUnicode_DecodeFSDefault(const char *s) { return fpc_str(s, -1); }
PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t n) { return fpc_str(s, n); }
PyObject *PyUnicode_DecodeLocale(const char *s, const char *err) { (void)err; return fpc_str(s, -1); }
PyObject *PyUnicode_EncodeFSDefault(PyObject *o) { Py_ssize_t n; const char *s = fpc_utf8(o, &n); return fpc_bytes(s, n); }
const char *PyUnicode_AsUTF8(PyObject *o) { return fpc_utf8(o, NULL); }
const char *PyUnicode_AsUTF8AndSize(PyObject *o, Py_ssize_t *n) { return fpc_utf8(o, n); }
PyObject *PyUnicode_AsUTF8String(PyObject *o) { Py_ssize_t n; const char *s = fpc_utf8(o, &n); return fpc_bytes(s, n); }
PyObject *PyUnicode_AsASCIIString(PyObject *o) { return PyUnicode_AsUTF8String(o); }
PyObject *PyUnicode_AsLatin1String(PyObject *o) { return PyUnicode_AsUTF8String(o); }
PyObject *PyUnicode_AsEncodedString(PyObject *o, const char *e, const char *err) { (void)e; (void)err; return PyUnicode_AsUTF8String(o); }
Py_ssize_t PyUnicode_AsWideChar(PyObject *o, wchar_t *w, Py_ssize_t size)
{
    Py_ssize_t n;
    const char *s = fpc_utf8(o, &n);
    Py_ssize_t i = 0;
    for (; w && i < n && i < size; i++)
        w[i] = (unsigned char)s[i];
    if (w && i < size)
        w[i] = 0;
    return i;
}
wchar_t *PyUnicode_AsWideCharString(PyObject *o, Py_ssize_t *size)
{
    Py_ssize_t n;
    fpc_utf8(o, &n);
    wchar_t *w = fpc_alloc(sizeof(wchar_t) * (size_t)(n + 1));
    PyUnicode_AsWideChar(o, w, n + 1);
    if (size)
        *size = n;
    return w;
}
Py_UCS4 *PyUnicode_AsUCS4Copy(PyObject *o)
{
    Py_ssize_t n;
    const char *s = fpc_utf8(o, &n);
    Py_UCS4 *u = fpc_alloc(sizeof(Py_UCS4) * (size_t)(n + 1));
    for (Py_ssize_t i = 0; i < n; i++)
        u[i] = (unsigned char)s[i];
    return u;
}
Py_ssize_t PyUnicode_GetLength(PyObject *o) { Py_ssize_t n; fpc_utf8(o, &n); return n; }
Py_UCS4 PyUnicode_ReadChar(PyObject *o, Py_ssize_t i)
{
    Py_ssize_t n;
    const char *s = fpc_utf8(o, &n);
    return i >= 0 && i < n ? (unsigned char)s[i] : 0;
}
PyObject *PyUnicode_Concat(PyObject *a, PyObject *b)
{
    Py_ssize_t na, nb;
    const char *sa = fpc_utf8(a, &na), *sb = fpc_utf8(b, &nb);
    PyObject *o = fpc_str(NULL, na + nb);
    memcpy(((PyUnicodeObject *)o)->fpc_utf8, sa, (size_t)na);
    memcpy(((PyUnicodeObject *)o)->fpc_utf8 + na, sb, (size_t)nb);
    return o;
}
void PyUnicode_Append(PyObject **a, PyObject *b) { if (a) *a = *a ? PyUnicode_Concat(*a, b) : NULL; }
void PyUnicode_AppendAndDel(PyObject **a, PyObject *b) { PyUnicode_Append(a, b); }
PyObject *PyUnicode_Join(PyObject *sep, PyObject *seq) { (void)sep; (void)seq; return fpc_str("", 0); }
PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t max) { (void)sep; (void)max; PyObject *l = PyList_New(0); PyList_Append(l, s); return l; }
PyObject *PyUnicode_Substring(PyObject *o, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n;
    const char *s = fpc_utf8(o, &n);
    if (a < 0) a = 0;
    if (b > n) b = n;
    return fpc_str(s + a, b > a ? b - a : 0);
}
PyObject *PyUnicode_Format(PyObject *f, PyObject *args) { (void)args; return fpc_str(fpc_text(f), -1); }
PyObject *PyUnicode_Replace(PyObject *s, PyObject *a, PyObject *b, Py_ssize_t m) { (void)a; (void)b; (void)m; return Py_NewRef(s); }
int PyUnicode_Compare(PyObject *a, PyObject *b) { return strcmp(fpc_utf8(a, NULL), fpc_utf8(b, NULL)); }
int PyUnicode_CompareWithASCIIString(PyObject *a, const char *b) { return strcmp(fpc_utf8(a, NULL), b ? b : ""); }
int PyUnicode_Contains(PyObject *a, PyObject *b) { return strstr(fpc_utf8(a, NULL), fpc_utf8(b, NULL)) != NULL; }
Py_ssize_t PyUnicode_Find(PyObject *a, PyObject *b, Py_ssize_t s, Py_ssize_t e, int d)
{
    (void)s; (void)e; (void)d;
    const char *h = fpc_utf8(a, NULL), *f = strstr(h, fpc_utf8(b, NULL));
    return f ? f - h : -1;
}
Py_ssize_t PyUnicode_FindChar(PyObject *a, Py_UCS4 c, Py_ssize_t s, Py_ssize_t e, int d)
{
    (void)s; (void)e; (void)d;
    const char *h = fpc_utf8(a, NULL), *f = strchr(h, (int)c);
    return f ? f - h : -1;
}
PyObject *PyUnicode_InternFromString(const char *s) { return fpc_str(s, -1); }
void PyUnicode_InternInPlace(PyObject **o) { (void)o; }
int PyUnicode_FSConverter(PyObject *o, void *out)
{
    if (out)
        *(PyObject **)out = PyUnicode_AsUTF8String(o);
    return 1;
}
int PyUnicode_FSDecoder(PyObject *o, void *out)
{
    if (out)
        *(PyObject **)out = fpc_str(fpc_text(o), -1);
    return 1;
}

PyObject *PyBytes_FromString(const char *s) { return fpc_bytes(s, -1); }
PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n) { return fpc_bytes(s, n < 0 ? 0 : n); }
PyObject *PyBytes_FromFormat(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    fpc_vformat(buf, sizeof buf, fmt, &ap);
    va_end(ap);
    return fpc_bytes(buf, -1);
}
PyObject *PyBytes_FromObject(PyObject *o) { Py_ssize_t n; const char *s = fpc_utf8(o, &n); return fpc_bytes(s, n); }
char *PyBytes_AsString(PyObject *o)
{
    if (o && Py_TYPE(o) && PyBytes_Check(o))
        return ((PyBytesObject *)o)->ob_sval;
    return ((PyBytesObject *)fpc_bytes("", 0))->ob_sval;
}
int PyBytes_AsStringAndSize(PyObject *o, char **s, Py_ssize_t *n)
{
    if (s)
        *s = PyBytes_AsString(o);
    if (n)
        *n = o && Py_TYPE(o) && PyBytes_Check(o) ? Py_SIZE(o) : 0;
    return 0;
}
Py_ssize_t PyBytes_Size(PyObject *o) { return o && Py_TYPE(o) && PyBytes_Check(o) ? Py_SIZE(o) : 0; }
void PyBytes_Concat(PyObject **a, PyObject *b)
{
    if (!a || !*a)
        return;
    Py_ssize_t na = PyBytes_Size(*a), nb = PyBytes_Size(b);
    PyObject *o = fpc_bytes(NULL, na + nb);
    memcpy(PyBytes_AS_STRING(o), PyBytes_AsString(*a), (size_t)na);
    memcpy(PyBytes_AS_STRING(o) + na, PyBytes_AsString(b), (size_t)nb);
    *a = o;
}
void PyBytes_ConcatAndDel(PyObject **a, PyObject *b) { PyBytes_Concat(a, b); }
int _PyBytes_Resize(PyObject **a, Py_ssize_t n)
{
    if (!a)
        return -1;
    PyObject *o = fpc_bytes(NULL, n < 0 ? 0 : n);
    if (*a) {
        Py_ssize_t old = PyBytes_Size(*a);
        memcpy(PyBytes_AS_STRING(o), PyBytes_AsString(*a), (size_t)(old < n ? old : n));
    }
    *a = o;
    return 0;
}

PyObject *PyByteArray_FromStringAndSize(const char *s, Py_ssize_t n) { return fpc_bytearray(s, n); }
PyObject *PyByteArray_FromObject(PyObject *o) { Py_ssize_t n; const char *s = fpc_utf8(o, &n); return fpc_bytearray(s, n); }
char *PyByteArray_AsString(PyObject *o)
{
    if (o && Py_TYPE(o) && PyByteArray_Check(o))
        return ((PyByteArrayObject *)o)->ob_start;
    return PyBytes_AsString(o);
}
Py_ssize_t PyByteArray_Size(PyObject *o) { return o && Py_TYPE(o) && PyByteArray_Check(o) ? Py_SIZE(o) : 0; }
int PyByteArray_Resize(PyObject *o, Py_ssize_t n)
{
    if (!o || !Py_TYPE(o) || !PyByteArray_Check(o) || n < 0)
        return -1;
    PyByteArrayObject *b = (PyByteArrayObject *)o;
    char *nb = fpc_alloc((size_t)n + 1);
    memcpy(nb, b->ob_start, (size_t)(Py_SIZE(o) < n ? Py_SIZE(o) : n));
    b->ob_bytes = b->ob_start = nb;
    b->ob_alloc = n + 1;
    Py_SET_SIZE(o, n);
    return 0;
}

/* ====================================================================== tuple, list, dict, set, slice */

#define FPC_SPARE 8 /* extra slots, filled with None, so unchecked args[i] reads stay valid */

PyObject *PyTuple_New(Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    PyTupleObject *t = (PyTupleObject *)fpc_object(&PyTuple_Type,
        sizeof(PyTupleObject) + sizeof(PyObject *) * (size_t)(n + FPC_SPARE));
    for (Py_ssize_t i = 0; i < n + FPC_SPARE; i++)
        t->ob_item[i] = Py_None;
    Py_SET_SIZE(t, n);
    return (PyObject *)t;
}
PyObject *PyTuple_Pack(Py_ssize_t n, ...)
{
    PyObject *t = PyTuple_New(n);
    va_list ap;
    va_start(ap, n);
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, Py_XNewRef(va_arg(ap, PyObject *)));
    va_end(ap);
    return t;
}
static int fpc_is_tuple(PyObject *o) { return o && Py_TYPE(o) && PyTuple_Check(o); }
static int fpc_is_list(PyObject *o) { return o && Py_TYPE(o) && PyList_Check(o); }
PyObject *PyTuple_GetItem(PyObject *t, Py_ssize_t i)
{
    if (!fpc_is_tuple(t) || i < 0 || i >= Py_SIZE(t)) {
        fpc_set_error(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return PyTuple_GET_ITEM(t, i);
}
int PyTuple_SetItem(PyObject *t, Py_ssize_t i, PyObject *v)
{
    if (!fpc_is_tuple(t) || i < 0 || i >= Py_SIZE(t))
        return -1;
    PyTuple_SET_ITEM(t, i, v);
    return 0;
}
Py_ssize_t PyTuple_Size(PyObject *t) { return fpc_is_tuple(t) ? Py_SIZE(t) : 0; }
PyObject *PyTuple_GetSlice(PyObject *t, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = PyTuple_Size(t);
    if (a < 0) a = 0;
    if (b > n) b = n;
    PyObject *r = PyTuple_New(b > a ? b - a : 0);
    for (Py_ssize_t i = a; i < b; i++)
        PyTuple_SET_ITEM(r, i - a, PyTuple_GET_ITEM(t, i));
    return r;
}
int _PyTuple_Resize(PyObject **t, Py_ssize_t n)
{
    if (!t)
        return -1;
    PyObject *r = PyTuple_New(n);
    Py_ssize_t old = *t ? PyTuple_Size(*t) : 0;
    for (Py_ssize_t i = 0; i < old && i < n; i++)
        PyTuple_SET_ITEM(r, i, PyTuple_GET_ITEM(*t, i));
    *t = r;
    return 0;
}

PyObject *PyList_New(Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    PyListObject *l = (PyListObject *)fpc_object(&PyList_Type, sizeof(PyListObject));
    l->allocated = n + FPC_SPARE;
    l->ob_item = fpc_alloc(sizeof(PyObject *) * (size_t)l->allocated);
    for (Py_ssize_t i = 0; i < l->allocated; i++)
        l->ob_item[i] = Py_None;
    Py_SET_SIZE(l, n);
    return (PyObject *)l;
}
int PyList_Append(PyObject *o, PyObject *v)
{
    if (!fpc_is_list(o))
        return -1;
    PyListObject *l = (PyListObject *)o;
    if (Py_SIZE(l) + 1 >= l->allocated) {
        Py_ssize_t na = l->allocated * 2 + FPC_SPARE;
        PyObject **items = fpc_alloc(sizeof(PyObject *) * (size_t)na);
        for (Py_ssize_t i = 0; i < na; i++)
            items[i] = i < Py_SIZE(l) ? l->ob_item[i] : Py_None;
        l->ob_item = items;
        l->allocated = na;
    }
    l->ob_item[Py_SIZE(l)] = Py_XNewRef(v);
    Py_SET_SIZE(l, Py_SIZE(l) + 1);
    return 0;
}
int PyList_Insert(PyObject *o, Py_ssize_t i, PyObject *v)
{
    if (PyList_Append(o, v) < 0)
        return -1;
    Py_ssize_t n = Py_SIZE(o);
    if (i < 0) i = 0;
    if (i > n - 1) i = n - 1;
    PyObject **items = ((PyListObject *)o)->ob_item;
    memmove(items + i + 1, items + i, sizeof(PyObject *) * (size_t)(n - 1 - i));
    items[i] = v;
    return 0;
}
PyObject *PyList_GetItem(PyObject *l, Py_ssize_t i)
{
    if (!fpc_is_list(l) || i < 0 || i >= Py_SIZE(l)) {
        fpc_set_error(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return PyList_GET_ITEM(l, i);
}
int PyList_SetItem(PyObject *l, Py_ssize_t i, PyObject *v)
{
    if (!fpc_is_list(l) || i < 0 || i >= Py_SIZE(l))
        return -1;
    PyList_SET_ITEM(l, i, v);
    return 0;
}
Py_ssize_t PyList_Size(PyObject *l) { return fpc_is_list(l) ? Py_SIZE(l) : 0; }
PyObject *PyList_GetSlice(PyObject *l, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = PyList_Size(l);
    if (a < 0) a = 0;
    if (b > n) b = n;
    PyObject *r = PyList_New(0);
    for (Py_ssize_t i = a; i < b; i++)
        PyList_Append(r, PyList_GET_ITEM(l, i));
    return r;
}
int PyList_SetSlice(PyObject *l, Py_ssize_t a, Py_ssize_t b, PyObject *v) { (void)l; (void)a; (void)b; (void)v; return 0; }
int PyList_Sort(PyObject *l) { (void)l; return 0; }
int PyList_Reverse(PyObject *l) { (void)l; return 0; }
PyObject *PyList_AsTuple(PyObject *l)
{
    Py_ssize_t n = PyList_Size(l);
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, PyList_GET_ITEM(l, i));
    return t;
}

typedef struct { PyObject *key; PyObject *value; } fpc_pair;

static int fpc_is_dict(PyObject *o)
{
    return o && Py_TYPE(o) && (PyDict_Check(o) || PyAnySet_Check(o));
}

static int fpc_key_eq(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    if (!a || !b || !Py_TYPE(a) || !Py_TYPE(b))
        return 0;
    if (PyUnicode_Check(a) && PyUnicode_Check(b))
        return strcmp(fpc_utf8(a, NULL), fpc_utf8(b, NULL)) == 0;
    if (PyLong_Check(a) && PyLong_Check(b))
        return fpc_as_ll(a) == fpc_as_ll(b);
    return 0;
}

static fpc_pair *fpc_dict_find(PyObject *o, PyObject *key)
{
    if (!fpc_is_dict(o))
        return NULL;
    PyDictObject *d = (PyDictObject *)o;
    fpc_pair *items = d->fpc_items;
    for (Py_ssize_t i = 0; i < d->ma_used; i++)
        if (fpc_key_eq(items[i].key, key))
            return &items[i];
    return NULL;
}

static PyObject *fpc_dict(PyTypeObject *type)
{
    PyDictObject *d = (PyDictObject *)fpc_object(type, sizeof(PyDictObject));
    d->fpc_alloc = 8;
    d->fpc_items = fpc_alloc(sizeof(fpc_pair) * 8);
    return (PyObject *)d;
}

PyObject *PyDict_New(void) { return fpc_dict(&PyDict_Type); }
int PyDict_SetItem(PyObject *o, PyObject *key, PyObject *value)
{
    if (!fpc_is_dict(o))
        return -1;
    fpc_pair *p = fpc_dict_find(o, key);
    if (p) {
        p->value = Py_XNewRef(value);
        return 0;
    }
    PyDictObject *d = (PyDictObject *)o;
    if (d->ma_used == d->fpc_alloc) {
        fpc_pair *items = fpc_alloc(sizeof(fpc_pair) * (size_t)(d->fpc_alloc * 2));
        memcpy(items, d->fpc_items, sizeof(fpc_pair) * (size_t)d->ma_used);
        d->fpc_items = items;
        d->fpc_alloc *= 2;
    }
    ((fpc_pair *)d->fpc_items)[d->ma_used].key = Py_XNewRef(key);
    ((fpc_pair *)d->fpc_items)[d->ma_used].value = Py_XNewRef(value);
    d->ma_used++;
    return 0;
}
int PyDict_SetItemString(PyObject *d, const char *k, PyObject *v) { return PyDict_SetItem(d, fpc_str(k, -1), v); }
PyObject *PyDict_GetItem(PyObject *d, PyObject *k) { fpc_pair *p = fpc_dict_find(d, k); return p ? p->value : NULL; }
PyObject *PyDict_GetItemString(PyObject *d, const char *k) { return PyDict_GetItem(d, fpc_str(k, -1)); }
PyObject *PyDict_GetItemWithError(PyObject *d, PyObject *k) { return PyDict_GetItem(d, k); }
int PyDict_DelItem(PyObject *o, PyObject *k)
{
    fpc_pair *p = fpc_dict_find(o, k);
    if (!p)
        return -1;
    PyDictObject *d = (PyDictObject *)o;
    fpc_pair *items = d->fpc_items;
    *p = items[d->ma_used - 1];
    d->ma_used--;
    return 0;
}
int PyDict_DelItemString(PyObject *d, const char *k) { return PyDict_DelItem(d, fpc_str(k, -1)); }
int PyDict_Contains(PyObject *d, PyObject *k) { return fpc_dict_find(d, k) != NULL; }
Py_ssize_t PyDict_Size(PyObject *d) { return fpc_is_dict(d) ? ((PyDictObject *)d)->ma_used : 0; }
static PyObject *fpc_dict_list(PyObject *o, int what)
{
    PyObject *l = PyList_New(0);
    if (!fpc_is_dict(o))
        return l;
    PyDictObject *d = (PyDictObject *)o;
    fpc_pair *items = d->fpc_items;
    for (Py_ssize_t i = 0; i < d->ma_used; i++)
        PyList_Append(l, what == 0 ? items[i].key : what == 1 ? items[i].value
                                   : PyTuple_Pack(2, items[i].key, items[i].value));
    return l;
}
PyObject *PyDict_Keys(PyObject *d) { return fpc_dict_list(d, 0); }
PyObject *PyDict_Values(PyObject *d) { return fpc_dict_list(d, 1); }
PyObject *PyDict_Items(PyObject *d) { return fpc_dict_list(d, 2); }
int PyDict_Next(PyObject *o, Py_ssize_t *pos, PyObject **k, PyObject **v)
{
    if (!fpc_is_dict(o) || !pos || *pos < 0 || *pos >= ((PyDictObject *)o)->ma_used)
        return 0;
    fpc_pair *p = &((fpc_pair *)((PyDictObject *)o)->fpc_items)[*pos];
    if (k) *k = p->key;
    if (v) *v = p->value;
    (*pos)++;
    return 1;
}
PyObject *PyDict_Copy(PyObject *o)
{
    PyObject *r = PyDict_New();
    PyDict_Update(r, o);
    return r;
}
int PyDict_Update(PyObject *a, PyObject *b)
{
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(b, &pos, &k, &v))
        PyDict_SetItem(a, k, v);
    return 0;
}
int PyDict_Merge(PyObject *a, PyObject *b, int override) { (void)override; return PyDict_Update(a, b); }
void PyDict_Clear(PyObject *d) { if (fpc_is_dict(d)) ((PyDictObject *)d)->ma_used = 0; }
PyObject *PyDict_SetDefault(PyObject *d, PyObject *k, PyObject *v)
{
    PyObject *r = PyDict_GetItem(d, k);
    if (r)
        return r;
    PyDict_SetItem(d, k, v);
    return v;
}
PyObject *PyDictProxy_New(PyObject *d) { return Py_NewRef(d); }

PyObject *PySet_New(PyObject *it) { (void)it; return fpc_dict(&PySet_Type); }
PyObject *PyFrozenSet_New(PyObject *it) { (void)it; return fpc_dict(&PyFrozenSet_Type); }
int PySet_Add(PyObject *s, PyObject *k) { return PyDict_SetItem(s, k, Py_None); }
int PySet_Discard(PyObject *s, PyObject *k) { return PyDict_DelItem(s, k) == 0; }
int PySet_Contains(PyObject *s, PyObject *k) { return PyDict_Contains(s, k); }
Py_ssize_t PySet_Size(PyObject *s) { return PyDict_Size(s); }
int PySet_Clear(PyObject *s) { PyDict_Clear(s); return 0; }
PyObject *PySet_Pop(PyObject *s)
{
    Py_ssize_t pos = 0;
    PyObject *k = NULL;
    if (!PyDict_Next(s, &pos, &k, NULL)) {
        fpc_set_error(PyExc_KeyError, "pop from an empty set");
        return NULL;
    }
    PyDict_DelItem(s, k);
    return k;
}

PyObject *PySlice_New(PyObject *a, PyObject *b, PyObject *c)
{
    PySliceObject *s = (PySliceObject *)fpc_object(&PySlice_Type, sizeof(PySliceObject));
    s->start = a ? a : Py_None;
    s->stop = b ? b : Py_None;
    s->step = c ? c : Py_None;
    return (PyObject *)s;
}
int PySlice_Unpack(PyObject *s, Py_ssize_t *a, Py_ssize_t *b, Py_ssize_t *c)
{
    (void)s;
    if (a) *a = 0;
    if (b) *b = PY_SSIZE_T_MAX;
    if (c) *c = 1;
    return 0;
}
Py_ssize_t PySlice_AdjustIndices(Py_ssize_t len, Py_ssize_t *a, Py_ssize_t *b, Py_ssize_t step)
{
    (void)step;
    if (a && *a > len) *a = len;
    if (b && *b > len) *b = len;
    return a && b && *b > *a ? *b - *a : 0;
}
int PySlice_GetIndicesEx(PyObject *s, Py_ssize_t len, Py_ssize_t *a, Py_ssize_t *b, Py_ssize_t *c, Py_ssize_t *sl)
{
    PySlice_Unpack(s, a, b, c);
    Py_ssize_t n = PySlice_AdjustIndices(len, a, b, c ? *c : 1);
    if (sl) *sl = n;
    return 0;
}
int PySlice_GetIndices(PyObject *s, Py_ssize_t len, Py_ssize_t *a, Py_ssize_t *b, Py_ssize_t *c)
{
    return PySlice_GetIndicesEx(s, len, a, b, c, NULL);
}

/* ====================================================================== sequence, mapping, iteration */

static Py_ssize_t fpc_len(PyObject *o)
{
    if (!o || !Py_TYPE(o))
        return 0;
    if (PyTuple_Check(o) || PyList_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o) || PyByteArray_Check(o))
        return Py_SIZE(o);
    if (fpc_is_dict(o))
        return ((PyDictObject *)o)->ma_used;
    return 0;
}

static PyObject *fpc_item(PyObject *o, Py_ssize_t i)
{
    if (fpc_is_tuple(o) && i >= 0 && i < Py_SIZE(o))
        return Py_NewRef(PyTuple_GET_ITEM(o, i));
    if (fpc_is_list(o) && i >= 0 && i < Py_SIZE(o))
        return Py_NewRef(PyList_GET_ITEM(o, i));
    return Py_NewRef(Py_None);
}

int PySequence_Check(PyObject *o) { return fpc_is_tuple(o) || fpc_is_list(o); }
Py_ssize_t PySequence_Size(PyObject *o) { return fpc_len(o); }
Py_ssize_t PySequence_Length(PyObject *o) { return fpc_len(o); }
PyObject *PySequence_GetItem(PyObject *o, Py_ssize_t i) { return fpc_item(o, i); }
int PySequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v)
{
    if (fpc_is_list(o))
        return PyList_SetItem(o, i, v);
    return 0;
}
int PySequence_DelItem(PyObject *o, Py_ssize_t i) { (void)o; (void)i; return 0; }
PyObject *PySequence_GetSlice(PyObject *o, Py_ssize_t a, Py_ssize_t b)
{
    return fpc_is_list(o) ? PyList_GetSlice(o, a, b) : PyTuple_GetSlice(o, a, b);
}
PyObject *PySequence_Concat(PyObject *a, PyObject *b) { (void)b; return Py_NewRef(a); }
PyObject *PySequence_Repeat(PyObject *a, Py_ssize_t n) { (void)n; return Py_NewRef(a); }
PyObject *PySequence_Tuple(PyObject *o)
{
    if (fpc_is_tuple(o))
        return Py_NewRef(o);
    return fpc_is_list(o) ? PyList_AsTuple(o) : PyTuple_New(0);
}
PyObject *PySequence_List(PyObject *o)
{
    PyObject *l = PyList_New(0);
    for (Py_ssize_t i = 0; i < fpc_len(o) && (fpc_is_tuple(o) || fpc_is_list(o)); i++)
        PyList_Append(l, fpc_item(o, i));
    return l;
}
PyObject *PySequence_Fast(PyObject *o, const char *m)
{
    (void)m;
    if (fpc_is_tuple(o) || fpc_is_list(o))
        return Py_NewRef(o);
    return PyList_New(0);
}
int PySequence_Contains(PyObject *o, PyObject *v)
{
    for (Py_ssize_t i = 0; i < fpc_len(o) && (fpc_is_tuple(o) || fpc_is_list(o)); i++)
        if (fpc_key_eq(fpc_item(o, i), v))
            return 1;
    return fpc_is_dict(o) ? PyDict_Contains(o, v) : 0;
}
Py_ssize_t PySequence_Index(PyObject *o, PyObject *v) { (void)o; (void)v; return -1; }
Py_ssize_t PySequence_Count(PyObject *o, PyObject *v) { (void)o; (void)v; return 0; }

int PyMapping_Check(PyObject *o) { return fpc_is_dict(o); }
Py_ssize_t PyMapping_Size(PyObject *o) { return fpc_len(o); }
Py_ssize_t PyMapping_Length(PyObject *o) { return fpc_len(o); }
PyObject *PyMapping_Keys(PyObject *o) { return PyDict_Keys(o); }
PyObject *PyMapping_Values(PyObject *o) { return PyDict_Values(o); }
PyObject *PyMapping_Items(PyObject *o) { return PyDict_Items(o); }
PyObject *PyMapping_GetItemString(PyObject *o, const char *k)
{
    PyObject *r = PyDict_GetItemString(o, k);
    return Py_NewRef(r ? r : Py_None);
}
int PyMapping_SetItemString(PyObject *o, const char *k, PyObject *v) { PyDict_SetItemString(o, k, v); return 0; }
int PyMapping_HasKey(PyObject *o, PyObject *k) { return PyDict_Contains(o, k); }
int PyMapping_HasKeyString(PyObject *o, const char *k) { return PyDict_GetItemString(o, k) != NULL; }

PyObject *PyObject_GetIter(PyObject *o) { (void)o; return fpc_object(&PySeqIter_Type, sizeof(PyObject) + 16); }
PyObject *PyObject_GetAIter(PyObject *o) { return PyObject_GetIter(o); }
PyObject *PyIter_Next(PyObject *it) { (void)it; return NULL; }
int PyIter_Check(PyObject *o) { return o && Py_TYPE(o) == &PySeqIter_Type; }
int PyAIter_Check(PyObject *o) { (void)o; return 0; }
PySendResult PyIter_Send(PyObject *it, PyObject *v, PyObject **r)
{
    (void)it; (void)v;
    if (r)
        *r = Py_NewRef(Py_None);
    return PYGEN_RETURN;
}
PyObject *PySeqIter_New(PyObject *o) { return PyObject_GetIter(o); }
PyObject *PyCallIter_New(PyObject *a, PyObject *b) { (void)b; return PyObject_GetIter(a); }

/* ====================================================================== generic object protocol */

PyObject *PyObject_Repr(PyObject *o) { return fpc_str(fpc_text(o), -1); }
PyObject *PyObject_Str(PyObject *o) { return fpc_str(fpc_text(o), -1); }
PyObject *PyObject_ASCII(PyObject *o) { return fpc_str(fpc_text(o), -1); }
PyObject *PyObject_Bytes(PyObject *o) { return fpc_bytes(fpc_text(o), -1); }
PyObject *PyObject_Format(PyObject *o, PyObject *spec) { (void)spec; return fpc_str(fpc_text(o), -1); }
Py_hash_t PyObject_Hash(PyObject *o) { return (Py_hash_t)((uintptr_t)o >> 4); }
Py_hash_t PyObject_HashNotImplemented(PyObject *o)
{
    fpc_set_error(PyExc_TypeError, "unhashable type");
    (void)o;
    return -1;
}
Py_hash_t _Py_HashBytes(const void *p, Py_ssize_t n)
{
    Py_uhash_t h = 5381;
    for (Py_ssize_t i = 0; i < n; i++)
        h = h * 33 + ((const unsigned char *)p)[i];
    return (Py_hash_t)(h & 0x7fffffff);
}
int PyObject_IsTrue(PyObject *o)
{
    if (!o || o == Py_None || o == Py_False)
        return 0;
    if (Py_TYPE(o) && PyLong_Check(o))
        return fpc_as_ll(o) != 0;
    return 1;
}
int PyObject_Not(PyObject *o) { return !PyObject_IsTrue(o); }
PyObject *PyObject_Type(PyObject *o) { return Py_NewRef((PyObject *)Py_TYPE(o)); }
Py_ssize_t PyObject_Size(PyObject *o) { return fpc_len(o); }
Py_ssize_t PyObject_Length(PyObject *o) { return fpc_len(o); }
Py_ssize_t PyObject_LengthHint(PyObject *o, Py_ssize_t d) { (void)d; return fpc_len(o); }
PyObject *PyObject_GetItem(PyObject *o, PyObject *k)
{
    if (fpc_is_dict(o)) {
        PyObject *v = PyDict_GetItem(o, k);
        return Py_NewRef(v ? v : Py_None);
    }
    return fpc_item(o, (Py_ssize_t)fpc_as_ll(k));
}
int PyObject_SetItem(PyObject *o, PyObject *k, PyObject *v)
{
    if (fpc_is_dict(o))
        return PyDict_SetItem(o, k, v);
    return 0;
}
int PyObject_DelItem(PyObject *o, PyObject *k) { if (fpc_is_dict(o)) PyDict_DelItem(o, k); return 0; }
int PyObject_DelItemString(PyObject *o, const char *k) { if (fpc_is_dict(o)) PyDict_DelItemString(o, k); return 0; }

static PyObject *fpc_getattr(PyObject *o, const char *name)
{
    if (o && Py_TYPE(o) == &fpc_spec_type && strcmp(name, "name") == 0)
        return Py_NewRef(((fpc_spec *)o)->name);
    if (o && Py_TYPE(o) && PyModule_Check(o)) {
        PyObject *v = PyDict_GetItemString(((fpc_module *)o)->md_dict, name);
        if (v)
            return Py_NewRef(v);
        if (strcmp(name, "__name__") == 0)
            return Py_NewRef(((fpc_module *)o)->md_name);
    }
    /* Lenient: any other attribute exists and is None. */
    return Py_NewRef(Py_None);
}
PyObject *PyObject_GetAttr(PyObject *o, PyObject *n) { return fpc_getattr(o, fpc_utf8(n, NULL)); }
PyObject *PyObject_GetAttrString(PyObject *o, const char *n) { return fpc_getattr(o, n ? n : ""); }
int _PyObject_LookupAttr(PyObject *o, PyObject *n, PyObject **r)
{
    if (r)
        *r = PyObject_GetAttr(o, n);
    return 1;
}
int PyObject_SetAttr(PyObject *o, PyObject *n, PyObject *v)
{
    if (o && Py_TYPE(o) && PyModule_Check(o))
        return PyDict_SetItem(((fpc_module *)o)->md_dict, n, v);
    return 0;
}
int PyObject_SetAttrString(PyObject *o, const char *n, PyObject *v) { return PyObject_SetAttr(o, fpc_str(n, -1), v); }
int PyObject_HasAttr(PyObject *o, PyObject *n) { (void)o; (void)n; return 1; }
int PyObject_HasAttrString(PyObject *o, const char *n) { (void)o; (void)n; return 1; }
int PyObject_DelAttr(PyObject *o, PyObject *n) { (void)o; (void)n; return 0; }
int PyObject_DelAttrString(PyObject *o, const char *n) { (void)o; (void)n; return 0; }
PyObject *PyObject_GenericGetAttr(PyObject *o, PyObject *n) { return PyObject_GetAttr(o, n); }
int PyObject_GenericSetAttr(PyObject *o, PyObject *n, PyObject *v) { return PyObject_SetAttr(o, n, v); }
PyObject *PyObject_GenericGetDict(PyObject *o, void *c) { (void)o; (void)c; return PyDict_New(); }
int PyObject_GenericSetDict(PyObject *o, PyObject *v, void *c) { (void)o; (void)v; (void)c; return 0; }
PyObject **_PyObject_GetDictPtr(PyObject *o) { (void)o; return NULL; }
PyObject *PyObject_SelfIter(PyObject *o) { return Py_NewRef(o); }
void PyObject_ClearWeakRefs(PyObject *o) { (void)o; }
void PyObject_CallFinalizer(PyObject *o) { (void)o; }
int PyObject_CallFinalizerFromDealloc(PyObject *o) { (void)o; return 0; }
PyObject *PyObject_RichCompare(PyObject *a, PyObject *b, int op)
{
    int eq = fpc_key_eq(a, b);
    return PyBool_FromLong(op == Py_EQ ? eq : op == Py_NE ? !eq : 0);
}
int PyObject_RichCompareBool(PyObject *a, PyObject *b, int op)
{
    int eq = fpc_key_eq(a, b);
    return op == Py_EQ ? eq : op == Py_NE ? !eq : 0;
}
int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    for (int depth = 0; a && depth < 64; a = a->tp_base, depth++)
        if (a == b)
            return 1;
    return b == &PyBaseObject_Type;
}
int PyObject_IsInstance(PyObject *o, PyObject *cls)
{
    if (!o || !cls || !Py_TYPE(cls) || !PyType_Check(cls))
        return 0;
    return PyType_IsSubtype(Py_TYPE(o), (PyTypeObject *)cls);
}
int PyObject_IsSubclass(PyObject *a, PyObject *b)
{
    if (!a || !b || !Py_TYPE(a) || !PyType_Check(a) || !Py_TYPE(b) || !PyType_Check(b))
        return 0;
    return PyType_IsSubtype((PyTypeObject *)a, (PyTypeObject *)b);
}
PyObject *PyObject_Dir(PyObject *o) { (void)o; return PyList_New(0); }
int PyObject_Print(PyObject *o, FILE *f, int flags) { (void)flags; fputs(fpc_text(o), f ? f : stdout); return 0; }
int PyCallable_Check(PyObject *o) { return o && o != Py_None; }
int Py_ReprEnter(PyObject *o) { (void)o; return 0; }
void Py_ReprLeave(PyObject *o) { (void)o; }
int Py_EnterRecursiveCall(const char *w) { (void)w; return 0; }
void Py_LeaveRecursiveCall(void) {}

/* Calls never run Python code: they succeed and return None. */
PyObject *PyObject_Call(PyObject *c, PyObject *a, PyObject *k) { (void)c; (void)a; (void)k; return Py_NewRef(Py_None); }
PyObject *PyObject_CallObject(PyObject *c, PyObject *a) { (void)c; (void)a; return Py_NewRef(Py_None); }
PyObject *PyObject_CallNoArgs(PyObject *c) { (void)c; return Py_NewRef(Py_None); }
PyObject *PyObject_CallOneArg(PyObject *c, PyObject *a) { (void)c; (void)a; return Py_NewRef(Py_None); }
PyObject *PyObject_CallFunction(PyObject *c, const char *f, ...) { (void)c; (void)f; return Py_NewRef(Py_None); }
PyObject *PyObject_CallMethod(PyObject *o, const char *n, const char *f, ...) { (void)o; (void)n; (void)f; return Py_NewRef(Py_None); }
PyObject *_PyObject_CallFunction_SizeT(PyObject *c, const char *f, ...) { (void)c; (void)f; return Py_NewRef(Py_None); }
PyObject *_PyObject_CallMethod_SizeT(PyObject *o, const char *n, const char *f, ...) { (void)o; (void)n; (void)f; return Py_NewRef(Py_None); }
PyObject *PyObject_CallFunctionObjArgs(PyObject *c, ...) { (void)c; return Py_NewRef(Py_None); }
PyObject *PyObject_CallMethodObjArgs(PyObject *o, PyObject *n, ...) { (void)o; (void)n; return Py_NewRef(Py_None); }
PyObject *PyObject_CallMethodNoArgs(PyObject *o, PyObject *n) { (void)o; (void)n; return Py_NewRef(Py_None); }
PyObject *PyObject_CallMethodOneArg(PyObject *o, PyObject *n, PyObject *a) { (void)o; (void)n; (void)a; return Py_NewRef(Py_None); }
PyObject *PyObject_Vectorcall(PyObject *c, PyObject *const *a, size_t n, PyObject *k) { (void)c; (void)a; (void)n; (void)k; return Py_NewRef(Py_None); }
PyObject *PyObject_VectorcallDict(PyObject *c, PyObject *const *a, size_t n, PyObject *k) { (void)c; (void)a; (void)n; (void)k; return Py_NewRef(Py_None); }
PyObject *PyObject_VectorcallMethod(PyObject *c, PyObject *const *a, size_t n, PyObject *k) { (void)c; (void)a; (void)n; (void)k; return Py_NewRef(Py_None); }
PyObject *PyVectorcall_Call(PyObject *c, PyObject *a, PyObject *k) { (void)c; (void)a; (void)k; return Py_NewRef(Py_None); }
PyObject *PyEval_CallObjectWithKeywords(PyObject *c, PyObject *a, PyObject *k) { (void)c; (void)a; (void)k; return Py_NewRef(Py_None); }

/* ====================================================================== buffers */

static char fpc_empty_bytes[64];

int PyObject_CheckBuffer(PyObject *o) { return o && Py_TYPE(o) && (PyBytes_Check(o) || PyByteArray_Check(o)); }
int PyBuffer_FillInfo(Py_buffer *v, PyObject *o, void *buf, Py_ssize_t len, int ro, int flags)
{
    (void)flags;
    if (!v)
        return -1;
    memset(v, 0, sizeof *v);
    v->buf = buf ? buf : fpc_empty_bytes;
    v->obj = Py_XNewRef(o);
    v->len = len;
    v->itemsize = 1;
    v->readonly = ro;
    v->ndim = 1;
    v->format = (char *)"B";
    return 0;
}
int PyObject_GetBuffer(PyObject *o, Py_buffer *v, int flags)
{
    Py_ssize_t n = 0;
    void *buf = fpc_empty_bytes;
    if (o && Py_TYPE(o) && PyBytes_Check(o)) {
        buf = PyBytes_AS_STRING(o);
        n = Py_SIZE(o);
    } else if (o && Py_TYPE(o) && PyByteArray_Check(o)) {
        buf = PyByteArray_AS_STRING(o);
        n = Py_SIZE(o);
    }
    return PyBuffer_FillInfo(v, o, buf, n, 0, flags);
}
void PyBuffer_Release(Py_buffer *v) { if (v) v->obj = NULL; }
int PyBuffer_IsContiguous(const Py_buffer *v, char order) { (void)v; (void)order; return 1; }
int PyBuffer_ToContiguous(void *buf, const Py_buffer *v, Py_ssize_t len, char order)
{
    (void)order;
    if (buf && v && v->buf)
        memcpy(buf, v->buf, (size_t)(len < v->len ? len : v->len));
    return 0;
}
void *PyBuffer_GetPointer(const Py_buffer *v, const Py_ssize_t *idx) { (void)idx; return v ? v->buf : NULL; }
PyObject *PyMemoryView_FromObject(PyObject *o) { (void)o; return fpc_object(&PyMemoryView_Type, sizeof(PyObject) + sizeof(Py_buffer)); }
PyObject *PyMemoryView_FromMemory(char *m, Py_ssize_t n, int f) { (void)m; (void)n; (void)f; return PyMemoryView_FromObject(NULL); }
PyObject *PyMemoryView_FromBuffer(const Py_buffer *v) { (void)v; return PyMemoryView_FromObject(NULL); }
PyObject *PyMemoryView_GetContiguous(PyObject *o, int t, char order) { (void)t; (void)order; return PyMemoryView_FromObject(o); }

/* ====================================================================== capsules, weakrefs, functions */

typedef struct {
    PyObject_HEAD
    void *pointer;
    const char *name;
    void *context;
    PyCapsule_Destructor destructor;
} fpc_capsule;

PyObject *PyCapsule_New(void *p, const char *name, PyCapsule_Destructor d)
{
    fpc_capsule *c = (fpc_capsule *)fpc_object(&PyCapsule_Type, sizeof(fpc_capsule));
    c->pointer = p;
    c->name = name;
    c->destructor = d;
    return (PyObject *)c;
}
static fpc_capsule *fpc_as_capsule(PyObject *o) { return o && Py_TYPE(o) == &PyCapsule_Type ? (fpc_capsule *)o : NULL; }
void *PyCapsule_GetPointer(PyObject *o, const char *n) { (void)n; fpc_capsule *c = fpc_as_capsule(o); return c ? c->pointer : NULL; }
PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *o) { fpc_capsule *c = fpc_as_capsule(o); return c ? c->destructor : NULL; }
const char *PyCapsule_GetName(PyObject *o) { fpc_capsule *c = fpc_as_capsule(o); return c ? c->name : NULL; }
void *PyCapsule_GetContext(PyObject *o) { fpc_capsule *c = fpc_as_capsule(o); return c ? c->context : NULL; }
int PyCapsule_IsValid(PyObject *o, const char *n) { (void)n; return fpc_as_capsule(o) != NULL; }
int PyCapsule_SetPointer(PyObject *o, void *p) { fpc_capsule *c = fpc_as_capsule(o); if (c) c->pointer = p; return c ? 0 : -1; }
int PyCapsule_SetDestructor(PyObject *o, PyCapsule_Destructor d) { fpc_capsule *c = fpc_as_capsule(o); if (c) c->destructor = d; return c ? 0 : -1; }
int PyCapsule_SetName(PyObject *o, const char *n) { fpc_capsule *c = fpc_as_capsule(o); if (c) c->name = n; return c ? 0 : -1; }
int PyCapsule_SetContext(PyObject *o, void *x) { fpc_capsule *c = fpc_as_capsule(o); if (c) c->context = x; return c ? 0 : -1; }
void *PyCapsule_Import(const char *name, int no_block)
{
    (void)no_block;
    PyErr_Format(PyExc_ImportError, "fpcast mock: cannot import capsule %s", name);
    return NULL;
}

typedef struct {
    PyObject_HEAD
    PyObject *object;
} fpc_weakref;
PyObject *PyWeakref_NewRef(PyObject *o, PyObject *cb)
{
    (void)cb;
    fpc_weakref *w = (fpc_weakref *)fpc_object(&fpc_weakref_type, sizeof(fpc_weakref));
    w->object = o;
    return (PyObject *)w;
}
PyObject *PyWeakref_NewProxy(PyObject *o, PyObject *cb) { return PyWeakref_NewRef(o, cb); }
PyObject *PyWeakref_GetObject(PyObject *r)
{
    return r && Py_TYPE(r) == &fpc_weakref_type && ((fpc_weakref *)r)->object ? ((fpc_weakref *)r)->object : Py_None;
}

static PyObject *fpc_cfunction(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls)
{
    PyCMethodObject *f = (PyCMethodObject *)fpc_object(cls ? &PyCMethod_Type : &PyCFunction_Type, sizeof(PyCMethodObject));
    f->func.m_ml = ml;
    f->func.m_self = self;
    f->func.m_module = module;
    f->mm_class = cls;
    return (PyObject *)f;
}
static void fpc_add_functions(PyObject *module, PyMethodDef *ml)
{
    if (!module || !Py_TYPE(module) || !PyModule_Check(module))
        return;
    for (; ml && ml->ml_name; ml++)
        PyDict_SetItemString(((fpc_module *)module)->md_dict, ml->ml_name, fpc_cfunction(ml, module, NULL, NULL));
}
static const char *fpc_module_name(PyObject *m)
{
    if (m && Py_TYPE(m) && PyModule_Check(m))
        return fpc_utf8(((fpc_module *)m)->md_name, NULL);
    return "?";
}
PyObject *PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls)
{
    char owner[160];
    snprintf(owner, sizeof owner, "%s %s", cls ? "PyCMethod_New" : "PyCFunction_New", ml && ml->ml_name ? ml->ml_name : "?");
    fpc_record_methods(FPC_REC_METHOD1, ml, self, cls, owner);
    return fpc_cfunction(ml, self, module, cls);
}
PyObject *PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module) { return PyCMethod_New(ml, self, module, NULL); }
PyObject *PyCFunction_New(PyMethodDef *ml, PyObject *self) { return PyCMethod_New(ml, self, NULL, NULL); }
PyCFunction PyCFunction_GetFunction(PyObject *f) { return f && PyCFunction_Check(f) ? PyCFunction_GET_FUNCTION(f) : NULL; }
PyObject *PyCFunction_GetSelf(PyObject *f) { return f && PyCFunction_Check(f) ? PyCFunction_GET_SELF(f) : NULL; }
int PyCFunction_GetFlags(PyObject *f) { return f && PyCFunction_Check(f) ? PyCFunction_GET_FLAGS(f) : 0; }
PyObject *PyDescr_NewMethod(PyTypeObject *t, PyMethodDef *ml) { return fpc_cfunction(ml, NULL, NULL, t); }
PyObject *PyDescr_NewClassMethod(PyTypeObject *t, PyMethodDef *ml) { return fpc_cfunction(ml, (PyObject *)t, NULL, t); }
PyObject *PyDescr_NewGetSet(PyTypeObject *t, PyGetSetDef *g) { (void)t; (void)g; return fpc_object(&PyProperty_Type, sizeof(PyObject) + 16); }
PyObject *PyDescr_NewMember(PyTypeObject *t, PyMemberDef *m) { (void)t; (void)m; return fpc_object(&PyProperty_Type, sizeof(PyObject) + 16); }
PyObject *PyInstanceMethod_New(PyObject *f) { return Py_NewRef(f); }
PyObject *PyMethod_New(PyObject *f, PyObject *s) { (void)s; return Py_NewRef(f); }
PyObject *PyClassMethod_New(PyObject *f) { return Py_NewRef(f); }
PyObject *PyStaticMethod_New(PyObject *f) { return Py_NewRef(f); }
PyObject *PyMember_GetOne(const char *addr, PyMemberDef *m) { (void)addr; (void)m; return Py_NewRef(Py_None); }
int PyMember_SetOne(char *addr, PyMemberDef *m, PyObject *v) { (void)addr; (void)m; (void)v; return 0; }

/* ====================================================================== argument parsing */

static PyObject *fpc_default_instance(PyTypeObject *t)
{
    if (!t || t == &PyBaseObject_Type)
        return Py_None;
    if (t == &PyTuple_Type) return PyTuple_New(0);
    if (t == &PyList_Type) return PyList_New(0);
    if (t == &PyDict_Type) return PyDict_New();
    if (t == &PySet_Type) return PySet_New(NULL);
    if (t == &PyFrozenSet_Type) return PyFrozenSet_New(NULL);
    if (t == &PyUnicode_Type) return fpc_str("", 0);
    if (t == &PyBytes_Type) return fpc_bytes("", 0);
    if (t == &PyByteArray_Type) return fpc_bytearray("", 0);
    if (t == &PyLong_Type) return fpc_long(0);
    if (t == &PyBool_Type) return Py_False;
    if (t == &PyFloat_Type) return PyFloat_FromDouble(0.0);
    if (t == &PyComplex_Type) return PyComplex_FromDoubles(0.0, 0.0);
    if (t == &PyType_Type) return (PyObject *)&PyBaseObject_Type;
    if (t == &PyModule_Type) return fpc_new_module("dummy", NULL);
    return fpc_instance(t);
}

static void fpc_fill_buffer(Py_buffer *v)
{
    if (v)
        PyBuffer_FillInfo(v, Py_None, fpc_empty_bytes, 0, 0, 0);
}

/*
 * Walk a PyArg_Parse* format, consuming the varargs the way CPython does.
 * Required outputs are filled with harmless defaults, as if the caller had
 * passed matching arguments; optional ones keep the C code's own defaults,
 * as if the caller had passed only the required ones.  O& converters run.
 */
static int fpc_parse(const char *fmt, va_list *ap)
{
    int optional = 0;
    for (const char *p = fmt ? fmt : ""; *p; p++) {
        char c = *p;
        int fill = !optional;
        switch (c) {
        case '|': case '$': optional = 1; break;
        case ':': case ';': return 1;
        case '(': case ')': case ' ': case '\t': case ',': break;
        case 'b': case 'B': case 'c': { char *x = va_arg(*ap, char *); if (fill && x) *x = 0; break; }
        case 'h': case 'H': { short *x = va_arg(*ap, short *); if (fill && x) *x = 0; break; }
        case 'i': case 'I': case 'p': case 'C': { int *x = va_arg(*ap, int *); if (fill && x) *x = 0; break; }
        case 'l': case 'k': { long *x = va_arg(*ap, long *); if (fill && x) *x = 0; break; }
        case 'L': case 'K': { long long *x = va_arg(*ap, long long *); if (fill && x) *x = 0; break; }
        case 'n': { Py_ssize_t *x = va_arg(*ap, Py_ssize_t *); if (fill && x) *x = 0; break; }
        case 'f': { float *x = va_arg(*ap, float *); if (fill && x) *x = 0; break; }
        case 'd': { double *x = va_arg(*ap, double *); if (fill && x) *x = 0; break; }
        case 'D': { Py_complex *x = va_arg(*ap, Py_complex *); if (fill && x) x->real = x->imag = 0; break; }
        case 's': case 'z': case 'y': case 'w':
            if (p[1] == '*') {
                Py_buffer *v = va_arg(*ap, Py_buffer *);
                if (fill)
                    fpc_fill_buffer(v);
                p++;
            } else if (p[1] == '#') {
                const char **s = va_arg(*ap, const char **);
                Py_ssize_t *n = va_arg(*ap, Py_ssize_t *);
                if (fill && s) *s = "";
                if (fill && n) *n = 0;
                p++;
            } else {
                const char **s = va_arg(*ap, const char **);
                if (fill && s) *s = "";
            }
            break;
        case 'u': case 'Z': {
            const wchar_t **s = va_arg(*ap, const wchar_t **);
            if (fill && s) *s = L"";
            if (p[1] == '#') {
                Py_ssize_t *n = va_arg(*ap, Py_ssize_t *);
                if (fill && n) *n = 0;
                p++;
            }
            break;
        }
        case 'e': {
            if (p[1] == 's' || p[1] == 't')
                p++;
            (void)va_arg(*ap, const char *); /* encoding */
            char **buf = va_arg(*ap, char **);
            if (p[1] == '#') {
                Py_ssize_t *n = va_arg(*ap, Py_ssize_t *);
                if (fill && n) *n = 0;
                p++;
            }
            if (fill && buf && !*buf)
                *buf = fpc_alloc(1);
            break;
        }
        case 'S': { PyObject **x = va_arg(*ap, PyObject **); if (fill && x) *x = fpc_bytes("", 0); break; }
        case 'Y': { PyObject **x = va_arg(*ap, PyObject **); if (fill && x) *x = fpc_bytearray("", 0); break; }
        case 'U': { PyObject **x = va_arg(*ap, PyObject **); if (fill && x) *x = fpc_str("", 0); break; }
        case 'O':
            if (p[1] == '!') {
                PyTypeObject *t = va_arg(*ap, PyTypeObject *);
                PyObject **x = va_arg(*ap, PyObject **);
                if (fill && x) *x = fpc_default_instance(t);
                p++;
            } else if (p[1] == '&') {
                int (*conv)(PyObject *, void *) = va_arg(*ap, int (*)(PyObject *, void *));
                void *addr = va_arg(*ap, void *);
                if (fill && conv && !conv(Py_None, addr))
                    return 0;
                p++;
            } else {
                PyObject **x = va_arg(*ap, PyObject **);
                if (fill && x) *x = Py_None;
            }
            break;
        default:
            break;
        }
    }
    return 1;
}

static int fpc_vparse(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int r = fpc_parse(fmt, &cp);
    va_end(cp);
    return r;
}

#define FPC_PARSE_VARARGS(last, fmt) \
    va_list ap; \
    va_start(ap, last); \
    int r = fpc_parse((fmt), &ap); \
    va_end(ap); \
    return r

int PyArg_Parse(PyObject *a, const char *f, ...) { (void)a; FPC_PARSE_VARARGS(f, f); }
int PyArg_ParseTuple(PyObject *a, const char *f, ...) { (void)a; FPC_PARSE_VARARGS(f, f); }
int _PyArg_ParseTuple_SizeT(PyObject *a, const char *f, ...) { (void)a; FPC_PARSE_VARARGS(f, f); }
int PyArg_ParseTupleAndKeywords(PyObject *a, PyObject *k, const char *f, char **kw, ...) { (void)a; (void)k; FPC_PARSE_VARARGS(kw, f); }
int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *a, PyObject *k, const char *f, char **kw, ...) { (void)a; (void)k; FPC_PARSE_VARARGS(kw, f); }
int _PyArg_ParseStack(PyObject *const *a, Py_ssize_t n, const char *f, ...) { (void)a; (void)n; FPC_PARSE_VARARGS(f, f); }
int _PyArg_ParseStackAndKeywords(PyObject *const *a, Py_ssize_t n, PyObject *k, _PyArg_Parser *p, ...) { (void)a; (void)n; (void)k; FPC_PARSE_VARARGS(p, p ? p->format : ""); }
int _PyArg_ParseTupleAndKeywordsFast(PyObject *a, PyObject *k, _PyArg_Parser *p, ...) { (void)a; (void)k; FPC_PARSE_VARARGS(p, p ? p->format : ""); }
int PyArg_VaParse(PyObject *a, const char *f, va_list ap) { (void)a; return fpc_vparse(f, ap); }
int PyArg_VaParseTupleAndKeywords(PyObject *a, PyObject *k, const char *f, char **kw, va_list ap) { (void)a; (void)k; (void)kw; return fpc_vparse(f, ap); }
int PyArg_ValidateKeywordArguments(PyObject *k) { (void)k; return 1; }
int PyArg_UnpackTuple(PyObject *a, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    (void)a; (void)name;
    va_list ap;
    va_start(ap, max);
    for (Py_ssize_t i = 0; i < min && i < max; i++) {
        PyObject **x = va_arg(ap, PyObject **);
        if (x)
            *x = Py_None;
    }
    va_end(ap);
    return 1;
}
int _PyArg_UnpackStack(PyObject *const *a, Py_ssize_t n, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    (void)a; (void)n; (void)name;
    va_list ap;
    va_start(ap, max);
    for (Py_ssize_t i = 0; i < min && i < max; i++) {
        PyObject **x = va_arg(ap, PyObject **);
        if (x)
            *x = Py_None;
    }
    va_end(ap);
    return 1;
}
PyObject *const *_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs, PyObject *kwnames,
                                       _PyArg_Parser *parser, int minpos, int maxpos, int minkw, PyObject **buf)
{
    (void)args; (void)nargs; (void)kwargs; (void)kwnames; (void)parser; (void)maxpos;
    for (int i = 0; buf && i < minpos + minkw; i++)
        buf[i] = Py_None;
    return buf;
}
int _PyArg_CheckPositional(const char *name, Py_ssize_t n, Py_ssize_t min, Py_ssize_t max) { (void)name; (void)n; (void)min; (void)max; return 1; }
int _PyArg_NoKeywords(const char *name, PyObject *k) { (void)name; (void)k; return 1; }
int _PyArg_NoKwnames(const char *name, PyObject *k) { (void)name; (void)k; return 1; }
int _PyArg_NoPositional(const char *name, PyObject *a) { (void)name; (void)a; return 1; }
void _PyArg_BadArgument(const char *f, const char *what, const char *exp, PyObject *arg)
{
    (void)what; (void)arg;
    PyErr_Format(PyExc_TypeError, "%s() argument must be %s", f, exp);
}

/* Py_BuildValue: builds real (mock) objects, consuming the varargs correctly. */
static PyObject *fpc_build_item(const char **pf, va_list *ap);

static PyObject *fpc_build_until(const char **pf, va_list *ap, char end, int *count)
{
    PyObject *items = PyList_New(0);
    *count = 0;
    while (**pf && **pf != end) {
        char c = **pf;
        if (c == ' ' || c == '\t' || c == ',' || c == ':') {
            (*pf)++;
            continue;
        }
        PyList_Append(items, fpc_build_item(pf, ap));
        (*count)++;
    }
    if (**pf == end && end)
        (*pf)++;
    return items;
}

static PyObject *fpc_build_item(const char **pf, va_list *ap)
{
    char c = *(*pf)++;
    int hash = **pf == '#';
    switch (c) {
    case '(': case '[': case '{': {
        int n;
        PyObject *l = fpc_build_until(pf, ap, c == '(' ? ')' : c == '[' ? ']' : '}', &n);
        if (c == '(')
            return PyList_AsTuple(l);
        if (c == '[')
            return l;
        PyObject *d = PyDict_New();
        for (int i = 0; i + 1 < n; i += 2)
            PyDict_SetItem(d, PyList_GET_ITEM(l, i), PyList_GET_ITEM(l, i + 1));
        return d;
    }
    case 's': case 'z': case 'U': case 'y': {
        const char *s = va_arg(*ap, const char *);
        Py_ssize_t n = -1;
        if (hash) {
            n = va_arg(*ap, Py_ssize_t);
            (*pf)++;
        }
        if (!s)
            return Py_None;
        return c == 'y' ? fpc_bytes(s, n) : fpc_str(s, n);
    }
    case 'u': {
        const wchar_t *w = va_arg(*ap, const wchar_t *);
        Py_ssize_t n = -1;
        if (hash) {
            n = va_arg(*ap, Py_ssize_t);
            (*pf)++;
        }
        return w ? PyUnicode_FromWideChar(w, n) : Py_None;
    }
    case 'i': case 'b': case 'h': case 'B': case 'H': case 'p':
        return fpc_long(va_arg(*ap, int));
    case 'c': case 'C': {
        char s[2] = { (char)va_arg(*ap, int), 0 };
        return c == 'c' ? fpc_bytes(s, 1) : fpc_str(s, 1);
    }
    case 'I': return fpc_long(va_arg(*ap, unsigned int));
    case 'l': return fpc_long(va_arg(*ap, long));
    case 'k': return fpc_long((long long)va_arg(*ap, unsigned long));
    case 'L': return fpc_long(va_arg(*ap, long long));
    case 'K': return fpc_long((long long)va_arg(*ap, unsigned long long));
    case 'n': return fpc_long(va_arg(*ap, Py_ssize_t));
    case 'f': case 'd': return PyFloat_FromDouble(va_arg(*ap, double));
    case 'D': {
        Py_complex *z = va_arg(*ap, Py_complex *);
        return z ? PyComplex_FromCComplex(*z) : Py_None;
    }
    case 'O': case 'S': case 'N':
        if (c == 'O' && **pf == '&') {
            PyObject *(*conv)(void *) = va_arg(*ap, PyObject *(*)(void *));
            void *arg = va_arg(*ap, void *);
            (*pf)++;
            return conv ? conv(arg) : Py_None;
        }
        {
            PyObject *o = va_arg(*ap, PyObject *);
            return o ? o : Py_None;
        }
    default:
        return Py_None;
    }
}

PyObject *Py_VaBuildValue(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    const char *f = fmt ? fmt : "";
    int n;
    PyObject *l = fpc_build_until(&f, &cp, 0, &n);
    va_end(cp);
    if (n == 0)
        return Py_NewRef(Py_None);
    if (n == 1)
        return PyList_GET_ITEM(l, 0);
    return PyList_AsTuple(l);
}
PyObject *Py_BuildValue(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyObject *r = Py_VaBuildValue(fmt, ap);
    va_end(ap);
    return r;
}
PyObject *_Py_BuildValue_SizeT(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyObject *r = Py_VaBuildValue(fmt, ap);
    va_end(ap);
    return r;
}

/* ====================================================================== objects, types */

PyObject *fpc_instance(PyTypeObject *type)
{
    Py_ssize_t basic = type && type->tp_basicsize > (Py_ssize_t)sizeof(PyObject) ? type->tp_basicsize : (Py_ssize_t)sizeof(PyObject);
    Py_ssize_t item = type && type->tp_itemsize > 0 ? type->tp_itemsize : 0;
    /* Generous: bodies may index a little past what they declared. */
    return fpc_object(type, (size_t)(basic + 16 * item + 256));
}

PyObject *PyType_GenericAlloc(PyTypeObject *t, Py_ssize_t n)
{
    Py_ssize_t basic = t && t->tp_basicsize > 0 ? t->tp_basicsize : (Py_ssize_t)sizeof(PyObject);
    Py_ssize_t item = t && t->tp_itemsize > 0 ? t->tp_itemsize : 0;
    PyObject *o = fpc_object(t, (size_t)(basic + (n + 1) * item + 64));
    if (item)
        Py_SET_SIZE(o, n);
    return o;
}
PyObject *PyType_GenericNew(PyTypeObject *t, PyObject *a, PyObject *k)
{
    (void)a; (void)k;
    /* As CPython does: allocate through the type's own tp_alloc. */
    return t && t->tp_alloc ? t->tp_alloc(t, 0) : PyType_GenericAlloc(t, 0);
}
PyObject *_PyObject_New(PyTypeObject *t) { return PyType_GenericAlloc(t, 0); }
PyVarObject *_PyObject_NewVar(PyTypeObject *t, Py_ssize_t n) { return (PyVarObject *)PyType_GenericAlloc(t, n); }
PyObject *_PyObject_GC_New(PyTypeObject *t) { return PyType_GenericAlloc(t, 0); }
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *t, Py_ssize_t n) { return (PyVarObject *)PyType_GenericAlloc(t, n); }
PyVarObject *_PyObject_GC_Resize(PyVarObject *o, Py_ssize_t n)
{
    PyVarObject *r = (PyVarObject *)PyType_GenericAlloc(Py_TYPE(o), n);
    if (o && Py_TYPE(o))
        memcpy(r, o, (size_t)Py_TYPE(o)->tp_basicsize);
    Py_SET_SIZE(r, n);
    return r;
}
PyObject *PyObject_Init(PyObject *o, PyTypeObject *t)
{
    if (o) {
        o->ob_refcnt = 1;
        o->ob_type = t;
    }
    return o;
}
PyVarObject *PyObject_InitVar(PyVarObject *o, PyTypeObject *t, Py_ssize_t n)
{
    PyObject_Init((PyObject *)o, t);
    if (o)
        o->ob_size = n;
    return o;
}

unsigned long PyType_GetFlags(PyTypeObject *t) { return t ? t->tp_flags : 0; }
void PyType_Modified(PyTypeObject *t) { (void)t; }

/* What PyType_Ready inherits from the base, as far as bodies rely on it. */
static void fpc_inherit(PyTypeObject *t)
{
    PyTypeObject *b = t->tp_base;
    if (!t->tp_basicsize && b)
        t->tp_basicsize = b->tp_basicsize;
    if (!t->tp_alloc)
        t->tp_alloc = b && b->tp_alloc ? b->tp_alloc : PyType_GenericAlloc;
    if (!t->tp_free)
        t->tp_free = (t->tp_flags & Py_TPFLAGS_HAVE_GC) ? PyObject_GC_Del : PyObject_Free;
    if (!t->tp_dealloc)
        t->tp_dealloc = b && b->tp_dealloc ? b->tp_dealloc : fpc_object_dealloc;
    if (!t->tp_getattro)
        t->tp_getattro = PyObject_GenericGetAttr;
    if (!t->tp_setattro)
        t->tp_setattro = PyObject_GenericSetAttr;
    if (!t->tp_dict)
        t->tp_dict = PyDict_New();
}

int PyType_Ready(PyTypeObject *t)
{
    if (!t)
        return -1;
    if (t->tp_version_tag == FPC_BUILTIN_TAG)
        return 0;
    fpc_record_type(t); /* before anything changes: the walk sees what the extension wrote */
    if (t->tp_flags & Py_TPFLAGS_READY)
        return 0;
    if (!Py_TYPE(t))
        Py_SET_TYPE(t, &PyType_Type);
    if (!Py_REFCNT(t))
        Py_SET_REFCNT(t, 1);
    if (!t->tp_base && t != &PyBaseObject_Type)
        t->tp_base = &PyBaseObject_Type;
    if (t->tp_base && !(t->tp_base->tp_flags & Py_TPFLAGS_READY))
        PyType_Ready(t->tp_base);
    fpc_inherit(t);
    t->tp_flags |= Py_TPFLAGS_READY;
    return 0;
}

static PyTypeObject *fpc_first_base(PyObject *bases)
{
    if (!bases)
        return NULL;
    if (Py_TYPE(bases) && PyTuple_Check(bases))
        return Py_SIZE(bases) > 0 ? (PyTypeObject *)PyTuple_GET_ITEM(bases, 0) : NULL;
    return (PyTypeObject *)bases;
}

static PyObject *fpc_type_from_spec(PyTypeObject *meta, PyObject *module, PyType_Spec *spec, PyObject *bases)
{
    if (!spec) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyHeapTypeObject *ht = (PyHeapTypeObject *)fpc_object(meta ? meta : &PyType_Type, sizeof(PyHeapTypeObject) + 64);
    PyTypeObject *t = &ht->ht_type;
    t->tp_name = spec->name;
    t->tp_basicsize = spec->basicsize;
    t->tp_itemsize = spec->itemsize;
    t->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
    t->tp_as_async = &ht->as_async;
    t->tp_as_number = &ht->as_number;
    t->tp_as_sequence = &ht->as_sequence;
    t->tp_as_mapping = &ht->as_mapping;
    t->tp_as_buffer = &ht->as_buffer;
    ht->ht_module = module;
    ht->ht_name = fpc_str(spec->name ? (strrchr(spec->name, '.') ? strrchr(spec->name, '.') + 1 : spec->name) : "?", -1);
    PyTypeObject *base = fpc_first_base(bases);
    for (PyType_Slot *s = spec->slots; s && s->slot; s++) {
        switch (s->slot) {
        case Py_tp_base: base = (PyTypeObject *)s->pfunc; break;
        case Py_tp_bases: if (!base) base = fpc_first_base((PyObject *)s->pfunc); break;
        case Py_tp_doc: t->tp_doc = (const char *)s->pfunc; break;
        case Py_tp_methods: t->tp_methods = (PyMethodDef *)s->pfunc; break;
        case Py_tp_members: t->tp_members = (PyMemberDef *)s->pfunc; break;
        case Py_tp_getset: t->tp_getset = (PyGetSetDef *)s->pfunc; break;
        default: {
            const fpc_slot *slot = fpc_slot_by_id(s->slot);
            void **field = slot && slot->kind > FPC_K_TABLE_GETSET ? fpc_slot_field(t, slot) : NULL;
            if (field)
                *field = s->pfunc;
            break;
        }
        }
    }
    t->tp_base = base ? base : &PyBaseObject_Type;
    if (!(t->tp_base->tp_flags & Py_TPFLAGS_READY))
        PyType_Ready(t->tp_base);
    fpc_inherit(t);
    t->tp_flags |= Py_TPFLAGS_READY;
    fpc_record_spec(spec, t, module);
    return (PyObject *)t;
}

PyObject *PyType_FromSpec(PyType_Spec *s) { return fpc_type_from_spec(NULL, NULL, s, NULL); }
PyObject *PyType_FromSpecWithBases(PyType_Spec *s, PyObject *b) { return fpc_type_from_spec(NULL, NULL, s, b); }
PyObject *PyType_FromModuleAndSpec(PyObject *m, PyType_Spec *s, PyObject *b) { return fpc_type_from_spec(NULL, m, s, b); }
PyObject *PyType_FromMetaclass(PyTypeObject *meta, PyObject *m, PyType_Spec *s, PyObject *b) { return fpc_type_from_spec(meta, m, s, b); }

void *PyType_GetSlot(PyTypeObject *t, int id)
{
    switch (id) {
    case Py_tp_base: return t ? t->tp_base : NULL;
    case Py_tp_doc: return t ? (void *)t->tp_doc : NULL;
    case Py_tp_methods: return t ? t->tp_methods : NULL;
    case Py_tp_members: return t ? t->tp_members : NULL;
    case Py_tp_getset: return t ? t->tp_getset : NULL;
    default: {
        const fpc_slot *slot = fpc_slot_by_id(id);
        void **field = t && slot ? fpc_slot_field(t, slot) : NULL;
        return field ? *field : NULL;
    }
    }
}
PyObject *PyType_GetModule(PyTypeObject *t)
{
    if (t && (t->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return ((PyHeapTypeObject *)t)->ht_module;
    fpc_set_error(PyExc_TypeError, "PyType_GetModule: not a heap type");
    return NULL;
}
void *PyType_GetModuleState(PyTypeObject *t)
{
    PyObject *m = PyType_GetModule(t);
    return m ? PyModule_GetState(m) : NULL;
}
PyObject *PyType_GetModuleByDef(PyTypeObject *t, PyModuleDef *def)
{
    for (int depth = 0; t && depth < 64; t = t->tp_base, depth++) {
        if (t->tp_flags & Py_TPFLAGS_HEAPTYPE) {
            PyObject *m = ((PyHeapTypeObject *)t)->ht_module;
            if (m && Py_TYPE(m) && PyModule_Check(m) && ((fpc_module *)m)->md_def == def)
                return m;
        }
    }
    /* The driver's dummy instances may not come from the module's own type: fall back to any module of def. */
    for (int i = 0; i < fpc_nrecords; i++)
        if (fpc_records[i].kind == FPC_REC_MODDEF && fpc_records[i].ptr == def && fpc_records[i].self)
            return fpc_records[i].self;
    fpc_set_error(PyExc_TypeError, "PyType_GetModuleByDef: no module found");
    return NULL;
}
PyObject *PyType_GetName(PyTypeObject *t)
{
    const char *n = t && t->tp_name ? t->tp_name : "?";
    const char *dot = strrchr(n, '.');
    return fpc_str(dot ? dot + 1 : n, -1);
}
PyObject *PyType_GetQualName(PyTypeObject *t) { return PyType_GetName(t); }
PyObject *_PyType_Lookup(PyTypeObject *t, PyObject *n) { (void)t; (void)n; return NULL; }

/* ====================================================================== modules */

PyObject *fpc_new_module(const char *name, PyModuleDef *def)
{
    fpc_module *m = (fpc_module *)fpc_object(&PyModule_Type, sizeof(fpc_module));
    m->md_dict = PyDict_New();
    m->md_def = def;
    m->md_name = fpc_str(name ? name : "?", -1);
    if (def && def->m_size > 0)
        m->md_state = fpc_alloc((size_t)def->m_size + 64);
    PyDict_SetItemString(m->md_dict, "__name__", m->md_name);
    return (PyObject *)m;
}

PyObject *fpc_new_spec(const char *name)
{
    fpc_spec *s = (fpc_spec *)fpc_object(&fpc_spec_type, sizeof(fpc_spec));
    s->name = fpc_str(name ? name : "?", -1);
    return (PyObject *)s;
}

PyObject *PyModule_Create2(PyModuleDef *def, int apiver)
{
    (void)apiver;
    if (!def) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *m = fpc_new_module(def->m_name, def);
    fpc_record_moddef(def, m);
    fpc_add_functions(m, def->m_methods);
    if (def->m_doc)
        PyModule_SetDocString(m, def->m_doc);
    return m;
}

PyObject *PyModuleDef_Init(PyModuleDef *def)
{
    if (!def)
        return NULL;
    if (!Py_TYPE(def))
        Py_SET_TYPE(def, &PyModuleDef_Type);
    if (!Py_REFCNT(def))
        Py_SET_REFCNT(def, 1);
    fpc_record_moddef(def, NULL);
    return (PyObject *)def;
}

/* Multi-phase init, step one: what CPython's PyModule_FromDefAndSpec does. */
PyObject *fpc_module_create(PyModuleDef *def, PyObject *spec)
{
    const char *name = def && def->m_name ? def->m_name : "?";
    if (!spec)
        spec = fpc_new_spec(name);
    PyObject *m = NULL;
    for (PyModuleDef_Slot *s = def ? def->m_slots : NULL; s && s->slot; s++) {
        if (s->slot == Py_mod_create) {
            PyObject *(*create)(PyObject *, PyModuleDef *) = (PyObject *(*)(PyObject *, PyModuleDef *))s->value;
            m = create(spec, def);
            if (!m)
                return NULL;
            break;
        }
    }
    if (!m)
        m = fpc_new_module(name, def);
    if (Py_TYPE(m) && PyModule_Check(m)) {
        fpc_module *mod = (fpc_module *)m;
        if (!mod->md_def) {
            mod->md_def = def;
            if (def && def->m_size > 0 && !mod->md_state)
                mod->md_state = fpc_alloc((size_t)def->m_size + 64);
        }
    }
    fpc_record_moddef(def, m);
    fpc_add_functions(m, def ? def->m_methods : NULL);
    return m;
}

int fpc_module_exec_count(PyModuleDef *def)
{
    int n = 0;
    for (PyModuleDef_Slot *s = def ? def->m_slots : NULL; s && s->slot; s++)
        n += s->slot == Py_mod_exec;
    return n;
}

/* Multi-phase init, step two: run the nth Py_mod_exec slot. */
int fpc_module_exec_slot(PyObject *module, PyModuleDef *def, int nth)
{
    int n = 0;
    for (PyModuleDef_Slot *s = def ? def->m_slots : NULL; s && s->slot; s++) {
        if (s->slot != Py_mod_exec)
            continue;
        if (n++ == nth) {
            int (*exec)(PyObject *) = (int (*)(PyObject *))s->value;
            return exec(module);
        }
    }
    return 0;
}

PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int apiver)
{
    (void)apiver;
    PyModuleDef_Init(def);
    return fpc_module_create(def, spec);
}
int PyModule_ExecDef(PyObject *m, PyModuleDef *def)
{
    for (int i = 0; i < fpc_module_exec_count(def); i++)
        if (fpc_module_exec_slot(m, def, i) != 0)
            return -1;
    return 0;
}
PyObject *PyModule_New(const char *name) { return fpc_new_module(name, NULL); }
PyObject *PyModule_NewObject(PyObject *name) { return fpc_new_module(fpc_utf8(name, NULL), NULL); }
static fpc_module *fpc_as_module(PyObject *m) { return m && Py_TYPE(m) && PyModule_Check(m) ? (fpc_module *)m : NULL; }
void *PyModule_GetState(PyObject *m) { fpc_module *mod = fpc_as_module(m); return mod ? mod->md_state : NULL; }
PyModuleDef *PyModule_GetDef(PyObject *m) { fpc_module *mod = fpc_as_module(m); return mod ? mod->md_def : NULL; }
PyObject *PyModule_GetDict(PyObject *m) { fpc_module *mod = fpc_as_module(m); return mod ? mod->md_dict : PyDict_New(); }
const char *PyModule_GetName(PyObject *m) { return fpc_module_name(m); }
PyObject *PyModule_GetNameObject(PyObject *m) { return fpc_str(fpc_module_name(m), -1); }
const char *PyModule_GetFilename(PyObject *m) { (void)m; return "<wasm>"; }
PyObject *PyModule_GetFilenameObject(PyObject *m) { (void)m; return fpc_str("<wasm>", -1); }

int PyModule_AddObjectRef(PyObject *m, const char *name, PyObject *o)
{
    if (!o) {
        if (!PyErr_Occurred())
            fpc_set_error(PyExc_SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        return -1;
    }
    if (Py_TYPE(o) && PyType_Check(o))
        fpc_record_type((PyTypeObject *)o);
    fpc_module *mod = fpc_as_module(m);
    if (mod)
        PyDict_SetItemString(mod->md_dict, name ? name : "?", o);
    return 0;
}
int PyModule_AddObject(PyObject *m, const char *name, PyObject *o) { return PyModule_AddObjectRef(m, name, o); }
int PyModule_Add(PyObject *m, const char *name, PyObject *o) { return PyModule_AddObjectRef(m, name, o); }
int PyModule_AddIntConstant(PyObject *m, const char *name, long v) { return PyModule_AddObjectRef(m, name, fpc_long(v)); }
int PyModule_AddStringConstant(PyObject *m, const char *name, const char *v) { return PyModule_AddObjectRef(m, name, fpc_str(v, -1)); }
int PyModule_AddType(PyObject *m, PyTypeObject *t)
{
    if (PyType_Ready(t) < 0)
        return -1;
    const char *n = t->tp_name ? t->tp_name : "?";
    const char *dot = strrchr(n, '.');
    return PyModule_AddObjectRef(m, dot ? dot + 1 : n, (PyObject *)t);
}
int PyModule_AddFunctions(PyObject *m, PyMethodDef *ml)
{
    char owner[160];
    snprintf(owner, sizeof owner, "module %s functions", fpc_module_name(m));
    fpc_record_methods(FPC_REC_METHODS, ml, m, NULL, owner);
    fpc_add_functions(m, ml);
    return 0;
}
int PyModule_SetDocString(PyObject *m, const char *doc) { return PyObject_SetAttrString(m, "__doc__", fpc_str(doc, -1)); }
PyObject *PyState_FindModule(PyModuleDef *def)
{
    for (int i = 0; i < fpc_nrecords; i++)
        if (fpc_records[i].kind == FPC_REC_MODDEF && fpc_records[i].ptr == def)
            return fpc_records[i].self;
    return NULL;
}
int PyState_AddModule(PyObject *m, PyModuleDef *def) { (void)m; (void)def; return 0; }
int PyState_RemoveModule(PyModuleDef *def) { (void)def; return 0; }

/* Imports give an empty module, so init code that pulls in helpers keeps going. */
PyObject *PyImport_ImportModule(const char *name) { return fpc_new_module(name, NULL); }
PyObject *PyImport_ImportModuleNoBlock(const char *name) { return fpc_new_module(name, NULL); }
PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *g, PyObject *l, PyObject *f, int level)
{
    (void)g; (void)l; (void)f; (void)level;
    return fpc_new_module(name, NULL);
}
PyObject *PyImport_Import(PyObject *name) { return fpc_new_module(fpc_utf8(name, NULL), NULL); }
PyObject *PyImport_AddModule(const char *name) { return fpc_new_module(name, NULL); }
PyObject *PyImport_AddModuleObject(PyObject *name) { return fpc_new_module(fpc_utf8(name, NULL), NULL); }
PyObject *PyImport_GetModuleDict(void) { static PyObject *d; if (!d) d = PyDict_New(); return d; }
PyObject *PyImport_GetModule(PyObject *name) { return fpc_new_module(fpc_utf8(name, NULL), NULL); }

/* ====================================================================== interpreter, threads, misc */

static int fpc_tstate;
PyGILState_STATE PyGILState_Ensure(void) { return PyGILState_UNLOCKED; }
void PyGILState_Release(PyGILState_STATE s) { (void)s; }
PyThreadState *PyGILState_GetThisThreadState(void) { return (PyThreadState *)&fpc_tstate; }
int PyGILState_Check(void) { return 1; }
PyThreadState *PyEval_SaveThread(void) { return (PyThreadState *)&fpc_tstate; }
void PyEval_RestoreThread(PyThreadState *t) { (void)t; }
void PyEval_InitThreads(void) {}
PyThreadState *PyThreadState_Get(void) { return (PyThreadState *)&fpc_tstate; }
PyObject *PyThreadState_GetDict(void) { static PyObject *d; if (!d) d = PyDict_New(); return d; }
PyInterpreterState *PyInterpreterState_Get(void) { return (PyInterpreterState *)&fpc_tstate; }
int64_t PyInterpreterState_GetID(PyInterpreterState *i) { (void)i; return 0; }
PyObject *PyEval_GetBuiltins(void) { static PyObject *d; if (!d) d = PyDict_New(); return d; }
PyObject *PyEval_GetGlobals(void) { return NULL; }
PyFrameObject *PyEval_GetFrame(void) { return NULL; }
int Py_IsInitialized(void) { return 1; }
int Py_AtExit(void (*f)(void)) { (void)f; return 0; }
const char *Py_GetVersion(void) { return PY_VERSION " (fpcast wasm mock)"; }
int Py_GetRecursionLimit(void) { return 1000; }
PyObject *PySys_GetObject(const char *name) { (void)name; return NULL; }
int PySys_SetObject(const char *name, PyObject *v) { (void)name; (void)v; return 0; }
static void fpc_vwrite(FILE *f, const char *fmt, va_list ap)
{
    char buf[1024];
    va_list cp;
    va_copy(cp, ap);
    fpc_vformat(buf, sizeof buf, fmt, &cp);
    va_end(cp);
    fputs(buf, f);
}
void PySys_WriteStdout(const char *fmt, ...) { va_list ap; va_start(ap, fmt); fpc_vwrite(stdout, fmt, ap); va_end(ap); }
void PySys_WriteStderr(const char *fmt, ...) { va_list ap; va_start(ap, fmt); fpc_vwrite(stderr, fmt, ap); va_end(ap); }
void PySys_FormatStdout(const char *fmt, ...) { va_list ap; va_start(ap, fmt); fpc_vwrite(stdout, fmt, ap); va_end(ap); }
void PySys_FormatStderr(const char *fmt, ...) { va_list ap; va_start(ap, fmt); fpc_vwrite(stderr, fmt, ap); va_end(ap); }
int PySys_Audit(const char *e, const char *f, ...) { (void)e; (void)f; return 0; }
int PyOS_vsnprintf(char *s, size_t n, const char *f, va_list ap) { return vsnprintf(s, n, f, ap); }
int PyOS_snprintf(char *s, size_t n, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int r = vsnprintf(s, n, f, ap);
    va_end(ap);
    return r;
}
double PyOS_string_to_double(const char *s, char **end, PyObject *exc) { (void)exc; return strtod(s ? s : "0", end); }
char *PyOS_double_to_string(double v, char code, int prec, int flags, int *type)
{
    (void)flags;
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%.%d%c", prec < 0 ? 17 : prec, code == 'r' ? 'g' : code);
    char *buf = fpc_alloc(64);
    snprintf(buf, 64, fmt, v);
    if (type)
        *type = Py_DTST_FINITE;
    return buf;
}
long PyOS_strtol(const char *s, char **e, int b) { return strtol(s, e, b); }
unsigned long PyOS_strtoul(const char *s, char **e, int b) { return strtoul(s, e, b); }
int PyOS_stricmp(const char *a, const char *b) { return strcasecmp(a, b); }
int PyOS_mystricmp(const char *a, const char *b) { return strcasecmp(a, b); }
int PyOS_InterruptOccurred(void) { return 0; }

/* pythread.h */
PyThread_type_lock PyThread_allocate_lock(void) { return fpc_alloc(4); }
void PyThread_free_lock(PyThread_type_lock l) { (void)l; }
int PyThread_acquire_lock(PyThread_type_lock l, int w) { (void)l; (void)w; return 1; }
PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock l, PY_TIMEOUT_T t, int i) { (void)l; (void)t; (void)i; return PY_LOCK_ACQUIRED; }
void PyThread_release_lock(PyThread_type_lock l) { (void)l; }
unsigned long PyThread_get_thread_ident(void) { return 1; }

/* ====================================================================== identifiers, struct sequences, files */

const char *const PyStructSequence_UnnamedField = "unnamed field";

PyObject *_PyUnicode_FromId(_Py_Identifier *id) { return fpc_str(id && id->string ? id->string : "", -1); }
PyObject *_PyObject_GetAttrId(PyObject *o, _Py_Identifier *id) { return PyObject_GetAttrString(o, id && id->string ? id->string : ""); }
int _PyObject_SetAttrId(PyObject *o, _Py_Identifier *id, PyObject *v) { return PyObject_SetAttrString(o, id && id->string ? id->string : "", v); }
PyObject *_PyObject_CallMethodId(PyObject *o, _Py_Identifier *id, const char *f, ...) { (void)o; (void)id; (void)f; return Py_NewRef(Py_None); }
PyObject *_PyObject_CallMethodIdObjArgs(PyObject *o, _Py_Identifier *id, ...) { (void)o; (void)id; return Py_NewRef(Py_None); }
PyObject *_PyDict_GetItemId(PyObject *d, _Py_Identifier *id) { return PyDict_GetItemString(d, id && id->string ? id->string : ""); }
int _PyDict_SetItemId(PyObject *d, _Py_Identifier *id, PyObject *v) { return PyDict_SetItemString(d, id && id->string ? id->string : "", v); }

static void fpc_structseq_fill(PyTypeObject *t, PyStructSequence_Desc *desc)
{
    t->tp_name = desc && desc->name ? desc->name : "structseq";
    t->tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *);
    t->tp_itemsize = sizeof(PyObject *);
    t->tp_base = &PyTuple_Type;
    t->tp_flags |= Py_TPFLAGS_READY | Py_TPFLAGS_TUPLE_SUBCLASS;
    t->tp_alloc = PyType_GenericAlloc;
    t->tp_free = PyObject_Free;
    t->tp_dealloc = fpc_object_dealloc;
    t->tp_version_tag = FPC_BUILTIN_TAG;
    if (!Py_TYPE(t))
        Py_SET_TYPE(t, &PyType_Type);
}
PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    PyTypeObject *t = (PyTypeObject *)fpc_object(&PyType_Type, sizeof(PyHeapTypeObject));
    fpc_structseq_fill(t, desc);
    t->tp_flags |= Py_TPFLAGS_HEAPTYPE;
    return t;
}
int PyStructSequence_InitType2(PyTypeObject *t, PyStructSequence_Desc *desc) { if (t) fpc_structseq_fill(t, desc); return 0; }
void PyStructSequence_InitType(PyTypeObject *t, PyStructSequence_Desc *desc) { PyStructSequence_InitType2(t, desc); }
PyObject *PyStructSequence_New(PyTypeObject *t)
{
    PyObject *o = PyTuple_New(16);
    Py_SET_TYPE(o, t ? t : &PyTuple_Type);
    return o;
}
void PyStructSequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v) { if (i >= 0 && i < 16) PyTuple_SET_ITEM(o, i, v); }
PyObject *PyStructSequence_GetItem(PyObject *o, Py_ssize_t i) { return i >= 0 && i < 16 ? PyTuple_GET_ITEM(o, i) : NULL; }

int PyFile_WriteString(const char *s, PyObject *f) { (void)f; fputs(s ? s : "", stdout); return 0; }
int PyFile_WriteObject(PyObject *o, PyObject *f, int flags) { (void)f; (void)flags; fputs(fpc_text(o), stdout); return 0; }
PyObject *PyFile_GetLine(PyObject *f, int n) { (void)f; (void)n; return fpc_str("", 0); }

/*
 * fpcast wasm harness: the driver.
 *
 * After the JS side has run every PyInit_* export (and, for multi-phase
 * init, the create/exec phases through fpc_init_phase), the records the mock
 * C-API collected are turned into entries: one per registered function, each
 * with the call shape CPython would use.  fpc_call_entry(i) then makes that
 * call -- a genuine call_indirect through the CPython typedef, with the
 * function pointer read from a volatile so clang cannot turn it into a
 * direct call.  A signature trap therefore always happens with
 * fpc_call_entry as the innermost wasm frame; the JS side relies on that.
 */
#include "fpc_runtime.h"

/* ====================================================================== slots */

#define T(field) FPC_W_TYPE, (int)offsetof(PyTypeObject, field)
#define AM(field) FPC_W_ASYNC, (int)offsetof(PyAsyncMethods, field)
#define NB(field) FPC_W_NUMBER, (int)offsetof(PyNumberMethods, field)
#define SQ(field) FPC_W_SEQUENCE, (int)offsetof(PySequenceMethods, field)
#define MP(field) FPC_W_MAPPING, (int)offsetof(PyMappingMethods, field)
#define BF(field) FPC_W_BUFFER, (int)offsetof(PyBufferProcs, field)

/* Every PyType_Slot id, where CPython stores it, and the typedef it is called through. */
const fpc_slot fpc_slots[] = {
    { "bf_getbuffer", Py_bf_getbuffer, BF(bf_getbuffer), FPC_K_GETBUFFER },
    { "bf_releasebuffer", Py_bf_releasebuffer, BF(bf_releasebuffer), FPC_K_RELEASEBUFFER },
    { "mp_ass_subscript", Py_mp_ass_subscript, MP(mp_ass_subscript), FPC_K_ASS_SUBSCRIPT },
    { "mp_length", Py_mp_length, MP(mp_length), FPC_K_LEN },
    { "mp_subscript", Py_mp_subscript, MP(mp_subscript), FPC_K_SUBSCRIPT },
    { "nb_absolute", Py_nb_absolute, NB(nb_absolute), FPC_K_UNARY },
    { "nb_add", Py_nb_add, NB(nb_add), FPC_K_BINARY },
    { "nb_and", Py_nb_and, NB(nb_and), FPC_K_BINARY },
    { "nb_bool", Py_nb_bool, NB(nb_bool), FPC_K_INQUIRY },
    { "nb_divmod", Py_nb_divmod, NB(nb_divmod), FPC_K_BINARY },
    { "nb_float", Py_nb_float, NB(nb_float), FPC_K_UNARY },
    { "nb_floor_divide", Py_nb_floor_divide, NB(nb_floor_divide), FPC_K_BINARY },
    { "nb_index", Py_nb_index, NB(nb_index), FPC_K_UNARY },
    { "nb_inplace_add", Py_nb_inplace_add, NB(nb_inplace_add), FPC_K_BINARY },
    { "nb_inplace_and", Py_nb_inplace_and, NB(nb_inplace_and), FPC_K_BINARY },
    { "nb_inplace_floor_divide", Py_nb_inplace_floor_divide, NB(nb_inplace_floor_divide), FPC_K_BINARY },
    { "nb_inplace_lshift", Py_nb_inplace_lshift, NB(nb_inplace_lshift), FPC_K_BINARY },
    { "nb_inplace_multiply", Py_nb_inplace_multiply, NB(nb_inplace_multiply), FPC_K_BINARY },
    { "nb_inplace_or", Py_nb_inplace_or, NB(nb_inplace_or), FPC_K_BINARY },
    { "nb_inplace_power", Py_nb_inplace_power, NB(nb_inplace_power), FPC_K_POWER },
    { "nb_inplace_remainder", Py_nb_inplace_remainder, NB(nb_inplace_remainder), FPC_K_BINARY },
    { "nb_inplace_rshift", Py_nb_inplace_rshift, NB(nb_inplace_rshift), FPC_K_BINARY },
    { "nb_inplace_subtract", Py_nb_inplace_subtract, NB(nb_inplace_subtract), FPC_K_BINARY },
    { "nb_inplace_true_divide", Py_nb_inplace_true_divide, NB(nb_inplace_true_divide), FPC_K_BINARY },
    { "nb_inplace_xor", Py_nb_inplace_xor, NB(nb_inplace_xor), FPC_K_BINARY },
    { "nb_int", Py_nb_int, NB(nb_int), FPC_K_UNARY },
    { "nb_invert", Py_nb_invert, NB(nb_invert), FPC_K_UNARY },
    { "nb_lshift", Py_nb_lshift, NB(nb_lshift), FPC_K_BINARY },
    { "nb_multiply", Py_nb_multiply, NB(nb_multiply), FPC_K_BINARY },
    { "nb_negative", Py_nb_negative, NB(nb_negative), FPC_K_UNARY },
    { "nb_or", Py_nb_or, NB(nb_or), FPC_K_BINARY },
    { "nb_positive", Py_nb_positive, NB(nb_positive), FPC_K_UNARY },
    { "nb_power", Py_nb_power, NB(nb_power), FPC_K_POWER },
    { "nb_remainder", Py_nb_remainder, NB(nb_remainder), FPC_K_BINARY },
    { "nb_rshift", Py_nb_rshift, NB(nb_rshift), FPC_K_BINARY },
    { "nb_subtract", Py_nb_subtract, NB(nb_subtract), FPC_K_BINARY },
    { "nb_true_divide", Py_nb_true_divide, NB(nb_true_divide), FPC_K_BINARY },
    { "nb_xor", Py_nb_xor, NB(nb_xor), FPC_K_BINARY },
    { "sq_ass_item", Py_sq_ass_item, SQ(sq_ass_item), FPC_K_SSIZEOBJARG },
    { "sq_concat", Py_sq_concat, SQ(sq_concat), FPC_K_BINARY },
    { "sq_contains", Py_sq_contains, SQ(sq_contains), FPC_K_OBJOBJ },
    { "sq_inplace_concat", Py_sq_inplace_concat, SQ(sq_inplace_concat), FPC_K_BINARY },
    { "sq_inplace_repeat", Py_sq_inplace_repeat, SQ(sq_inplace_repeat), FPC_K_SSIZEARG },
    { "sq_item", Py_sq_item, SQ(sq_item), FPC_K_SSIZEARG },
    { "sq_length", Py_sq_length, SQ(sq_length), FPC_K_LEN },
    { "sq_repeat", Py_sq_repeat, SQ(sq_repeat), FPC_K_SSIZEARG },
    { "tp_alloc", Py_tp_alloc, T(tp_alloc), FPC_K_ALLOC },
    { "tp_base", Py_tp_base, T(tp_base), FPC_K_DATA },
    { "tp_bases", Py_tp_bases, T(tp_bases), FPC_K_DATA },
    { "tp_call", Py_tp_call, T(tp_call), FPC_K_CALL },
    { "tp_clear", Py_tp_clear, T(tp_clear), FPC_K_INQUIRY },
    { "tp_dealloc", Py_tp_dealloc, T(tp_dealloc), FPC_K_DESTRUCTOR },
    { "tp_del", Py_tp_del, T(tp_del), FPC_K_DESTRUCTOR },
    { "tp_descr_get", Py_tp_descr_get, T(tp_descr_get), FPC_K_DESCR_GET },
    { "tp_descr_set", Py_tp_descr_set, T(tp_descr_set), FPC_K_DESCR_SET },
    { "tp_doc", Py_tp_doc, T(tp_doc), FPC_K_DATA },
    { "tp_getattr", Py_tp_getattr, T(tp_getattr), FPC_K_GETATTR },
    { "tp_getattro", Py_tp_getattro, T(tp_getattro), FPC_K_GETATTRO },
    { "tp_hash", Py_tp_hash, T(tp_hash), FPC_K_HASH },
    { "tp_init", Py_tp_init, T(tp_init), FPC_K_INIT },
    { "tp_is_gc", Py_tp_is_gc, T(tp_is_gc), FPC_K_INQUIRY },
    { "tp_iter", Py_tp_iter, T(tp_iter), FPC_K_UNARY },
    { "tp_iternext", Py_tp_iternext, T(tp_iternext), FPC_K_UNARY },
    { "tp_methods", Py_tp_methods, T(tp_methods), FPC_K_TABLE_METHODS },
    { "tp_new", Py_tp_new, T(tp_new), FPC_K_NEW },
    { "tp_repr", Py_tp_repr, T(tp_repr), FPC_K_UNARY },
    { "tp_richcompare", Py_tp_richcompare, T(tp_richcompare), FPC_K_RICHCMP },
    { "tp_setattr", Py_tp_setattr, T(tp_setattr), FPC_K_SETATTR },
    { "tp_setattro", Py_tp_setattro, T(tp_setattro), FPC_K_SETATTRO },
    { "tp_str", Py_tp_str, T(tp_str), FPC_K_UNARY },
    { "tp_traverse", Py_tp_traverse, T(tp_traverse), FPC_K_TRAVERSE },
    { "tp_members", Py_tp_members, T(tp_members), FPC_K_DATA },
    { "tp_getset", Py_tp_getset, T(tp_getset), FPC_K_TABLE_GETSET },
    { "tp_free", Py_tp_free, T(tp_free), FPC_K_FREE },
    { "nb_matrix_multiply", Py_nb_matrix_multiply, NB(nb_matrix_multiply), FPC_K_BINARY },
    { "nb_inplace_matrix_multiply", Py_nb_inplace_matrix_multiply, NB(nb_inplace_matrix_multiply), FPC_K_BINARY },
    { "am_await", Py_am_await, AM(am_await), FPC_K_UNARY },
    { "am_aiter", Py_am_aiter, AM(am_aiter), FPC_K_UNARY },
    { "am_anext", Py_am_anext, AM(am_anext), FPC_K_UNARY },
    { "tp_finalize", Py_tp_finalize, T(tp_finalize), FPC_K_DESTRUCTOR },
    { "am_send", Py_am_send, AM(am_send), FPC_K_SEND },
    { "tp_vectorcall", Py_tp_vectorcall, T(tp_vectorcall), FPC_K_VECTORCALL },
    { "tp_token", Py_tp_token, FPC_W_NONE, -1, FPC_K_DATA },
};
const int fpc_nslots = (int)(sizeof fpc_slots / sizeof fpc_slots[0]);

#undef T
#undef AM
#undef NB
#undef SQ
#undef MP
#undef BF

const fpc_slot *fpc_slot_by_id(int id)
{
    for (int i = 0; i < fpc_nslots; i++)
        if (fpc_slots[i].id == id)
            return &fpc_slots[i];
    return NULL;
}

static void *fpc_slot_table(PyTypeObject *t, int where)
{
    switch (where) {
    case FPC_W_TYPE: return t;
    case FPC_W_ASYNC: return t->tp_as_async;
    case FPC_W_NUMBER: return t->tp_as_number;
    case FPC_W_SEQUENCE: return t->tp_as_sequence;
    case FPC_W_MAPPING: return t->tp_as_mapping;
    case FPC_W_BUFFER: return t->tp_as_buffer;
    default: return NULL;
    }
}

void **fpc_slot_field(PyTypeObject *t, const fpc_slot *slot)
{
    char *table = t && slot && slot->offset >= 0 ? fpc_slot_table(t, slot->where) : NULL;
    return table ? (void **)(table + slot->offset) : NULL;
}

/* ====================================================================== records */

fpc_record *fpc_records;
int fpc_nrecords;
static int fpc_records_cap;

static fpc_record *fpc_new_record(int kind, const void *ptr)
{
    if (fpc_nrecords == fpc_records_cap) {
        int cap = fpc_records_cap ? fpc_records_cap * 2 : 32;
        fpc_record *r = realloc(fpc_records, sizeof(fpc_record) * (size_t)cap);
        if (!r)
            abort();
        fpc_records = r;
        fpc_records_cap = cap;
    }
    fpc_record *r = &fpc_records[fpc_nrecords++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->ptr = ptr;
    return r;
}

static fpc_record *fpc_find_record(int kind, const void *ptr)
{
    for (int i = 0; i < fpc_nrecords; i++)
        if (fpc_records[i].kind == kind && fpc_records[i].ptr == ptr)
            return &fpc_records[i];
    return NULL;
}

void fpc_record_moddef(PyModuleDef *def, PyObject *module)
{
    if (!def)
        return;
    fpc_record *r = fpc_find_record(FPC_REC_MODDEF, def);
    if (!r)
        r = fpc_new_record(FPC_REC_MODDEF, def);
    if (module && !r->self)
        r->self = module;
}

void fpc_record_methods(int kind, PyMethodDef *ml, PyObject *self, PyTypeObject *cls, const char *owner)
{
    if (!ml || fpc_find_record(kind, ml))
        return;
    fpc_record *r = fpc_new_record(kind, ml);
    r->self = self;
    r->type = cls;
    snprintf(r->owner, sizeof r->owner, "%s", owner);
}

int fpc_is_spec_type(PyTypeObject *type)
{
    for (int i = 0; i < fpc_nrecords; i++)
        if (fpc_records[i].kind == FPC_REC_SPEC && fpc_records[i].type == type)
            return 1;
    return 0;
}

void fpc_record_type(PyTypeObject *type)
{
    if (!type || type->tp_version_tag == FPC_BUILTIN_TAG || fpc_is_spec_type(type) || fpc_find_record(FPC_REC_TYPE, type))
        return;
    fpc_record *r = fpc_new_record(FPC_REC_TYPE, type);
    r->type = type;
    r->snap = *type;
}

void fpc_record_spec(PyType_Spec *spec, PyTypeObject *type, PyObject *module)
{
    if (!spec || fpc_find_record(FPC_REC_SPEC, spec))
        return;
    fpc_record *r = fpc_new_record(FPC_REC_SPEC, spec);
    r->type = type;
    r->self = module;
}

/* ====================================================================== init phases (called from JS) */

/* How many phases follow a PyInit_* result: 0 for single-phase init (or a
 * failed one), else 1 (create) + one per Py_mod_exec slot. */
int fpc_init_phases(PyObject *result)
{
    if (!result || Py_TYPE(result) != &PyModuleDef_Type)
        return 0;
    return 1 + fpc_module_exec_count((PyModuleDef *)result);
}

/* Run one phase of multi-phase init; returns 0 on success. */
int fpc_init_phase(PyObject *result, int phase)
{
    PyModuleDef *def = (PyModuleDef *)result;
    if (phase == 0)
        return fpc_module_create(def, NULL) ? 0 : -1;
    fpc_record *r = fpc_find_record(FPC_REC_MODDEF, def);
    if (!r || !r->self)
        return -1;
    return fpc_module_exec_slot(r->self, def, phase - 1);
}

const char *fpc_error_text(void) { return fpc_err_message(); }
void fpc_error_clear(void) { PyErr_Clear(); }

/* ====================================================================== entries */

enum fpc_self { FPC_SELF_NULL, FPC_SELF_GIVEN, FPC_SELF_INSTANCE, FPC_SELF_TYPE, FPC_SELF_MODULE };

typedef struct {
    int kind;
    void *fn;
    int self_mode;
    PyObject *self;       /* FPC_SELF_GIVEN */
    PyTypeObject *type;   /* instance type, tp_new/tp_alloc type, METH_METHOD class */
    PyModuleDef *def;     /* module entries */
    void *closure;        /* getset */
    int flags;
    char role[48];
    char table[176];
} fpc_entry;

static fpc_entry *fpc_entries;
static int fpc_nentries;
static int fpc_entries_cap;
static const void **fpc_seen;
static int fpc_nseen;
static int fpc_seen_cap;

static fpc_entry *fpc_add_entry(int kind, void *fn, const char *role, const char *table)
{
    if (fpc_nentries == fpc_entries_cap) {
        int cap = fpc_entries_cap ? fpc_entries_cap * 2 : 64;
        fpc_entry *e = realloc(fpc_entries, sizeof(fpc_entry) * (size_t)cap);
        if (!e)
            abort();
        fpc_entries = e;
        fpc_entries_cap = cap;
    }
    fpc_entry *e = &fpc_entries[fpc_nentries++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->fn = fn;
    snprintf(e->role, sizeof e->role, "%s", role);
    snprintf(e->table, sizeof e->table, "%s", table);
    return e;
}

/* A table entry reachable from two registrations is called once. */
static int fpc_seen_before(const void *p)
{
    for (int i = 0; i < fpc_nseen; i++)
        if (fpc_seen[i] == p)
            return 1;
    if (fpc_nseen == fpc_seen_cap) {
        int cap = fpc_seen_cap ? fpc_seen_cap * 2 : 64;
        const void **s = realloc(fpc_seen, sizeof(void *) * (size_t)cap);
        if (!s)
            abort();
        fpc_seen = s;
        fpc_seen_cap = cap;
    }
    fpc_seen[fpc_nseen++] = p;
    return 0;
}

/* METH_* flags -> call shape, as CPython's PyCFunction machinery decides it. */
static int fpc_meth_kind(int flags, const char **role)
{
    switch (flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST)) {
    case METH_VARARGS: *role = "METH_VARARGS"; return FPC_K_METH_VARARGS;
    case METH_VARARGS | METH_KEYWORDS: *role = "METH_VARARGS|METH_KEYWORDS"; return FPC_K_METH_VARARGS_KW;
    case METH_NOARGS: *role = "METH_NOARGS"; return FPC_K_METH_NOARGS;
    case METH_O: *role = "METH_O"; return FPC_K_METH_O;
    case METH_FASTCALL: *role = "METH_FASTCALL"; return FPC_K_METH_FASTCALL;
    case METH_FASTCALL | METH_KEYWORDS: *role = "METH_FASTCALL|METH_KEYWORDS"; return FPC_K_METH_FASTCALL_KW;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS: *role = "METH_METHOD|METH_FASTCALL|METH_KEYWORDS"; return FPC_K_METH_METHOD;
    default: *role = "bad flags"; return FPC_K_BAD_FLAGS;
    }
}

/* self_mode/self/type describe the receiver of ordinary (instance) methods. */
static void fpc_walk_methods(PyMethodDef *ml, const char *table, int self_mode, PyObject *self, PyTypeObject *type)
{
    for (; ml && ml->ml_name; ml++) {
        if (fpc_seen_before(ml))
            continue;
        const char *role;
        int kind = fpc_meth_kind(ml->ml_flags, &role);
        fpc_entry *e = fpc_add_entry(kind, (void *)ml->ml_meth, role, table);
        e->flags = ml->ml_flags;
        e->self_mode = self_mode;
        e->self = self;
        e->type = type;
        if (type && (ml->ml_flags & METH_CLASS))
            e->self_mode = FPC_SELF_TYPE;
        if (ml->ml_flags & METH_STATIC)
            e->self_mode = FPC_SELF_NULL;
        if (!ml->ml_meth)
            e->kind = FPC_K_NONE;
    }
}

static void fpc_walk_getset(PyGetSetDef *gs, const char *table, PyTypeObject *type)
{
    for (; gs && gs->name; gs++) {
        if (fpc_seen_before(gs))
            continue;
        if (gs->get) {
            fpc_entry *e = fpc_add_entry(FPC_K_GETTER, (void *)gs->get, "getter", table);
            e->self_mode = FPC_SELF_INSTANCE;
            e->type = type;
            e->closure = gs->closure;
        }
        if (gs->set) {
            fpc_entry *e = fpc_add_entry(FPC_K_SETTER, (void *)gs->set, "setter", table);
            e->self_mode = FPC_SELF_INSTANCE;
            e->type = type;
            e->closure = gs->closure;
        }
    }
}

/* The receiver a slot is called on: the type for tp_new/tp_alloc, else an instance. */
static void fpc_slot_receiver(fpc_entry *e, PyTypeObject *type)
{
    e->type = type;
    e->self_mode = e->kind == FPC_K_NEW || e->kind == FPC_K_ALLOC ? FPC_SELF_TYPE : FPC_SELF_INSTANCE;
}

static void fpc_walk_type(fpc_record *r)
{
    PyTypeObject *snap = &r->snap;
    const char *name = snap->tp_name ? snap->tp_name : "?";
    char table[176];
    static const char *const where_names[] = { "", " tp_as_async", " tp_as_number", " tp_as_sequence", " tp_as_mapping", " tp_as_buffer" };
    /* PyTypeObject slots first, then each sub-table, each in struct order. */
    for (int where = FPC_W_TYPE; where <= FPC_W_BUFFER; where++) {
        char *base = fpc_slot_table(snap, where);
        if (!base)
            continue;
        snprintf(table, sizeof table, "type %s%s", name, where_names[where]);
        int last = -1;
        for (;;) {
            const fpc_slot *next = NULL;
            for (int i = 0; i < fpc_nslots; i++)
                if (fpc_slots[i].where == where && fpc_slots[i].offset > last && (!next || fpc_slots[i].offset < next->offset))
                    next = &fpc_slots[i];
            if (!next)
                break;
            last = next->offset;
            if (next->kind <= FPC_K_TABLE_GETSET)
                continue;
            void *fn = *(void **)(base + next->offset);
            if (!fn)
                continue;
            fpc_slot_receiver(fpc_add_entry(next->kind, fn, next->name, table), r->type);
        }
    }
    snprintf(table, sizeof table, "type %s tp_methods", name);
    fpc_walk_methods(snap->tp_methods, table, FPC_SELF_INSTANCE, NULL, r->type);
    snprintf(table, sizeof table, "type %s tp_getset", name);
    fpc_walk_getset(snap->tp_getset, table, r->type);
}

static void fpc_walk_spec(fpc_record *r)
{
    const PyType_Spec *spec = r->ptr;
    const char *name = spec->name ? spec->name : "?";
    char table[176], role[48];
    snprintf(table, sizeof table, "spec %s slots", name);
    for (PyType_Slot *s = spec->slots; s && s->slot; s++) {
        const fpc_slot *slot = fpc_slot_by_id(s->slot);
        if (!slot || !s->pfunc || slot->kind == FPC_K_DATA)
            continue;
        if (slot->kind == FPC_K_TABLE_METHODS) {
            char t2[176];
            snprintf(t2, sizeof t2, "type %s tp_methods", name);
            fpc_walk_methods(s->pfunc, t2, FPC_SELF_INSTANCE, NULL, r->type);
            continue;
        }
        if (slot->kind == FPC_K_TABLE_GETSET) {
            char t2[176];
            snprintf(t2, sizeof t2, "type %s tp_getset", name);
            fpc_walk_getset(s->pfunc, t2, r->type);
            continue;
        }
        snprintf(role, sizeof role, "Py_%s", slot->name);
        fpc_slot_receiver(fpc_add_entry(slot->kind, s->pfunc, role, table), r->type);
    }
}

static void fpc_walk_moddef(fpc_record *r)
{
    PyModuleDef *def = (PyModuleDef *)r->ptr;
    const char *name = def->m_name ? def->m_name : "?";
    char table[176];
    snprintf(table, sizeof table, "module %s methods", name);
    fpc_walk_methods(def->m_methods, table, r->self ? FPC_SELF_GIVEN : FPC_SELF_MODULE, r->self, NULL);
    snprintf(table, sizeof table, "module %s def", name);
    struct { const char *role; void *fn; int kind; } fields[] = {
        { "m_traverse", (void *)def->m_traverse, FPC_K_TRAVERSE },
        { "m_clear", (void *)def->m_clear, FPC_K_INQUIRY },
        { "m_free", (void *)def->m_free, FPC_K_FREE },
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (!fields[i].fn)
            continue;
        fpc_entry *e = fpc_add_entry(fields[i].kind, fields[i].fn, fields[i].role, table);
        e->self_mode = r->self ? FPC_SELF_GIVEN : FPC_SELF_MODULE;
        e->self = r->self;
        e->def = def;
    }
    snprintf(table, sizeof table, "module %s slots", name);
    for (PyModuleDef_Slot *s = def->m_slots; s && s->slot; s++) {
        if ((s->slot != Py_mod_create && s->slot != Py_mod_exec) || !s->value)
            continue;
        int create = s->slot == Py_mod_create;
        fpc_entry *e = fpc_add_entry(create ? FPC_K_MOD_CREATE : FPC_K_MOD_EXEC, s->value,
                                     create ? "Py_mod_create" : "Py_mod_exec", table);
        e->self_mode = r->self ? FPC_SELF_GIVEN : FPC_SELF_MODULE;
        e->self = r->self;
        e->def = def;
    }
}

/* Turn every record into entries; returns how many. */
int fpc_build_entries(void)
{
    fpc_nentries = 0;
    fpc_nseen = 0;
    for (int i = 0; i < fpc_nrecords; i++) {
        fpc_record *r = &fpc_records[i];
        switch (r->kind) {
        case FPC_REC_MODDEF:
            fpc_walk_moddef(r);
            break;
        case FPC_REC_METHODS:
            fpc_walk_methods((PyMethodDef *)r->ptr, r->owner, FPC_SELF_GIVEN, r->self, r->type);
            break;
        case FPC_REC_METHOD1: {
            /* a single PyMethodDef, not a table: walk a one-entry copy terminated by a sentinel */
            if (fpc_seen_before(r->ptr))
                break;
            PyMethodDef *one = calloc(2, sizeof(PyMethodDef));
            if (!one)
                abort();
            one[0] = *(const PyMethodDef *)r->ptr;
            fpc_walk_methods(one, r->owner, FPC_SELF_GIVEN, r->self, r->type);
            break;
        }
        case FPC_REC_TYPE:
            fpc_walk_type(r);
            break;
        case FPC_REC_SPEC:
            fpc_walk_spec(r);
            break;
        }
    }
    return fpc_nentries;
}

int fpc_entry_count(void) { return fpc_nentries; }
int fpc_entry_fn(int i) { return i >= 0 && i < fpc_nentries ? (int)(uintptr_t)fpc_entries[i].fn : 0; }
const char *fpc_entry_role(int i) { return i >= 0 && i < fpc_nentries ? fpc_entries[i].role : ""; }
const char *fpc_entry_table(int i) { return i >= 0 && i < fpc_nentries ? fpc_entries[i].table : ""; }
int fpc_entry_flags(int i) { return i >= 0 && i < fpc_nentries ? fpc_entries[i].flags : 0; }
/* Entries the driver refuses to call, the way CPython refuses them. */
int fpc_entry_callable(int i)
{
    return i >= 0 && i < fpc_nentries && fpc_entries[i].kind != FPC_K_BAD_FLAGS && fpc_entries[i].kind != FPC_K_NONE;
}

/* ====================================================================== the call */

static int fpc_visit(PyObject *o, void *arg)
{
    (void)o;
    (void)arg;
    return 0;
}

static PyObject *fpc_receiver(fpc_entry *e)
{
    switch (e->self_mode) {
    case FPC_SELF_GIVEN: return e->self;
    case FPC_SELF_INSTANCE: return fpc_instance(e->type);
    case FPC_SELF_TYPE: return (PyObject *)e->type;
    case FPC_SELF_MODULE: return fpc_new_module(e->def && e->def->m_name ? e->def->m_name : "?", e->def);
    default: return NULL;
    }
}

static PyObject *volatile fpc_sink;
static volatile int fpc_isink;

/*
 * Call entry i exactly as CPython would.  Every call below is an indirect
 * call through a volatile function pointer of the CPython typedef; nothing
 * else in this function makes an indirect call, so a signature trap whose
 * innermost frame is fpc_call_entry is a trap at the harness's own call.
 * Returns 0 after the call, -1 if the entry is not callable.
 */
__attribute__((noinline)) int fpc_call_entry(int i)
{
    if (!fpc_entry_callable(i))
        return -1;
    fpc_entry *e = &fpc_entries[i];
    PyObject *self = fpc_receiver(e);
    PyObject *args = fpc_dummy_args();
    PyObject *const *vec = fpc_dummy_vector();
    PyObject *key = PyUnicode_FromString("attr");
    static char attr[] = "attr";
    Py_buffer view;
    memset(&view, 0, sizeof view);
    PyObject *result = NULL;

    switch (e->kind) {
    case FPC_K_METH_NOARGS: { PyCFunction volatile f = (PyCFunction)e->fn; fpc_sink = f(self, NULL); break; }
    case FPC_K_METH_O: { PyCFunction volatile f = (PyCFunction)e->fn; fpc_sink = f(self, Py_None); break; }
    case FPC_K_METH_VARARGS: { PyCFunction volatile f = (PyCFunction)e->fn; fpc_sink = f(self, args); break; }
    case FPC_K_METH_VARARGS_KW: { PyCFunctionWithKeywords volatile f = (PyCFunctionWithKeywords)e->fn; fpc_sink = f(self, args, NULL); break; }
    case FPC_K_METH_FASTCALL: { _PyCFunctionFast volatile f = (_PyCFunctionFast)e->fn; fpc_sink = f(self, vec, 0); break; }
    case FPC_K_METH_FASTCALL_KW: { _PyCFunctionFastWithKeywords volatile f = (_PyCFunctionFastWithKeywords)e->fn; fpc_sink = f(self, vec, 0, NULL); break; }
    case FPC_K_METH_METHOD: { PyCMethod volatile f = (PyCMethod)e->fn; fpc_sink = f(self, e->type, vec, 0, NULL); break; }
    case FPC_K_GETTER: { getter volatile f = (getter)e->fn; fpc_sink = f(self, e->closure); break; }
    case FPC_K_SETTER: { setter volatile f = (setter)e->fn; fpc_isink = f(self, Py_None, e->closure); break; }
    case FPC_K_DESTRUCTOR: { destructor volatile f = (destructor)e->fn; f(self); break; }
    case FPC_K_FREE: { freefunc volatile f = (freefunc)e->fn; f(self); break; }
    case FPC_K_INQUIRY: { inquiry volatile f = (inquiry)e->fn; fpc_isink = f(self); break; }
    case FPC_K_UNARY: { unaryfunc volatile f = (unaryfunc)e->fn; fpc_sink = f(self); break; }
    case FPC_K_BINARY: { binaryfunc volatile f = (binaryfunc)e->fn; fpc_sink = f(self, self); break; }
    case FPC_K_SUBSCRIPT: { binaryfunc volatile f = (binaryfunc)e->fn; fpc_sink = f(self, key); break; }
    case FPC_K_GETATTRO: { getattrofunc volatile f = (getattrofunc)e->fn; fpc_sink = f(self, key); break; }
    case FPC_K_POWER: { ternaryfunc volatile f = (ternaryfunc)e->fn; fpc_sink = f(self, self, Py_None); break; }
    case FPC_K_CALL: { ternaryfunc volatile f = (ternaryfunc)e->fn; fpc_sink = f(self, args, NULL); break; }
    case FPC_K_DESCR_GET: { descrgetfunc volatile f = (descrgetfunc)e->fn; fpc_sink = f(self, Py_None, (PyObject *)e->type); break; }
    case FPC_K_DESCR_SET: { descrsetfunc volatile f = (descrsetfunc)e->fn; fpc_isink = f(self, Py_None, Py_None); break; }
    case FPC_K_INIT: { initproc volatile f = (initproc)e->fn; fpc_isink = f(self, args, NULL); break; }
    case FPC_K_SETATTRO: { setattrofunc volatile f = (setattrofunc)e->fn; fpc_isink = f(self, key, Py_None); break; }
    case FPC_K_ASS_SUBSCRIPT: { objobjargproc volatile f = (objobjargproc)e->fn; fpc_isink = f(self, key, Py_None); break; }
    case FPC_K_NEW: { newfunc volatile f = (newfunc)e->fn; fpc_sink = f((PyTypeObject *)self, args, NULL); break; }
    case FPC_K_ALLOC: { allocfunc volatile f = (allocfunc)e->fn; fpc_sink = f((PyTypeObject *)self, 0); break; }
    case FPC_K_HASH: { hashfunc volatile f = (hashfunc)e->fn; fpc_isink = (int)f(self); break; }
    case FPC_K_LEN: { lenfunc volatile f = (lenfunc)e->fn; fpc_isink = (int)f(self); break; }
    case FPC_K_RICHCMP: { richcmpfunc volatile f = (richcmpfunc)e->fn; fpc_sink = f(self, self, Py_EQ); break; }
    case FPC_K_GETATTR: { getattrfunc volatile f = (getattrfunc)e->fn; fpc_sink = f(self, attr); break; }
    case FPC_K_SETATTR: { setattrfunc volatile f = (setattrfunc)e->fn; fpc_isink = f(self, attr, Py_None); break; }
    case FPC_K_SSIZEARG: { ssizeargfunc volatile f = (ssizeargfunc)e->fn; fpc_sink = f(self, 0); break; }
    case FPC_K_SSIZEOBJARG: { ssizeobjargproc volatile f = (ssizeobjargproc)e->fn; fpc_isink = f(self, 0, Py_None); break; }
    case FPC_K_OBJOBJ: { objobjproc volatile f = (objobjproc)e->fn; fpc_isink = f(self, Py_None); break; }
    case FPC_K_TRAVERSE: { traverseproc volatile f = (traverseproc)e->fn; fpc_isink = f(self, fpc_visit, NULL); break; }
    case FPC_K_VECTORCALL: { vectorcallfunc volatile f = (vectorcallfunc)e->fn; fpc_sink = f(self, vec, 0, NULL); break; }
    case FPC_K_GETBUFFER: { getbufferproc volatile f = (getbufferproc)e->fn; fpc_isink = f(self, &view, PyBUF_SIMPLE); break; }
    case FPC_K_RELEASEBUFFER: { releasebufferproc volatile f = (releasebufferproc)e->fn; view.obj = self; f(self, &view); break; }
    case FPC_K_SEND: { sendfunc volatile f = (sendfunc)e->fn; fpc_isink = (int)f(self, Py_None, &result); break; }
    case FPC_K_MOD_CREATE: {
        PyObject *(*volatile f)(PyObject *, PyModuleDef *) = (PyObject * (*)(PyObject *, PyModuleDef *)) e->fn;
        fpc_sink = f(fpc_new_spec(e->def && e->def->m_name ? e->def->m_name : "?"), e->def);
        break;
    }
    case FPC_K_MOD_EXEC: { int (*volatile f)(PyObject *) = (int (*)(PyObject *))e->fn; fpc_isink = f(self); break; }
    default:
        return -1;
    }
    return 0;
}

/* ====================================================================== dummy arguments */

PyObject *fpc_dummy_args(void) { return PyTuple_New(0); }
PyObject *fpc_dummy_kwargs(void) { return PyDict_New(); }
PyObject *const *fpc_dummy_vector(void)
{
    static PyObject *vec[8];
    for (int i = 0; i < 8; i++)
        vec[i] = Py_None;
    return vec;
}

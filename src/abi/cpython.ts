// CPython's function-pointer typedefs and the structs that hold them,
// transcribed from CPython 3.11+ (Include/object.h, cpython/object.h,
// methodobject.h, descrobject.h, moduleobject.h, typeslots.h).
// Everything here is data; rules and the extractor read it.

import type { WasmResult, WasmType } from './wasm.js';

export interface ParamSpec {
  /** Name CPython's docs use for this parameter; new parameters are named after it. */
  role: string;
  /** C spelling used when fpcast writes the parameter. */
  ctype: string;
  wasm: WasmType;
}

export interface SignatureSpec {
  /** CPython's typedef name, e.g. `inquiry`. */
  typedef: string;
  params: ParamSpec[];
  result: { ctype: string; wasm: WasmResult };
}

const obj = (role: string): ParamSpec => ({ role, ctype: 'PyObject *', wasm: 'i32' });
const ssize = (role: string): ParamSpec => ({ role, ctype: 'Py_ssize_t', wasm: 'i32' });
const ptr = (role: string, ctype: string): ParamSpec => ({ role, ctype, wasm: 'i32' });
const int = (role: string): ParamSpec => ({ role, ctype: 'int', wasm: 'i32' });

const RETURNS_OBJECT = { ctype: 'PyObject *', wasm: 'i32' } as const;
const RETURNS_INT = { ctype: 'int', wasm: 'i32' } as const;
const RETURNS_SSIZE = { ctype: 'Py_ssize_t', wasm: 'i32' } as const;
const RETURNS_VOID = { ctype: 'void', wasm: 'void' } as const;

function sig(typedef: string, result: SignatureSpec['result'], ...params: ParamSpec[]): SignatureSpec {
  return { typedef, params, result };
}

/** Every function typedef a table field can have, by name. */
export const TYPEDEFS: Record<string, SignatureSpec> = Object.fromEntries(
  [
    // methodobject.h
    sig('PyCFunction', RETURNS_OBJECT, obj('self'), obj('args')),
    sig('PyCFunctionWithKeywords', RETURNS_OBJECT, obj('self'), obj('args'), obj('kwargs')),
    sig('_PyCFunctionFast', RETURNS_OBJECT, obj('self'), ptr('args', 'PyObject *const *'), ssize('nargs')),
    sig('_PyCFunctionFastWithKeywords', RETURNS_OBJECT, obj('self'), ptr('args', 'PyObject *const *'), ssize('nargs'), obj('kwnames')),
    sig('PyCMethod', RETURNS_OBJECT, obj('self'), ptr('cls', 'PyTypeObject *'), ptr('args', 'PyObject *const *'), { role: 'nargs', ctype: 'size_t', wasm: 'i32' }, obj('kwnames')),
    // descrobject.h
    sig('getter', RETURNS_OBJECT, obj('self'), ptr('closure', 'void *')),
    sig('setter', RETURNS_INT, obj('self'), obj('value'), ptr('closure', 'void *')),
    // object.h
    sig('unaryfunc', RETURNS_OBJECT, obj('self')),
    sig('binaryfunc', RETURNS_OBJECT, obj('self'), obj('other')),
    sig('ternaryfunc', RETURNS_OBJECT, obj('self'), obj('other'), obj('third')),
    sig('inquiry', RETURNS_INT, obj('self')),
    sig('lenfunc', RETURNS_SSIZE, obj('self')),
    sig('ssizeargfunc', RETURNS_OBJECT, obj('self'), ssize('index')),
    sig('ssizessizeargfunc', RETURNS_OBJECT, obj('self'), ssize('start'), ssize('stop')),
    sig('ssizeobjargproc', RETURNS_INT, obj('self'), ssize('index'), obj('value')),
    sig('ssizessizeobjargproc', RETURNS_INT, obj('self'), ssize('start'), ssize('stop'), obj('value')),
    sig('objobjargproc', RETURNS_INT, obj('self'), obj('key'), obj('value')),
    sig('objobjproc', RETURNS_INT, obj('self'), obj('value')),
    sig('visitproc', RETURNS_INT, obj('object'), ptr('arg', 'void *')),
    sig('traverseproc', RETURNS_INT, obj('self'), ptr('visit', 'visitproc'), ptr('arg', 'void *')),
    sig('freefunc', RETURNS_VOID, ptr('self', 'void *')),
    sig('destructor', RETURNS_VOID, obj('self')),
    sig('getattrfunc', RETURNS_OBJECT, obj('self'), ptr('name', 'char *')),
    sig('getattrofunc', RETURNS_OBJECT, obj('self'), obj('name')),
    sig('setattrfunc', RETURNS_INT, obj('self'), ptr('name', 'char *'), obj('value')),
    sig('setattrofunc', RETURNS_INT, obj('self'), obj('name'), obj('value')),
    sig('reprfunc', RETURNS_OBJECT, obj('self')),
    sig('hashfunc', { ctype: 'Py_hash_t', wasm: 'i32' }, obj('self')),
    sig('richcmpfunc', RETURNS_OBJECT, obj('self'), obj('other'), int('op')),
    sig('getiterfunc', RETURNS_OBJECT, obj('self')),
    sig('iternextfunc', RETURNS_OBJECT, obj('self')),
    sig('descrgetfunc', RETURNS_OBJECT, obj('self'), obj('obj'), obj('type')),
    sig('descrsetfunc', RETURNS_INT, obj('self'), obj('obj'), obj('value')),
    sig('initproc', RETURNS_INT, obj('self'), obj('args'), obj('kwds')),
    sig('newfunc', RETURNS_OBJECT, ptr('type', 'PyTypeObject *'), obj('args'), obj('kwds')),
    sig('allocfunc', RETURNS_OBJECT, ptr('type', 'PyTypeObject *'), ssize('nitems')),
    sig('vectorcallfunc', RETURNS_OBJECT, obj('callable'), ptr('args', 'PyObject *const *'), { role: 'nargsf', ctype: 'size_t', wasm: 'i32' }, obj('kwnames')),
    sig('getbufferproc', RETURNS_INT, obj('self'), ptr('view', 'Py_buffer *'), int('flags')),
    sig('releasebufferproc', RETURNS_VOID, obj('self'), ptr('view', 'Py_buffer *')),
    sig('sendfunc', { ctype: 'PySendResult', wasm: 'i32' }, obj('self'), obj('value'), ptr('result', 'PyObject **')),
    // moduleobject.h: the values of Py_mod_create / Py_mod_exec slots
    sig('Py_mod_create', RETURNS_OBJECT, obj('spec'), ptr('def', 'PyModuleDef *')),
    sig('Py_mod_exec', RETURNS_INT, obj('module')),
  ].map((s) => [s.typedef, s]),
);

// ---------------------------------------------------------------------------
// PyMethodDef: the shape is chosen by ml_flags.

export const METH_FLAGS: Record<string, number> = {
  METH_VARARGS: 0x0001,
  METH_KEYWORDS: 0x0002,
  METH_NOARGS: 0x0004,
  METH_O: 0x0008,
  METH_CLASS: 0x0010,
  METH_STATIC: 0x0020,
  METH_COEXIST: 0x0040,
  METH_FASTCALL: 0x0080,
  METH_STACKLESS: 0x0000,
  METH_METHOD: 0x0200,
};

/** Flags that do not change how CPython calls the function. */
export const METH_SHAPE_NEUTRAL = METH_FLAGS.METH_CLASS | METH_FLAGS.METH_STATIC | METH_FLAGS.METH_COEXIST;

export interface MethodShape {
  /** The flags as CPython's docs spell them. */
  label: string;
  typedef: string;
  /** How CPython calls it, for messages: `(self, NULL)`. */
  call: string;
  /** Role names for parameters fpcast adds (index-aligned with the typedef's params). */
  addedNames: string[];
}

export const METH_SHAPES: Record<number, MethodShape> = {
  0x0001: { label: 'METH_VARARGS', typedef: 'PyCFunction', call: '(self, args)', addedNames: ['self', 'args'] },
  0x0003: { label: 'METH_VARARGS|METH_KEYWORDS', typedef: 'PyCFunctionWithKeywords', call: '(self, args, kwargs)', addedNames: ['self', 'args', 'kwargs'] },
  0x0004: { label: 'METH_NOARGS', typedef: 'PyCFunction', call: '(self, NULL)', addedNames: ['self', 'ignored'] },
  0x0008: { label: 'METH_O', typedef: 'PyCFunction', call: '(self, arg)', addedNames: ['self', 'arg'] },
  0x0080: { label: 'METH_FASTCALL', typedef: '_PyCFunctionFast', call: '(self, args, nargs)', addedNames: ['self', 'args', 'nargs'] },
  0x0082: { label: 'METH_FASTCALL|METH_KEYWORDS', typedef: '_PyCFunctionFastWithKeywords', call: '(self, args, nargs, kwnames)', addedNames: ['self', 'args', 'nargs', 'kwnames'] },
  0x0282: { label: 'METH_METHOD|METH_FASTCALL|METH_KEYWORDS', typedef: 'PyCMethod', call: '(self, cls, args, nargs, kwnames)', addedNames: ['self', 'cls', 'args', 'nargs', 'kwnames'] },
};

// ---------------------------------------------------------------------------
// Struct layouts: field order for positional initializers, and the typedef of
// each function-pointer field. A field with no typedef holds data.

export interface StructField {
  name: string;
  typedef?: string;
}

export interface StructLayout {
  name: string;
  /** true for structs that appear as arrays of entries ending in a sentinel. */
  isEntryArray: boolean;
  fields: StructField[];
  /** Head macros that fill the first field; the number says how many more
   * positional elements still belong to that field. None does in Python 3:
   * both macros expand to one braced initializer of the whole `ob_base`
   * (PEP 3123), so an `ob_size` written after `PyObject_HEAD_INIT(NULL)` is
   * Python 2's layout and lands in `tp_name`, as a C compiler sees it. */
  headMacros?: Record<string, number>;
}

/** Macros that wrap a function's result type and stand for it:
 * `#define PyAPI_FUNC(RTYPE) RTYPE` (plus a visibility attribute), and
 * CPython's `Py_LOCAL(type)` / `Py_LOCAL_INLINE(type)` (`static [inline] type`).
 * `PyAPI_FUNC(void) f(int);` returns void. */
export const RESULT_TYPE_MACROS: ReadonlySet<string> = new Set(['PyAPI_FUNC', 'Py_LOCAL', 'Py_LOCAL_INLINE']);

const f = (name: string, typedef?: string): StructField => (typedef ? { name, typedef } : { name });

export const STRUCTS: Record<string, StructLayout> = {
  PyMethodDef: {
    name: 'PyMethodDef',
    isEntryArray: true,
    // ml_meth's declared type is PyCFunction; the shape that matters comes from ml_flags.
    fields: [f('ml_name'), f('ml_meth', 'PyCFunction'), f('ml_flags'), f('ml_doc')],
  },
  PyGetSetDef: {
    name: 'PyGetSetDef',
    isEntryArray: true,
    fields: [f('name'), f('get', 'getter'), f('set', 'setter'), f('doc'), f('closure')],
  },
  PyType_Slot: {
    name: 'PyType_Slot',
    isEntryArray: true,
    fields: [f('slot'), f('pfunc')],
  },
  PyModuleDef_Slot: {
    name: 'PyModuleDef_Slot',
    isEntryArray: true,
    fields: [f('slot'), f('value')],
  },
  PyModuleDef: {
    name: 'PyModuleDef',
    isEntryArray: false,
    fields: [
      f('m_base'), f('m_name'), f('m_doc'), f('m_size'), f('m_methods'), f('m_slots'),
      f('m_traverse', 'traverseproc'), f('m_clear', 'inquiry'), f('m_free', 'freefunc'),
    ],
  },
  PyTypeObject: {
    name: 'PyTypeObject',
    isEntryArray: false,
    headMacros: { PyVarObject_HEAD_INIT: 0, PyObject_HEAD_INIT: 0 },
    fields: [
      f('ob_base'), f('tp_name'), f('tp_basicsize'), f('tp_itemsize'),
      f('tp_dealloc', 'destructor'), f('tp_vectorcall_offset'),
      f('tp_getattr', 'getattrfunc'), f('tp_setattr', 'setattrfunc'), f('tp_as_async'),
      f('tp_repr', 'reprfunc'), f('tp_as_number'), f('tp_as_sequence'), f('tp_as_mapping'),
      f('tp_hash', 'hashfunc'), f('tp_call', 'ternaryfunc'), f('tp_str', 'reprfunc'),
      f('tp_getattro', 'getattrofunc'), f('tp_setattro', 'setattrofunc'), f('tp_as_buffer'),
      f('tp_flags'), f('tp_doc'), f('tp_traverse', 'traverseproc'), f('tp_clear', 'inquiry'),
      f('tp_richcompare', 'richcmpfunc'), f('tp_weaklistoffset'), f('tp_iter', 'getiterfunc'),
      f('tp_iternext', 'iternextfunc'), f('tp_methods'), f('tp_members'), f('tp_getset'),
      f('tp_base'), f('tp_dict'), f('tp_descr_get', 'descrgetfunc'), f('tp_descr_set', 'descrsetfunc'),
      f('tp_dictoffset'), f('tp_init', 'initproc'), f('tp_alloc', 'allocfunc'), f('tp_new', 'newfunc'),
      f('tp_free', 'freefunc'), f('tp_is_gc', 'inquiry'), f('tp_bases'), f('tp_mro'), f('tp_cache'),
      f('tp_subclasses'), f('tp_weaklist'), f('tp_del', 'destructor'), f('tp_version_tag'),
      f('tp_finalize', 'destructor'), f('tp_vectorcall', 'vectorcallfunc'), f('tp_watched'),
      f('tp_versions_used'),
    ],
  },
  PyNumberMethods: {
    name: 'PyNumberMethods',
    isEntryArray: false,
    fields: [
      f('nb_add', 'binaryfunc'), f('nb_subtract', 'binaryfunc'), f('nb_multiply', 'binaryfunc'),
      f('nb_remainder', 'binaryfunc'), f('nb_divmod', 'binaryfunc'), f('nb_power', 'ternaryfunc'),
      f('nb_negative', 'unaryfunc'), f('nb_positive', 'unaryfunc'), f('nb_absolute', 'unaryfunc'),
      f('nb_bool', 'inquiry'), f('nb_invert', 'unaryfunc'), f('nb_lshift', 'binaryfunc'),
      f('nb_rshift', 'binaryfunc'), f('nb_and', 'binaryfunc'), f('nb_xor', 'binaryfunc'),
      f('nb_or', 'binaryfunc'), f('nb_int', 'unaryfunc'), f('nb_reserved'), f('nb_float', 'unaryfunc'),
      f('nb_inplace_add', 'binaryfunc'), f('nb_inplace_subtract', 'binaryfunc'),
      f('nb_inplace_multiply', 'binaryfunc'), f('nb_inplace_remainder', 'binaryfunc'),
      f('nb_inplace_power', 'ternaryfunc'), f('nb_inplace_lshift', 'binaryfunc'),
      f('nb_inplace_rshift', 'binaryfunc'), f('nb_inplace_and', 'binaryfunc'),
      f('nb_inplace_xor', 'binaryfunc'), f('nb_inplace_or', 'binaryfunc'),
      f('nb_floor_divide', 'binaryfunc'), f('nb_true_divide', 'binaryfunc'),
      f('nb_inplace_floor_divide', 'binaryfunc'), f('nb_inplace_true_divide', 'binaryfunc'),
      f('nb_index', 'unaryfunc'), f('nb_matrix_multiply', 'binaryfunc'),
      f('nb_inplace_matrix_multiply', 'binaryfunc'),
    ],
  },
  PySequenceMethods: {
    name: 'PySequenceMethods',
    isEntryArray: false,
    fields: [
      f('sq_length', 'lenfunc'), f('sq_concat', 'binaryfunc'), f('sq_repeat', 'ssizeargfunc'),
      f('sq_item', 'ssizeargfunc'), f('was_sq_slice'), f('sq_ass_item', 'ssizeobjargproc'),
      f('was_sq_ass_slice'), f('sq_contains', 'objobjproc'), f('sq_inplace_concat', 'binaryfunc'),
      f('sq_inplace_repeat', 'ssizeargfunc'),
    ],
  },
  PyMappingMethods: {
    name: 'PyMappingMethods',
    isEntryArray: false,
    fields: [f('mp_length', 'lenfunc'), f('mp_subscript', 'binaryfunc'), f('mp_ass_subscript', 'objobjargproc')],
  },
  PyAsyncMethods: {
    name: 'PyAsyncMethods',
    isEntryArray: false,
    fields: [f('am_await', 'unaryfunc'), f('am_aiter', 'unaryfunc'), f('am_anext', 'unaryfunc'), f('am_send', 'sendfunc')],
  },
  PyBufferProcs: {
    name: 'PyBufferProcs',
    isEntryArray: false,
    fields: [f('bf_getbuffer', 'getbufferproc'), f('bf_releasebuffer', 'releasebufferproc')],
  },
};

/** Typedef of every function-pointer field with a prefixed name (`tp_iternext`,
 * `nb_add`, `m_clear`, `ml_meth`), by field name: those names are unique
 * across CPython's structs and tell `x.tp_iternext = f` apart from a project's
 * own structs. PyGetSetDef's plain `get` and `set` are left out: `ops.get = f`
 * is as likely to be some other table. */
export const FIELD_TYPEDEFS: Record<string, string> = Object.fromEntries(
  Object.values(STRUCTS).flatMap((layout) =>
    layout.fields.filter((field) => field.typedef && /^[a-z]+_/.test(field.name)).map((field) => [field.name, field.typedef!]),
  ),
);

/** The typedef of a field with a prefixed name (see FIELD_TYPEDEFS), if it holds a function. */
export function fieldTypedefOf(field: string): string | undefined {
  return Object.hasOwn(FIELD_TYPEDEFS, field) ? FIELD_TYPEDEFS[field] : undefined;
}

/** `Py_tp_repr` → `tp_repr`: a PyType_Slot id names the field it fills. */
export function slotIdField(slotId: string): string | undefined {
  const match = /^Py_((?:tp|nb|sq|mp|am|bf)_\w+)$/.exec(slotId);
  if (!match) return undefined;
  return match[1];
}

/** Numeric ids of typeslots.h, for slot ids written as numbers or through
 * macros: 1–81 as of 3.10 (Py_am_send), then 3.14's Py_tp_vectorcall (82) and
 * Py_tp_token (83, data). */
export const TYPE_SLOT_IDS: Record<string, number> = Object.fromEntries(
  [
    'bf_getbuffer', 'bf_releasebuffer', 'mp_ass_subscript', 'mp_length', 'mp_subscript', 'nb_absolute',
    'nb_add', 'nb_and', 'nb_bool', 'nb_divmod', 'nb_float', 'nb_floor_divide', 'nb_index',
    'nb_inplace_add', 'nb_inplace_and', 'nb_inplace_floor_divide', 'nb_inplace_lshift',
    'nb_inplace_multiply', 'nb_inplace_or', 'nb_inplace_power', 'nb_inplace_remainder',
    'nb_inplace_rshift', 'nb_inplace_subtract', 'nb_inplace_true_divide', 'nb_inplace_xor', 'nb_int',
    'nb_invert', 'nb_lshift', 'nb_multiply', 'nb_negative', 'nb_or', 'nb_positive', 'nb_power',
    'nb_remainder', 'nb_rshift', 'nb_subtract', 'nb_true_divide', 'nb_xor', 'sq_ass_item', 'sq_concat',
    'sq_contains', 'sq_inplace_concat', 'sq_inplace_repeat', 'sq_item', 'sq_length', 'sq_repeat',
    'tp_alloc', 'tp_base', 'tp_bases', 'tp_call', 'tp_clear', 'tp_dealloc', 'tp_del', 'tp_descr_get',
    'tp_descr_set', 'tp_doc', 'tp_getattr', 'tp_getattro', 'tp_hash', 'tp_init', 'tp_is_gc', 'tp_iter',
    'tp_iternext', 'tp_methods', 'tp_new', 'tp_repr', 'tp_richcompare', 'tp_setattr', 'tp_setattro',
    'tp_str', 'tp_traverse', 'tp_members', 'tp_getset', 'tp_free', 'nb_matrix_multiply',
    'nb_inplace_matrix_multiply', 'am_await', 'am_aiter', 'am_anext', 'tp_finalize', 'am_send',
    'tp_vectorcall', 'tp_token',
  ].map((field, i) => [`Py_${field}`, i + 1]),
);

/** typeslots.h id → the field it fills (`66` → `tp_repr`). */
export const TYPE_SLOT_FIELDS: Record<number, string> = Object.fromEntries(
  Object.entries(TYPE_SLOT_IDS).map(([id, n]) => [n, slotIdField(id)!]),
);

export const MODULE_SLOT_IDS: Record<string, number> = {
  Py_mod_create: 1,
  Py_mod_exec: 2,
  Py_mod_multiple_interpreters: 3,
  Py_mod_gil: 4,
};

/** moduleobject.h id → the slot's name and, for slots whose value is a
 * function, the signature it is called through: TYPEDEFS holds it under the
 * slot's name (the other slots hold data). */
export const MODULE_SLOTS: Record<number, { name: string; typedef?: string }> = Object.fromEntries(
  Object.entries(MODULE_SLOT_IDS).map(([name, id]) => [id, Object.hasOwn(TYPEDEFS, name) ? { name, typedef: name } : { name }]),
);

/** Parameter names CPython's docs give particular slots where the typedef's
 * generic names say less (`ternaryfunc` is `tp_call(self, args, kwargs)` but
 * `nb_power(self, other, mod)`); new parameters are named after them. */
export const FIELD_ROLES: Record<string, string[]> = {
  tp_call: ['self', 'args', 'kwargs'],
  nb_power: ['self', 'other', 'mod'],
  nb_inplace_power: ['self', 'other', 'mod'],
  sq_repeat: ['self', 'count'],
  sq_inplace_repeat: ['self', 'count'],
  mp_subscript: ['self', 'key'],
  tp_descr_get: ['self', 'instance', 'owner'],
  m_traverse: ['module', 'visit', 'arg'],
  m_clear: ['module'],
  m_free: ['module'],
};

/** The parameter names of `field` (a struct field or slot name) called through `typedef`. */
export function rolesOf(field: string, typedef: string): string[] {
  return Object.hasOwn(FIELD_ROLES, field) ? FIELD_ROLES[field] : TYPEDEFS[typedef].params.map((p) => p.role);
}

// The ABI fact everything rests on: on wasm32, call_indirect compares the
// number of parameters, each parameter's wasm value type, and the result.
// C spellings only matter through the wasm type they lower to.

export type WasmType = 'i32' | 'i64' | 'f32' | 'f64' | 'unknown';
export type WasmResult = WasmType | 'void';

export interface WasmSig {
  params: WasmType[];
  result: WasmResult;
}

// Scalar C types (after stripping qualifiers) that are not pointers. Anything
// written with a `*`, an array, or a function declarator is a pointer: i32.
const SCALAR_WASM: Record<string, WasmType> = {};
function scalars(type: WasmType, names: string[]): void {
  for (const name of names) SCALAR_WASM[name] = type;
}
scalars('i32', [
  'int', 'signed', 'unsigned', 'signed int', 'unsigned int', 'short', 'short int', 'unsigned short',
  'unsigned short int', 'signed short', 'char', 'signed char', 'unsigned char', 'long', 'long int',
  'signed long', 'unsigned long', 'unsigned long int', 'long unsigned int', 'long unsigned', '_Bool', 'bool',
  'size_t', 'ssize_t', 'ptrdiff_t', 'intptr_t', 'uintptr_t', 'wchar_t', 'int8_t', 'uint8_t', 'int16_t',
  'uint16_t', 'int32_t', 'uint32_t', 'Py_ssize_t', 'Py_hash_t', 'Py_uhash_t', 'Py_intptr_t', 'Py_uintptr_t',
  'Py_UCS1', 'Py_UCS2', 'Py_UCS4', 'Py_UNICODE', 'PySendResult', 'PyGILState_STATE', 'npy_intp', 'npy_uintp',
  'npy_int', 'npy_uint', 'npy_bool', 'npy_int32', 'npy_uint32', 'npy_long', 'npy_ulong', 'Py_ssize_clean_t',
]);
scalars('i64', [
  'long long', 'long long int', 'signed long long', 'unsigned long long', 'unsigned long long int',
  'long long unsigned', 'long long unsigned int', 'int64_t', 'uint64_t', 'PY_LONG_LONG',
  'unsigned PY_LONG_LONG', 'PY_INT64_T', 'PY_UINT64_T', 'off_t', 'time_t', 'npy_int64', 'npy_uint64',
  'npy_longlong', 'npy_ulonglong', 'intmax_t', 'uintmax_t', '_PyTime_t', 'PyTime_t',
]);
scalars('f32', ['float', 'npy_float']);
scalars('f64', ['double', 'npy_double']);

/** Wasm type of a scalar (non-pointer) C type spelled `text`; `unknown` when
 * it is not one we know (a project typedef, a struct passed by value, …). */
export function scalarWasmType(text: string): WasmType {
  const normalized = normalizeCType(text)
    .replace(/\b(const|volatile|register|restrict|static|extern|inline)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (normalized.startsWith('enum ')) return 'i32';
  return SCALAR_WASM[normalized] ?? 'unknown';
}

/** Collapse whitespace so that `PyObject*` and `PyObject  *` compare equal. */
export function normalizeCType(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*/g, ' *')
    .replace(/\* \*/g, '**')
    .trim();
}

/** `PyObject *` + `Py_UNUSED(ignored)` → `PyObject *Py_UNUSED(ignored)`:
 * a C type and a declarator (name) as one declaration. */
export function spellParam(ctype: string, declarator: string): string {
  if (!declarator) return ctype;
  return ctype.endsWith('*') ? ctype + declarator : `${ctype} ${declarator}`;
}

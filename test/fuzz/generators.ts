// fast-check generators of Python extension modules as bytes: functions with
// every kind of parameter list, registered in every table fpcast knows (taken
// from src/abi/cpython.ts, so a new struct or slot is fuzzed as soon as it is
// described there), in several layouts and cast styles; then line endings,
// encodings and damage (truncation, garbage, deleted or repeated bytes).

import fc from 'fast-check';
import { METH_FLAGS, METH_SHAPE_NEUTRAL, METH_SHAPES, MODULE_SLOT_IDS, STRUCTS, TYPE_SLOT_IDS, TYPEDEFS, slotIdField } from '../../src/abi/cpython.js';

// ---------------------------------------------------------------------------
// The model.

export interface FuncModel {
  name: string;
  params: string[];
  result: string;
  isStatic: boolean;
  layout: 'inline' | 'per-line' | 'aligned' | 'knr';
  /** Wrapped in `#ifdef` with a second definition (one more parameter) under `#else`, or in `#if 0`. */
  conditional: 'none' | 'ifdef' | 'if0';
  /** Reference each named parameter in the body (so it cannot be dropped). */
  usesParams: boolean;
  prototype: boolean;
  /** Direct calls from a helper function. */
  calls: number;
  /** A comment after the last parameter. */
  trailingComment: boolean;
}

export type TableKind = keyof typeof STRUCTS;

export interface EntryModel {
  kind: TableKind;
  /** Index into the module's functions (taken modulo their count). */
  func: number;
  /** PyMethodDef: flags expression; PyGetSetDef: 'get' | 'set'; others: the field or slot id. */
  slot: string;
  cast: 'none' | 'address' | 'typedef' | 'laundered' | 'macro' | 'void';
  /** How the function's parameters relate to what this slot expects: its
   * own random list, or the expected one exactly, short of one or two, with an
   * unused extra, or returning void where an int is expected. */
  fit: 'random' | 'exact' | 'missing-1' | 'missing-2' | 'extra' | 'void-result';
  /** An `fpcast: ignore` comment on the entry's line. */
  suppressed: boolean;
  /** PyMethodDef only: the entry as written, through an Argument Clinic style
   * `#define X_METHODDEF {…},` or a helper macro `METHOD(name, f, flags)`. */
  spelling: 'plain' | 'clinic' | 'helper';
}

export interface StyleModel {
  indent: string;
  designated: boolean;
  /** Put the flags of PyMethodDef entries behind a #define. */
  flagsMacro: boolean;
  blankLines: number;
  comments: string[];
}

export interface ModuleModel {
  name: string;
  funcs: FuncModel[];
  entries: EntryModel[];
  style: StyleModel;
}

export type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number };

export interface BytesModel {
  /** Line endings: every '\n' becomes eols[i % eols.length]. */
  eols: string[];
  bom: boolean;
  finalNewline: boolean;
  /** Raw bytes put into comments and strings: Latin-1, UTF-8, NUL. */
  payloads: number[][];
  damage: Damage[];
}

export interface FileModel {
  module: ModuleModel;
  bytes: BytesModel;
}

// ---------------------------------------------------------------------------
// Parameters, results and table slots, drawn from CPython's own data.

const PARAMS = [
  'PyObject *self', 'PyObject *module', 'PyObject *args', 'PyObject *kwargs', 'PyObject *kwds', 'PyObject *arg',
  'PyObject *const *args', 'Py_ssize_t nargs', 'size_t nargsf', 'PyObject *kwnames', 'PyTypeObject *cls',
  'PyTypeObject *type', 'void *closure', 'PyObject *value', 'PyObject *other', 'int op', 'Py_ssize_t i',
  'visitproc visit', 'void *arg2', 'char *name', 'Py_buffer *view', 'int flags', 'double x', 'long long n',
  'float f', 'MyObject *obj', 'PyObject *', 'PyObject *Py_UNUSED(ignored)', 'PyObject *args /* tuple */',
  'const char *s', 'PyObject **result', 'void',
];

const RESULTS = ['PyObject *', 'int', 'void', 'Py_ssize_t', 'Py_hash_t', 'double', 'PySendResult', 'long long'];

const TYPE_SLOTS = Object.keys(TYPE_SLOT_IDS).filter((id) => {
  const field = slotIdField(id);
  return field !== undefined && Object.values(STRUCTS).some((s) => s.fields.some((f) => f.name === field && f.typedef));
});
const MODULE_SLOTS = Object.keys(MODULE_SLOT_IDS);

/** Function fields of a non-array struct (PyTypeObject, PyNumberMethods, …). */
const functionFields = (kind: TableKind) => STRUCTS[kind].fields.filter((f) => f.typedef).map((f) => f.name);

const METH_SHAPES_SPELLED = [
  'METH_NOARGS', 'METH_O', 'METH_VARARGS', 'METH_VARARGS | METH_KEYWORDS', 'METH_KEYWORDS | METH_VARARGS',
  'METH_FASTCALL', 'METH_FASTCALL | METH_KEYWORDS', 'METH_METHOD | METH_FASTCALL | METH_KEYWORDS',
  'METH_NOARGS | METH_CLASS', 'METH_O|METH_STATIC', 'METH_VARARGS|METH_KEYWORDS|METH_COEXIST',
  // Not a shape CPython accepts, or not resolvable: fpcast must warn, not crash.
  'METH_NOARGS | METH_O', '0', 'UNKNOWN_FLAGS', '(METH_VARARGS)', 'METH_O + 0',
];

const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);

const funcArb: fc.Arbitrary<Omit<FuncModel, 'name'>> = fc.record({
  params: fc.array(fc.constantFrom(...PARAMS), { maxLength: 6 }),
  result: fc.constantFrom(...RESULTS),
  isStatic: fc.boolean(),
  layout: fc.constantFrom('inline', 'per-line', 'aligned', 'inline', 'per-line', 'knr'),
  conditional: fc.constantFrom('none', 'none', 'none', 'none', 'ifdef', 'if0'),
  usesParams: fc.boolean(),
  prototype: fc.boolean(),
  calls: fc.nat({ max: 2 }),
  trailingComment: fc.boolean(),
});

const ARRAY_KINDS: TableKind[] = ['PyMethodDef', 'PyGetSetDef', 'PyType_Slot', 'PyModuleDef_Slot'];
const STRUCT_KINDS = (Object.keys(STRUCTS) as TableKind[]).filter((k) => !STRUCTS[k].isEntryArray);

const slotFor = (kind: TableKind): fc.Arbitrary<string> => {
  switch (kind) {
    case 'PyMethodDef':
      return fc.constantFrom(...METH_SHAPES_SPELLED);
    case 'PyGetSetDef':
      return fc.constantFrom('get', 'set');
    case 'PyType_Slot':
      return fc.constantFrom(...TYPE_SLOTS);
    case 'PyModuleDef_Slot':
      return fc.constantFrom(...MODULE_SLOTS);
    default:
      return fc.constantFrom(...functionFields(kind));
  }
};

const entryArb: fc.Arbitrary<EntryModel> = fc
  .oneof({ weight: 3, arbitrary: fc.constant<TableKind>('PyMethodDef') }, { weight: 3, arbitrary: fc.constantFrom(...ARRAY_KINDS) }, { weight: 2, arbitrary: fc.constantFrom(...STRUCT_KINDS) })
  .chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      func: fc.nat({ max: 50 }),
      slot: slotFor(kind),
      cast: fc.constantFrom('none', 'address', 'typedef', 'laundered', 'macro', 'void'),
      fit: fc.constantFrom('random', 'exact', 'missing-1', 'missing-1', 'missing-2', 'extra', 'void-result'),
      suppressed: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      spelling: fc.constantFrom('plain', 'plain', 'plain', 'clinic', 'helper'),
    }),
  );

const COMMENTS = ['/* helper */', '// TODO: tidy up', '/* multi\n   line */', '/**/', '// \\ continued\n// line'];

const styleArb: fc.Arbitrary<StyleModel> = fc.record({
  indent: fc.constantFrom('    ', '\t', '  ', '        '),
  designated: fc.boolean(),
  flagsMacro: fc.boolean(),
  blankLines: fc.nat({ max: 2 }),
  comments: fc.array(fc.constantFrom(...COMMENTS), { maxLength: 4 }),
});

export const moduleArb: fc.Arbitrary<ModuleModel> = fc.record({
  name: ident,
  funcs: fc.array(funcArb, { minLength: 1, maxLength: 6 }).map((fs) => fs.map((f, i) => ({ ...f, name: `fn${i}` }))),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 8 }),
  style: styleArb,
});

const latin1 = fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 6 });
const utf8 = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).map((s) => [...Buffer.from(s, 'utf8')]);
const nul = fc.constant<number[]>([0]);

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom('{', '}', '(', ')', ';', ',', '"', "'", '/*', '*/', '#if 0\n', '#endif\n', '\\\n', 'METH_O', 'static ', '\n').map((s) => [...Buffer.from(s, 'latin1')]),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 80 }) }),
);

export const bytesArb = (damage: boolean): fc.Arbitrary<BytesModel> =>
  fc.record({
    eols: fc.oneof(
      fc.constant<string[]>(['\n']),
      fc.constant<string[]>(['\r\n']),
      fc.constant<string[]>(['\r']),
      fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 7 }),
    ),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    payloads: fc.array(fc.oneof(latin1, utf8, nul), { maxLength: 3 }),
    damage: damage ? fc.array(damageArb, { maxLength: 3 }) : fc.constant<Damage[]>([]),
  });

/** One file; damaged and intact files are drawn about equally often. */
export const fileArb: fc.Arbitrary<FileModel> = fc.boolean().chain((damaged) => fc.record({ module: moduleArb, bytes: bytesArb(damaged) }));

// ---------------------------------------------------------------------------
// Rendering.

function paramList(f: FuncModel, indent: string): string {
  const params = f.params.length ? f.params : [];
  const tail = f.trailingComment ? ' /* last */' : '';
  if (!params.length) return '()';
  if (f.layout === 'inline' || params.length === 1 && f.layout === 'aligned') return `(${params.join(', ')}${tail})`;
  if (f.layout === 'aligned') {
    const pad = ' '.repeat(f.name.length + 1);
    return `(${params[0]},\n${params.slice(1).map((p) => pad + p).join(',\n')}${tail})`;
  }
  return `(\n${params.map((p) => indent + p).join(',\n')}${tail}\n)`;
}

const paramName = (p: string) => /(\w+)\s*(?:\/\*.*\*\/)?$/.exec(p.replace(/\bPy_UNUSED\(\w+\)/, ''))?.[1];

function returnOf(result: string): string {
  if (result === 'void') return '';
  if (result === 'PyObject *') return 'Py_RETURN_NONE;';
  if (result === 'double') return 'return 0.0;';
  if (result === 'PySendResult') return 'return PYGEN_ERROR;';
  return 'return 0;';
}

function declarator(f: FuncModel, indent: string): string {
  if (f.layout === 'knr') {
    const knr = knrDeclarator(f, indent);
    if (knr) return knr;
  }
  const head = `${f.isStatic ? 'static ' : ''}${f.result}`;
  return `${head}${f.result.endsWith('*') ? '' : ' '}\n${f.name}${paramList(f, indent)}`;
}

function funcText(f: FuncModel, indent: string): string {
  if (f.conditional === 'ifdef') {
    const other = { ...f, conditional: 'none' as const, params: [...f.params, 'PyObject *extra'] };
    return `#ifdef HAVE_FEATURE\n${funcText({ ...f, conditional: 'none' }, indent)}#else\n${funcText(other, indent)}#endif\n`;
  }
  if (f.conditional === 'if0') return `#if 0\n${funcText({ ...f, conditional: 'none' }, indent)}#endif\n`;
  const names = f.params.map(paramName).filter((n): n is string => !!n && !['void', 'PyObject', 'ignored'].includes(n));
  const uses = f.usesParams ? names.map((n) => `${indent}(void)${n};\n`).join('') : '';
  const ret = returnOf(f.result);
  return `${declarator(f, indent)}\n{\n${uses}${ret ? `${indent}${ret}\n` : ''}}\n`;
}

/** An old-style (K&R) definition: names in the list, declarations after it. */
function knrDeclarator(f: FuncModel, indent: string): string | undefined {
  const named = f.params.map((p) => ({ p, name: paramName(p) }));
  if (!named.length || named.some(({ p, name }) => !name || p === 'void' || name === 'PyObject' || p.includes('('))) return undefined;
  const head = `${f.isStatic ? 'static ' : ''}${f.result}${f.result.endsWith('*') ? '' : ' '}\n${f.name}(${named.map((n) => n.name).join(', ')})`;
  return `${head}\n${named.map(({ p }) => `${indent}${p.replace(/\s*\/\*.*\*\/$/, '')};`).join('\n')}`;
}

function prototypeText(f: FuncModel): string {
  return `${f.isStatic ? 'static ' : ''}${f.result} ${f.name}(${f.params.join(', ')});\n`;
}

function callerText(f: FuncModel, n: number, indent: string): string {
  const args = f.params.filter((p) => p !== 'void').map((p, i) => (i === 0 && p.includes('*') ? 'self' : /\*/.test(p) ? 'NULL' : '0'));
  return `static PyObject *\ncall_${f.name}_${n}(PyObject *self)\n{\n${indent}(void)${f.name}(${args.join(', ')});\n${indent}Py_RETURN_NONE;\n}\n`;
}

const CAST_TYPEDEF: Partial<Record<TableKind, string>> = { PyMethodDef: 'PyCFunction', PyGetSetDef: 'getter' };

function fieldTypedef(kind: TableKind, slot: string): string | undefined {
  if (kind === 'PyMethodDef') return 'PyCFunction';
  if (kind === 'PyGetSetDef') return slot === 'set' ? 'setter' : 'getter';
  if (kind === 'PyType_Slot') return Object.values(STRUCTS).flatMap((s) => s.fields).find((f) => f.name === slotIdField(slot))?.typedef;
  if (kind === 'PyModuleDef_Slot') return TYPEDEFS[slot] ? slot : undefined;
  return STRUCTS[kind].fields.find((f) => f.name === slot)?.typedef;
}

/** The typedef CPython calls an entry's function through, if fpcast knows it. */
function expectedTypedef(entry: EntryModel): string | undefined {
  if (entry.kind !== 'PyMethodDef') return fieldTypedef(entry.kind, entry.slot);
  const bits = entry.slot.split('|').map((f) => METH_FLAGS[f.trim()]);
  if (bits.some((b) => b === undefined)) return undefined;
  const shape = METH_SHAPES[bits.reduce((a, b) => a | b, 0) & ~METH_SHAPE_NEUTRAL];
  return shape?.typedef;
}

const spell = (ctype: string, name: string) => `${ctype}${ctype.endsWith('*') ? '' : ' '}${name}`;

/** The functions as rendered: a function named by an entry whose `fit` is
 * not 'random' takes that entry's expected parameters, bent as `fit` says. */
export function resolveFuncs(m: ModuleModel): FuncModel[] {
  const funcs = m.funcs.map((f) => ({ ...f }));
  const done = new Set<number>();
  for (const entry of m.entries) {
    const index = entry.func % funcs.length;
    const typedef = expectedTypedef(entry);
    if (done.has(index) || entry.fit === 'random' || !typedef || !TYPEDEFS[typedef]) continue;
    done.add(index);
    const spec = TYPEDEFS[typedef];
    let params = spec.params.map((p) => spell(p.ctype, p.role));
    let result = spec.result.ctype;
    if (entry.fit === 'missing-1') params = params.slice(0, -1);
    if (entry.fit === 'missing-2') params = params.slice(0, -2);
    if (entry.fit === 'extra') params = [...params, 'PyObject *unused_extra'];
    if (entry.fit === 'void-result' && result === 'int') result = 'void';
    funcs[index] = { ...funcs[index], params, result };
  }
  return funcs;
}

function castValue(entry: EntryModel, name: string): string {
  const typedef = fieldTypedef(entry.kind, entry.slot) ?? CAST_TYPEDEF[entry.kind];
  switch (entry.cast) {
    case 'none':
      return name;
    case 'address':
      return `&${name}`;
    case 'typedef':
      return typedef && TYPEDEFS[typedef] && !typedef.startsWith('Py_mod') ? `(${typedef})${name}` : name;
    case 'laundered':
      return `(${typedef && !typedef.startsWith('Py_mod') ? typedef : 'void *'})(void(*)(void))${name}`;
    case 'macro':
      return entry.kind === 'PyMethodDef' ? `_PyCFunction_CAST(${name})` : name;
    case 'void':
      return `(void *)${name}`;
  }
}

function arrayTable(kind: TableKind, name: string, entries: EntryModel[], m: ModuleModel, flagsOf: (e: EntryModel) => string): string {
  const { indent, designated } = m.style;
  const fn = (e: EntryModel) => m.funcs[e.func % m.funcs.length].name;
  const rows = entries.map((e, i) => {
    const value = castValue(e, fn(e));
    switch (kind) {
      case 'PyMethodDef':
        if (e.spelling === 'clinic') return `${fn(e).toUpperCase()}_${i}_METHODDEF`;
        if (e.spelling === 'helper') return `METHOD("m${i}", ${fn(e)}, ${flagsOf(e)})`;
        return designated
          ? `{.ml_name = "m${i}", .ml_meth = ${value}, .ml_flags = ${flagsOf(e)}, .ml_doc = NULL}`
          : `{"m${i}", ${value}, ${flagsOf(e)}, NULL}`;
      case 'PyGetSetDef': {
        const [get, set] = e.slot === 'set' ? ['NULL', value] : [value, 'NULL'];
        return designated ? `{.name = "g${i}", .get = ${get}, .set = ${set}}` : `{"g${i}", ${get}, ${set}, NULL, NULL}`;
      }
      default:
        return designated ? `{.slot = ${e.slot}, .${kind === 'PyType_Slot' ? 'pfunc' : 'value'} = ${value}}` : `{${e.slot}, ${value}}`;
    }
  });
  const sentinel = kind === 'PyMethodDef' ? '{NULL, NULL, 0, NULL}' : kind === 'PyGetSetDef' ? '{NULL}' : '{0, NULL}';
  const lines = rows.map((r, i) => `${indent}${r}${entries[i].spelling === 'clinic' && kind === 'PyMethodDef' ? '' : ','}${entries[i].suppressed ? ' /* fpcast: ignore */' : ''}`);
  const macros = kind !== 'PyMethodDef' ? [] : entries.flatMap((e, i) => {
    if (e.spelling === 'clinic') return [`#define ${fn(e).toUpperCase()}_${i}_METHODDEF    \\\n    {"m${i}", ${castValue(e, fn(e))}, ${flagsOf(e)}, NULL},\n`];
    return [];
  });
  if (kind === 'PyMethodDef' && entries.some((e) => e.spelling === 'helper')) macros.push('#define METHOD(name, func, flags) {name, (PyCFunction)(func), flags, NULL}\n');
  return `${macros.join('')}static ${kind} ${name}[] = {\n${[...lines, `${indent}${sentinel},`].join('\n')}\n};\n`;
}

function structTable(kind: TableKind, name: string, entries: EntryModel[], m: ModuleModel): string {
  const { indent } = m.style;
  const byField = new Map<string, string>();
  for (const e of entries) {
    if (!byField.has(e.slot)) byField.set(e.slot, castValue(e, m.funcs[e.func % m.funcs.length].name) + (e.suppressed ? ' /* fpcast: ignore */' : ''));
  }
  const fields = STRUCTS[kind].fields;
  const head = kind === 'PyTypeObject' ? 'PyVarObject_HEAD_INIT(NULL, 0)' : kind === 'PyModuleDef' ? 'PyModuleDef_HEAD_INIT' : undefined;
  let body: string[];
  if (m.style.designated || !head) {
    body = [...(head ? [head] : []), ...(kind === 'PyTypeObject' ? ['.tp_name = "mod.T"'] : []), ...[...byField].map(([field, value]) => `.${field} = ${value}`)];
  } else {
    const last = Math.max(...[...byField.keys()].map((k) => fields.findIndex((f) => f.name === k)));
    body = fields.slice(0, last + 1).map((f, i) => (i === 0 ? head : byField.get(f.name) ?? (f.name === 'tp_name' || f.name === 'm_name' ? '"mod.T"' : '0')));
  }
  return `static ${kind} ${name} = {\n${body.map((b) => `${indent}${b},`).join('\n')}\n};\n`;
}

/** C source of a module, with '\n' line endings and payloads spliced into
 * comments and a string (latin1 text: one char per byte). */
export function renderModule(model: ModuleModel, payloads: number[][] = []): string {
  const m = { ...model, funcs: resolveFuncs(model) };
  const { indent } = m.style;
  const blank = '\n'.repeat(m.style.blankLines);
  const parts: string[] = ['#include <Python.h>\n'];
  const payloadText = payloads.map((p) => Buffer.from(p).toString('latin1').replaceAll('*/', '* /'));
  payloadText.forEach((p, i) => parts.push(i % 2 ? `static const char text${i}[] = "${p.replace(/[\\"\r\n]/g, '.')}";\n` : `/* ${p} */\n`));
  if (m.style.flagsMacro) parts.push('#define MY_FLAGS METH_VARARGS | METH_KEYWORDS\n#define NOARGS METH_NOARGS\n');
  for (const f of m.funcs) if (f.prototype) parts.push(prototypeText(f));
  m.funcs.forEach((f, i) => {
    if (m.style.comments[i]) parts.push(m.style.comments[i] + '\n');
    parts.push(funcText(f, indent));
    for (let n = 0; n < f.calls; n++) parts.push(callerText(f, n, indent));
  });
  const flagsOf = (e: EntryModel) => (m.style.flagsMacro && e.slot === 'METH_VARARGS | METH_KEYWORDS' ? 'MY_FLAGS' : m.style.flagsMacro && e.slot === 'METH_NOARGS' ? 'NOARGS' : e.slot);
  const kinds = [...new Set(m.entries.map((e) => e.kind))];
  for (const kind of kinds) {
    const entries = m.entries.filter((e) => e.kind === kind);
    const name = `${m.name}_${kind.toLowerCase()}`;
    parts.push(STRUCTS[kind].isEntryArray ? arrayTable(kind, name, entries, m, flagsOf) : structTable(kind, name, entries, m));
  }
  const methods = kinds.includes('PyMethodDef') ? `${m.name}_pymethoddef` : 'NULL';
  if (!kinds.includes('PyModuleDef')) {
    parts.push(`static struct PyModuleDef ${m.name}_def = {PyModuleDef_HEAD_INIT, "${m.name}", NULL, -1, ${methods}};\n`);
  }
  parts.push(`PyMODINIT_FUNC\nPyInit_${m.name}(void)\n{\n${indent}return PyModule_Create(&${m.name}_${kinds.includes('PyModuleDef') ? 'pymoduledef' : 'def'});\n}\n`);
  return parts.join(blank);
}

/** The file's bytes: line endings, BOM, final newline, then damage. */
export function renderBytes(text: string, b: BytesModel): Buffer {
  let i = 0;
  let body = text.replace(/\n/g, () => b.eols[i++ % b.eols.length]);
  if (!b.finalNewline) body = body.replace(/(\r\n|\r|\n)$/, '');
  let bytes: Buffer = Buffer.concat([b.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'latin1')]);
  for (const d of b.damage) bytes = damage(bytes, d);
  return bytes;
}

function damage(bytes: Buffer, d: Damage): Buffer {
  const at = Math.min(bytes.length, Math.floor(d.at * bytes.length));
  switch (d.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(d.bytes), bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + d.length)]);
    case 'repeat':
      return Buffer.concat([bytes.subarray(0, at + d.length), bytes.subarray(at)]);
  }
}

export function fileBytes(model: FileModel): Buffer {
  return renderBytes(renderModule(model.module, model.bytes.payloads), model.bytes);
}

/** A case: one to three files (a second module, a header of prototypes). */
export interface CaseModel {
  files: { name: string; model: FileModel }[];
  /** Options given to every command (and to the planner). */
  strategy: 'refuse' | 'wrapper';
  unusedParam: string;
  /** `check --format`. */
  format: 'text' | 'json' | 'sarif' | 'github';
  /** A header with prototypes of the first file's non-static functions. */
  header?: { name: string; eol: string };
}

/** The header's bytes: a prototype per non-static function of `m`, so a fix
 * of one would span two files. */
export function renderHeader(m: ModuleModel, eol: string): Buffer {
  const text = `#include <Python.h>\n${resolveFuncs(m).filter((f) => !f.isStatic).map(prototypeText).join('')}`;
  return Buffer.from(text.replace(/\n/g, eol), 'latin1');
}

export const caseArb: fc.Arbitrary<CaseModel> = fc
  .record({
    files: fc.array(fileArb, { minLength: 1, maxLength: 2 }),
    header: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    strategy: fc.constantFrom('refuse' as const, 'wrapper' as const),
    unusedParam: fc.constantFrom('Py_UNUSED({name})', '{name}', 'NPY_UNUSED({name})'),
    format: fc.constantFrom('text' as const, 'json' as const, 'sarif' as const, 'github' as const),
  })
  .map(({ files, header, eol, strategy, unusedParam, format }) => {
    // Function names differ between files (two non-static fn0 would be one
    // function defined twice); the header links the files instead.
    const named = files.map((model, i) => ({
      name: i === 0 ? 'module.c' : `part${i}.c`,
      model: { ...model, module: { ...model.module, name: `${model.module.name}${i}`, funcs: model.module.funcs.map((f) => ({ ...f, name: `${f.name}_${i}` })) } },
    }));
    return { files: named, strategy, unusedParam, format, ...(header ? { header: { name: 'module.h', eol } } : {}) };
  });

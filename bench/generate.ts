// A synthetic C extension tree shaped like CPython's `Modules/ Objects/
// Python/ Include/` (the stand-in when the real sources are not at hand), made
// from a fixed seed so that every run measures the same bytes.
//
// Shape, after CPython 3.11's tree (715 files, 21 MB; 172 files, 45 % of the
// bytes, hold a table): extension modules with method tables, getsets, type
// objects (positional, designated, PyType_Slot specs), number / sequence /
// mapping methods and module definitions with slots; Argument-Clinic-style
// headers (`#define FOO_METHODDEF {…}` and the wrappers) included by the
// module; helper macros and flags macros in headers; non-static functions
// defined in one file, declared in a header and registered in another;
// large macro-heavy files without any table; CPython's habits that
// tree-sitter cannot read item by item (a getter right after a macro call
// written without its `;`, as `_decimal.c` writes them; a method whose
// conditional closes a brace in each branch); and a share of broken entries
// (wrong parameter counts, a conflicting second use, cross-file ones) so that
// `fix` has real work and real refusals.
//
//   node dist/bench/generate.js DIR [--mb 20] [--seed 1]

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TreeOptions {
  /** Total size to aim for, in bytes (default 20 MB). */
  bytes?: number;
  seed?: number;
  /** Share of method entries broken on purpose (default 6 %, like an unported extension). */
  brokenShare?: number;
}

export interface TreeStats {
  files: number;
  bytes: number;
  /** Files that hold at least one table. */
  tableFiles: number;
  tableBytes: number;
  /** Method entries written, and how many of them are broken on purpose. */
  methods: number;
  broken: number;
}

// ---------------------------------------------------------------------------
// Deterministic randomness.

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** A size around `median` with a long tail, like source files. */
  size(median: number): number {
    const u = Math.max(1e-9, this.next());
    const v = this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.round(median * Math.exp(0.8 * normal));
  }
}

const NOUNS = [
  'buffer', 'state', 'item', 'value', 'index', 'key', 'node', 'list', 'count', 'flag', 'entry', 'cache', 'stream',
  'codec', 'record', 'field', 'block', 'frame', 'token', 'parser', 'reader', 'writer', 'handle', 'queue', 'table',
  'digest', 'range', 'slice', 'chunk', 'match', 'group', 'pattern', 'scope', 'attr', 'slot', 'result', 'error',
  'lock', 'event', 'signal', 'timer', 'socket', 'path', 'name', 'data', 'size', 'offset', 'length', 'mode', 'format',
];
const VERBS = [
  'get', 'set', 'read', 'write', 'close', 'open', 'seek', 'tell', 'flush', 'reset', 'clear', 'update', 'pop', 'push',
  'append', 'extend', 'insert', 'remove', 'find', 'copy', 'sort', 'join', 'split', 'strip', 'replace', 'encode',
  'decode', 'compile', 'load', 'dump', 'start', 'stop', 'send', 'recv', 'wait', 'notify', 'acquire', 'release',
  'parse', 'format', 'compress', 'expand', 'scan', 'merge', 'check', 'apply', 'compute', 'lookup', 'register',
];
const API_CALLS = [
  'PyLong_FromSsize_t(n)', 'PyLong_AsSsize_t(obj)', 'PyUnicode_FromString("x")', 'PyBytes_FromStringAndSize(buf, n)',
  'PyList_New(0)', 'PyTuple_New(n)', 'PyDict_New()', 'PyObject_GetAttrString(obj, "name")', 'PyObject_Repr(obj)',
  'PyNumber_Add(a, b)', 'PyObject_RichCompare(a, b, Py_EQ)', 'PyErr_Occurred()', 'PyIter_Next(it)', 'PyObject_GetIter(obj)',
  'PyObject_CallOneArg(func, obj)', 'PyMem_Malloc(n)', 'PyBool_FromLong(n)', 'PyFloat_AsDouble(obj)',
];

/** The METH_ kinds and the parameter list of a correct function of each. */
const METH_KINDS = [
  { flags: 'METH_NOARGS', params: ['PyObject *self', 'PyObject *Py_UNUSED(ignored)'], weight: 5 },
  { flags: 'METH_O', params: ['PyObject *self', 'PyObject *arg'], weight: 4 },
  { flags: 'METH_VARARGS', params: ['PyObject *self', 'PyObject *args'], weight: 4 },
  { flags: 'METH_VARARGS | METH_KEYWORDS', params: ['PyObject *self', 'PyObject *args', 'PyObject *kwargs'], weight: 3 },
  { flags: 'METH_FASTCALL', params: ['PyObject *self', 'PyObject *const *args', 'Py_ssize_t nargs'], weight: 3 },
  { flags: 'METH_FASTCALL | METH_KEYWORDS', params: ['PyObject *self', 'PyObject *const *args', 'Py_ssize_t nargs', 'PyObject *kwnames'], weight: 3 },
  { flags: 'METH_METHOD | METH_FASTCALL | METH_KEYWORDS', params: ['PyObject *self', 'PyTypeObject *cls', 'PyObject *const *args', 'Py_ssize_t nargs', 'PyObject *kwnames'], weight: 1 },
  { flags: 'METH_NOARGS | METH_CLASS', params: ['PyObject *type', 'PyObject *Py_UNUSED(ignored)'], weight: 1 },
  { flags: 'METH_O | METH_STATIC', params: ['PyObject *Py_UNUSED(null)', 'PyObject *arg'], weight: 1 },
  { flags: 'METH_VARARGS | METH_COEXIST', params: ['PyObject *self', 'PyObject *args'], weight: 1 },
] as const;
type MethKind = (typeof METH_KINDS)[number];

const CASTS = ['', '(PyCFunction)', '(PyCFunction)(void(*)(void))', '_PyCFunction_CAST'] as const;

// ---------------------------------------------------------------------------
// C text.

class Writer {
  readonly parts: string[] = [];
  bytes = 0;
  add(text: string): void {
    this.parts.push(text);
    this.bytes += text.length;
  }
  text(): string {
    return this.parts.join('');
  }
}

const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

class CodeGen {
  constructor(private readonly r: Random) {}

  name(prefix: string): string {
    return `${prefix}_${this.r.pick(VERBS)}_${this.r.pick(NOUNS)}`;
  }

  comment(): string {
    const words = Array.from({ length: this.r.int(6, 18) }, () => this.r.pick([...NOUNS, ...VERBS, 'the', 'a', 'is', 'when', 'of', 'to']));
    return words.length > 12 ? `/* ${words.slice(0, 10).join(' ')}\n   ${words.slice(10).join(' ')}. */\n` : `/* ${words.join(' ')}. */\n`;
  }

  /** A statement block, nested up to `depth`, calling `callees` now and then. */
  /** The nouns a function's locals are named after (see `func`). */
  private locals: string[] = NOUNS.slice(0, 4);

  statements(lines: number, depth: number, callees: string[]): string {
    const r = this.r;
    let out = '';
    let written = 0;
    while (written < lines) {
      const kind = r.int(0, depth > 0 ? 11 : 7);
      const v = r.pick(this.locals);
      switch (kind) {
        case 0:
          out += `Py_ssize_t ${v}_n = PyTuple_GET_SIZE(args);\n`;
          break;
        case 1:
          out += `if (${r.pick(API_CALLS).replace(/\(.*$/, '')}(obj) < 0) {\n    goto error;\n}\n`;
          written += 2;
          break;
        case 2:
          out += `result = ${r.pick(API_CALLS)};\n`;
          break;
        case 3:
          out += `Py_XDECREF(${v});\n${v} = NULL;\n`;
          written++;
          break;
        case 4:
          out += callees.length && r.chance(0.6) ? `if (${r.pick(callees)}(obj, n) < 0) {\n    return NULL;\n}\n` : `n += ${v}_count * ${r.int(2, 64)} + (n >> ${r.int(1, 7)});\n`;
          break;
        case 5:
          out += r.chance(0.3) ? this.comment() : `assert(${v} != NULL && n >= 0);\n`;
          break;
        case 6:
          out += `memcpy(buf + offset, ${v}->data, (size_t)${v}->size);\noffset += ${v}->size;\n`;
          written++;
          break;
        case 7:
          out += `#ifdef MS_WINDOWS\n    ${v}_flags |= O_BINARY;\n#else\n    ${v}_flags |= O_CLOEXEC;\n#endif\n`;
          written += 4;
          break;
        case 8:
        case 9: {
          const inner = r.int(2, 6);
          out += `for (Py_ssize_t i = 0; i < n; i++) {\n${indent(this.statements(inner, depth - 1, callees), '    ')}}\n`;
          written += inner + 1;
          break;
        }
        case 10: {
          const inner = r.int(2, 5);
          out += `if (${v} == NULL || PyErr_Occurred()) {\n${indent(this.statements(inner, depth - 1, callees), '    ')}}\nelse {\n    Py_INCREF(${v});\n}\n`;
          written += inner + 3;
          break;
        }
        default: {
          out += `switch (${v}_kind) {\ncase ${r.int(0, 9)}:\n    n = ${v}_count;\n    break;\ncase ${r.int(10, 19)}:\n    n = -1;\n    break;\ndefault:\n    Py_UNREACHABLE();\n}\n`;
          written += 8;
        }
      }
      written++;
    }
    return out;
  }

  /** A function definition. */
  func(storage: string, result: string, name: string, params: string[], lines: number, callees: string[]): string {
    const multiline = params.length > 3 && this.r.chance(0.4);
    const list = params.length ? (multiline ? `\n    ${params.join(',\n    ')}` : params.join(', ')) : 'void';
    // Real functions mostly use their own locals: declare what the body uses.
    this.locals = Array.from({ length: this.r.int(2, 5) }, () => this.r.pick(NOUNS)).filter((v, i, all) => all.indexOf(v) === i);
    const declared = this.locals.map((v) => `    PyObject *${v} = NULL;\n    Py_ssize_t ${v}_n, ${v}_count = 0;\n    int ${v}_flags = 0, ${v}_kind = 0;\n`).join('');
    const body = this.statements(lines, 2, callees);
    const ret = result === 'int' ? '    return 0;\n' : result === 'void' ? '' : '    return result;\n';
    return `${storage}${result}\n${name}(${list})\n{\n    PyObject *result = NULL;\n    char *buf = NULL;\n    Py_ssize_t n = 0, offset = 0;\n${declared}${indent(body, '    ')}${ret}${result === 'void' ? '' : `error:\n    return ${result === 'int' ? '-1' : 'NULL'};\n`}}\n\n`;
  }

  /** Lines that look like a big macro-heavy C file (an interpreter loop, a codec). */
  macroHeavy(prefix: string, cases: number): string {
    const r = this.r;
    let out = `#define ${prefix.toUpperCase()}_TARGET(op) case op: TRACE(op);\n#define ${prefix.toUpperCase()}_DISPATCH() goto dispatch\n`;
    out += `#define ${prefix.toUpperCase()}_POP() (*--stack_pointer)\n#define ${prefix.toUpperCase()}_PUSH(v) (*stack_pointer++ = (v))\n\n`;
    out += `static int\n${prefix}_run(${prefix}_state *st, const uint8_t *code, Py_ssize_t len)\n{\n    PyObject **stack_pointer = st->stack;\n  dispatch:\n    switch (*code++) {\n`;
    for (let i = 0; i < cases; i++) {
      const v = r.pick(NOUNS);
      out += `    ${prefix.toUpperCase()}_TARGET(OP_${v.toUpperCase()}_${i}) {\n        PyObject *${v} = ${prefix.toUpperCase()}_POP();\n`;
      out += indent(this.statements(r.int(2, 6), 1, []), '        ');
      out += `        ${prefix.toUpperCase()}_PUSH(${v});\n        ${prefix.toUpperCase()}_DISPATCH();\n    }\n`;
    }
    return out + '    }\n    return 0;\n}\n\n';
  }
}

// ---------------------------------------------------------------------------
// The tree.

interface Method {
  name: string;
  /** Python-visible name. */
  pyname: string;
  kind: MethKind;
  /** The parameters it is defined with (differs from kind.params when broken). */
  params: string[];
  broken: boolean;
}

class TreeWriter {
  readonly stats: TreeStats = { files: 0, bytes: 0, tableFiles: 0, tableBytes: 0, methods: 0, broken: 0 };
  private readonly gen: CodeGen;
  /** Non-static functions other files may call: name → parameter count. */
  private readonly exported: { name: string; arity: number }[] = [];

  constructor(
    private readonly root: string,
    private readonly r: Random,
  ) {
    this.gen = new CodeGen(r);
  }

  write(rel: string, text: string, hasTable = false): void {
    const file = path.join(this.root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, 'latin1');
    this.stats.files++;
    this.stats.bytes += text.length;
    if (hasTable) {
      this.stats.tableFiles++;
      this.stats.tableBytes += text.length;
    }
  }

  /** A method: mostly right, sometimes broken the ways real code is. */
  method(prefix: string, brokenShare: number): Method {
    const weights = METH_KINDS.flatMap((k) => Array(k.weight).fill(k) as MethKind[]);
    const kind = this.r.pick(weights);
    const name = this.gen.name(prefix) + '_' + this.stats.methods;
    const method: Method = { name, pyname: name.slice(prefix.length + 1), kind, params: [...kind.params], broken: false };
    this.stats.methods++;
    if (this.r.chance(brokenShare)) {
      method.broken = true;
      this.stats.broken++;
      const n = kind.params.length;
      // One parameter short (the classic), or an unused extra one.
      method.params = this.r.chance(0.8) || n === 5 ? kind.params.slice(0, Math.max(1, n - 1)).map((p) => p.replace('Py_UNUSED(ignored)', 'unused')) : [...kind.params, 'void *extra'];
    }
    return method;
  }

  entry(m: Method, doc: string): string {
    const cast = m.kind.params.length === 2 && !m.kind.flags.includes('FASTCALL') ? this.r.pick(CASTS) : this.r.pick(CASTS.slice(2));
    const ref = cast === '_PyCFunction_CAST' ? `_PyCFunction_CAST(${m.name})` : `${cast}${m.name}`;
    return `    {"${m.pyname}", ${ref}, ${m.kind.flags}, ${doc}},\n`;
  }

  methodDef(m: Method, storage = 'static '): string {
    return this.gen.func(storage, 'PyObject *', m.name, m.params, this.r.int(6, 40), []);
  }

  /** A method whose conditional closes a brace in each branch: its item is
   * ragged, and tree-sitter reads both branches. */
  raggedMethodDef(m: Method): string {
    const branch = (value: number) => `        result = PyLong_FromLong(${value});
    }
`;
    return `static PyObject *
${m.name}(${m.params.join(', ')})
{
    PyObject *result = NULL;
    if (result == NULL) {
#ifdef MS_WINDOWS
${branch(1)}#else
${branch(0)}#endif
    return result;
}

`;
  }

  includeTree(): void {
    const r = this.r;
    const headers: string[] = [];
    // The headers every extension sees, with the macros fpcast must resolve.
    this.write('Include/methodobject.h', `#ifndef Py_METHODOBJECT_H\n#define Py_METHODOBJECT_H\n\ntypedef PyObject *(*PyCFunction)(PyObject *, PyObject *);\n\nstruct PyMethodDef {\n    const char *ml_name;\n    PyCFunction ml_meth;\n    int ml_flags;\n    const char *ml_doc;\n};\ntypedef struct PyMethodDef PyMethodDef;\n\n#define METH_VARARGS  0x0001\n#define METH_KEYWORDS 0x0002\n#define METH_NOARGS   0x0004\n#define METH_O        0x0008\n#define METH_CLASS    0x0010\n#define METH_STATIC   0x0020\n#define METH_COEXIST  0x0040\n#define METH_FASTCALL 0x0080\n#define METH_METHOD   0x0200\n\n#define _PyCFunction_CAST(func) ((PyCFunction)(void(*)(void))(func))\n\nPyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *, PyObject *);\n\n#endif\n`);
    headers.push('methodobject.h');
    this.write('Include/pymacro.h', `#ifndef Py_PYMACRO_H\n#define Py_PYMACRO_H\n#define Py_UNUSED(name) _unused_ ## name\n#define Py_ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))\n#define PyDoc_STRVAR(name, str) static const char name[] = str\n#define PyDoc_STR(str) str\n#define Py_UNREACHABLE() abort()\n#endif\n`);
    headers.push('pymacro.h');
    this.write('Include/object.h', `#ifndef Py_OBJECT_H\n#define Py_OBJECT_H\n\n#define PyObject_HEAD PyObject ob_base;\n#define PyObject_HEAD_INIT(type) { 1, (type) },\n#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },\n#define Py_TPFLAGS_DEFAULT (1UL << 18)\n#define Py_TPFLAGS_HAVE_GC (1UL << 14)\n#define Py_TPFLAGS_BASETYPE (1UL << 10)\n\ntypedef struct _typeobject PyTypeObject;\ntypedef PyObject *(*getter)(PyObject *, void *);\ntypedef int (*setter)(PyObject *, PyObject *, void *);\n\nPyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);\nPyAPI_FUNC(int) PyType_Ready(PyTypeObject *);\n\n#endif\n`);
    headers.push('object.h');
    const count = Math.max(20, Math.round(150 * this.scale));
    for (let i = 0; i < count; i++) {
      const sub = i % 3 === 0 ? 'cpython/' : i % 3 === 1 ? 'internal/pycore_' : '';
      const base = `${r.pick(NOUNS)}${i}`;
      const rel = `${sub}${base}.h`;
      const guard = `Py_${base.toUpperCase()}_H`;
      let text = `#ifndef ${guard}\n#define ${guard}\n#ifdef __cplusplus\nextern "C" {\n#endif\n\n`;
      if (i > 2) text += `#include "${headers[r.int(0, headers.length - 1)]}"\n\n`;
      const n = r.size(18);
      for (let j = 0; j < n; j++) {
        const name = `Py${base[0].toUpperCase()}${base.slice(1)}_${r.pick(VERBS)}${j}`;
        const what = r.int(0, 5);
        if (what === 0) text += `#define ${name.toUpperCase()}(op) (((op)->ob_flags & (1UL << ${r.int(0, 31)})) != 0)\n`;
        else if (what === 1) text += `static inline Py_ssize_t\n${name}(PyObject *op)\n{\n    assert(op != NULL);\n    return ((PyVarObject *)op)->ob_size + ${r.int(0, 9)};\n}\n\n`;
        else if (what === 2) text += `typedef struct {\n    PyObject_HEAD\n    Py_ssize_t ${r.pick(NOUNS)};\n    PyObject *${r.pick(NOUNS)};\n    int ${r.pick(NOUNS)}_flags;\n} ${name}Object;\n\n`;
        else text += `PyAPI_FUNC(${r.pick(['PyObject *', 'int', 'Py_ssize_t', 'void'])}) ${name}(PyObject *, ${r.pick(['Py_ssize_t', 'PyObject *', 'const char *', 'int'])});\n`;
      }
      text += `\n#ifdef __cplusplus\n}\n#endif\n#endif /* !${guard} */\n`;
      this.write(`Include/${rel}`, text);
      headers.push(rel);
    }
    this.write('Include/Python.h', `#ifndef Py_PYTHON_H\n#define Py_PYTHON_H\n${headers.map((h) => `#include "${h}"\n`).join('')}#endif\n`);
  }

  /** An extension module: module file with tables, maybe a clinic header, maybe an implementation file. */
  extension(k: number, dir: string, size: number, brokenShare: number): void {
    const r = this.r;
    const prefix = `${r.pick(NOUNS)}${k}`;
    const module = new Writer();
    const clinic = r.chance(0.6) ? new Writer() : undefined;
    const impl = r.chance(0.35) ? new Writer() : undefined;
    const header = impl ? new Writer() : undefined;
    const flagsMacro = `${prefix.toUpperCase()}_KW_FLAGS`;

    module.add(`/* ${prefix} module: synthetic, shaped like CPython's extension modules. */\n\n#define PY_SSIZE_T_CLEAN\n#include "Python.h"\n`);
    if (header) module.add(`#include "${prefix}.h"\n`);
    module.add(`\ntypedef struct {\n    PyObject_HEAD\n    PyObject *dict;\n    Py_ssize_t size;\n    char *data;\n} ${prefix}Object;\n\n#define ${flagsMacro} (METH_VARARGS | METH_KEYWORDS)\n\n`);
    if (clinic) module.add(`#include "clinic/${prefix}.c.h"\n\n`);

    const methods: Method[] = [];
    const entries: string[] = [];
    const helpers: string[] = [];
    // Helpers: the bulk of a real module is code no table names.
    const fill = (w: Writer, until: number, storage: string) => {
      while (w.bytes < until) {
        const name = this.gen.name(prefix) + `_h${helpers.length}`;
        w.add(this.gen.func(storage, r.pick(['static int', 'static PyObject *', 'static Py_ssize_t']).replace(/^static /, ''), name, ['PyObject *obj', 'Py_ssize_t n'], r.int(10, 70), helpers.slice(-6)));
        helpers.push(name);
      }
    };
    fill(module, size * 0.35, 'static ');

    // Direct methods.
    const direct = r.int(4, Math.max(5, Math.round(size / 2500)));
    for (let i = 0; i < direct; i++) {
      const m = this.method(prefix, brokenShare);
      methods.push(m);
      module.add(r.chance(0.08) ? this.raggedMethodDef(m) : this.methodDef(m));
      // Sometimes the module calls its own method directly.
      if (m.params.length === 2 && r.chance(0.15)) module.add(`static PyObject *\n${m.name}_twice(PyObject *self)\n{\n    Py_XDECREF(${m.name}(self, NULL));\n    return ${m.name}(self, NULL);\n}\n\n`);
      const flags = m.kind.flags === 'METH_VARARGS | METH_KEYWORDS' && r.chance(0.3) ? flagsMacro : undefined;
      entries.push(flags ? this.entry(m, 'NULL').replace(m.kind.flags, flags) : this.entry(m, r.chance(0.5) ? `${m.name}__doc__` : 'NULL'));
      if (entries[entries.length - 1].includes('__doc__')) module.add(`PyDoc_STRVAR(${m.name}__doc__, "${m.pyname}($self, /)\\n--\\n\\nDo the ${m.pyname} thing.");\n\n`);
    }

    // Clinic: the wrappers and their METHODDEF macros live in the header.
    if (clinic) {
      const n = r.int(3, Math.max(4, Math.round(size / 3000)));
      clinic.add(`/*[clinic input]\npreserve\n[clinic start generated code]*/\n\n`);
      for (let i = 0; i < n; i++) {
        const kind = r.pick([METH_KINDS[0], METH_KINDS[1], METH_KINDS[5]]);
        const name = `${prefix}_${r.pick(VERBS)}${i}`;
        const macro = `${name.toUpperCase()}_METHODDEF`;
        const ref = kind.flags.includes('FASTCALL') ? `_PyCFunction_CAST(${name})` : `(PyCFunction)${name}`;
        clinic.add(`PyDoc_STRVAR(${name}__doc__,\n"${name}($module, /)\\n"\n"--\\n"\n"\\n"\n"Synthetic clinic docstring.");\n\n`);
        clinic.add(`#define ${macro}    \\\n    {"${name}", ${ref}, ${kind.flags}, ${name}__doc__},\n\n`);
        clinic.add(`static PyObject *\n${name}_impl(PyObject *module${kind.params.length > 2 ? ', PyObject *arg' : ''});\n\n`);
        clinic.add(this.gen.func('static ', 'PyObject *', name, kind.params.map((p) => p.replace('self', 'module')), r.int(8, 30), [`${name}_impl`]));
        module.add(`/*[clinic input]\n${prefix}.${name}\n[clinic start generated code]*/\n\nstatic PyObject *\n${name}_impl(PyObject *module${kind.params.length > 2 ? ', PyObject *arg' : ''})\n/*[clinic end generated code: output=0 input=0]*/\n{\n${indent(this.gen.statements(r.int(5, 25), 2, helpers.slice(-4)), '    ')}    return result;\n}\n\n`);
        entries.push(`    ${macro}\n`);
      }
      this.write(`${dir}/clinic/${prefix}.c.h`, clinic.text());
    }

    // Non-static functions defined in another file, declared in a header, registered here.
    if (impl && header) {
      const guard = `${prefix.toUpperCase()}_H`;
      header.add(`#ifndef ${guard}\n#define ${guard}\n\n#include "Python.h"\n\n`);
      impl.add(`/* ${prefix}: implementation shared with other modules. */\n\n#include "Python.h"\n#include "${prefix}.h"\n\n`);
      const n = r.int(2, 6);
      for (let i = 0; i < n; i++) {
        const m = this.method(`${prefix}_impl`, brokenShare * 1.5);
        methods.push(m);
        header.add(`extern PyObject *${m.name}(${m.params.join(', ') || 'void'});\n`);
        impl.add(this.methodDef(m, ''));
        entries.push(this.entry(m, 'NULL'));
        if (m.params.length <= 3) this.exported.push({ name: m.name, arity: m.params.length });
      }
      fill(impl, size * 0.3, '');
      header.add(`\n#endif /* ${guard} */\n`);
      this.write(`${dir}/${prefix}.h`, header.text());
      this.write(`${dir}/${prefix}_impl.c`, impl.text());
    }

    // A function used in two tables with different flags: a conflict fix must refuse.
    if (methods.length > 2 && r.chance(0.2)) {
      const m = methods[0];
      const other = METH_KINDS.find((k) => k.params.length !== m.kind.params.length)!;
      entries.push(`    {"${m.pyname}_alias", (PyCFunction)(void(*)(void))${m.name}, ${other.flags}, NULL},\n`);
    }

    module.add(`static PyMethodDef ${prefix}_methods[] = {\n${entries.join('')}    {NULL, NULL, 0, NULL}  /* sentinel */\n};\n\n`);
    this.typeObjects(module, prefix, brokenShare);
    fill(module, size * 0.9, 'static ');
    this.moduleDef(module, prefix);
    this.write(`${dir}/${prefix}module.c`, module.text(), true);
  }

  /** Getters, slots and a type object in one of the three spellings. */
  typeObjects(w: Writer, prefix: string, brokenShare: number): void {
    const r = this.r;
    const T = `${prefix}Object`;
    const slotFn = (name: string, result: string, params: string[], broken = r.chance(brokenShare)) =>
      this.gen.func('static ', result, name, broken ? params.slice(0, -1) : params, r.int(4, 20), []);
    const getters: string[] = [];
    if (r.chance(0.35)) {
      // Getters made by a macro, its calls written without a `;`: the first
      // hand-written getter below reads as one item with the call before it.
      const made = `${prefix.toUpperCase()}_GETTER`;
      w.add(`#define ${made}(field) \\\n    static PyObject * \\\n    ${prefix}_get_##field(${T} *self, void *Py_UNUSED(closure)) \\\n    { \\\n        return PyLong_FromSsize_t(self->field); \\\n    }\n\n${made}(size)\n`);
    }
    for (let i = 0, n = r.int(1, 4); i < n; i++) {
      const name = `${prefix}_get_${r.pick(NOUNS)}${i}`;
      w.add(slotFn(name, 'PyObject *', [`${T} *self`, 'void *Py_UNUSED(closure)']));
      getters.push(name);
    }
    const setter = `${prefix}_set_${r.pick(NOUNS)}`;
    w.add(slotFn(setter, 'int', [`${T} *self`, 'PyObject *value', 'void *Py_UNUSED(closure)']));
    const getset = r.chance(0.5)
      ? getters.map((g, i) => `    {"${g}", (getter)${g}, ${i === 0 ? `(setter)${setter}` : 'NULL'}, NULL, NULL},\n`).join('')
      : getters.map((g, i) => `    {.name = "${g}", .get = (getter)${g}${i === 0 ? `, .set = (setter)${setter}` : ''}},\n`).join('');
    w.add(`static PyGetSetDef ${prefix}_getset[] = {\n${getset}    {NULL}  /* Sentinel */\n};\n\n`);

    w.add(slotFn(`${prefix}_dealloc`, 'void', [`${T} *self`], false));
    w.add(slotFn(`${prefix}_repr`, 'PyObject *', [`${T} *self`]));
    w.add(slotFn(`${prefix}_traverse`, 'int', [`${T} *self`, 'visitproc visit', 'void *arg']));
    w.add(slotFn(`${prefix}_clear`, 'int', [`${T} *self`]));
    w.add(slotFn(`${prefix}_new`, 'PyObject *', ['PyTypeObject *type', 'PyObject *args', 'PyObject *kwds']));
    const style = r.int(0, 2);
    if (style === 0) {
      // Positional, the Python 2 era way, with protocol tables.
      w.add(slotFn(`${prefix}_nb_add`, 'PyObject *', ['PyObject *a', 'PyObject *b']));
      w.add(slotFn(`${prefix}_sq_length`, 'Py_ssize_t', [`${T} *self`]));
      w.add(slotFn(`${prefix}_mp_subscript`, 'PyObject *', [`${T} *self`, 'PyObject *key']));
      w.add(`static PyNumberMethods ${prefix}_as_number = {\n    ${prefix}_nb_add,   /* nb_add */\n    0,                  /* nb_subtract */\n};\n\n`);
      w.add(`static PySequenceMethods ${prefix}_as_sequence = {\n    (lenfunc)${prefix}_sq_length,  /* sq_length */\n};\n\n`);
      w.add(`static PyMappingMethods ${prefix}_as_mapping = {\n    (lenfunc)${prefix}_sq_length,      /* mp_length */\n    (binaryfunc)${prefix}_mp_subscript, /* mp_subscript */\n    0,                                 /* mp_ass_subscript */\n};\n\n`);
      const fields = [
        `PyVarObject_HEAD_INIT(NULL, 0)`, `"${prefix}.${T}"`, `sizeof(${T})`, '0', `(destructor)${prefix}_dealloc`, '0', '0', '0', '0',
        `(reprfunc)${prefix}_repr`, `&${prefix}_as_number`, `&${prefix}_as_sequence`, `&${prefix}_as_mapping`, '0', '0', '0',
        'PyObject_GenericGetAttr', '0', '0', 'Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC', '0', `(traverseproc)${prefix}_traverse`,
        `(inquiry)${prefix}_clear`, '0', '0', '0', '0', `${prefix}_methods`, '0', `${prefix}_getset`, '0', '0', '0', '0', '0', '0', '0',
        `${prefix}_new`,
      ];
      w.add(`static PyTypeObject ${T}_Type = {\n${fields.map((f) => `    ${f},`).join('\n')}\n};\n\n`);
    } else if (style === 1) {
      w.add(`static PyTypeObject ${T}_Type = {\n    PyVarObject_HEAD_INIT(NULL, 0)\n    .tp_name = "${prefix}.${T}",\n    .tp_basicsize = sizeof(${T}),\n    .tp_dealloc = (destructor)${prefix}_dealloc,\n    .tp_repr = (reprfunc)${prefix}_repr,\n    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,\n    .tp_traverse = (traverseproc)${prefix}_traverse,\n    .tp_clear = (inquiry)${prefix}_clear,\n    .tp_methods = ${prefix}_methods,\n    .tp_getset = ${prefix}_getset,\n    .tp_new = ${prefix}_new,\n};\n\n`);
    } else {
      w.add(`static PyType_Slot ${prefix}_slots[] = {\n    {Py_tp_dealloc, ${prefix}_dealloc},\n    {Py_tp_repr, ${prefix}_repr},\n    {Py_tp_traverse, ${prefix}_traverse},\n    {Py_tp_clear, ${prefix}_clear},\n    {Py_tp_methods, ${prefix}_methods},\n    {Py_tp_getset, ${prefix}_getset},\n    {Py_tp_new, ${prefix}_new},\n    {0, NULL},\n};\n\nstatic PyType_Spec ${prefix}_spec = {\n    .name = "${prefix}.${T}",\n    .basicsize = sizeof(${T}),\n    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,\n    .slots = ${prefix}_slots,\n};\n\n`);
    }
  }

  moduleDef(w: Writer, prefix: string): void {
    const r = this.r;
    w.add(this.gen.func('static ', 'int', `${prefix}_exec`, ['PyObject *module'], r.int(5, 15), []));
    w.add(`static PyModuleDef_Slot ${prefix}_module_slots[] = {\n    {Py_mod_exec, ${prefix}_exec},\n    {0, NULL}\n};\n\n`);
    w.add(`static struct PyModuleDef ${prefix}module = {\n    PyModuleDef_HEAD_INIT,\n    "${prefix}",\n    NULL,\n    0,\n    ${prefix}_methods,\n    ${prefix}_module_slots,\n    NULL,\n    NULL,\n    NULL\n};\n\nPyMODINIT_FUNC\nPyInit_${prefix}(void)\n{\n    return PyModuleDef_Init(&${prefix}module);\n}\n`);
  }

  /** A file with no table: library code, an interpreter loop, helpers; now
   * and then it calls a function a module registers (so the second pass has
   * something to find). */
  plain(rel: string, size: number): void {
    const r = this.r;
    const prefix = `${r.pick(NOUNS)}${this.stats.files}`;
    const w = new Writer();
    w.add(`/* ${rel}: synthetic library code. */\n\n#include "Python.h"\n\ntypedef struct {\n    PyObject **stack;\n    Py_ssize_t depth;\n} ${prefix}_state;\n\n`);
    if (r.chance(0.3)) w.add(this.gen.macroHeavy(prefix, Math.max(4, Math.round(size / 900))));
    const names: string[] = [];
    while (w.bytes < size) {
      const name = this.gen.name(prefix) + names.length;
      const storage = r.chance(0.6) ? 'static ' : '';
      w.add(this.gen.func(storage, r.pick(['int', 'PyObject *', 'Py_ssize_t', 'void']), name, ['PyObject *obj', 'Py_ssize_t n'], r.int(8, 80), names.slice(-5)));
      names.push(name);
      if (this.exported.length && r.chance(0.003)) {
        const target = r.pick(this.exported);
        const args = ['obj', 'NULL', 'n', 'NULL', 'NULL'].slice(0, target.arity).join(', ');
        w.add(`extern PyObject *${target.name}();\n\nstatic PyObject *\n${name}_bridge(PyObject *obj, Py_ssize_t n)\n{\n    return ${target.name}(${args});\n}\n\n`);
      }
    }
    this.write(rel, w.text());
  }

  scale = 1;
}

/** Write the tree under `root` (which should be empty). */
export function generateTree(root: string, options: TreeOptions = {}): TreeStats {
  const target = options.bytes ?? 20 * 1024 * 1024;
  const r = new Random(options.seed ?? 1);
  const t = new TreeWriter(root, r);
  t.scale = target / (20 * 1024 * 1024);
  t.includeTree();
  // CPython's split: ~45 % of the bytes in files with tables; Modules 66 %, Objects 16 %, Python 14 %.
  const brokenShare = options.brokenShare ?? 0.06;
  let k = 0;
  const plan: { dir: string; tables: number; plain: number; median: number }[] = [
    { dir: 'Modules', tables: 0.34, plain: 0.32, median: 30_000 },
    { dir: 'Objects', tables: 0.12, plain: 0.04, median: 34_000 },
    { dir: 'Python', tables: 0.03, plain: 0.11, median: 34_000 },
  ];
  // Small trees (for tests) get small files, so that they still have many.
  const shrink = Math.min(1, Math.max(0.15, t.scale * 5));
  for (const { dir, tables, plain, median: fullMedian } of plan) {
    const median = fullMedian * shrink;
    const tableBudget = target * tables;
    let spent = 0;
    while (spent < tableBudget) {
      const size = Math.min(r.size(median * 1.6), 400_000);
      const before = t.stats.bytes;
      t.extension(k++, dir, size, brokenShare);
      spent += t.stats.bytes - before;
    }
    const plainBudget = target * plain;
    spent = 0;
    let i = 0;
    while (spent < plainBudget) {
      const size = Math.min(r.size(median * 0.7), 300_000);
      const sub = dir === 'Modules' && r.chance(0.4) ? `_lib${i % 7}/` : '';
      const before = t.stats.bytes;
      t.plain(`${dir}/${sub}${r.pick(NOUNS)}_${i++}.c`, size);
      spent += t.stats.bytes - before;
    }
  }
  return t.stats;
}

// `node dist/bench/generate.js DIR [--mb N] [--seed N]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: generate.js DIR [--mb 20] [--seed 1]\n');
    process.exit(2);
  }
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const stats = generateTree(dir, { bytes: option('mb', 20) * 1024 * 1024, seed: option('seed', 1) });
  process.stdout.write(JSON.stringify(stats) + '\n');
}

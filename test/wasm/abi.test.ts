// The mock Python.h must agree with CPython's real headers on everything the
// harness relies on: struct layouts and field order, the function-pointer
// typedefs, and the METH_* / Py_tp_* / Py_mod_* / Py_TPFLAGS_* / T_* values.
// The real headers are the host's (x86_64), so layouts are compared as
// "same fields, same order, same types" via a mirror struct built from the
// mock's own field declarations; the wasm32 side checks the same order and
// that pointer-sized types really are i32.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCI } from '../support/cli.js';
import { compileExtension, type CompiledModule } from './harness.js';
import { WasiShim } from './wasi-shim.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const mockHeaders = ['Python.h', 'structmember.h'].map((f) => readFileSync(join(HERE, 'include', f), 'utf8')).join('\n');

// ------------------------------------------------------------------------------------- reading the mock

/** Struct tag in the mock -> the type name both the mock and CPython use. */
const ABI_STRUCTS: Record<string, string> = {
  _object: 'PyObject',
  PyVarObject: 'PyVarObject',
  _typeobject: 'PyTypeObject',
  PyNumberMethods: 'PyNumberMethods',
  PySequenceMethods: 'PySequenceMethods',
  PyMappingMethods: 'PyMappingMethods',
  PyAsyncMethods: 'PyAsyncMethods',
  PyBufferProcs: 'PyBufferProcs',
  bufferinfo: 'Py_buffer',
  PyMethodDef: 'PyMethodDef',
  PyGetSetDef: 'PyGetSetDef',
  PyMemberDef: 'PyMemberDef',
  PyModuleDef_Base: 'PyModuleDef_Base',
  PyModuleDef: 'PyModuleDef',
  PyModuleDef_Slot: 'PyModuleDef_Slot',
  PyType_Slot: 'PyType_Slot',
  PyType_Spec: 'PyType_Spec',
};

interface MockStruct {
  type: string;
  body: string;
  fields: string[];
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

function mockStructs(): MockStruct[] {
  const text = stripComments(mockHeaders);
  const found: MockStruct[] = [];
  for (const m of text.matchAll(/struct\s+(\w+)\s*\{([^{}]*)\}/g)) {
    const type = ABI_STRUCTS[m[1]!];
    if (!type) continue;
    const body = m[2]!;
    const decls = body
      .replace(/\bPyObject_VAR_HEAD\b/g, 'PyVarObject ob_base;')
      .replace(/\bPyObject_HEAD\b/g, 'PyObject ob_base;')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
    const fields = decls.map((d) => {
      const fn = /\(\s*\*\s*(\w+)\s*\)\s*\(/.exec(d);
      const plain = /(\w+)\s*(\[[^\]]*\])?$/.exec(d);
      const name = fn?.[1] ?? plain?.[1];
      if (!name) throw new Error(`cannot read a field name from ${JSON.stringify(d)} in ${type}`);
      return name;
    });
    found.push({ type, body, fields });
  }
  return found;
}

interface MockTypedef {
  name: string;
  spelled: string;
}

function mockTypedefs(): MockTypedef[] {
  const out: MockTypedef[] = [];
  for (const m of stripComments(mockHeaders).matchAll(/^typedef[ \t]+([^;()\n]+?)[ \t]*\([ \t]*\*[ \t]*(\w+)[ \t]*\)[ \t]*\(([^;\n]*)\)[ \t]*;$/gm)) {
    out.push({ name: m[2]!, spelled: `${m[1]} (*)(${m[3]})` });
  }
  return out;
}

const CONSTANT = /^#define\s+((?:METH|Py_TPFLAGS|PyBUF|T|Py_T|_Py_T)_\w+|Py_(?:tp|nb|sq|mp|am|bf)_\w+|Py_mod_\w+|Py_(?:LT|LE|EQ|NE|GT|GE)|READONLY|READ_RESTRICTED|PY_WRITE_RESTRICTED|RESTRICTED|Py_READONLY|Py_AUDIT_READ|_Py_WRITE_RESTRICTED|Py_RELATIVE_OFFSET|PYTHON_API_VERSION|PYTHON_ABI_VERSION)\s/;

function mockConstants(): string[] {
  return [...new Set(mockHeaders.split('\n').flatMap((line) => CONSTANT.exec(line)?.[1] ?? []))];
}

// ------------------------------------------------------------------------------------- the C probes

function probeSource(structs: MockStruct[], constants: string[], mirror: boolean, typedefs: MockTypedef[]): string {
  const lines = ['#include <Python.h>', '#include <structmember.h>', '#include <stddef.h>', '#include <stdio.h>'];
  if (mirror) for (const s of structs) lines.push(`struct fpc_mirror_${s.type} {${s.body}};`);
  lines.push('static char out[1 << 16];', 'static size_t used;');
  lines.push('#define OUT(...) (used += (size_t)snprintf(out + used, sizeof out - used, __VA_ARGS__))');
  lines.push('const char *fpc_abi_report(void) {', '  used = 0;');
  for (const c of constants) {
    lines.push(`#ifdef ${c}`, `  OUT("const ${c} %lld\\n", (long long)(${c}));`, '#else', `  OUT("absent ${c}\\n");`, '#endif');
  }
  for (const s of structs) {
    lines.push(`  OUT("size ${s.type} %zu %zu\\n", sizeof(${s.type}), ${mirror ? `sizeof(struct fpc_mirror_${s.type})` : '(size_t)0'});`);
    for (const f of s.fields) {
      const real = `offsetof(${s.type}, ${f})`;
      if (mirror) {
        const same = `__builtin_types_compatible_p(__typeof__(((${s.type} *)0)->${f}), __typeof__(((struct fpc_mirror_${s.type} *)0)->${f}))`;
        lines.push(`  OUT("field ${s.type} ${f} %zu %zu %d\\n", ${real}, offsetof(struct fpc_mirror_${s.type}, ${f}), ${same});`);
      } else {
        lines.push(`  OUT("field ${s.type} ${f} %zu 0 1\\n", ${real});`);
      }
    }
  }
  for (const t of typedefs) lines.push(`  OUT("typedef ${t.name} %d\\n", __builtin_types_compatible_p(${t.name}, ${t.spelled}));`);
  for (const t of ['void *', 'Py_ssize_t', 'Py_hash_t', 'size_t', 'long', 'int', 'unsigned long']) {
    lines.push(`  OUT("sizeof ${t.replace(/ /g, '_')} %zu\\n", sizeof(${t}));`);
  }
  lines.push('  return out;', '}');
  return lines.join('\n');
}

interface Report {
  constants: Map<string, bigint | null>;
  sizes: Map<string, [number, number]>;
  fields: Map<string, { offset: number; mirrorOffset: number; sameType: boolean }[]>;
  typedefs: Map<string, boolean>;
  sizeofs: Map<string, number>;
}

function parseReport(text: string, structs: MockStruct[]): Report {
  const report: Report = { constants: new Map(), sizes: new Map(), fields: new Map(), typedefs: new Map(), sizeofs: new Map() };
  const order = new Map(structs.map((s) => [s.type, s.fields]));
  for (const line of text.trim().split('\n')) {
    const [kind, a, b, c, d, e] = line.split(' ');
    if (kind === 'const') report.constants.set(a!, BigInt(b!));
    else if (kind === 'absent') report.constants.set(a!, null);
    else if (kind === 'size') report.sizes.set(a!, [Number(b), Number(c)]);
    else if (kind === 'field') {
      const list = report.fields.get(a!) ?? [];
      list[order.get(a!)!.indexOf(b!)] = { offset: Number(c), mirrorOffset: Number(d), sameType: e === '1' };
      report.fields.set(a!, list);
    } else if (kind === 'typedef') report.typedefs.set(a!, b === '1');
    else if (kind === 'sizeof') report.sizeofs.set(a!, Number(b));
  }
  return report;
}

/** Field names sorted by where they sit: equal to declaration order iff the layout keeps that order. */
function byOffset(fields: string[], offsets: { offset: number }[]): string[] {
  return fields.map((f, i) => ({ f, at: offsets[i]!.offset, i })).sort((x, y) => x.at - y.at || x.i - y.i).map((x) => x.f);
}

// ------------------------------------------------------------------------------------- host headers

function hostPythonInclude(): string | null {
  try {
    const dir = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["include"])'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'Python.h')) ? dir : null;
  } catch {
    return null;
  }
}

function hostCompiler(): string | null {
  for (const cc of ['cc', 'gcc', 'clang']) if (spawnSync(cc, ['--version']).status === 0) return cc;
  return null;
}

const hostInclude = hostPythonInclude();
const hostCC = hostCompiler();
const hostAvailable = hostInclude !== null && hostCC !== null;
const requireHost = isCI();

function runHostProbe(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fpcast-abi-'));
  try {
    writeFileSync(join(dir, 'probe.c'), `${source}\nint main(void) { fputs(fpc_abi_report(), stdout); return 0; }\n`);
    const compiled = spawnSync(hostCC!, ['-std=gnu11', '-w', `-I${hostInclude}`, '-o', join(dir, 'probe'), join(dir, 'probe.c')], { encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`host compile of the ABI probe failed (the mock declares something CPython does not):\n${compiled.stderr}`);
    return execFileSync(join(dir, 'probe'), { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runWasmProbe(compiled: CompiledModule): string {
  const shim = new WasiShim();
  const instance = new WebAssembly.Instance(compiled.module, shim.imports(compiled.module));
  const exports = instance.exports as { memory: WebAssembly.Memory; _initialize?: () => void; fpc_abi_report: () => number };
  shim.memory = exports.memory;
  exports._initialize?.();
  const ptr = exports.fpc_abi_report();
  const bytes = new Uint8Array(exports.memory.buffer);
  return new TextDecoder().decode(bytes.subarray(ptr, bytes.indexOf(0, ptr)));
}

// ------------------------------------------------------------------------------------- tests

const structs = mockStructs();
const typedefs = mockTypedefs();
const constants = mockConstants();
let wasm: Report;

beforeAll(async () => {
  const built = await compileExtension({ 'probe.c': probeSource(structs, constants, false, []) });
  if (!built.ok) throw new Error(built.compileError);
  wasm = parseReport(runWasmProbe(built.compiled), structs);
}, 300_000);

describe('mock CPython headers', () => {
  it('declare every struct, typedef and constant the harness depends on', () => {
    expect(structs.map((s) => s.type).sort()).toEqual(Object.values(ABI_STRUCTS).sort());
    expect(structs.find((s) => s.type === 'PyTypeObject')!.fields).toHaveLength(49);
    for (const name of ['PyCFunction', 'PyCMethod', 'getter', 'setter', 'inquiry', 'destructor', 'traverseproc', 'sendfunc']) {
      expect(typedefs.map((t) => t.name)).toContain(name);
    }
    expect(constants).toEqual(expect.arrayContaining(['METH_METHOD', 'Py_tp_repr', 'Py_am_send', 'Py_mod_exec', 'Py_TPFLAGS_HAVE_GC', 'T_OBJECT_EX']));
  });

  it('give wasm32 sizes: pointers, Py_ssize_t and Py_hash_t are i32', () => {
    for (const t of ['void_*', 'Py_ssize_t', 'Py_hash_t', 'size_t', 'long', 'int', 'unsigned_long']) expect(wasm.sizeofs.get(t), t).toBe(4);
  });

  it('lay out every ABI struct on wasm32 in declaration order', () => {
    for (const s of structs) expect(byOffset(s.fields, wasm.fields.get(s.type)!), s.type).toEqual(s.fields);
    // spot checks against the ILP32 layout CPython has on wasm32
    const tp = structs.find((s) => s.type === 'PyTypeObject')!;
    const offsetOf = (f: string) => wasm.fields.get('PyTypeObject')![tp.fields.indexOf(f)]!.offset;
    expect(offsetOf('tp_name')).toBe(12);
    expect(offsetOf('tp_dealloc')).toBe(24);
    expect(offsetOf('tp_flags')).toBe(84);
    expect(offsetOf('tp_vectorcall')).toBe(200);
    expect(wasm.sizes.get('PyTypeObject')![0]).toBe(204);
    expect(wasm.sizes.get('PyMethodDef')![0]).toBe(16);
  });

  it.skipIf(!hostAvailable && !requireHost)('match the host CPython headers (python3 include dir; required when CI=true)', () => {
    if (!hostAvailable) {
      throw new Error(`CI=true but the host comparison cannot run: python3 headers ${hostInclude ?? 'not found'}, C compiler ${hostCC ?? 'not found'}`);
    }
    const host = parseReport(runHostProbe(probeSource(structs, constants, true, typedefs)), structs);

    // Layouts: a mirror of each mock struct, compiled against the real headers, has the real size,
    // and each field the real offset and type; so the mock has every field, in order, with its type.
    for (const s of structs) {
      const [real, mirror] = host.sizes.get(s.type)!;
      expect(mirror, `sizeof ${s.type}`).toBe(real);
      s.fields.forEach((f, i) => {
        const got = host.fields.get(s.type)![i]!;
        expect(got.mirrorOffset, `offsetof(${s.type}, ${f})`).toBe(got.offset);
        expect(got.sameType, `type of ${s.type}.${f}`).toBe(true);
      });
      expect(byOffset(s.fields, wasm.fields.get(s.type)!), `${s.type} order host vs wasm32`).toEqual(byOffset(s.fields, host.fields.get(s.type)!));
    }

    // Typedefs: the mock's spelling is the same type as CPython's typedef of that name.
    for (const t of typedefs) expect(host.typedefs.get(t.name), `typedef ${t.name}`).toBe(true);

    // Constants: equal wherever the host defines them (newer ones, e.g. Py_mod_gil, are absent from 3.11).
    let compared = 0;
    for (const c of constants) {
      const real = host.constants.get(c);
      if (real === null || real === undefined) continue;
      expect(wasm.constants.get(c), c).toBe(real);
      compared++;
    }
    expect(compared).toBeGreaterThan(150);

    // And the mock defines every slot id, METH_ flag, module slot and type flag the host has.
    const hostNames = new Set<string>();
    for (const file of ['typeslots.h', 'methodobject.h', 'moduleobject.h', 'object.h', 'structmember.h']) {
      const path = join(hostInclude!, file);
      if (!existsSync(path)) continue;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const m = /^#\s*define\s+((?:METH|Py_TPFLAGS|T)_\w+|Py_(?:tp|nb|sq|mp|am|bf)_\w+|Py_mod_\w+)\s/.exec(line);
        if (m) hostNames.add(m[1]!);
      }
    }
    expect(hostNames.size).toBeGreaterThan(100);
    expect([...hostNames].filter((n) => !constants.includes(n))).toEqual([]);
  });
});

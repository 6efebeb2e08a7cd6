// The wasm oracle: compiles a Python C extension against a mock CPython
// C-API to wasm32 with @yowasp/clang, runs its PyInit_* functions, and calls
// every function it registered the way CPython would, in a real engine (V8),
// reporting which calls trap with a function-signature mismatch.
//
// See README.md in this directory for how entries are found and called.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '@yowasp/clang';
import { functionNames } from './wasm-names.js';
import { MissingFunction, ProcExit, WasiShim } from './wasi-shim.js';

export interface WasmEntry {
  func: string;
  table: string;
  role: string;
  status: 'ok' | 'trap' | 'error';
  message?: string;
}

export type WasmRun =
  | { ok: true; entries: WasmEntry[]; warnings: string[] }
  | { ok: false; compileError: string };

export interface RunOptions {
  /** Extra clang flags for the extension's own files (e.g. -DFOO, -std=c2x). */
  extraFlags?: string[];
}

type Tree = { [name: string]: Tree | string | Uint8Array };
/** What @yowasp/clang exports at run time (its .d.ts omits runClang and version). */
type ClangModule = { runClang: Command; runLLVM: Command; version?: string };

const HERE = dirname(fileURLToPath(import.meta.url));
/** Where the mock lives inside clang's virtual filesystem (its root is the working directory). */
const MOCK_DIR = '__fpcast__';
/** Top-level names the virtual filesystem uses itself (`usr` holds clang's resources). */
const RESERVED = new Set([MOCK_DIR, 'usr', 'tmp']);

const TARGET = ['--target=wasm32-wasip1'];
// What a CPython extension build would use (setuptools passes -DNDEBUG -fwrapv -O3 -Wall),
// at -O1: the volatile function pointers in the driver keep indirect calls indirect.
const CFLAGS = ['-O1', '-fwrapv', '-fno-strict-aliasing', '-DNDEBUG', '-Wall', `-I${MOCK_DIR}/include`];
// Broken-but-real code compiles with GCC; clang 16+ made these errors. Keep them warnings.
const DOWNGRADED = [
  'incompatible-function-pointer-types',
  'int-conversion',
  'implicit-function-declaration',
  'implicit-int',
  'incompatible-pointer-types',
  'return-mismatch',
].map((w) => `-Wno-error=${w}`);
const LDFLAGS = [
  '-mexec-model=reactor', // a library: no main, _initialize runs constructors
  '-Wl,--export-all', // PyInit_* and the driver's fpc_* functions
  '-Wl,--export-table', // to map function pointers (table indices) to functions
  '-Wl,--allow-undefined', // undeclared C-API calls become imports that throw when called
  '-Wl,-z,stack-size=1048576',
];

let clangPromise: Promise<ClangModule> | null = null;
let runtimePromise: Promise<Tree> | null = null;

/** Loads the compiler once per process; the first use fetches its ~100 MB of resources. */
function clang(): Promise<ClangModule> {
  clangPromise ??= (async () => {
    const mod = (await import('@yowasp/clang')) as unknown as ClangModule;
    // Prefetch quietly: runClang's own first call would print progress to stdout.
    await mod.runLLVM(undefined, {}, { fetchProgress: () => {} });
    return mod;
  })();
  return clangPromise;
}

function readDir(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function mockTree(): Tree {
  return { include: readDir(join(HERE, 'include')), runtime: readDir(join(HERE, 'runtime')) };
}

interface ClangResult {
  files: Tree | null;
  stderr: string;
}

async function runClangCapture(args: string[], files: Tree): Promise<ClangResult> {
  const { runClang } = await clang();
  const chunks: Uint8Array[] = [];
  const collect = (bytes: Uint8Array | null) => {
    if (bytes) chunks.push(new Uint8Array(bytes));
  };
  const stderr = () => Buffer.concat(chunks).toString('utf8');
  try {
    const files2 = (await runClang(['clang', ...args], files, { stdout: collect, stderr: collect })) as Tree;
    return { files: files2, stderr: stderr() };
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) return { files: null, stderr: stderr() };
    throw e;
  }
}

const RUNTIME_ARGS = [...TARGET, ...CFLAGS, '-Wextra', '-Wno-unused-parameter', '-c', `${MOCK_DIR}/runtime/pymock.c`, `${MOCK_DIR}/runtime/driver.c`];
const RUNTIME_OBJECTS = ['pymock.o', 'driver.o'] as const;

/** Compiled runtime objects are cached on disk: compiling them costs seconds while the compiler warms up. */
function runtimeCache(tree: Tree, version: string): { read(): Tree | null; write(objects: Tree): void } {
  const key = createHash('sha256')
    .update(version)
    .update(JSON.stringify(RUNTIME_ARGS))
    .update(JSON.stringify(tree))
    .digest('hex')
    .slice(0, 24);
  const dir = join(tmpdir(), 'fpcast-wasm-cache');
  const files = Object.fromEntries(RUNTIME_OBJECTS.map((name) => [name, join(dir, `${key}-${name}`)]));
  return {
    read() {
      try {
        return Object.fromEntries(RUNTIME_OBJECTS.map((name) => [name, new Uint8Array(readFileSync(files[name]!))]));
      } catch {
        return null;
      }
    },
    write(objects) {
      try {
        mkdirSync(dir, { recursive: true });
        for (const name of RUNTIME_OBJECTS) {
          const tmp = `${files[name]}.${process.pid}.tmp`;
          writeFileSync(tmp, objects[name] as Uint8Array);
          renameSync(tmp, files[name]!);
        }
      } catch {
        // a cache that cannot be written only costs time
      }
    },
  };
}

/** The mock runtime and driver, compiled once per process (or read from the on-disk cache). */
function runtimeObjects(): Promise<Tree> {
  runtimePromise ??= (async () => {
    const mock = mockTree();
    const mod = await clang();
    const cache = runtimeCache(mock, mod.version ?? '');
    const cached = cache.read();
    if (cached) return cached;
    const res = await runClangCapture(RUNTIME_ARGS, { [MOCK_DIR]: mock });
    const objects: Tree = {};
    for (const name of RUNTIME_OBJECTS) {
      const obj = res.files?.[name];
      if (!(obj instanceof Uint8Array)) throw new Error(`fpcast wasm harness: the mock runtime does not compile:\n${res.stderr}`);
      objects[name] = obj;
    }
    cache.write(objects);
    return objects;
  })();
  return runtimePromise;
}

function normalizePath(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) throw new Error(`fpcast wasm harness: bad file path ${JSON.stringify(path)}`);
  if (RESERVED.has(parts[0]!)) throw new Error(`fpcast wasm harness: path ${JSON.stringify(path)} uses a reserved top-level name`);
  return parts.join('/');
}

function insert(tree: Tree, path: string, contents: string | Uint8Array): void {
  const parts = path.split('/');
  let node = tree;
  for (const dir of parts.slice(0, -1)) {
    const next = node[dir];
    if (next === undefined || typeof next === 'string' || next instanceof Uint8Array) node = node[dir] = {};
    else node = next;
  }
  node[parts[parts.length - 1]!] = contents;
}

/**
 * Splits clang's stderr into diagnostics (each with its include chain, notes
 * and source snippet) and keeps those whose primary location is in one of
 * the extension's files, not in the mock.
 */
export function extensionDiagnostics(stderr: string, kind: 'warning' | 'error' = 'warning'): string[] {
  const groups: { path: string | null; kind: string | null; lines: string[] }[] = [];
  let current: (typeof groups)[number] | null = null;
  let inChain = false;
  const diag = /^(.+?):\d+:\d+: (warning|error|fatal error|note): /;
  for (const line of stderr.split('\n')) {
    if (/^\d+ (warning|error)s?( and \d+ (warning|error)s?)? generated\.$/.test(line)) continue;
    if (line.startsWith('In file included from ') || /^\s+from .+:\d+:$/.test(line)) {
      if (!inChain) {
        current = { path: null, kind: null, lines: [] };
        groups.push(current);
        inChain = true;
      }
      current!.lines.push(line);
      continue;
    }
    const m = diag.exec(line);
    if (m && m[2] !== 'note') {
      if (!inChain) {
        current = { path: null, kind: null, lines: [] };
        groups.push(current);
      }
      inChain = false;
      current!.path = m[1]!;
      current!.kind = m[2]!;
      current!.lines.push(line);
      continue;
    }
    inChain = false;
    if (current && line !== '') current.lines.push(line);
  }
  return groups
    .filter((g) => g.path !== null && !g.path.startsWith(`${MOCK_DIR}/`) && (kind === 'error' ? g.kind !== 'warning' : g.kind === 'warning'))
    .map((g) => g.lines.join('\n'));
}

export interface CompiledModule {
  module: WebAssembly.Module;
  names: Map<number, string>;
  warnings: string[];
}

/** Compiles and links the extension with the mock runtime and driver; returns the module or clang's message. */
export async function compileExtension(
  files: Record<string, string | Uint8Array>,
  options: RunOptions = {},
): Promise<{ ok: true; compiled: CompiledModule } | { ok: false; compileError: string }> {
  const tree: Tree = {};
  const sources: string[] = [];
  const includeDirs = new Set<string>(['.']);
  for (const [rawPath, contents] of Object.entries(files)) {
    const path = normalizePath(rawPath);
    insert(tree, path, contents);
    if (path.endsWith('.c')) sources.push(path);
    if (path.endsWith('.h') && path.includes('/')) includeDirs.add(path.slice(0, path.lastIndexOf('/')));
  }
  if (sources.length === 0) return { ok: false, compileError: 'no .c files given' };
  tree[MOCK_DIR] = { ...mockTree(), obj: await runtimeObjects() };
  const out = `${MOCK_DIR}/extension.wasm`;
  const res = await runClangCapture(
    [
      ...TARGET,
      ...CFLAGS,
      ...DOWNGRADED,
      ...[...includeDirs].map((d) => `-I${d}`),
      ...(options.extraFlags ?? []),
      ...LDFLAGS,
      '-o',
      out,
      ...sources,
      `${MOCK_DIR}/obj/pymock.o`,
      `${MOCK_DIR}/obj/driver.o`,
    ],
    tree,
  );
  const wasm = (res.files?.[MOCK_DIR] as Tree | undefined)?.['extension.wasm'];
  if (!(wasm instanceof Uint8Array)) return { ok: false, compileError: res.stderr.trim() || 'clang produced no output' };
  const module = await WebAssembly.compile(new Uint8Array(wasm));
  return { ok: true, compiled: { module, names: functionNames(module), warnings: extensionDiagnostics(res.stderr) } };
}

// ---------------------------------------------------------------------------------------------- running

interface DriverExports {
  memory: WebAssembly.Memory;
  __indirect_function_table: WebAssembly.Table;
  _initialize?: () => void;
  fpc_init_phases(result: number): number;
  fpc_init_phase(result: number, phase: number): number;
  fpc_error_text(): number;
  fpc_error_clear(): void;
  fpc_build_entries(): number;
  fpc_entry_fn(i: number): number;
  fpc_entry_role(i: number): number;
  fpc_entry_table(i: number): number;
  fpc_entry_flags(i: number): number;
  fpc_entry_callable(i: number): number;
  fpc_call_entry(i: number): number;
  [name: string]: unknown;
}

interface Live {
  exports: DriverExports;
  shim: WasiShim;
}

function cString(memory: WebAssembly.Memory, ptr: number): string {
  const bytes = new Uint8Array(memory.buffer);
  let end = ptr;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(ptr, end));
}

/** The innermost frame of a wasm trap, as V8 prints it: `at name (wasm://…:wasm-function[N]:0x…)`. */
function topWasmFunction(error: Error): number | null {
  const frame = (error.stack ?? '').split('\n').find((l) => l.trimStart().startsWith('at '));
  const m = frame ? /wasm-function\[(\d+)\]/.exec(frame) : null;
  return m ? Number(m[1]) : null;
}

class Runner {
  private readonly callerIndex: number;

  constructor(private readonly compiled: CompiledModule) {
    const caller = [...compiled.names].find(([, name]) => name === 'fpc_call_entry');
    if (!caller) throw new Error('fpcast wasm harness: fpc_call_entry missing from the name section');
    this.callerIndex = caller[0];
  }

  funcName(index: number): string {
    return this.compiled.names.get(index) ?? `wasm-function[${index}]`;
  }

  /** Explains a throw out of wasm: a trap at the driver's own indirect call, or anything else. */
  classify(e: unknown): { status: 'trap' | 'error'; message: string } {
    if (e instanceof WebAssembly.RuntimeError) {
      const top = topWasmFunction(e);
      if (top === this.callerIndex && /signature mismatch/.test(e.message)) return { status: 'trap', message: e.message };
      return { status: 'error', message: `${e.message}${top === null ? '' : ` (in ${this.funcName(top)})`}` };
    }
    if (e instanceof ProcExit || e instanceof MissingFunction) return { status: 'error', message: e.message };
    if (e instanceof RangeError) return { status: 'error', message: `${e.message} (runaway recursion?)` };
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }

  /** A fresh instance with every PyInit_* run; warnings only matter for the first one. */
  start(warnings: string[] | null): Live {
    const shim = new WasiShim();
    const instance = new WebAssembly.Instance(this.compiled.module, shim.imports(this.compiled.module));
    const exports = instance.exports as unknown as DriverExports;
    shim.memory = exports.memory;
    exports._initialize?.();
    const warn = (text: string) => warnings?.push(`init: ${text}`);
    const inits = WebAssembly.Module.exports(this.compiled.module)
      .map((e) => e.name)
      .filter((name) => name.startsWith('PyInit_') && typeof exports[name] === 'function');
    if (inits.length === 0) warn('no PyInit_* function is exported: nothing registers any function');
    for (const name of inits) {
      let result: number;
      try {
        result = (exports[name] as () => number)();
      } catch (e) {
        warn(`${name}() failed: ${this.classify(e).message}`);
        continue;
      }
      if (result === 0) {
        warn(`${name}() returned NULL${this.pendingError(exports)}`);
        continue;
      }
      const phases = exports.fpc_init_phases(result);
      for (let phase = 0; phase < phases; phase++) {
        const what = phase === 0 ? 'multi-phase init (create)' : `multi-phase init (Py_mod_exec #${phase})`;
        try {
          if (exports.fpc_init_phase(result, phase) !== 0) warn(`${name}: ${what} failed${this.pendingError(exports)}`);
        } catch (e) {
          warn(`${name}: ${what} failed: ${this.classify(e).message}`);
        }
      }
    }
    exports.fpc_error_clear();
    return { exports, shim };
  }

  private pendingError(exports: DriverExports): string {
    const text = cString(exports.memory, exports.fpc_error_text());
    exports.fpc_error_clear();
    return text ? `: ${text}` : '';
  }

  run(): { entries: WasmEntry[]; warnings: string[] } {
    const warnings: string[] = [];
    const first = this.start(warnings);
    const count = first.exports.fpc_build_entries();
    const table = first.exports.__indirect_function_table;
    const entries: WasmEntry[] = [];
    for (let i = 0; i < count; i++) {
      const fn = first.exports.fpc_entry_fn(i);
      let func = fn === 0 ? '(null)' : `table[${fn}]`;
      if (fn !== 0) {
        try {
          const f = table.get(fn) as { name?: string } | null;
          // Exported wasm functions are named by their function index (JS API spec).
          if (f?.name !== undefined && /^\d+$/.test(f.name)) func = this.funcName(Number(f.name));
        } catch {
          // not a table index: keep the raw value
        }
      }
      const entry: WasmEntry = {
        func,
        table: cString(first.exports.memory, first.exports.fpc_entry_table(i)),
        role: cString(first.exports.memory, first.exports.fpc_entry_role(i)),
        status: 'ok',
      };
      if (!first.exports.fpc_entry_callable(i)) {
        entry.status = 'error';
        entry.message =
          fn === 0
            ? 'NULL function pointer'
            : `bad call flags 0x${(first.exports.fpc_entry_flags(i) >>> 0).toString(16)} (CPython raises SystemError)`;
      }
      entries.push(entry);
    }
    entries.forEach((entry, i) => {
      if (entry.status !== 'ok') return;
      // One fresh instance per call: a trap or a body scribbling on memory cannot affect the others.
      const live = this.start(null);
      if (live.exports.fpc_build_entries() !== count) {
        entry.status = 'error';
        entry.message = 'registrations differ between runs of the module init';
        return;
      }
      try {
        live.exports.fpc_call_entry(i);
      } catch (e) {
        Object.assign(entry, this.classify(e));
      }
    });
    return { entries, warnings };
  }
}

/**
 * Compiles the extension (every *.c in `files`, with <Python.h> resolving to
 * the mock) and calls each registered function the way CPython would.
 */
export async function runExtension(files: Record<string, string | Uint8Array>, options: RunOptions = {}): Promise<WasmRun> {
  const built = await compileExtension(files, options);
  if (!built.ok) return built;
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(previousLimit, 20);
  try {
    const { entries, warnings } = new Runner(built.compiled).run();
    return { ok: true, entries, warnings: [...built.compiled.warnings, ...warnings] };
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
}

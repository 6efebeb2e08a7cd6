// npm run wasm-check -- [options] FILE.c...
//
// Compiles each Python C extension file to wasm32 against the mock CPython
// C-API and calls every function it registers the way CPython would; prints
// one line per function (ok / TRAP / ERROR) and a summary.
// Exit status: 0 no trap, 1 at least one TRAP, 2 compile error or bad usage.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { runExtension, type WasmEntry } from './harness.js';

const USAGE = `usage: npm run wasm-check -- [--together] [-I DIR]... [-D NAME[=VALUE]]... [CLANG_FLAG]... FILE.c...

  Calls every function a Python C extension registers (method tables, getset,
  type slots, PyType_Spec slots, module def and slots) through the pointer type
  CPython uses, in WebAssembly, and reports which calls trap.

  --together   link all FILEs into one extension (default: check each file alone)
  -I DIR       make the headers under DIR available (#include search path)
  -D NAME      define a macro for the extension's files
  -U, -std=, -W, -f, -O flags are passed on to clang for the extension's files`;

interface Options {
  files: string[];
  together: boolean;
  includeDirs: string[];
  flags: string[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { files: [], together: false, includeDirs: [], flags: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (flag: string) => {
      if (arg.length > flag.length) return arg.slice(flag.length);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') throw new UsageError(null);
    else if (arg === '--together') opts.together = true;
    else if (arg.startsWith('-I')) opts.includeDirs.push(value('-I'));
    else if (arg.startsWith('-D')) opts.flags.push(`-D${value('-D')}`);
    else if (arg.startsWith('-U')) opts.flags.push(`-U${value('-U')}`);
    else if (/^-(std=|W|f|O)/.test(arg)) opts.flags.push(arg);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (opts.files.length === 0) throw new UsageError('no input files');
  return opts;
}

class UsageError extends Error {
  constructor(readonly detail: string | null) {
    super(detail ?? 'usage');
  }
}

/** The path clang sees: relative to the working directory when possible, so messages match what the user typed. */
function virtualPath(path: string): string {
  const abs = resolve(path);
  const rel = relative(process.cwd(), abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel) && !/^(usr|tmp|__fpcast__)([/\\]|$)/.test(rel)) return rel.split('\\').join('/');
  return `__root__${abs.split('\\').join('/')}`;
}

function displayPath(text: string): string {
  return text.replace(/__root__\//g, '/');
}

/** Headers next to a source file and (recursively, bounded) under each -I directory. */
function headerFiles(sources: string[], includeDirs: string[]): string[] {
  const found = new Set<string>();
  for (const src of sources) {
    const dir = dirname(resolve(src));
    for (const name of readdirSync(dir)) if (name.endsWith('.h')) found.add(join(dir, name));
  }
  for (const top of includeDirs) {
    const stack = [resolve(top)];
    while (stack.length > 0 && found.size < 5000) {
      const dir = stack.pop()!;
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const stat = statSync(path);
        if (stat.isDirectory()) stack.push(path);
        else if (name.endsWith('.h')) found.add(path);
      }
    }
  }
  return [...found];
}

function formatEntries(entries: WasmEntry[]): string[] {
  const label = (e: WasmEntry) => (e.status === 'ok' ? 'ok' : e.status === 'trap' ? 'TRAP' : 'ERROR');
  const width = (pick: (e: WasmEntry) => string) => Math.max(0, ...entries.map((e) => pick(e).length));
  const w = [width(label), width((e) => e.func), width((e) => e.role), width((e) => e.table)];
  return entries.map((e) => {
    const cols = [label(e).padEnd(w[0]!), e.func.padEnd(w[1]!), e.role.padEnd(w[2]!), e.message ? e.table.padEnd(w[3]!) : e.table];
    return (cols.join('  ') + (e.message ? `  (${e.message})` : '')).trimEnd();
  });
}

async function checkOne(sources: string[], opts: Options): Promise<{ traps: number; compileError: boolean }> {
  const files: Record<string, Uint8Array> = {};
  for (const path of [...sources, ...headerFiles(sources, opts.includeDirs)]) files[virtualPath(path)] = readFileSync(path);
  const flags = [...opts.includeDirs.map((d) => `-I${virtualPath(d)}`), ...opts.flags];
  const name = sources.map((s) => displayPath(virtualPath(s))).join(' ');
  const run = await runExtension(files, { extraFlags: flags });
  if (!run.ok) {
    process.stderr.write(`${name}: does not compile:\n${displayPath(run.compileError)}\n`);
    return { traps: 0, compileError: true };
  }
  for (const w of run.warnings) process.stderr.write(`${displayPath(w)}\n`);
  for (const line of formatEntries(run.entries)) process.stdout.write(`${line}\n`);
  const count = (s: WasmEntry['status']) => run.entries.filter((e) => e.status === s).length;
  const traps = count('trap');
  const errors = count('error');
  const parts = [`${count('ok')} ok`, `${traps} TRAP`];
  if (errors) parts.push(`${errors} ERROR (not a signature trap at the call)`);
  process.stdout.write(`${name}: ${run.entries.length} registered function${run.entries.length === 1 ? '' : 's'}: ${parts.join(', ')}\n`);
  return { traps, compileError: false };
}

async function main(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
    for (const f of [...opts.files, ...opts.includeDirs]) if (!existsSync(f)) throw new UsageError(`no such file or directory: ${f}`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.detail) process.stderr.write(`wasm-check: ${e.detail}\n`);
    process.stderr.write(`${USAGE}\n`);
    return e.detail ? 2 : 0;
  }
  const groups = opts.together ? [opts.files] : opts.files.map((f) => [f]);
  let traps = 0;
  let compileErrors = 0;
  for (const [i, group] of groups.entries()) {
    if (groups.length > 1) process.stdout.write(`${i ? '\n' : ''}== ${group.map((f) => basename(f)).join(' ')} ==\n`);
    const result = await checkOne(group, opts);
    traps += result.traps;
    if (result.compileError) compileErrors++;
  }
  return compileErrors ? 2 : traps ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`wasm-check: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);

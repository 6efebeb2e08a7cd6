// `npm run wasm-check -- FILE.c…` end to end: the command in package.json,
// run as a child process on sample files.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TIMEOUT = 300_000;

/** Runs the package.json script's command directly (npm would add its own banner lines). */
function wasmCheck(args: string[]) {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['wasm-check'];
  const [cmd, ...base] = script.split(' ');
  const res = spawnSync(cmd!, [...base, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('npm run wasm-check', () => {
  it('prints one line per registered function, a summary, and exits 1 when something traps', () => {
    const { code, stdout } = wasmCheck(['test/wasm/fixtures/spam.c', 'test/wasm/fixtures/positional.c']);
    const spam = stdout.slice(stdout.indexOf('== spam.c =='), stdout.indexOf('== positional.c =='));
    expect(spam.trim().split('\n')).toEqual([
      '== spam.c ==',
      'ok    spam_system  METH_VARARGS  module spam methods',
      'TRAP  spam_clear   METH_NOARGS   module spam methods  (null function or function signature mismatch)',
      'test/wasm/fixtures/spam.c: 2 registered functions: 1 ok, 1 TRAP',
    ]);
    expect(stdout).toContain('test/wasm/fixtures/positional.c: 39 registered functions: 39 ok, 0 TRAP');
    expect(code).toBe(1);
  }, TIMEOUT);

  it("exits 2 and prints the compiler's message when a file does not compile; 0 when nothing traps", () => {
    const dir = mkdtempSync(join(tmpdir(), 'fpcast-wasm-check-'));
    try {
      writeFileSync(join(dir, 'broken.c'), '#include <Python.h>\nPyMODINIT_FUNC PyInit_broken(void) { return }\n');
      const broken = wasmCheck([join(dir, 'broken.c')]);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain(`${join(dir, 'broken.c')}: does not compile:`);
      expect(broken.stderr).toMatch(/broken\.c:2:\d+: error: expected expression/);

      const clean = wasmCheck(['-DNAME="m"', writeClean(dir)]);
      expect(clean.stdout).toMatch(/^ok  f  METH_O  module m methods$/m);
      expect(clean.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TIMEOUT);

  it('exits 2 on bad usage', () => {
    const res = wasmCheck(['--no-such-option', 'x.c']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^wasm-check: unknown option --no-such-option/);
  });
});

function writeClean(dir: string): string {
  const path = join(dir, 'clean.c');
  writeFileSync(
    path,
    `#include <Python.h>
static PyObject *f(PyObject *self, PyObject *arg) { return Py_NewRef(arg); }
static PyMethodDef m[] = {{"f", f, METH_O, NULL}, {NULL}};
static struct PyModuleDef d = {PyModuleDef_HEAD_INIT, NAME, NULL, -1, m};
PyMODINIT_FUNC PyInit_m(void) { return PyModule_Create(&d); }
`,
  );
  return path;
}

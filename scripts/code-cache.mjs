// Writes V8's code cache of the bundle (see bin/load.cjs) after a sample run:
// check, diff and fix of a small extension with a mismatched method, in one
// thread, in a temporary directory. The cache then holds the compiled code of
// what such runs execute, which is what a one-file pre-commit run needs.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMain } from '../bin/load.cjs';

const { main, bundled, saveCodeCache } = await loadMain({ codeCache: false });
if (!bundled) {
  process.stderr.write('fpcast build: no up-to-date bundle to cache\n');
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'fpcast-code-cache-'));
try {
  writeFileSync(
    path.join(dir, 'sample.c'),
    [
      '#include <Python.h>',
      '',
      '/* A method without arguments that takes no args parameter. */',
      'static PyObject *',
      'sample_ping(PyObject *self)',
      '{',
      '    Py_RETURN_NONE;',
      '}',
      '',
      'static PyObject *',
      'sample_echo(PyObject *self, PyObject *arg)',
      '{',
      '    return Py_NewRef(arg);',
      '}',
      '',
      'static PyMethodDef sample_methods[] = {',
      '    {"ping", (PyCFunction)sample_ping, METH_NOARGS, "ping"},',
      '    {"echo", sample_echo, METH_O, NULL},',
      '    {NULL, NULL, 0, NULL}',
      '};',
      '',
      'static struct PyModuleDef sample_module = {',
      '    PyModuleDef_HEAD_INIT, "sample", NULL, -1, sample_methods,',
      '};',
      '',
      'PyMODINIT_FUNC',
      'PyInit_sample(void)',
      '{',
      '    return PyModule_Create(&sample_module);',
      '}',
      '',
    ].join('\n'),
  );
  const sink = { write: () => true };
  const io = { stdout: sink, stderr: sink, cwd: dir, env: {} };
  for (const command of ['check', 'diff', 'fix']) {
    const code = await main([command, '--jobs', '1', 'sample.c'], io);
    if (code === 2) throw new Error(`fpcast build: the sample '${command}' failed`);
  }
  saveCodeCache();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Small extension modules with one known fixable finding, and helpers to lay
// out test trees (files, links, modes) in a temp directory.

import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { removeDir, tempDir } from '../support/cli.js';

/** A module whose METH_NOARGS function `<name>_get` takes only `self`. */
export function brokenModule(name: string, eol = '\n'): string {
  return [
    '#include <Python.h>',
    '',
    'static PyObject *',
    `${name}_get(PyObject *self)`,
    '{',
    '    Py_RETURN_NONE;',
    '}',
    '',
    `static PyMethodDef ${name}_methods[] = {`,
    `    {"get", (PyCFunction)${name}_get, METH_NOARGS, NULL},`,
    '    {NULL, NULL, 0, NULL}',
    '};',
    '',
    `static struct PyModuleDef ${name}_module = {PyModuleDef_HEAD_INIT, "${name}", NULL, -1, ${name}_methods};`,
    '',
    `PyMODINIT_FUNC PyInit_${name}(void) { return PyModule_Create(&${name}_module); }`,
    '',
  ].join(eol);
}

/** What `fix` makes of `brokenModule(name)`: the parameter CPython passes, added. */
export function fixedModule(name: string, eol = '\n'): string {
  return brokenModule(name, eol).replace(`${name}_get(PyObject *self)`, `${name}_get(PyObject *self, PyObject *Py_UNUSED(ignored))`);
}

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

/** A fresh temp directory, removed after the test file. */
export function workDir(prefix = 'fpcast-robust-'): string {
  const dir = tempDir(prefix);
  temps.push(dir);
  return dir;
}

export type Entry = string | Buffer | { link: string } | { dir: true } | { mode: number; content: string | Buffer };

/** Lay out `entries` (relative path → content, link target, directory, or
 * content with a mode) under `root`. */
export function layout(root: string, entries: Record<string, Entry>): void {
  for (const [rel, entry] of Object.entries(entries)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(full, entry);
    else if ('link' in entry) symlinkSync(entry.link, full);
    else if ('dir' in entry) mkdirSync(full, { recursive: true });
    else {
      writeFileSync(full, entry.content);
      chmodSync(full, entry.mode);
    }
  }
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

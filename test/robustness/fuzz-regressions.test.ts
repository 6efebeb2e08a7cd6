// Cases the fuzzer found, kept as plain tests so they stay fixed.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { workDir } from './support.js';

const definitions = (second: string) => `#include <Python.h>
#include "module.h"
#ifdef HAVE_FEATURE
PyObject *
fn0(PyObject *self)
{
    Py_RETURN_NONE;
}
#else
PyObject *
fn0(${second})
{
    Py_RETURN_NONE;
}
#endif

static PyMethodDef a0_methods[] = {
    {"m0", fn0, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
`;

function tree(second: string): string {
  const root = workDir();
  writeFileSync(path.join(root, 'module.c'), definitions(second));
  writeFileSync(path.join(root, 'module.h'), 'PyObject *fn0(PyObject *);\n');
  return root;
}

describe('--strategy wrapper with a function defined under #ifdef and #else', () => {
  it('points the entry at one wrapper once (it used to edit the entry twice and crash)', async () => {
    const root = tree('PyObject *self');
    const r = await runCli(['fix', '--jobs', '1', '--strategy', 'wrapper', '.'], root);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const fixed = readFileSync(path.join(root, 'module.c'), 'latin1');
    expect(fixed.match(/fn0_noargs/g)).toHaveLength(2);
    expect(fixed).toContain('    {"m0", fn0_noargs, METH_NOARGS, NULL},\n');
  });

  it('refuses when the definitions take different parameters (one wrapper cannot call both)', async () => {
    const root = tree('PyObject *self, PyObject *extra, PyObject *more');
    const before = readFileSync(path.join(root, 'module.c'), 'latin1');
    const r = await runCli(['fix', '--jobs', '1', '--strategy', 'wrapper', '.'], root);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout).toMatch(/cannot fix 'fn0' \(conflict\): the definitions of 'fn0' take different parameters; one wrapper cannot call them all/);
    expect(readFileSync(path.join(root, 'module.c'), 'latin1')).toBe(before);
    expect(r.code).toBe(1);
  });
});

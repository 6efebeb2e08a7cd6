// Small realistic extension modules written into temp directories, and a
// snapshot of this repository's working tree as a git repository (what
// pre-commit would clone, uncommitted changes included).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir, writeTree } from '../support/cli.js';

/** One METH_NOARGS function missing its second parameter, and one correct. */
export const BROKEN_C = `#include <Python.h>

static PyObject *
solo_ping(PyObject *module)
{
    Py_RETURN_NONE;
}

static PyObject *
solo_echo(PyObject *module, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyMethodDef solo_methods[] = {
    {"ping", (PyCFunction)solo_ping, METH_NOARGS, "Do nothing."},
    {"echo", solo_echo, METH_O, "Return the argument."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef solo_module = {
    PyModuleDef_HEAD_INIT, "solo", NULL, -1, solo_methods,
};

PyMODINIT_FUNC
PyInit_solo(void)
{
    return PyModule_Create(&solo_module);
}
`;

export const CLEAN_C = `#include <Python.h>

static PyObject *
clean_ping(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyMethodDef clean_methods[] = {
    {"ping", clean_ping, METH_NOARGS, "Do nothing."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef clean_module = {
    PyModuleDef_HEAD_INIT, "clean", NULL, -1, clean_methods,
};

PyMODINIT_FUNC
PyInit_clean(void)
{
    return PyModule_Create(&clean_module);
}
`;

/** A getter missing its closure parameter: a getset-signature finding. */
export const BROKEN_GETTER_C = `#include <Python.h>

static PyObject *
solo_get_x(PyObject *self)
{
    Py_RETURN_NONE;
}

static PyGetSetDef solo_getset[] = {
    {"x", (getter)solo_get_x, NULL, NULL, NULL},
    {NULL}
};
`;

/** A METH_NOARGS function defined in impl.c, declared in impl.h, named by the
 * table in module.c: fixing it would change three files, so the default
 * strategy refuses and --strategy wrapper writes a wrapper in module.c. */
export const MULTI_FILE_TREE: Record<string, string> = {
  'impl.h': '#include <Python.h>\n\nPyObject *multi_reset(PyObject *module);\n',
  'impl.c': '#include "impl.h"\n\nPyObject *\nmulti_reset(PyObject *module)\n{\n    Py_RETURN_NONE;\n}\n',
  'module.c': `#include <Python.h>
#include "impl.h"

static PyMethodDef multi_methods[] = {
    {"reset", (PyCFunction)multi_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
`,
};

export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test Maintainer',
  GIT_AUTHOR_EMAIL: 'maintainer@example.org',
  GIT_COMMITTER_NAME: 'Test Maintainer',
  GIT_COMMITTER_EMAIL: 'maintainer@example.org',
};

export function git(args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A git repository holding `files`, committed. */
export function gitRepo(files: Record<string, string | Buffer>, prefix = 'fpcast-repo-'): string {
  const dir = writeTree(tempDir(prefix), files);
  git(['init', '-q', '-b', 'main'], dir);
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'initial'], dir);
  return dir;
}

/**
 * This repository's working tree as it is now — tracked files with their
 * uncommitted changes, and new files git does not ignore — committed in a
 * fresh temp repository, so that installing from it installs what is being
 * tested rather than the last commit.
 */
export function snapshotRepo(repo: string): string {
  const dir = tempDir('fpcast-snapshot-');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  for (const rel of listed.split('\0').filter(Boolean)) {
    const from = path.join(repo, rel);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    cpSync(from, path.join(dir, rel), { preserveTimestamps: true });
  }
  git(['init', '-q', '-b', 'main'], dir);
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'snapshot of the working tree'], dir);
  return dir;
}

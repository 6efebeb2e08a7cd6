// Every byte outside the edited ranges is written back unchanged, whatever
// the encoding: the expected file is the original bytes with the one edit
// spliced in at byte level, never text decoded and re-encoded.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, runBuilt } from '../cli/built.js';
import { gitApply, runCli } from '../support/cli.js';
import { workDir } from './support.js';

const b = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** A module around `middle` (bytes before the function) with the function's
 * own lines ending in `eol`; the tail after the table ends with `last`. */
function moduleBytes(opts: { head?: Buffer; middle?: Buffer; eol?: string; last?: string; params?: string }): { before: Buffer; after: Buffer } {
  const eol = opts.eol ?? '\n';
  const params = opts.params ?? 'PyObject *self';
  const top = Buffer.concat([opts.head ?? b(''), b(`#include <Python.h>${eol}`), opts.middle ?? b('')]);
  const fn = (list: string) => b(`static PyObject *${eol}m_get(${list})${eol}{${eol}\tPy_RETURN_NONE;${eol}}${eol}`);
  const table = b(`static PyMethodDef m_methods[] = {${eol}\t{"get", (PyCFunction)m_get, METH_NOARGS, NULL},${eol}\t{NULL, NULL, 0, NULL}${eol}};${opts.last ?? eol}`);
  return {
    before: Buffer.concat([top, fn(params), table]),
    after: Buffer.concat([top, fn(`${params}, PyObject *Py_UNUSED(ignored)`), table]),
  };
}

async function fixBytes(bytes: Buffer): Promise<{ fixed: Buffer; patched: Buffer; stdout: string; code: number }> {
  const fixDir = workDir();
  writeFileSync(path.join(fixDir, 'm.c'), bytes);
  const r = await runCli(['fix', '.'], fixDir);
  const diffDir = workDir();
  writeFileSync(path.join(diffDir, 'm.c'), bytes);
  const d = await runCli(['diff', '-o', 'fix.patch', '.'], diffDir);
  expect(d.code).toBe(0);
  gitApply(diffDir, readFileSync(path.join(diffDir, 'fix.patch'), 'latin1'));
  return { fixed: readFileSync(path.join(fixDir, 'm.c')), patched: readFileSync(path.join(diffDir, 'm.c')), stdout: r.stdout, code: r.code };
}

const cases: [string, Parameters<typeof moduleBytes>[0]][] = [
  ['a UTF-8 byte order mark', { head: b('\xEF\xBB\xBF') }],
  ['Latin-1 bytes in a comment and a string before the edit', { middle: b('/* caf\xE9 \xFC\xDF */\nstatic const char *who = "Jos\xE9";\n') }],
  ['UTF-8 multibyte text before the edit (offsets must not drift)', { middle: utf8('/* naïve café — 日本語 🐍 */\nstatic const char *snake = "🐍🐍";\n') }],
  ['bytes that are not UTF-8 at all', { middle: b('static const char *raw = "\xC3\x28 \xA0\xA1 \xFF\xFE \x80";\n') }],
  ['a NUL byte in a comment before the edit', { middle: b('/* \x00 */\nstatic int after_nul;\n') }],
  ['tabs and trailing blanks', { middle: b('\t\tstatic int\tx ;  \t\n') }],
  ['CRLF line endings', { eol: '\r\n' }],
  ['old Mac CR line endings', { eol: '\r', head: b('') }],
  ['no final newline', { last: '' }],
  ['everything at once', { head: b('\xEF\xBB\xBF'), middle: Buffer.concat([utf8('/* ünïcödé 🐍 */\r\n'), b('/* caf\xE9 \x00 */\r\n')]), eol: '\r\n', last: '' }],
];

describe('bytes outside the edit survive fix and diff', () => {
  for (const [name, opts] of cases) {
    it(name, async () => {
      const { before, after } = moduleBytes(opts);
      const { fixed, patched, stdout, code } = await fixBytes(before);
      expect(stdout).toMatch(/fixed 'm_get'/);
      expect(code).toBe(0);
      // Latin-1 text first for a readable failure, then the bytes themselves.
      expect(fixed.toString('latin1')).toBe(after.toString('latin1'));
      expect(fixed.equals(after)).toBe(true);
      expect(patched.equals(after)).toBe(true);
    });
  }
});

describe('inserted lines use the line ending of the line they are inserted at', () => {
  it('CRLF and LF functions in one file each keep their own ending', async () => {
    const crlfFn = 'static PyObject *\r\na_get(\r\n\tPyObject *self\r\n)\r\n{\r\n\tPy_RETURN_NONE;\r\n}\r\n';
    const lfFn = 'static PyObject *\nb_get(\n    PyObject *self\n)\n{\n    Py_RETURN_NONE;\n}\n';
    const table = 'static PyMethodDef methods[] = {\n    {"a", (PyCFunction)a_get, METH_NOARGS, NULL},\r\n    {"b", (PyCFunction)b_get, METH_NOARGS, NULL},\n    {NULL, NULL, 0, NULL}\n};\n';
    const before = b('#include <Python.h>\n' + crlfFn + lfFn + table);
    const after = b(
      '#include <Python.h>\n' +
        crlfFn.replace('\tPyObject *self\r\n', '\tPyObject *self,\r\n\tPyObject *Py_UNUSED(ignored)\r\n') +
        lfFn.replace('    PyObject *self\n', '    PyObject *self,\n    PyObject *Py_UNUSED(ignored)\n') +
        table,
    );
    const { fixed, patched } = await fixBytes(before);
    expect(fixed.toString('latin1')).toBe(after.toString('latin1'));
    expect(patched.equals(after)).toBe(true);
  });

  it('a CR-only file gets CR', async () => {
    const fn = 'static PyObject *\rc_get(\r\tPyObject *self\r)\r{\r\tPy_RETURN_NONE;\r}\r';
    const table = 'static PyMethodDef methods[] = {\r\t{"c", (PyCFunction)c_get, METH_NOARGS, NULL},\r\t{NULL, NULL, 0, NULL}\r};\r';
    const before = b(fn + table);
    const after = b(fn.replace('\tPyObject *self\r', '\tPyObject *self,\r\tPyObject *Py_UNUSED(ignored)\r') + table);
    const { fixed } = await fixBytes(before);
    expect(fixed.toString('latin1')).toBe(after.toString('latin1'));
  });

  it('diff to stdout writes the same bytes as -o, non-ASCII included, and git applies them', () => {
    ensureBuilt();
    // UTF-8 and Latin-1 bytes on the lines around the edit, where the hunk holds them.
    const { before, after } = moduleBytes({ middle: Buffer.concat([utf8('/* café */\n'), b('/* na\xefve */\n')]) });
    const dir = workDir();
    writeFileSync(path.join(dir, 'm.c'), before);
    // A real process: its stdout is a byte stream, not the tests' string (runBuilt reads it one character per byte).
    const { stdout, code } = runBuilt(['diff', '.'], dir);
    expect(code).toBe(0);
    expect(runBuilt(['diff', '-o', 'fix.patch', '.'], dir).code).toBe(0);
    expect(b(stdout).equals(readFileSync(path.join(dir, 'fix.patch')))).toBe(true);
    gitApply(dir, stdout);
    expect(readFileSync(path.join(dir, 'm.c')).equals(after)).toBe(true);
  }, 300_000);
});

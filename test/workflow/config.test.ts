// [tool.fpcast] in pyproject.toml: found by walking up to the repository
// root, every key applied, the command line winning, and every mistake a clear
// error (exit 2) that names the file, the line and the key.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPyproject } from '../../src/config/pyproject.js';
import { removeDir, runCli, tempDir, writeTree } from '../support/cli.js';
import { BROKEN_C, BROKEN_GETTER_C, CLEAN_C, MULTI_FILE_TREE } from './trees.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

function tree(files: Record<string, string>): string {
  const dir = writeTree(tempDir('fpcast-config-'), files);
  temps.push(dir);
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'latin1');

describe('settings from [tool.fpcast]', () => {
  it('unused-param spells the parameters fix adds', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nunused-param = "NPY_UNUSED({name})"\n', 'solo.c': BROKEN_C });
    const r = await runCli(['fix', '.'], dir);
    expect(r.code).toBe(0);
    expect(read(dir, 'solo.c')).toContain('solo_ping(PyObject *module, PyObject *NPY_UNUSED(ignored))');
  });

  it('the command line wins over the file', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nunused-param = "NPY_UNUSED({name})"\n', 'solo.c': BROKEN_C });
    expect((await runCli(['fix', '--unused-param', '{name}', '.'], dir)).code).toBe(0);
    expect(read(dir, 'solo.c')).toContain('solo_ping(PyObject *module, PyObject *ignored)');
  });

  it('ignore turns a rule off, and --select on the command line replaces the file\'s choice', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nignore = ["meth-arity"]\n', 'solo.c': BROKEN_C });
    const quiet = await runCli(['check', '.'], dir);
    expect(quiet.stdout).toMatch(/ 0 findings /);
    expect(quiet.code).toBe(0);
    const chosen = await runCli(['check', '--select', 'meth-arity', '.'], dir);
    expect(chosen.stdout).toMatch(/solo\.c:16:27: error: .*\[meth-arity\]/);
    expect(chosen.code).toBe(1);
  });

  it('select limits the rules to those named', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nselect = ["meth-arity"]\n', 'solo.c': BROKEN_C, 'getter.c': BROKEN_GETTER_C });
    const r = await runCli(['check', '.'], dir);
    expect(r.stdout).toMatch(/\[meth-arity\]/);
    expect(r.stdout).not.toMatch(/getset-signature/);
    expect(r.code).toBe(1);
    // Without the file's choice the getter is reported: the test above can fail.
    const all = await runCli(['check', '--select', 'meth-arity,getset-signature', '.'], dir);
    expect(all.stdout).toMatch(/^getter\.c:10:\d+: error: getter 'solo_get_x' .*\[getset-signature\]$/m);
  });

  it('exclude and include choose the files inside directories', async () => {
    const dir = tree({
      'pyproject.toml': '[tool.fpcast]\nexclude = ["vendor/**"]\ninclude = ["**/*.c", "**/*.cc"]\n',
      'vendor/solo.c': BROKEN_C,
      'src/other.cc': BROKEN_C.replaceAll('solo', 'other'),
      'src/clean.c': CLEAN_C,
    });
    const r = await runCli(['check', '.'], dir);
    expect(r.stdout).not.toMatch(/vendor/);
    expect(r.stdout).toMatch(/^src\/other\.cc:16:27: error: .*'other_ping'/m);
    expect(r.stdout).toMatch(/fpcast: 2 files scanned, 1 finding /);
  });

  it('strategy is read and checked', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nstrategy = "wrapper"\n', 'solo.c': BROKEN_C });
    expect((await runCli(['check', '.'], dir)).code).toBe(1);
  });

  it('strategy = "wrapper" makes fix write a wrapper next to the table', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nstrategy = "wrapper"\n', ...MULTI_FILE_TREE });
    const r = await runCli(['fix', '.'], dir);
    expect(r.stdout).toMatch(/^module\.c:\d+:\d+: fixed 'multi_reset': wrote wrapper 'multi_reset_noargs' in module\.c/m);
    expect(r.code).toBe(0);
    expect(read(dir, 'module.c')).toContain('multi_reset_noargs(PyObject *self, PyObject *Py_UNUSED(ignored))');
    expect(read(dir, 'module.c')).toContain('(PyCFunction)multi_reset_noargs, METH_NOARGS');
    expect(read(dir, 'impl.c')).toBe(MULTI_FILE_TREE['impl.c']);
  });

  it('--strategy refuse on the command line wins over the file', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nstrategy = "wrapper"\n', ...MULTI_FILE_TREE });
    const r = await runCli(['fix', '--strategy', 'refuse', '.'], dir);
    expect(r.stdout).toMatch(/^module\.c:\d+:\d+: error: cannot fix 'multi_reset' \(multi-file\)/m);
    expect(r.code).toBe(1);
    for (const [file, text] of Object.entries(MULTI_FILE_TREE)) expect(read(dir, file)).toBe(text);
  });

  it('--exclude on the command line replaces the file\'s exclude', async () => {
    const dir = tree({
      'pyproject.toml': '[tool.fpcast]\nexclude = ["vendor/**"]\n',
      'vendor/solo.c': BROKEN_C,
      'gen/other.c': BROKEN_C.replaceAll('solo', 'other'),
    });
    const r = await runCli(['check', '--exclude', 'gen/**', '.'], dir);
    expect(r.stdout).toMatch(/^vendor\/solo\.c:16:27: error: /m);
    expect(r.stdout).not.toMatch(/gen\/other\.c/);
    expect(r.stdout).toMatch(/fpcast: 1 file scanned, 1 finding /);
  });

  it('--include on the command line replaces the file\'s include', async () => {
    const dir = tree({
      'pyproject.toml': '[tool.fpcast]\ninclude = ["**/*.cc"]\n',
      'src/solo.c': BROKEN_C,
      'src/other.cc': BROKEN_C.replaceAll('solo', 'other'),
    });
    const r = await runCli(['check', '--include', '**/*.c', '.'], dir);
    expect(r.stdout).toMatch(/^src\/solo\.c:16:27: error: /m);
    expect(r.stdout).not.toMatch(/other\.cc/);
    expect(r.stdout).toMatch(/fpcast: 1 file scanned, 1 finding /);
  });
});

describe('which pyproject.toml', () => {
  it('the nearest one with a [tool.fpcast] table, from the directory analyzed up to the repository root', () => {
    const dir = tree({
      'pyproject.toml': '[tool.fpcast]\nunused-param = "OUTER({name})"\n',
      'repo/pyproject.toml': '[tool.fpcast]\nunused-param = "REPO({name})"\n',
      'repo/pkg/pyproject.toml': '[project]\nname = "pkg"\n',
      'repo/pkg/ext/solo.c': BROKEN_C,
    });
    mkdirSync(path.join(dir, 'repo', '.git'));
    const found = loadPyproject(path.join(dir, 'repo', 'pkg', 'ext'), dir);
    expect(found).toEqual({ file: 'repo/pyproject.toml', settings: { unusedParam: 'REPO({name})' } });
  });

  it('stops at the repository root: a pyproject.toml above it does not apply', () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nunused-param = "OUTER({name})"\n', 'repo/solo.c': BROKEN_C });
    mkdirSync(path.join(dir, 'repo', '.git'));
    expect(loadPyproject(path.join(dir, 'repo'), dir)).toBeUndefined();
  });

  it('is looked for from the directory given on the command line', async () => {
    const dir = tree({ 'ext/pyproject.toml': '[tool.fpcast]\nunused-param = "EXT({name})"\n', 'ext/solo.c': BROKEN_C });
    expect((await runCli(['fix', 'ext'], dir)).code).toBe(0);
    expect(read(dir, 'ext/solo.c')).toContain('PyObject *EXT(ignored)');
  });
});

describe('mistakes in the file are errors naming the file, the line and the key', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown key', '[project]\nname = "x"\n\n[tool.fpcast]\nselect = ["meth-arity"]\nunused-params = "X({name})"\n', /^pyproject\.toml:6:1: error: \[tool\.fpcast\] has unknown key 'unused-params'; known keys: include, exclude, select, ignore, unused-param, strategy$/m],
    ['an unknown rule id', '[tool.fpcast]\nselect = ["meth-arity", "no-such-rule"]\n', /^pyproject\.toml:2:1: error: \[tool\.fpcast\] select names unknown rule 'no-such-rule'; known rules: .*meth-arity/m],
    ['a strategy that does not exist', '[tool.fpcast]\n  strategy = "guess"\n', /^pyproject\.toml:2:3: error: \[tool\.fpcast\] strategy must be "refuse" or "wrapper", not "guess"$/m],
    ['a glob list written as a string', '[tool.fpcast]\nexclude = "vendor/**"\n', /^pyproject\.toml:2:1: error: \[tool\.fpcast\] exclude must be a list of glob strings/m],
    ['a template without {name}', '[tool.fpcast]\nunused-param = "UNUSED"\n', /^pyproject\.toml:2:1: error: \[tool\.fpcast\] unused-param 'UNUSED' has no \{name\} placeholder/m],
    ['a number where a string goes', '[tool.fpcast]\nunused-param = 3\n', /^pyproject\.toml:2:1: error: \[tool\.fpcast\] unused-param must be a string/m],
    ['TOML that does not parse', '[tool.fpcast]\nselect = ["meth-arity"\nstrategy = "refuse"\n', /^pyproject\.toml:3:1: error: not valid TOML: /m],
  ];
  for (const [what, toml, message] of cases) {
    it(`${what} → exit 2`, async () => {
      const dir = tree({ 'pyproject.toml': toml, 'solo.c': BROKEN_C });
      const r = await runCli(['check', '.'], dir);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });
  }

  it('a bad file stops fix before it changes anything', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.fpcast]\nbogus = 1\n', 'solo.c': BROKEN_C });
    expect((await runCli(['fix', '.'], dir)).code).toBe(2);
    expect(read(dir, 'solo.c')).toBe(BROKEN_C);
  });

  it('a pyproject.toml without [tool.fpcast] is fine however odd the rest of it is', async () => {
    const dir = tree({ 'pyproject.toml': '[tool.black]\nline-length = 99\n', 'solo.c': BROKEN_C });
    writeFileSync(path.join(dir, 'clean.c'), CLEAN_C);
    expect((await runCli(['check', '.'], dir)).code).toBe(1);
  });
});
